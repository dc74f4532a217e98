"""Dates said by a named day whose date depends on the country (:mod:`bot.nlu.holidays`):
which country's it is, and the day said beside it ("the day after Labor Day", "the Monday
before Thanksgiving", "before Thanksgiving, the Monday before", "back from the Easter break
on Tuesday").

Like :mod:`bot.nlu.dates`, every function reads lower-case tokens and gives days since the
date named."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from bot.nlu.dates import MONTHS, WEEKDAYS, back_from_it_on, days_since, shift_beside
from bot.nlu.holidays import differs_by_country, holiday_for, holiday_name_at

#: What a day said beside a named day may be: "the day after", "the Monday before".
_BESIDE_DAYS = frozenset({"day", "night", "morning"}) | frozenset(WEEKDAYS)
_RELATIONS = ("after", "before")
#: How many words may come between a named day and a "the Monday before" that follows it.
_LATER_WORDS = 4


def _beside(toks: Sequence[str], k: int, end: int) -> tuple[str, str] | None:
    """The day and the relation said beside the named day at ``k``..``end``: just before it
    ("the day after Halloween") or, a few words on, at the end of the phrase ("since
    before thanksgiving like the monday before"); else None."""
    before = [t for t in toks[max(0, k - 3) : k] if t != "the"][-2:]
    if len(before) == 2 and before[0] in _BESIDE_DAYS and before[1] in _RELATIONS:
        return before[0], before[1]
    for at in range(end, min(len(toks) - 1, end + _LATER_WORDS)):
        if toks[at] in (".", "but", "and"):
            return None
        pair = toks[at : at + 2]
        if pair[0] in WEEKDAYS and pair[1] in _RELATIONS and (
            at + 2 >= len(toks) or toks[at + 2] in (",", ".", "that", "it", "i")
        ):
            return pair[0], pair[1]
    return None


def qualified_holiday_days(
    toks: Sequence[str], today: datetime.date, cues: frozenset[str]
) -> tuple[int, bool] | None:
    """Days since the first holiday ``toks`` name, for the country the message's words
    (``cues``) name, the month said just after it or the weekday said near it
    ("Thanksgiving, the Canadian one", "since thanksgiving weekend, our one in oct",
    "thanksgiving, that monday"), and whether that settled which country's it is (False
    for "since labour day" alone); None when no holiday is named."""
    for k in range(len(toks)):
        name = holiday_name_at(toks, k)
        if name is None:
            continue
        end = k + len(name)
        beside = _beside(toks, k, end)
        near = toks[end : end + 12]
        weekday = None if beside else next((WEEKDAYS[t] for t in near if t in WEEKDAYS), None)
        after = toks[end : end + 8]
        month = next(
            (MONTHS[t] for i, t in enumerate(after)
             if t in MONTHS and (t not in ("may", "mar") or (i and after[i - 1] == "in"))),
            None,
        )
        if k and toks[k - 1] in MONTHS and toks[k - 1] not in ("may", "mar"):
            month = MONTHS[toks[k - 1]]  # "since the October bank holiday"
        day = holiday_for(name, today, cues, month, weekday)
        if day is not None and day.year == today.year and toks[end : end + 2] == ["last", "year"]:
            day = holiday_for(name, datetime.date(today.year - 1, 12, 31), cues, month, weekday)
        since = None if day is None else days_since(day, today)
        if day is None or since is None:
            return None
        settled = not differs_by_country(name, cues) or month is not None or (
            weekday is not None and day.weekday() == weekday
        )
        later = back_from_it_on(toks, end, since, today)
        if later is not None:
            return later[0], True
        if beside is not None:
            shifted = shift_beside(since, beside[0], beside[1], today)
            since = since if shifted is None else shifted
        return since, settled
    return None


def said_last_year(
    toks: Sequence[str], date: tuple[int | None, int], today: datetime.date
) -> tuple[int | None, int]:
    """A date named with "last year" after it ("since CNY last year", "March last year"):
    the same day a year before when the most recent one is this year's."""
    days, end = date
    if days is None or toks[end : end + 2] != ["last", "year"]:
        return date
    start = today - datetime.timedelta(days=days)
    if start.year == today.year:
        leap_day = (start.month, start.day) == (2, 29)
        start = start.replace(year=start.year - 1, day=28 if leap_day else start.day)
    return days_since(start, today), end + 2
