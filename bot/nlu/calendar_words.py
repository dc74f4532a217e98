"""How days and months are written: their names (with the usual short forms) and a date
in figures ("11.11", "23/11", "11/20/2026").

A date in figures is read day first, as most of the world writes it; month first only
when day first cannot be a date ("11/20": the 20th of November). The reading is said back
to the person as the bout's length, so a wrong guess can be put right.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import NamedTuple

WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate(
    (
        "monday mon",
        "tuesday tue tues",
        "wednesday wed weds",
        "thursday thu thur thurs",
        "friday fri",
        "saturday sat",
        "sunday sun",
    )
):
    for _name in _names.split():
        WEEKDAYS[_name] = _index
    # the possessive without its apostrophe ("since wednesdays match")
    WEEKDAYS[_names.split()[0] + "s"] = _index
MONTHS: dict[str, int] = {}
for _index, _names in enumerate(
    (
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sept sep",
        "october oct",
        "november nov",
        "december dec",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _index

_FIGURES = re.compile(r"^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$")


class Figures(NamedTuple):
    """A date written in figures: the day, the month, the year if given, and the token
    after it."""

    day: int
    month: int
    year: int | None
    end: int


def written_in_figures(toks: Sequence[str], k: int) -> Figures | None:
    """The date in figures at ``k`` ("11.11" is one token, "23 / 11" three, the ISO
    "2026-10-12" five), or None."""
    iso = toks[k : k + 5]
    if len(iso) == 5 and re.fullmatch(r"(19|20)\d\d", iso[0]) and iso[1] == iso[3] == "-" and (
        iso[2].isdigit() and iso[4].isdigit() and 1 <= int(iso[2]) <= 12
        and 1 <= int(iso[4]) <= 31
    ):
        return Figures(int(iso[4]), int(iso[2]), int(iso[0]), k + 5)
    text, end = toks[k], k + 1
    while end < len(toks) and toks[end] == "/" and end + 1 < len(toks) and (
        toks[end + 1].isdigit()
    ):
        text, end = f"{text}/{toks[end + 1]}", end + 2
    match = _FIGURES.match(text)
    if match is None:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    year = int(match.group(3)) if match.group(3) else None
    if "/" in text and second == 10 and first <= 10 and year is None:
        return None  # "7/10": a pain score, far more often than the 7th of October
    if year is not None and year < 100:
        year += 2000
    if 1 <= second <= 12 and 1 <= first <= 31:
        return Figures(first, second, year, end)
    if 1 <= first <= 12 and 1 <= second <= 31:
        return Figures(second, first, year, end)
    return None


#: A time of day or the weekend, before "of" and an event ("the night of a Halloween party").
_EVENT_TIMES = frozenset({"day", "night", "morning", "evening", "afternoon", "weekend"})
#: Words between that "of" and the event's name.
_EVENT_DETERMINERS = frozenset({"a", "an", "our", "my", "the"})


def event_filler(toks: Sequence[str], k: int, names: frozenset[str]) -> bool:
    """Whether word ``k`` only leads to the event named after it: "night" and "of" in "the
    night of a Halloween party", "a" or "our" just after that "of", when a word of
    ``names`` (a holiday's) follows."""
    at = k
    while at > 0 and toks[at] != "of" and toks[at] not in _EVENT_TIMES:
        at -= 1  # back to the "of" or the time of day, from a word between
    if toks[at] in _EVENT_TIMES:
        at += 1
    if toks[at : at + 1] != ["of"] or at < 1 or toks[at - 1] not in _EVENT_TIMES:
        return False
    rest = at + 1
    while rest < len(toks) and toks[rest] in _EVENT_DETERMINERS:
        rest += 1
    return k < rest and rest < len(toks) and toks[rest] in names


def weekday_agrees(toks: Sequence[str], k: int, days: int | None, today: datetime.date) -> bool:
    """Whether a weekday just before the day number at ``k`` ("Sunday the 29th", "Sunday,
    the 29th") is the weekday of the date ``days`` ago: the day number alone is then a date."""
    before = [t for t in toks[max(0, k - 3) : k] if t not in ("the", ",")]
    if days is None or not before or before[-1] not in WEEKDAYS:
        return False
    return (today - datetime.timedelta(days=days)).weekday() == WEEKDAYS[before[-1]]


def weekday_agrees_after(
    toks: Sequence[str], end: int, days: int | None, today: datetime.date
) -> bool:
    """Whether a weekday just after a date ending at ``end`` ("20/11, Friday", "24.11
    (Tuesday)") is the weekday of that date ``days`` ago."""
    after = [t for t in toks[end : end + 3] if t not in (",", "(", "the", "on", "a")]
    if days is None or not after or after[0] not in WEEKDAYS:
        return False
    return (today - datetime.timedelta(days=days)).weekday() == WEEKDAYS[after[0]]


def week_then_weekday(
    toks: Sequence[str], j: int, today: datetime.date
) -> tuple[int, int] | None:
    """"last week Monday", "last week, on the Tuesday": that weekday of last week."""
    if toks[j : j + 2] != ["last", "week"]:
        return None
    k = j + 2
    while k < len(toks) and toks[k] in (",", "on", "the"):
        k += 1
    if k >= len(toks) or toks[k] not in WEEKDAYS:
        return None
    monday = today - datetime.timedelta(days=today.weekday() + 7)
    start = monday + datetime.timedelta(days=WEEKDAYS[toks[k]])
    return (today - start).days, k + 1


#: Before a weekday after a length, words that put it ahead ("a fortnight on Friday", "two
#: weeks come Thursday", "a month this Sunday").
_AHEAD = frozenset({"on", "come", "this", "next"})


def days_until_said(after: Sequence[str], today: datetime.date) -> int | None:
    """Days until the weekday ``after`` names when it says a length will be reached then
    ("It'll be a fortnight on Friday", said on a Monday: 4), else None."""
    if len(after) < 2 or after[0] not in _AHEAD or after[1] not in WEEKDAYS:
        return None
    return (WEEKDAYS[after[1]] - today.weekday()) % 7 or 7
