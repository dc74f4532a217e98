"""Starts an answer to "how long has it lasted?" names without a "since": each weekday,
date or named day in order ("I moved on Tuesday", "the Thursday before Thanksgiving...
nope, Thursday"), and the calendar dates written out; :func:`bot.nlu.duration.start_named_in`
chooses among them."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from bot.nlu.calendar_words import (
    MONTHS,
    WEEKDAYS,
    week_then_weekday,
    weekday_agrees,
    weekday_agrees_after,
    written_in_figures,
)
from bot.nlu.dates import (
    DATE_STARTS,
    DAY_WORDS,
    HABITUAL,
    ORDINAL_RE,
    date_expression,
    day_and_month,
    day_number,
    nth_weekday_of,
    shift_beside,
    weekdays_ago,
)
from bot.nlu.holidays import holiday_at

#: How far "the day after" may point back at a date.
_DAY_BESIDE_REACH = 6


def starts_named(toks: Sequence[str], today: datetime.date) -> list[int]:
    """Days since each date ``toks`` name without a "since" (weekdays, dates, named days),
    in order; dates that cannot be dated are left out."""
    found: list[int] = []
    k = last_end = 0
    while k < len(toks):
        tok, after = toks[k], toks[k + 1] if k + 1 < len(toks) else ""
        if tok in ("because", "cos", "coz", "remember") and found:
            break  # "... the 24th. I remember because the audit came on Wednesday"
        day_of_month = bool(ORDINAL_RE.match(tok)) and (
            after in MONTHS or after == "of"
            or (k > 0 and toks[k - 1] == "the" and re.fullmatch(r"\d{1,2}(st|nd|rd|th)", tok))
        )
        beside = _DAY_BESIDE_REACH if tok in DAY_WORDS else 4
        ends_there = toks[k + 2 : k + 3] in ([], [","], ["."], [";"])
        if found and (tok in WEEKDAYS or tok in DAY_WORDS) and after in ("before", "after") and (
            toks[k + 1 : k + 3] != ["before", "last"]  # "the sunday before last": its own
        ) and (
            (k - last_end <= beside and date_expression(toks, k + 2, today) is None)
            or (tok in DAY_WORDS and ends_there)
        ):  # "before thanksgiving, like the monday before": a day beside the one named;
            # "my birthday was the 20th and it came on the day after that"; "cup day i was
            # fine ... it was the day after, the wednesday": the day after that one
            shifted = shift_beside(found[-1], tok, after, today)
            found[-1] = found[-1] if shifted is None else shifted
            k = last_end = k + 2
            continue
        # "the weekend before last" dates a start; "that weekend", "that Saturday" point back
        anaphoric = (tok == "weekend" and (k == 0 or toks[k - 1] not in ("the", "last"))) or (
            bool(found) and tok in WEEKDAYS and k > 0 and toks[k - 1] == "that")
        date = week_then_weekday(toks, k, today) or (
            None if anaphoric
            else date_expression(toks, k, today)
            if tok in DATE_STARTS or day_of_month or holiday_at(toks, k, today) is not None
            or (tok in DAY_WORDS and after in ("after", "before"))
            else weekdays_ago(toks, k, today) or nth_weekday_of(toks, k, today)
        )
        if date is None or (k and toks[k - 1] in HABITUAL):  # "every Saturday": a habit
            k += 1
            continue
        if day_of_month and found and k - last_end <= 3 and (
            today - datetime.timedelta(days=found[-1])
        ).day == day_number(tok):
            k = last_end = k + 1  # "bonfire night, the 5th": its own day, not the latest 5th
            continue
        meant = _the_day_meant(toks, k, found, last_end, today)
        if date[0] is not None and meant is None:
            found.append(date[0])
        elif meant is not None and meant != found[-1]:
            found.append(meant)  # "Thursday before X. Maybe the Wednesday... nope, Thursday"
        last_end = date[1]
        k = max(date[1], k + 1)
    return found


def _the_day_meant(
    toks: Sequence[str], k: int, found: list[int], last_end: int, today: datetime.date
) -> int | None:
    """The start a weekday at ``k`` means when a date was named before it: the day of that
    date ("it was the 24th, the Tuesday", "Thanksgiving Day, so last Thursday", "Labour
    Weekend ... on the Monday"), or of one named earlier that falls on it ("the Thursday
    before Thanksgiving. Maybe the Wednesday... nope, Thursday"). None: the weekday is a
    start of its own."""
    if not found or toks[k] not in WEEKDAYS or toks[k + 1 : k + 2] in (["before"], ["after"]):
        return None  # "last Thursday - no, the Thursday before": another day
    near = k - last_end <= 4 and sum(  # one word more may stand there ("brutal friday")
        t not in (",", "the", "a", "which", "was", "so", "last", "day", "on", "that", "my", "our")
        for t in toks[last_end:k]) <= 1
    definite = k > 0 and toks[k - 1] == "the"
    if not (near or definite):
        return None
    weekday = WEEKDAYS[toks[k]]
    for days in reversed(found):
        if (today - datetime.timedelta(days=days)).weekday() == weekday:
            return days
    return None


def calendar_dates(toks: Sequence[str], today: datetime.date) -> list[int]:
    """Days since each calendar date written out in ``toks`` (a day and a month, or the nth
    weekday of a month), in order; weekdays and named days aside."""
    found: list[int] = []
    for k in range(len(toks)):
        date = nth_weekday_of(toks, k, today)
        figures = written_in_figures(toks, k)
        if date is None and figures is not None:
            # "24.11 (Tuesday)", "Monday, 2.11": figures are a date only beside their own
            # weekday (else a score, a decimal or a clinical "3/7" may be meant)
            date = day_and_month(toks, k, today)
            agrees = date is not None and (
                weekday_agrees(toks, k, date[0], today)
                or weekday_agrees_after(toks, date[1], date[0], today)
            )
            date = date if agrees else None
        elif date is None and (toks[k] in MONTHS or day_number(toks[k]) is not None):
            date = day_and_month(toks, k, today)
            if date is not None and not (set(toks[k : date[1]]) & (set(MONTHS) | {"month"})):
                # "the 21st" alone: no month to go by, unless its weekday says ("Sunday the 29th")
                date = date if weekday_agrees(toks, k, date[0], today) else None
        if date is not None and date[0] is not None:
            found.append(date[0])
    return found
