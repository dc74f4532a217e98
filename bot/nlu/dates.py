"""Dates as people name them, counted back from today: weekdays and what qualifies them
("Tuesday of last week", "Saturday last", "Friday the 27th"), calendar dates ("14 November",
"the 24th of November", "the 21st"), the nth weekday of a month ("the first Tuesday in
November"), relative days ("yesterday", "last week") and named days (:mod:`bot.nlu.holidays`).

Every function reads lower-case tokens (:func:`bot.nlu.duration.tokenize`) and gives days
since the date named, the date being the most recent one not after today. How long the
pain has lasted, and which date counts, is :mod:`bot.nlu.duration`'s business.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from itertools import takewhile

from bot.nlu.calendar_words import (
    MONTHS,
    WEEKDAYS,
    event_filler,
    week_then_weekday,
    written_in_figures,
)
from bot.nlu.holidays import HOLIDAY_WORDS, SEASON_EVENTS, holiday_at, nth_weekday
from bot.settings import get_settings

#: Words a date can be "the ... after" or "before" ("the day after Halloween").
DAY_WORDS = frozenset({"day", "night", "morning"})

DATE_FILLERS = frozenset(
    {"on", "last", "this", "past", "around", "about", "roughly", "early", "mid", "late", "end",
     "middle"}
    | {"beginning", "start", "of", "the", "in", "at", "approximately", "maybe", "like", "feast"}
)
_ORDINALS: tuple[str, ...] = ("first", "second", "third", "fourth", "fifth")
_ORDINALS += ("sixth", "seventh", "eighth", "ninth", "tenth")
ORDINAL_WORDS: dict[str, int] = {word: value for value, word in enumerate(_ORDINALS, start=1)}
ORDINAL_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")


def utc_today() -> datetime.date:
    """Today's date in UTC (durations count back from it), unless the settings pin it."""
    return get_settings().today or datetime.datetime.now(datetime.timezone.utc).date()


def days_since(start: datetime.date, today: datetime.date) -> int | None:
    delta = (today - start).days
    return delta if delta >= 0 else None


def _recent_date(month: int, day: int, today: datetime.date) -> datetime.date | None:
    """Most recent valid ``day``/``month`` that is not after ``today``."""
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def _weekday_days(weekday: int, today: datetime.date) -> int:
    return (today.weekday() - weekday) % 7 or 7


def day_number(tok: str) -> int | None:
    match = ORDINAL_RE.match(tok)
    if match:
        return int(match.group(1))
    return ORDINAL_WORDS.get(tok)


def _year(tok: str) -> int | None:
    if re.fullmatch(r"(19|20)\d\d", tok):
        return int(tok)
    return None


def _calendar(
    month: int, day: int | None, year: int | None, today: datetime.date
) -> int | None:
    if year is not None:
        try:
            start = datetime.date(year, month, day or 1)
        except ValueError:
            return None
        return days_since(start, today)
    if day is None:
        start_year = today.year if month <= today.month else today.year - 1
        return days_since(datetime.date(start_year, month, 1), today)
    recent = _recent_date(month, day, today)
    return None if recent is None else days_since(recent, today)


_RELATIVE: tuple[tuple[tuple[str, ...], int], ...] = (
    (("the", "day", "before", "yesterday"), 2),
    (("day", "before", "yesterday"), 2),
    (("yesterday",), 1),
    (("yday",), 1),
    (("last", "night"), 1),
    (("lastnight",), 1),
    (("earlier", "today"), 0),
    (("this", "morning"), 0),
    (("this", "afternoon"), 0),
    (("this", "evening"), 0),
    (("today",), 0),
    (("tonight",), 0),
    (("last", "week"), 7),
    (("last", "month"), 30),
    (("last", "year"), 365),
)


def nth_weekday_of(
    toks: Sequence[str], p: int, today: datetime.date
) -> tuple[int | None, int] | None:
    """ "the first Tuesday in November", "the last Sunday of October" at ``p``."""
    if p + 3 >= len(toks) or toks[p + 2] not in ("in", "of") or toks[p + 3] not in MONTHS:
        return None
    nth = -1 if toks[p] == "last" else ORDINAL_WORDS.get(toks[p], 0)
    named = toks[p + 1]
    if not nth or (named not in WEEKDAYS and named != "weekend") or nth > 5:
        return None
    # "the last weekend of October": its Saturday
    month, weekday = MONTHS[toks[p + 3]], WEEKDAYS.get(named, 5)
    for year in (today.year, today.year - 1):
        start = nth_weekday(year, month, weekday, nth)
        if start is not None and start <= today:
            return days_since(start, today), p + 4
    return None


