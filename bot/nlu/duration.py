"""Normalise a free-text episode duration to a whole number of days.

:func:`parse_duration_days` is a pure function over a string (typically the text of
a span found by the pipeline, but a whole message works too: the *last* duration
mentioned wins, so "3 weeks, actually two months" gives 60).

Conventions (documented decisions):

* week = 7, fortnight = 14, month = 30, year = 365 days; "a couple" = 2,
  "a few" = "several" = 3; "half a year" = 183.
* Fractions round half up: "a week and a half" = 10.5 -> 11, "1.5 months" = 45.
* Ranges take the midpoint: "2-3 weeks" = 17.5 -> 18, "a week or two" -> 11.
* Hours count whole days: "24 hours" -> 1, "36 hours" -> 1, "5 hours" -> 0.
* Same day ("since this morning", "since today", "started today") -> 0;
  "since yesterday"/"since last night" -> 1; "since last week" -> 7;
  "since last month" -> 30; "since last year" -> 365.
* "since Monday": days back to the most recent Monday before today (7 if today is
  Monday).  "since the weekend": as "since Saturday".
* "since March": the 1st of the most recent March that is not in the future (this
  month counts).  "since 3 March"/"since March 3rd": the most recent such date that
  is not in the future (today -> 0).  An explicit year is used as given.
  "since Christmas" (25 Dec) and "since New Year" (1 Jan) work the same way.
* Weekdays, months, holidays and bare years need an anchor word ("since", "from",
  "started", "began", ...) unless they are the whole text; "today" alone is never
  a duration ("it's an 8 today").
* Rates, ages and future times are not durations: "3 times a week", "8 hours a day",
  "I'm 45 years old" (but "2 days old" counts), "in 2 weeks", "for the next 2 weeks".
* Negative values, anything above 50 years, and nonsense -> None.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence

from bot.nlu import patterns as P
from bot.nlu.calendar_words import MONTHS
from bot.nlu.dates import DATE_PARTS, WEEKDAYS, date_expression, day_number, weekdays_ago
from bot.nlu.named_days import said_last_year
from bot.nlu.named_starts import calendar_dates, starts_named

MAX_DAYS = 50 * 365

UNIT_DAYS: dict[str, float] = {}
for _names, _days in (
    ("day days d dys dy", 1.0),
    ("week weeks wk wks w weeeks weks wek weaks", 7.0),
    ("fortnight fortnights", 14.0),
    ("month months mo mos mth mths mnth mnths monts mon", 30.0),
    ("year years yr yrs y yeras yeaer", 365.0),
    ("hour hours hr hrs h", 1.0 / 24.0),
):
    for _name in _names.split():
        UNIT_DAYS[_name] = _days

#: Clinical shorthand: a number over the days, weeks or months of its unit ("5/52" is five
#: weeks, "6/12" six months, "3/7" three days).
CLINICAL_UNITS: dict[str, float] = {"7": 1.0, "52": 7.0, "12": 30.0}

NUMBER_WORDS: tuple[str, ...] = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
SMALL_NUMBERS: dict[str, int] = {word: value for value, word in enumerate(NUMBER_WORDS)}
SMALL_NUMBERS["tree"] = 3  # "Tree weeks now": "three" said with a dropped h
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
FUZZY: dict[str, float] = {"couple": 2.0, "few": 3.0, "several": 3.0}
#: Words a start date follows ("since", "from", "started", "came"): the lexicon's ANCHOR
#: class, and "kicked" ("kicked off last week"), which the span patterns name on their own.
ANCHORS: frozenset[str] = frozenset(P.TOKEN_CLASSES["ANCHOR"]["LOWER"]["IN"]) | {"kicked"}
RATE_BEFORE = frozenset({"times", "once", "twice", "per", "every", "each", "in", "next"})
RATE_AFTER = frozenset({"a", "an", "per", "every", "each"})
AGE_AFTER = frozenset({"old", "older", "younger"})

_TOKEN_RE = re.compile(
    r"\d+(?:st|nd|rd|th)(?![a-z])|\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)?|[-–~/,]"
)
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")


def _round_half_up(value: float) -> int:
    return int(math.floor(value + 0.5))


def tokenize(text: str) -> list[str]:
    """Lower-case word/number tokens of ``text`` (digits split from glued units)."""
    cleaned = text.lower().replace("’", "'").replace("‘", "'")
    return [
        tok[:-2] if tok.endswith("'s") and tok[:-2] in WEEKDAYS  # "Wednesday's session"
        else "of" if tok == "o"  # "the Monday o last week": "of" in Scots and Irish speech
        else tok
        for tok in _TOKEN_RE.findall(cleaned)
    ]


def is_rate_or_future(before: Sequence[str], after: Sequence[str], unit: str = "") -> bool:
    """True if the words around a quantity make it a rate or a future time.

    ``before`` holds the (lower-case) words preceding the quantity, ``after`` those
    following its unit, ``unit`` is the unit word itself.  "3 times a week", "8 hours a
    day" (both halves), "in 2 weeks", "45 years old" (but "2 days old" is a duration).
    """
    if any(word in RATE_BEFORE for word in before[-2:]):
        return True
    if before and before[-1] in UNIT_DAYS and before[-1] not in ("d", "h", "w", "y"):
        return True  # "8 hours a day": the second half of a rate
    if after and after[0] in AGE_AFTER and UNIT_DAYS.get(unit.lower()) == 365.0:
        return True  # "I'm 45 years old"
    return len(after) >= 2 and after[0] in RATE_AFTER and after[1] in UNIT_DAYS


#: Voice dictation writes "two" as "to" or "too" ("to weeks now"): only before a plural
#: unit and at the start or after one of these words, so "up to weeks" stays no number.
_DICTATED_TWO = frozenset({"to", "too"})
_BEFORE_DICTATED_TWO = frozenset(
    {"about", "like", "for", "maybe", "been", "only", "just", "around", "roughly", "past", "last"}
)
def _dictated_two(toks: Sequence[str], i: int) -> bool:
    return (
        toks[i] in _DICTATED_TWO
        and toks[i + 1 : i + 2] in (["days"], ["weeks"], ["months"], ["years"])
        and (i == 0 or toks[i - 1] in _BEFORE_DICTATED_TWO)
    )


def _number(toks: Sequence[str], i: int, allow_article: bool = True) -> tuple[float, int] | None:
    if i >= len(toks):
        return None
    tok = toks[i]
    if _NUMBER_RE.match(tok):
        return float(tok), i + 1
    if tok in TENS:
        value = float(TENS[tok])
        j = i + 1
        if j < len(toks) and toks[j] == "-":
            j += 1
        if j < len(toks) and toks[j] in SMALL_NUMBERS and 0 < SMALL_NUMBERS[toks[j]] < 10:
            return value + SMALL_NUMBERS[toks[j]], j + 1
        return value, i + 1
    if tok in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[tok]), i + 1
    if _dictated_two(toks, i):
        return 2.0, i + 1
    if allow_article and tok in ("a", "an"):
        return 1.0, i + 1
    return None


def _and_a_half(toks: Sequence[str], j: int) -> int:
    """Where "and a half" (or "and half": "one and half years") ends at j; j if none."""
    if toks[j : j + 3] == ["and", "a", "half"]:
        return j + 3
    if toks[j : j + 2] == ["and", "half"]:
        return j + 2
    return j


def _quantity(toks: Sequence[str], i: int) -> tuple[float, int] | None:
    n = len(toks)
    if toks[i] == "half" and i + 1 < n and toks[i + 1] in ("a", "an"):
        return 0.5, i + 2
    if toks[i] == "half" and i + 1 < n and toks[i + 1] in UNIT_DAYS:
        return 0.5, i + 1  # "half year"
    j = i + 1 if toks[i] == "a" and i + 1 < n and toks[i + 1] in FUZZY else i
    if toks[j] in FUZZY:
        value = FUZZY[toks[j]]
        j += 1
        if j < n and toks[j] == "of":
            j += 1
        return value, j
    first = _number(toks, i)
    if first is None:
        return None
    value, j = first
    if j + 1 < n and toks[j] in ("-", "–", "to", "or"):
        second = _number(toks, j + 1, allow_article=False)
        if second is not None and j + 1 < n and second[1] < n and toks[second[1]] in UNIT_DAYS:
            value, j = (value + second[0]) / 2.0, second[1]
    if _and_a_half(toks, j) > j:
        value, j = value + 0.5, _and_a_half(toks, j)
    return value, j


def _quantity_unit(toks: Sequence[str], i: int) -> tuple[float, int] | None:
    """Days for a "<quantity> <unit> [and a half] [or N] [and <quantity> <unit>]" at i."""
    n = len(toks)
    quantity = _quantity(toks, i)
    if quantity is None:
        return None
    value, j = quantity
    if j + 1 < n and toks[j] == "/" and toks[j + 1] in CLINICAL_UNITS:
        return value * CLINICAL_UNITS[toks[j + 1]], j + 2  # "5/52": five weeks
    if j >= n or toks[j] not in UNIT_DAYS:
        return None
    unit = UNIT_DAYS[toks[j]]
    j += 1
    if _and_a_half(toks, j) > j:
        value, j = value + 0.5, _and_a_half(toks, j)
    elif j + 1 < n and toks[j] == "or":
        other = _number(toks, j + 1, allow_article=False)
        if other is not None and (other[1] >= n or toks[other[1]] not in UNIT_DAYS):
            value, j = (value + other[0]) / 2.0, other[1]
    days = value * unit
    if j + 1 < n and toks[j] in ("and", ",", "plus"):
        k = j + 1
        if k < n and toks[k] == "and":
            k += 1
        if k < n and toks[k] != "half":
            more = _quantity_unit(toks, k)
            if more is not None and more[0] >= 0.8 * unit and toks[j] == ",":
                # "just over a week, nine days", "one month, four weeks": said again
                return more
            if more is not None:
                return days + more[0], more[1]
    return days, j


#: Words that date an event named after "since": "since we moved house in June".
EVENT_DATED_BY = frozenset({"in", "at", "around", "on", "over", "during"})
#: How many words an event may take between "since" and its date.
_EVENT_WORDS = 6


def _dated_event(
    toks: Sequence[str], j: int, today: datetime.date
) -> tuple[int | None, int] | None:
    """An event after "since" dated a few words on ("since the move in June"); dated by
    its month alone, it fell on some day of it, the middle as good a guess as any ("since
    the wedding in June": the 15th, not the 1st as "since June" is)."""
    for k in range(j, min(len(toks), j + _EVENT_WORDS)):
        if toks[k] in (",", ".", "but", "and"):
            return None
        if toks[k] in EVENT_DATED_BY:
            date = date_expression(toks, k + 1, today)
            if date is not None and date[0] is not None and _month_alone(toks[k + 1 : date[1]]):
                return date[0] - min(_TO_MID_MONTH, date[0] // 2), date[1]
            if date is not None:
                return date
    return None


#: Days from the first of a month to its middle.
_TO_MID_MONTH = 14


def _month_alone(words: Sequence[str]) -> bool:
    """Whether a date is a month with no day and no part of it named ("June", "last
    September", "March 2025"; not "the 3rd of June", "late June")."""
    return any(w in MONTHS for w in words) and not any(
        day_number(w) is not None or w in DATE_PARTS for w in words
    )


def _valid(days: float | int | None) -> int | None:
    if days is None or days < 0:
        return None
    rounded = _round_half_up(days) if isinstance(days, float) else days
    return rounded if 0 <= rounded <= MAX_DAYS else None


def parse_duration_days(text: str, today: datetime.date) -> int | None:
    """Days the episode has lasted according to ``text``, or None if there is no
    (sensible) duration in it.  See the module docstring for the conventions."""
    if not isinstance(text, str) or not text.strip():
        return None
    toks = tokenize(text)
    n = len(toks)
    # (start index, end index, days or None for a recognised but invalid duration)
    found: list[tuple[int, int, int | None]] = []
    i = 0
    while i < n:
        tok = toks[i]
        if tok in ANCHORS:
            date = date_expression(toks, i + 1, today) or _dated_event(toks, i + 1, today)
            if date is not None:
                date = said_last_year(toks, date, today)
                found.append((i, date[1], _valid(date[0])))
                i = date[1]
                continue
        ago = weekdays_ago(toks, i, today)
        if ago is not None:  # "two Sundays ago"
            found.append((i, ago[1], _valid(ago[0])))
            i = ago[1]
            continue
        parsed = _quantity_unit(toks, i)
        if parsed is None:
            i += 1
            continue
        days, end = parsed
        if is_rate_or_future(toks[max(0, i - 2) : i], toks[end : end + 2], toks[end - 1]):
            i = end
            continue
        if i > 0 and toks[i - 1] == "-" and (i < 2 or not _NUMBER_RE.match(toks[i - 2])):
            found.append((i, end, None))
        elif toks[end - 1] in UNIT_DAYS and UNIT_DAYS[toks[end - 1]] < 1:
            found.append((i, end, _valid(int(days + 1e-9))))  # hours: whole days only
        else:
            found.append((i, end, _valid(days)))
        i = end
    if not found:
        whole = [tok for tok in toks if tok not in (",", "-", "~", "/")]
        date = date_expression(whole, 0, today) if whole and whole[0] != "today" else None
        # "Thanksgiving day": the day it started, said on its own
        if date is not None and whole[date[1] :] in ([], ["day"]):
            return _valid(date[0])
        unit = [tok for tok in whole if tok not in ("a", "an", "about", "roughly", "around")]
        if len(unit) == 1 and unit[0] in ("day", "week", "fortnight", "month", "year"):
            return _valid(UNIT_DAYS[unit[0]])  # "fortnight", "a month"
        return None
    # The last mention wins (corrections: "3 weeks, no, two months").
    return found[-1][2]


def in_the_month_corrected(tail: str, corrected: str) -> str:
    """A correction's bare day of the month, with the month of the date it corrects ("the
    Sunday after Halloween, November 1st... no wait, the Monday, the 2nd": the 2nd of
    November), so that it reads as a written date; ``tail`` as it was otherwise."""
    months = [t for t in tokenize(corrected) if t in MONTHS]
    toks = tokenize(tail)
    if not months or any(t in MONTHS for t in toks):
        return tail
    named = [
        f"{t} of {months[-1]}" if k > 0 and toks[k - 1] == "the" and _ordinal(t) else t
        for k, t in enumerate(toks)
    ]
    return " ".join(named)


def _ordinal(tok: str) -> bool:
    """A day of the month written as an ordinal ("2nd", "21st", "second"), not a bare
    number."""
    return not tok.isdigit() and day_number(tok) is not None


def start_named_in(text: str, today: datetime.date) -> int | None:
    """Days since the start an answer to "how long has it lasted?" names without a "since"
    ("Wednesday morning just gone", "The Sunday the clocks went back", "I moved on
    Tuesday, and since then it hurts", "flew home on 20 Nov, after that the pain"): the
    last date named. Only for that question: elsewhere "Saturday I have football" is
    no start. A calendar date written out wins over a weekday or a named day said beside
    it that falls elsewhere ("the Monday after the wedding, so the 23rd of November ... and
    the Monday was the turf"): it is the more exact of the two; near it, the named start
    stands ("on the 3rd of May and it went the day after that")."""
    toks = tokenize(text or "")
    named = starts_named(toks, today)
    written = calendar_dates(toks, today)
    if written and (not named or abs(named[-1] - written[-1]) > _NEAR_A_DATE):
        return _valid(written[-1])
    return _valid(named[-1]) if named else None


#: Only words that deny the length ("no way, less"), not "actually", often said for
#: emphasis ("three weeks ago today, actually, because it was a Sunday").
_DOUBTS = P.ANSWER_WORDS["doubt_words"]
#: Words that make a span a start named, not a length ("ago" still a length).
_STARTS = P.CONTEXT_WORDS["anchors"] - {"ago"}


def start_named_after_a_doubt(
    text: str, length: tuple[int, int], today: datetime.date
) -> int | None:
    """Days since a start named after a length was taken back ("two weeks ago? no way,
    less. it was wednesday last week, the 2nd", "about three weeks... or two. no, it
    started on Friday just gone"): ``length`` is where the length stands. None if it
    names a start itself ("Since Thanksgiving... actually the Tuesday after, the 13th":
    the extractor reads those together), if nothing takes it back, or if no start is
    named after it."""
    start, end = length
    if set(tokenize((text or "")[start:end])) & _STARTS:
        return None
    tail = (text or "")[end:]
    if not set(tokenize(tail)) & _DOUBTS:
        return None
    return start_named_in(tail, today)


#: How many days a named start may lie from a written date and still be the same start.
_NEAR_A_DATE = 3


def calendar_date_in(text: str, today: datetime.date) -> int | None:
    """Days since the last calendar date written out in ``text`` ("14 November", "the 24th
    of November", "October 19th", "the first Sunday in September"), weekdays and named
    days aside: the person's own date beside a holiday's name wins (the name differs by
    country)."""
    written = calendar_dates(tokenize(text or ""), today)
    return _valid(written[-1]) if written else None


#: Words between a correction and a bare number that restates a length.
_RESTATING = frozenset(P.ANSWER_WORDS["restating_words"])
#: How many words may follow the length before the correction starts.
_CORRECTED_REACH = 3


def number_restated(tail: str, corrected: str) -> int | None:
    """Days for a bare number said right after a correction, in the unit of the length it
    corrects ("2 weeks. no actually closer to 3": 21), None if the correction names a
    unit of its own or the words before it end in no length."""
    before, toks = tokenize(corrected), tokenize(tail)
    lengths = [
        (i, found) for i in range(len(before)) if (found := _quantity_unit(before, i)) is not None
    ]
    if not lengths or lengths[-1][1][1] < len(before) - _CORRECTED_REACH:
        return None
    start, (days, end) = lengths[-1]
    quantity = _quantity(before, start)
    unit_at = quantity[1] if quantity else end - 1
    if unit_at >= len(before) or before[unit_at] not in UNIT_DAYS:
        return None
    for i, tok in enumerate(toks):
        number = _number(toks, i, allow_article=False)
        if number is not None:
            after = toks[number[1] : number[1] + 1]
            if after and (after[0] in UNIT_DAYS or after[0] in ("/", "out", "-")):
                return None
            return _valid(number[0] * UNIT_DAYS[before[unit_at]])
        if tok not in _RESTATING and tok != ",":
            return None
    return None
