"""Check-in times as people write them: "8:30pm", "half past seven", "7 in the evening".

Bare hours (:func:`parse_time`): a number without am/pm is read on the 24-hour clock when
it cannot be anything else (``0``, ``13``-``23``, or written with a leading zero such as
``08:00``); ``12`` is noon; ``7``-``11`` are morning hours (a check-in app is mostly set
for the morning or the evening, and nobody means 9 pm by "9" more often than 9 am); and
``1``-``6`` are ambiguous: :func:`parse_time` returns ``None`` and :func:`needs_meridiem`
says the bot should ask "am or pm?". A time is stored as a :class:`datetime.time` (local
wall-clock time, no tzinfo).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import time
from typing import Literal

#: Check-in times offered as buttons (each one is understood by :func:`parse_time`).
DEFAULT_TIMES: tuple[str, ...] = ("07:00", "08:00", "12:30", "18:00", "20:00", "21:30")
_MINUTES_PER_DAY = 24 * 60

# --------------------------------------------------------------------------- times

DayPart = Literal["morning", "afternoon", "evening", "night"]

_WORD_HOURS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_WORD_HOUR_RE = re.compile(r"\b(" + "|".join(_WORD_HOURS) + r")\b")
_DOTTED_MERIDIEM_RE = re.compile(r"\b([ap])\s?\.\s?m\b\.?")  # "p.m." / "p. m." -> "pm"

# After a number: an optional am/pm, not a unit ("8 hours", "30 min", "6/10"),
# and an optional "o'clock".
_TAIL = (
    r"(?:\s*(?P<mer>am|pm)\b)?"
    r"(?!\s*(?:mins?\b|minutes?\b|hrs?\b|hours?\b|h\b|days?\b|weeks?\b|months?\b"
    r"|years?\b|times\b|x\b|%|/))"
    r"(?P<oclock>\s*o\s?'?\s?clock\b)?"
)
_NAMED_RE = re.compile(r"\b(?P<word>noon|midday|midnight)\b")
_PHRASE_RE = re.compile(
    r"\b(?:(?P<part>half|quarter)\s+(?P<rel>past|after|to)|(?P<half>half))\s+"
    r"(?P<h>\d{1,2})(?![\d:.])" + _TAIL
)
_NUMERIC_RE = re.compile(
    r"(?<![\d:./,])(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2})|(?P<mc>\d{2}))?(?::\d{2})?"
    r"(?![\d:/]|[.,]\d)" + _TAIL
)
_DAY_PARTS: tuple[tuple[re.Pattern[str], DayPart], ...] = (
    (re.compile(r"\bmornings?\b"), "morning"),
    (re.compile(r"\bafternoons?\b"), "afternoon"),
    (re.compile(r"\bevenings?\b"), "evening"),
    (re.compile(r"\b(?:nights?|tonight)\b"), "night"),
)


@dataclass(frozen=True)
class _Candidate:
    """One time-like phrase found in the text, before the clock rules are applied."""

    start: int
    rank: int  # higher wins: 3 noon/midnight, 2 minutes or am/pm given, 1 "o'clock", 0 bare
    hour: int
    minute: int = 0
    meridiem: str | None = None
    leading_zero: bool = False
    shift: int = 0  # minutes added afterwards ("quarter to 8" is 8:00 shifted by -15)
    fixed: bool = False  # noon/midnight: no clock rules apply


def _normalise_time_text(text: str) -> str:
    """Lower-case, fold unicode look-alikes, write "p.m." as "pm" and "seven" as "7"."""
    s = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    s = _DOTTED_MERIDIEM_RE.sub(r"\1m", s)
    return _WORD_HOUR_RE.sub(lambda m: str(_WORD_HOURS[m.group(1)]), s)


def _candidates(s: str) -> list[_Candidate]:
    """Every time-like phrase in the normalised text."""
    found: list[_Candidate] = []
    for m in _NAMED_RE.finditer(s):
        hour = 0 if m["word"] == "midnight" else 12
        found.append(_Candidate(m.start(), 3, hour, fixed=True))
    for m in _PHRASE_RE.finditer(s):
        if m["half"]:
            shift = 30  # British "half 7" is 7:30
        elif m["part"] == "half":
            shift = -30 if m["rel"] == "to" else 30
        else:
            shift = -15 if m["rel"] == "to" else 15
        found.append(_Candidate(m.start(), 2, int(m["h"]), meridiem=m["mer"], shift=shift))
    for m in _NUMERIC_RE.finditer(s):
        minutes = m["m"] or m["mc"]
        explicit = minutes is not None or m["mer"] is not None
        rank = 2 if explicit else 1 if m["oclock"] else 0
        found.append(
            _Candidate(
                m.start(),
                rank,
                int(m["h"]),
                int(minutes) if minutes is not None else 0,
                meridiem=m["mer"],
                leading_zero=len(m["h"]) == 2 and m["h"].startswith("0"),
            )
        )
    return found


def _day_part(s: str) -> DayPart | None:
    """The part of the day named ("in the morning", "tonight"); None if none or several."""
    parts = {part for pattern, part in _DAY_PARTS if pattern.search(s)}
    return parts.pop() if len(parts) == 1 else None


def _hour_for_day_part(hour: int, part: DayPart) -> int | None:
    """A 12-hour clock hour read with "in the morning" and friends (24-hour hours pass)."""
    if hour == 0 or hour > 12:
        return None if part == "morning" and hour > 12 else hour
    if part == "morning":
        return hour % 12  # 12 in the morning is midnight
    if part == "afternoon":
        return hour if hour == 12 else hour + 12
    if part == "evening":
        return 0 if hour == 12 else hour + 12
    # night: 12 is midnight, 1-4 are the small hours, 5-11 the evening
    if hour == 12:
        return 0
    return hour if hour <= 4 else hour + 12


def _resolve(c: _Candidate, part: DayPart | None) -> tuple[time | None, bool]:
    """Apply the clock rules to one candidate: (time or None, needs am/pm)."""
    if c.fixed:
        return time(c.hour, 0), False
    if c.minute > 59:
        return None, False
    hour: int | None
    if c.meridiem is not None:
        if not 1 <= c.hour <= 12:
            return None, False  # "13pm", "0am"
        hour = c.hour % 12 + (12 if c.meridiem == "pm" else 0)
    elif c.hour > 23:
        return None, False
    elif part is not None:
        hour = _hour_for_day_part(c.hour, part)
    elif c.hour == 0 or c.hour >= 12 or c.leading_zero:
        hour = c.hour  # the 24-hour clock, or noon
    elif c.hour >= 7:
        hour = c.hour  # 7-11 without am/pm: the morning
    else:
        return None, True  # 1-6 without am/pm: ask
    if hour is None:
        return None, False
    total = (hour * 60 + c.minute + c.shift) % _MINUTES_PER_DAY
    return time(total // 60, total % 60), False


def _parse_time(text: str) -> tuple[time | None, bool]:
    """The best time-like phrase in ``text``, resolved: (time or None, needs am/pm)."""
    s = _normalise_time_text(text)
    found = _candidates(s)
    if not found:
        return None, False
    best = min(found, key=lambda c: (-c.rank, c.start))
    return _resolve(best, _day_part(s))


def parse_time(text: str) -> time | None:
    """The check-in time in a message ("8:30pm", "20:30", "7 in the morning"), or None.

    None when there is no time, when it is out of range ("25:00", "13pm", "8:75"),
    or when it is a bare hour 1-6 without am/pm (see :func:`needs_meridiem`).
    """
    return _parse_time(text)[0]


def needs_meridiem(text: str) -> bool:
    """True when the message names a bare hour 1-6 ("6", "5:30") and the bot should ask
    "am or pm?"."""
    return _parse_time(text)[1]


def describe_time(t: time) -> str:
    """A friendly 12-hour form: "8:30 pm", "7:00 am", "12:00 noon", "12:00 midnight"."""
    if (t.hour, t.minute) == (12, 0):
        return "12:00 noon"
    if (t.hour, t.minute) == (0, 0):
        return "12:00 midnight"
    suffix = "am" if t.hour < 12 else "pm"
    return f"{t.hour % 12 or 12}:{t.minute:02d} {suffix}"