def _weekday_expression(
    toks: Sequence[str], k: int, today: datetime.date
) -> tuple[int | None, int]:
    """A weekday at ``k`` and what qualifies it: "Friday" (the last one), "Friday before
    last", "Tuesday last week", "Saturday last", "Wednesday just gone"."""
    days = _weekday_days(WEEKDAYS[toks[k]], today)
    end = k + 1
    while end < len(toks) and toks[end] in (",", "the", "di"):  # "di": Creole "the"
        end += 1
    date = day_and_month(toks, end, today)
    if date is not None:  # "Saturday 14 November", "Friday the 27th": the date says it
        return date
    after = list(toks[k + 1 : k + 6])
    for words, weeks_back in _WEEKS_BACK:
        if after[: len(words)] == list(words):
            # "Tuesday last week", "the Monday of the week before last"
            monday = today - datetime.timedelta(days=today.weekday() + 7 * weeks_back)
            start = monday + datetime.timedelta(days=WEEKDAYS[toks[k]])
            return (today - start).days, k + 1 + len(words)
    if after[:2] == ["before", "last"]:
        return days + 7, k + 3
    if after[:1] == ["last"]:
        return days, k + 2
    if after[:2] == ["just", "gone"]:
        return days, k + 3
    return days, k + 1


#: What may follow a weekday to put it in an earlier week, and how many weeks back.
_WEEKS_BACK: tuple[tuple[tuple[str, ...], int], ...] = (
    (("of", "the", "week", "before", "last"), 2),
    (("the", "week", "before", "last"), 2),
    (("week", "before", "last"), 2),
    (("of", "last", "week"), 1),
    (("in", "last", "week"), 1),
    (("last", "week"), 1),
    (("the", "week", "before"), 1),
)


def shift_beside(days: int, day: str, relation: str, today: datetime.date) -> int | None:
    """Days since the day named beside a date ``days`` ago: "the day after" it (``day`` is
    "day", "night" or "morning") or "the Monday before" it (the Monday before that date);
    None if that lies after today."""
    named = today - datetime.timedelta(days=days)
    if day in WEEKDAYS:
        gap = (named.weekday() - WEEKDAYS[day]) % 7 if relation == "before" else (
            WEEKDAYS[day] - named.weekday()
        ) % 7
        step = gap or 7
    else:
        step = 1
    start = named - datetime.timedelta(days=step) if relation == "before" else (
        named + datetime.timedelta(days=step)
    )
    return days_since(start, today)


def back_from_it_on(
    toks: Sequence[str], end: int, days: int | None, today: datetime.date
) -> tuple[int, int] | None:
    """"back from Thanksgiving break on Monday": a bare weekday after the holiday's break,
    later than it, dates the start ("the Monday" names the holiday's own)."""
    if toks[end : end + 1] not in (["break"], ["weekend"], ["holiday"], ["holidays"]):
        return None
    at = end + 1
    if days is None or toks[at : at + 1] != ["on"] or at + 1 >= len(toks):
        return None
    weekday = WEEKDAYS.get(toks[at + 1])
    if weekday is None:
        return None
    since = _weekday_days(weekday, today)
    return (since, at + 2) if since < days else None


def _month_named_by_now(words: Sequence[str], today: datetime.date) -> datetime.date | None:
    """The first day of the month "last month" or "this month" names, or None."""
    if list(words) == ["this", "month"]:
        return today.replace(day=1)
    if list(words) == ["last", "month"]:
        return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    return None


def _month_by_now_then_day(
    toks: Sequence[str], k: int, today: datetime.date
) -> tuple[int | None, int] | None:
    """ "last month 20th", "this month, the 3rd": that day of the month named, at ``k``."""
    month = _month_named_by_now(toks[k : k + 2], today)
    if month is None:
        return None
    at = k + 2 + sum(1 for _ in takewhile(lambda t: t in (",", "the"), toks[k + 2 : k + 4]))
    day = day_number(toks[at]) if at < len(toks) else None
    if day is None or not 1 <= day <= 31:
        return None
    try:
        return days_since(month.replace(day=day), today), at + 1
    except ValueError:
        return None


