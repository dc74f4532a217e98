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

from bot.nlu.holidays import holiday_at, nth_weekday

MAX_DAYS = 50 * 365

UNIT_DAYS: dict[str, float] = {}
for _names, _days in (
    ("day days d dys dy", 1.0),
    ("week weeks wk wks w weeeks weks wek", 7.0),
    ("fortnight fortnights", 14.0),
    ("month months mo mos mth mths mnth mnths monts mon", 30.0),
    ("year years yr yrs y yeras yeaer", 365.0),
    ("hour hours hr hrs h", 1.0 / 24.0),
):
    for _name in _names.split():
        UNIT_DAYS[_name] = _days

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
ANCHORS = frozenset(
    {
        "since",
        "flare",
        "flared",
        "bout",
        "episode",
        "commenced",
        "commencing",
        "sinse",
        "snice",
        "sicne",
        "from",
        "started",
        "start",
        "starts",
        "began",
        "begun",
        "beginning",
        "starting",
        "begin",
    }
)
DATE_FILLERS = frozenset(
    {"on", "last", "this", "past", "around", "about", "roughly", "early", "mid", "late", "end"}
    | {"beginning", "start", "of", "the", "in", "at", "approximately", "maybe", "like"}
)
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
_ORDINALS: tuple[str, ...] = ("first", "second", "third", "fourth", "fifth")
_ORDINALS += ("sixth", "seventh", "eighth", "ninth", "tenth")
ORDINAL_WORDS: dict[str, int] = {word: value for value, word in enumerate(_ORDINALS, start=1)}
RATE_BEFORE = frozenset({"times", "once", "twice", "per", "every", "each", "in", "next"})
RATE_AFTER = frozenset({"a", "an", "per", "every", "each"})
AGE_AFTER = frozenset({"old", "older", "younger"})

_TOKEN_RE = re.compile(
    r"\d+(?:st|nd|rd|th)(?![a-z])|\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)?|[-–~/,]"
)
_ORDINAL_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")


def utc_today() -> datetime.date:
    """Today's date in UTC (durations count back from it)."""
    return datetime.datetime.now(datetime.timezone.utc).date()


def _round_half_up(value: float) -> int:
    return int(math.floor(value + 0.5))


def tokenize(text: str) -> list[str]:
    """Lower-case word/number tokens of ``text`` (digits split from glued units)."""
    cleaned = text.lower().replace("’", "'").replace("‘", "'")
    return _TOKEN_RE.findall(cleaned)


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
    if allow_article and tok in ("a", "an"):
        return 1.0, i + 1
    return None


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
    if toks[j : j + 3] == ["and", "a", "half"]:
        value, j = value + 0.5, j + 3
    return value, j


def _quantity_unit(toks: Sequence[str], i: int) -> tuple[float, int] | None:
    """Days for a "<quantity> <unit> [and a half] [or N] [and <quantity> <unit>]" at i."""
    n = len(toks)
    quantity = _quantity(toks, i)
    if quantity is None:
        return None
    value, j = quantity
    if j >= n or toks[j] not in UNIT_DAYS:
        return None
    unit = UNIT_DAYS[toks[j]]
    j += 1
    if toks[j : j + 3] == ["and", "a", "half"]:
        value, j = value + 0.5, j + 3
    elif j + 1 < n and toks[j] == "or":
        other = _number(toks, j + 1, allow_article=False)
        if other is not None and (other[1] >= n or toks[other[1]] not in UNIT_DAYS):
            value, j = (value + other[0]) / 2.0, other[1]
    days = value * unit
    if j + 1 < n and toks[j] in ("and", ","):
        k = j + 1
        if k < n and toks[k] == "and":
            k += 1
        if k < n and toks[k] != "half":
            more = _quantity_unit(toks, k)
            if more is not None:
                return days + more[0], more[1]
    return days, j


def _days_since(start: datetime.date, today: datetime.date) -> int | None:
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


