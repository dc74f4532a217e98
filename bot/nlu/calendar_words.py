"""How days and months are written: their names (with the usual short forms) and a date
in figures ("11.11", "23/11", "11/20/2026").

A date in figures is read day first, as most of the world writes it; month first only
when day first cannot be a date ("11/20": the 20th of November). The reading is said back
to the person as the bout's length, so a wrong guess can be put right.
"""

from __future__ import annotations

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
    """The date in figures at ``k`` ("11.11" is one token, "23 / 11" three), or None."""
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