def day_and_month(
    toks: Sequence[str], k: int, today: datetime.date
) -> tuple[int | None, int] | None:
    """ "14 November", "the 24th of November", "October 19th", "23/11", or "the 27th"
    alone (the most recent 27th), at ``k``."""
    if k >= len(toks):
        return None
    figures = written_in_figures(toks, k)  # "11.11", "23/11", "11/20/2026"
    if figures is not None:
        return _calendar(figures.month, figures.day, figures.year, today), figures.end
    if toks[k] in MONTHS and k + 1 < len(toks) and day_number(toks[k + 1]) is not None:
        return _calendar(MONTHS[toks[k]], day_number(toks[k + 1]), None, today), k + 2
    day = day_number(toks[k])
    if day is None:
        return None
    end = k + 1 + (k + 1 < len(toks) and toks[k + 1] == "of")
    named_month = _month_named_by_now(toks[end : end + 2], today)
    if named_month is not None and 1 <= day <= 31:  # "the 20th of last month"
        try:
            return days_since(named_month.replace(day=day), today), end + 2
        except ValueError:
            return None
    if end < len(toks) and toks[end] in MONTHS:
        month, end = MONTHS[toks[end]], end + 1
        if end < len(toks) and toks[end] == ",":
            end += 1
        year = _year(toks[end]) if end < len(toks) else None
        return _calendar(month, day, year, today), end + (year is not None)
    if not re.fullmatch(r"\d{1,2}(st|nd|rd|th)", toks[k]) or not 1 <= day <= 31:
        return None
    start = today.replace(day=1) - datetime.timedelta(days=1) if day > today.day else today
    for _ in range(3):
        try:
            found = start.replace(day=day)
            return days_since(found, today), k + 1
        except ValueError:
            start = start.replace(day=1) - datetime.timedelta(days=1)
    return None


def date_expression(
    toks: Sequence[str], j: int, today: datetime.date
) -> tuple[int | None, int] | None:
    """Parse a relative or calendar date starting at ``j``: (days, end) or None."""
    n = len(toks)
    while j < n and toks[j] in ("off", "up", "just", "before"):
        j += 1  # "kicked off last week", "flared up on Monday", "since just before Easter"
    week = week_then_weekday(toks, j, today)
    if week is not None:
        return week
    dated = _month_by_now_then_day(toks, j, today)
    if dated is not None:
        return dated
    for words, days in _RELATIVE:
        if tuple(toks[j : j + len(words)]) == words:
            return days, j + len(words)
    k = j
    while k < n and (toks[k] in DATE_FILLERS or toks[k] == "," or (
        event_filler(toks, k, HOLIDAY_WORDS) and holiday_at(toks, k, today) is None
    )):
        nth = nth_weekday_of(toks, k, today)
        if nth is not None:
            return nth
        k += 1
    if k >= n:
        return None
    nth = nth_weekday_of(toks, k, today)
    if nth is not None:
        return nth
    tok = toks[k]
    if (tok in DAY_WORDS or tok in WEEKDAYS) and toks[k + 1 : k + 2] in (
        ["after"], ["before"]
    ) and toks[k + 1 : k + 3] != ["before", "last"]:
        # "since the day after Halloween", "the Monday before Thanksgiving" (not "the
        # Monday before last, the 23rd": the week before last)
        named = date_expression(toks, k + 2, today)
        if named is not None and named[0] is not None and toks[k + 2 : k + 3] == [","]:
            return named  # "the Tuesday after, the 17th": after what was said; its date
        if named is not None and named[0] is not None:
            return shift_beside(named[0], tok, toks[k + 1], today), named[1]
        if tok not in WEEKDAYS:
            return None
    weeks_back = weekdays_ago(toks, k, today)
    if weeks_back is not None:  # "since a week last Saturday"
        return weeks_back
    if tok == "weekend":  # its Saturday; "the weekend before last" a week before
        if toks[k + 1 : k + 3] == ["before", "last"]:
            return _weekday_days(5, today) + 7, k + 3
        return _weekday_days(5, today), k + 1
    holiday = holiday_at(toks, k, today)
    if holiday is not None:
        start, end = holiday
        since = None if start is None else days_since(start, today)
        return back_from_it_on(toks, end, since, today) or (since, end)
    if tok in ("christmas", "xmas") and not set(toks[k + 1 : k + 2]) & SEASON_EVENTS:
        start = _recent_date(12, 25, today)
        return (None if start is None else days_since(start, today)), k + 1
    if tok in ("new", "newyear", "newyears", "newyear's"):
        end = k + 1
        if tok == "new":
            if end >= n or not toks[end].startswith(("year", "yr")):
                return None
            end += 1
        new_year = _recent_date(1, 1, today)
        return (None if new_year is None else days_since(new_year, today)), end
    if tok in WEEKDAYS and not _sat_as_a_verb(toks, k):
        weekday = _weekday_expression(toks, k, today)
        if weekday[1] == k + 1 and k > 0 and toks[k - 1] == "the" and (
            toks[k + 1 : k + 2] == ["of"]
        ):
            return None  # "since the Saturday of the Ireland match": an event's, undated
        if weekday[0] == 1 and k > 0 and toks[k - 1] == "last":
            return 8, weekday[1]  # "last Thursday" on a Friday: yesterday is "yesterday"
        return weekday
    year = _year(tok)
    if year is not None:
        iso = written_in_figures(toks, k)  # "2026-10-12": the year first
        if iso is not None:
            return _calendar(iso.month, iso.day, iso.year, today), iso.end
        if year > today.year:
            return None, k + 1
        return days_since(datetime.date(year, 1, 1), today), k + 1
    if tok in MONTHS:
        month = MONTHS[tok]
        end = k + 1
        day = day_number(toks[end]) if end < n else None
        if day is not None:
            end += 1
        if end < n and toks[end] == ",":
            end += 1
        year = _year(toks[end]) if end < n else None
        if year is not None:
            end += 1
        if day is None and year is None and month == today.month and "last" in toks[j:k]:
            year = today.year - 1  # "last December" said in December: a year ago
        if day is None:  # "the end of October", "mid November": the part of the month
            day = next((d for w, d in _MONTH_PARTS.items() if w in toks[j:k]), None)
        return _calendar(month, day, year, today), end
    return day_and_month(toks, k, today)