def _day_number(tok: str) -> int | None:
    match = _ORDINAL_RE.match(tok)
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
        return _days_since(start, today)
    if day is None:
        start_year = today.year if month <= today.month else today.year - 1
        return _days_since(datetime.date(start_year, month, 1), today)
    recent = _recent_date(month, day, today)
    return None if recent is None else _days_since(recent, today)


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


def _nth_weekday_of(
    toks: Sequence[str], p: int, today: datetime.date
) -> tuple[int | None, int] | None:
    """ "the first Tuesday in November", "the last Sunday of October" at ``p``."""
    if p + 3 >= len(toks) or toks[p + 2] not in ("in", "of") or toks[p + 3] not in MONTHS:
        return None
    nth = -1 if toks[p] == "last" else ORDINAL_WORDS.get(toks[p], 0)
    if not nth or toks[p + 1] not in WEEKDAYS or nth > 5:
        return None
    month, weekday = MONTHS[toks[p + 3]], WEEKDAYS[toks[p + 1]]
    for year in (today.year, today.year - 1):
        start = nth_weekday(year, month, weekday, nth)
        if start is not None and start <= today:
            return _days_since(start, today), p + 4
    return None


def _weekday_expression(
    toks: Sequence[str], k: int, today: datetime.date
) -> tuple[int | None, int]:
    """A weekday at ``k`` and what qualifies it: "Friday" (the last one), "Friday before
    last", "Tuesday last week", "Saturday last", "Wednesday just gone"."""
    days = _weekday_days(WEEKDAYS[toks[k]], today)
    end = k + 1
    while end < len(toks) and toks[end] in (",", "the"):
        end += 1
    date = _day_and_month(toks, end, today)
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
    (("last", "week"), 1),
    (("the", "week", "before"), 1),
)


def _day_and_month(
    toks: Sequence[str], k: int, today: datetime.date
) -> tuple[int | None, int] | None:
    """ "14 November", "the 24th of November", "October 19th", or "the 27th" alone (the
    most recent 27th), at ``k``."""
    if k >= len(toks):
        return None
    if toks[k] in MONTHS and k + 1 < len(toks) and _day_number(toks[k + 1]) is not None:
        return _calendar(MONTHS[toks[k]], _day_number(toks[k + 1]), None, today), k + 2
    day = _day_number(toks[k])
    if day is None:
        return None
    end = k + 1 + (k + 1 < len(toks) and toks[k + 1] == "of")
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
            return _days_since(found, today), k + 1
        except ValueError:
            start = start.replace(day=1) - datetime.timedelta(days=1)
    return None


def _date_expression(
    toks: Sequence[str], j: int, today: datetime.date
) -> tuple[int | None, int] | None:
    """Parse a relative or calendar date starting at ``j``: (days, end) or None."""
    n = len(toks)
    for words, days in _RELATIVE:
        if tuple(toks[j : j + len(words)]) == words:
            return days, j + len(words)
    k = j
    while k < n and (toks[k] in DATE_FILLERS or toks[k] == ","):
        nth = _nth_weekday_of(toks, k, today)
        if nth is not None:
            return nth
        k += 1
    if k >= n:
        return None
    nth = _nth_weekday_of(toks, k, today)
    if nth is not None:
        return nth
    tok = toks[k]
    if tok == "weekend":
        return _weekday_days(5, today), k + 1
    holiday = holiday_at(toks, k, today)
    if holiday is not None:
        start, end = holiday
        return (None if start is None else _days_since(start, today)), end
    if tok in ("christmas", "xmas"):
        start = _recent_date(12, 25, today)
        return (None if start is None else _days_since(start, today)), k + 1
    if tok in ("new", "newyear", "newyears", "newyear's"):
        end = k + 1
        if tok == "new":
            if end >= n or not toks[end].startswith(("year", "yr")):
                return None
            end += 1
        new_year = _recent_date(1, 1, today)
        return (None if new_year is None else _days_since(new_year, today)), end
    if tok in WEEKDAYS and not (tok == "sat" and k + 1 < n and toks[k + 1] == "down"):
        return _weekday_expression(toks, k, today)
    year = _year(tok)
    if year is not None:
        if year > today.year:
            return None, k + 1
        return _days_since(datetime.date(year, 1, 1), today), k + 1
    if tok in MONTHS:
        month = MONTHS[tok]
        end = k + 1
        day = _day_number(toks[end]) if end < n else None
        if day is not None:
            end += 1
        if end < n and toks[end] == ",":
            end += 1
        year = _year(toks[end]) if end < n else None
        if year is not None:
            end += 1
        return _calendar(month, day, year, today), end
    return _day_and_month(toks, k, today)