#: The day a part of a month names ("the end of October", "mid November").
_MONTH_PARTS: dict[str, int] = {"mid": 15, "middle": 15, "late": 25, "end": 28}
#: Words that place a date within its month ("early June", "the end of October").
DATE_PARTS = frozenset(_MONTH_PARTS) | {"early", "beginning", "start"}

#: Words a start date may begin with, when no anchor says "since" (see :func:`starts_named`).
DATE_STARTS = (
    frozenset(WEEKDAYS) | frozenset(MONTHS) - {"may", "mar", "sat", "sun", "wed"}
) | {"yesterday", "yday", "weekend"}


#: Words after "sat" that make it the verb ("sat on those bleachers", "sat down"), not
#: Saturday ("Sat 14th", "sat just gone").
_AFTER_SAT_THE_VERB = frozenset({
    "down", "on", "in", "at", "there", "up", "around", "round", "about", "for", "with", "by",
    "under", "through", "all", "still", "here", "outside", "inside", "behind", "beside",
    "next", "over", "watching", "waiting", "doing", "hunched", "slumped", "funny", "badly",
    "wrong", "awkwardly", "too", "a", "the", "my", "me", "myself", "him", "her",
})


def _sat_as_a_verb(toks: Sequence[str], k: int) -> bool:
    """Whether "sat" at ``k`` is the verb, by the word after it."""
    return toks[k] == "sat" and toks[k + 1 : k + 2] != [] and toks[k + 1] in _AFTER_SAT_THE_VERB


def weekdays_ago(toks: Sequence[str], k: int, today: datetime.date) -> tuple[int, int] | None:
    """"two Sundays ago", "3 Saturday gone", or "a week last Saturday", "a fortnight last
    Friday" (that many weeks before the last one) at ``k``: (days, end), else None."""
    weeks = _weeks_before_last(toks, k)
    if weeks is not None:
        return _weekday_days(WEEKDAYS[toks[k + weeks[1] + 1]], today) + 7 * weeks[0], (
            k + weeks[1] + 2
        )
    if k + 2 >= len(toks) or toks[k + 2] not in _AGO:
        return None
    weekday = WEEKDAYS.get(toks[k + 1], WEEKDAYS.get(toks[k + 1].removesuffix("s")))
    count = ORDINAL_WORDS.get(toks[k]) if not toks[k].isdigit() else int(toks[k])
    count = count or _COUNT_WORDS.get(toks[k])
    if weekday is None or not count or count > 52:
        return None
    return _weekday_days(weekday, today) + 7 * (count - 1), k + 3


#: After a count of weekdays, "ago": "two Saturdays ago", "two Saturday gone", "3 Sundays back".
_AGO = frozenset({"ago", "gone", "back"})
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1}


def _weeks_before_last(toks: Sequence[str], k: int) -> tuple[int, int] | None:
    """"a week last" / "two weeks last" / "a fortnight last" before a weekday, at ``k``: the
    weeks and the index of "last" from ``k``, else None."""
    if toks[k : k + 2] == ["a", "fortnight"] or toks[k : k + 1] == ["fortnight"]:
        at = k + 2 if toks[k] == "a" else k + 1
        weeks = 2
    elif k + 1 < len(toks) and toks[k + 1] in ("week", "weeks"):
        count = int(toks[k]) if toks[k].isdigit() else _COUNT_WORDS.get(toks[k])
        if not count or count > 8:
            return None
        at, weeks = k + 2, count
    else:
        return None
    if at + 1 < len(toks) and toks[at] == "last" and toks[at + 1] in WEEKDAYS:
        return weeks, at - k
    return None


#: The words before a habit's weekday ("every Saturday").
HABITUAL = frozenset({"every", "each"})