#: Words that date an event named after "since": "since we moved house in June".
_EVENT_DATED_BY = frozenset({"in", "at", "around", "on", "over", "during"})
#: How many words an event may take between "since" and its date.
_EVENT_WORDS = 6


def _dated_event(
    toks: Sequence[str], j: int, today: datetime.date
) -> tuple[int | None, int] | None:
    """An event after "since" dated a few words on ("since the move in June")."""
    for k in range(j, min(len(toks), j + _EVENT_WORDS)):
        if toks[k] in (",", ".", "but", "and"):
            return None
        if toks[k] in _EVENT_DATED_BY:
            date = _date_expression(toks, k + 1, today)
            if date is not None:
                return date
    return None


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
            date = _date_expression(toks, i + 1, today) or _dated_event(toks, i + 1, today)
            if date is not None:
                found.append((i, date[1], _valid(date[0])))
                i = date[1]
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
        date = _date_expression(whole, 0, today) if whole and whole[0] != "today" else None
        if date is not None and date[1] == len(whole):
            return _valid(date[0])
        unit = [tok for tok in whole if tok not in ("a", "an", "about", "roughly", "around")]
        if len(unit) == 1 and unit[0] in ("day", "week", "fortnight", "month", "year"):
            return _valid(UNIT_DAYS[unit[0]])  # "fortnight", "a month"
        return None
    # The last mention wins (corrections: "3 weeks, no, two months").
    return found[-1][2]


#: Words a start date may begin with, when no anchor says "since" (see :func:`start_named_in`).
_DATE_STARTS = frozenset(WEEKDAYS) | frozenset(MONTHS) - {"may", "mar", "sat", "sun", "wed"}


def start_named_in(text: str, today: datetime.date) -> int | None:
    """Days since the start an answer to "how long has it lasted?" names without a "since"
    ("Wednesday morning just gone", "The Sunday the clocks went back", "I moved on
    Tuesday, and since then it hurts", "flew home on 20 Nov, after that the pain"): the
    last date named. Only for that question: elsewhere "Saturday I have football" is
    no start."""
    toks = tokenize(text or "")
    days: int | None = None
    k = 0
    while k < len(toks):
        tok, after = toks[k], toks[k + 1] if k + 1 < len(toks) else ""
        day_of_month = bool(_ORDINAL_RE.match(tok)) and (
            after in MONTHS or after == "of"
            or (k > 0 and toks[k - 1] == "the" and re.fullmatch(r"\d{1,2}(st|nd|rd|th)", tok))
        )
        date = (
            _date_expression(toks, k, today)
            if tok in _DATE_STARTS or day_of_month or holiday_at(toks, k, today) is not None
            else None
        )
        if date is None:
            k += 1
            continue
        if date[0] is not None:
            days = _valid(date[0])
        k = max(date[1], k + 1)
    return days


def calendar_date_in(text: str, today: datetime.date) -> int | None:
    """Days since the last calendar date written out in ``text`` ("14 November", "the 24th
    of November", "October 19th", "the first Sunday in September"), weekdays and named
    days aside: the person's own date beside a holiday's name wins (the name differs by
    country)."""
    toks = tokenize(text or "")
    days: int | None = None
    for k in range(len(toks)):
        date = _nth_weekday_of(toks, k, today)
        if date is None and (toks[k] in MONTHS or _day_number(toks[k]) is not None):
            date = _day_and_month(toks, k, today)
            if date is not None and not (set(toks[k : date[1]]) & set(MONTHS)):
                date = None  # "the 21st" alone: no month to go by
        if date is not None and date[0] is not None:
            days = _valid(date[0])
    return days
