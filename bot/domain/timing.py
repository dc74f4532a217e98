"""Daily check-in schedules: parsing times and time zones, and deciding when to send.

Plain functions over plain data, with no Rasa, Telegram or database in sight, so each
rule can be tested from a table. The sender runs every minute, selects the schedules
whose stored ``next_due_utc`` has come, and asks :func:`decide` what to do.

Stored forms:

* a check-in time is a :class:`datetime.time` (local wall-clock time, no tzinfo);
* a time zone is a string: an IANA key (``"Europe/London"``), ``"UTC"``, or a fixed
  offset written ``"UTC+05:30"`` / ``"UTC-05:00"`` (see :func:`parse_timezone`);
* instants are timezone-aware datetimes in UTC. Naive datetimes are refused with
  :class:`ValueError` everywhere, because guessing their zone is how reminders drift.

Bare hours (:func:`parse_time`): a number without am/pm is read on the 24-hour clock when
it cannot be anything else (``0``, ``13``-``23``, or written with a leading zero such as
``08:00``); ``12`` is noon; ``7``-``11`` are morning hours (a check-in app is mostly set
for the morning or the evening, and nobody means 9 pm by "9" more often than 9 am); and
``1``-``6`` are ambiguous: :func:`parse_time` returns ``None`` and :func:`needs_meridiem`
says the bot should ask "am or pm?".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, available_timezones

__all__ = [
    "DEFAULT_TIMES",
    "DEFAULT_ZONE",
    "Decision",
    "decide",
    "default_zone",
    "describe_time",
    "describe_zone",
    "due_on",
    "first_due",
    "local_date",
    "needs_meridiem",
    "parse_time",
    "parse_timezone",
    "zone",
]

#: Check-in times offered as buttons (each one is understood by :func:`parse_time`).
DEFAULT_TIMES: tuple[str, ...] = ("07:00", "08:00", "12:30", "18:00", "20:00", "21:30")
#: The zone used when none is configured and the person has not picked one.
DEFAULT_ZONE = "UTC"

#: The widest offsets in use: UTC-12:00 (Baker Island) to UTC+14:00 (Kiribati).
MIN_OFFSET_MINUTES = -12 * 60
MAX_OFFSET_MINUTES = 14 * 60

_UTC = timezone.utc
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


# ----------------------------------------------------------------------- time zones

_NOT_ZONES = frozenset({"localtime", "Factory", "posixrules"})
#: Top-level folders of current (non-legacy) IANA keys; their last parts are city names.
_CITY_REGIONS = frozenset(
    "Africa America Antarctica Arctic Asia Atlantic Australia Europe Indian Pacific".split()
)
#: City names that are also everyday English words: matched only as the whole message.
_WORDY_CITIES = frozenset(
    "acre center christmas casey davis easter jersey knox midway north oral palmer "
    "reunion regina resolute south stanley troll victoria virgin wake west yap".split()
)
_UTC_WORDS = frozenset(
    "utc gmt zulu uct universal greenwich utc0 gmt0 etcutc etcgmt etcuct etcuniversal "
    "etczulu etcgreenwich coordinateduniversaltime greenwichmeantime".split()
)

# Names that are not zone keys (or should win over a legacy key), written as typed.
_PLACES: dict[str, str] = {
    "Europe/London": "London, UK, United Kingdom, Britain, Great Britain, England, "
    "Scotland, Wales, Northern Ireland",
    "Europe/Dublin": "Ireland, Dublin",
    "Europe/Paris": "France, Paris",
    "Europe/Berlin": "Germany, Berlin, Munich, Frankfurt, Hamburg",
    "Europe/Madrid": "Spain, Madrid, Barcelona",
    "Europe/Rome": "Italy, Rome, Milan",
    "Europe/Amsterdam": "Netherlands, Holland, Amsterdam",
    "Europe/Lisbon": "Portugal",
    "Europe/Warsaw": "Poland",
    "Europe/Istanbul": "Turkey, Istanbul",
    "Europe/Moscow": "Moscow",
    "Europe/Kyiv": "Ukraine, Kiev",
    "Asia/Kolkata": "India, Delhi, New Delhi, Mumbai, Bombay, Bangalore, Bengaluru, "
    "Chennai, Calcutta",
    "Asia/Shanghai": "China, Beijing, Peking",
    "Asia/Tokyo": "Japan, Osaka",
    "Asia/Seoul": "South Korea, Korea",
    "Asia/Dubai": "UAE, United Arab Emirates, Abu Dhabi",
    "Asia/Singapore": "Singapore",
    "Asia/Hong_Kong": "Hong Kong",
    "Asia/Jerusalem": "Israel",
    "Asia/Ho_Chi_Minh": "Vietnam, Saigon",
    "Africa/Johannesburg": "South Africa, Cape Town, Durban",
    "Africa/Nairobi": "Kenya",
    "Africa/Lagos": "Nigeria",
    "Africa/Cairo": "Egypt",
    "America/New_York": "New York City, NYC, Boston, Miami, Atlanta, Philadelphia, "
    "New Jersey, New England",
    "America/Chicago": "Dallas, Houston, Texas",
    "America/Denver": "New Mexico",
    "America/Los_Angeles": "San Francisco, Seattle, California, San Diego",
    "America/Toronto": "Ottawa",
    "America/Mexico_City": "Mexico",
    "America/Sao_Paulo": "Brazil, Rio de Janeiro, Rio",
    "America/Argentina/Buenos_Aires": "Argentina",
    "Pacific/Auckland": "New Zealand, Wellington",
    "Pacific/Honolulu": "Hawaii",
    "America/Anchorage": "Alaska",
    "Australia/Sydney": "Sydney, New South Wales",
}
# Zone words and abbreviations: used only when no place is named ("Paris, CET").
_ZONE_WORDS: dict[str, str] = {
    "America/New_York": "Eastern, EST, EDT",
    "America/Chicago": "Central, CST, CDT",
    "America/Denver": "Mountain, MST, MDT",
    "America/Los_Angeles": "Pacific, PST, PDT",
    "Europe/London": "BST",
    "Europe/Berlin": "CET, CEST",
    "Asia/Kolkata": "IST",
    "Asia/Tokyo": "JST",
    "Australia/Sydney": "AEST, AEDT",
}

_OFFSET_RE = re.compile(r"(?<![\w+-])(?:(?:utc|gmt)\s*)?(?P<sign>[+-])\s*(?P<num>\d[\d:.,h]*\d|\d)")
_OFFSET_NUMBER_RE = re.compile(r"(?P<h>\d{1,2})(?:[:.h]?(?P<m>\d{2})|(?P<half>[.,]5))?")
_ETC_GMT_RE = re.compile(r"\betc/gmt(?P<sign>[+-])(?P<h>\d{1,2})\b")
_PATH_RE = re.compile(r"[a-z_]+(?:/[a-z0-9_+-]+)+")
_STORED_OFFSET_RE = re.compile(r"UTC(?P<sign>[+-])(?P<h>\d{2}):(?P<m>\d{2})")
_MAX_WORDS_IN_NAME = 4


def _fold(text: str) -> str:
    """Lower-case, accents dropped ("São" -> "sao"), dashes and minus signs as "-"."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub("[\u2010-\u2015\u2212]", "-", s).lower().strip()


def _compact(text: str) -> str:
    """The letters and digits only: "New York" and "new_york" both become "newyork"."""
    return re.sub(r"[^a-z0-9]", "", _fold(text))


def _table(groups: dict[str, str]) -> dict[str, str]:
    """Compact name -> key, from ``{key: "Name, Other Name"}``."""
    return {_compact(name): key for key, names in groups.items() for name in names.split(",")}


@lru_cache(maxsize=1)
def _keys() -> dict[str, str]:
    """Every usable IANA key, by its lower-case spelling."""
    return {k.lower(): k for k in available_timezones() if k not in _NOT_ZONES}


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City names (the last part of current keys) -> key; deeper keys win ties, so
    "Indianapolis" is America/Indiana/Indianapolis, not the old America/Indianapolis."""
    keys = sorted(
        (k for k in _keys().values() if k.split("/")[0] in _CITY_REGIONS and "/" in k),
        key=lambda k: (-k.count("/"), k),
    )
    cities: dict[str, str] = {}
    for key in keys:
        cities.setdefault(_compact(key.rsplit("/", 1)[1]), key)
    return cities


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Named places (aliases first, then cities) -> key, for names found inside a sentence."""
    return {**_cities(), **_table(_PLACES)}


@lru_cache(maxsize=1)
def _zone_words() -> dict[str, str]:
    """Zone words, abbreviations and names of UTC -> key, the weakest evidence."""
    return {**_table(_ZONE_WORDS), **dict.fromkeys(_UTC_WORDS, "UTC")}


def _format_offset(minutes: int) -> str:
    """330 -> "UTC+05:30", -300 -> "UTC-05:00", 0 -> "UTC"."""
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h:02d}:{m:02d}"


def _offset(sign: str, hours: str, minutes: str | None) -> str | None:
    """The canonical "UTC+05:30" for an offset, or None when it is out of range or not
    a whole quarter hour ("UTC+5:20")."""
    h, m = int(hours), int(minutes or 0)
    if m % 15 or m > 45:  # every offset in use is a whole quarter hour
        return None
    total = (h * 60 + m) * (-1 if sign == "-" else 1)
    if not MIN_OFFSET_MINUTES <= total <= MAX_OFFSET_MINUTES:
        return None
    return _format_offset(total)


def _find_name(words: list[str], table: dict[str, str], skip: frozenset[str]) -> str | None:
    """The leftmost, longest run of words that names a zone in ``table``."""
    for i in range(len(words)):
        for n in range(min(_MAX_WORDS_IN_NAME, len(words) - i), 0, -1):
            name = "".join(words[i : i + n])
            if name in table and not (n == 1 and name in skip):
                return table[name]
    return None


def parse_timezone(text: str) -> str | None:
    """The time zone in a message, as a stored string, or None.

    Understands IANA keys in any case ("europe/london"), city names from the keys
    ("new york", "Sao Paulo"), a few common place names ("UK", "India", "Pacific"),
    and offsets ("UTC+2", "GMT-5", "+05:30", "UTC\u22123"), also inside a sentence
    ("I'm in Berlin"). Returns an IANA key, "UTC", or "UTC+05:30"; offsets outside
    -12:00..+14:00 or not in whole quarter hours give None. A named place wins over an
    offset in the same message, because it follows daylight saving time.
    """
    s = _fold(text)
    whole = _compact(s)
    if not whole:
        return None
    if whole in _UTC_WORDS or whole == "z":
        return "UTC"
    # The whole message is one name: a place, a zone word, a key, or a legacy key ("EST5EDT").
    for table in (_places(), _zone_words()):
        if whole in table:
            return table[whole]
    if (etc := _ETC_GMT_RE.search(s)) is not None:  # "Etc/GMT+5" is UTC-5
        return _offset("-" if etc["sign"] == "+" else "+", etc["h"], None)
    for path in _PATH_RE.findall(s):
        if path in _keys():
            return _keys()[path]
    if s in _keys():
        return _keys()[s]
    words = re.findall(r"[a-z0-9]+", s)
    place = _find_name(words, _places(), _WORDY_CITIES)
    if place is not None:
        return place
    if (m := _OFFSET_RE.search(s)) is not None:
        number = _OFFSET_NUMBER_RE.fullmatch(m["num"])  # "+2", "+0530", "+5:45", "+5.5"
        if number is None:
            return None
        minutes = "30" if number["half"] else number["m"]
        return _offset(m["sign"], number["h"], minutes)
    return _find_name(words, _zone_words(), frozenset())


def zone(name: str) -> tzinfo:
    """The tzinfo for a stored zone string; ValueError when it is not one."""
    if name == "UTC":
        return _UTC
    if (m := _STORED_OFFSET_RE.fullmatch(name)) is not None:
        if _offset(m["sign"], m["h"], m["m"]) != name:
            raise ValueError(f"offset out of range: {name!r}")
        minutes = int(m["h"]) * 60 + int(m["m"])
        return timezone(timedelta(minutes=-minutes if m["sign"] == "-" else minutes))
    if not name or name in _NOT_ZONES:
        raise ValueError(f"unknown time zone: {name!r}")
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise ValueError(f"unknown time zone: {name!r}") from exc


def describe_zone(name: str) -> str:
    """A friendly name: "Europe/London" -> "London time", "UTC+05:30" -> "UTC+05:30"."""
    if name == "UTC" or _STORED_OFFSET_RE.fullmatch(name):
        return name
    return f"{name.rsplit('/', 1)[-1].replace('_', ' ')} time"


def default_zone(configured: str | None) -> str:
    """The zone to use for people who have not picked one: the configured value (any
    form :func:`parse_timezone` understands) or :data:`DEFAULT_ZONE`.

    A configured value that is not understood raises ValueError, so a typo in the
    settings stops the bot at start-up instead of silently sending at the wrong hour.
    """
    if configured is None or not configured.strip():
        return DEFAULT_ZONE
    parsed = parse_timezone(configured)
    if parsed is None:
        raise ValueError(f"unknown default time zone: {configured!r}")
    return parsed


# ------------------------------------------------------------------------- sending


@dataclass(frozen=True)
class Decision:
    """What the sender should do with one due schedule.

    ``send``: send a check-in now. ``local_date``: the person's local day it counts
    for (None when nothing is sent). ``next_due_utc``: store this as the new due instant.
    """

    send: bool
    local_date: date | None
    next_due_utc: datetime


def _as_utc(moment: datetime, what: str) -> datetime:
    """``moment`` in UTC; ValueError when it is naive."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be a timezone-aware datetime, got {moment!r}")
    return moment.astimezone(_UTC)


def _check_time(at: time) -> None:
    """ValueError for a check-in time that carries a tzinfo (it must be wall-clock)."""
    if at.tzinfo is not None:
        raise ValueError(f"the check-in time is a local wall-clock time, got {at!r}")


def _wall(moment: datetime, tz: tzinfo) -> datetime:
    """The naive local wall-clock reading of an aware instant."""
    return moment.astimezone(tz).replace(tzinfo=None)


def _instant(day: date, at: time, tz: tzinfo) -> datetime:
    """The UTC instant the wall clock in ``tz`` shows ``at`` on ``day``.

    Ambiguous (clocks go back): the first of the two. Missing (clocks go forward):
    the first instant after the gap, i.e. the moment the clocks jump.
    """
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(_UTC)
    if _wall(first, tz) == wall:
        return first
    # In a gap fold=0 reads the wall time with the offset from before the jump (too
    # late) and fold=1 with the offset after it (too early): the jump lies between.
    lo = wall.replace(tzinfo=tz, fold=1).astimezone(_UTC)
    lo, hi = min(lo, first), max(lo, first)
    low, high = 0, int((hi - lo).total_seconds())
    while low < high:
        mid = (low + high) // 2
        if _wall(lo + timedelta(seconds=mid), tz) >= wall:
            high = mid
        else:
            low = mid + 1
    return lo + timedelta(seconds=low)


def due_on(day: date, at: time, tz_name: str) -> datetime:
    """The UTC instant of the check-in at local time ``at`` on local day ``day``."""
    _check_time(at)
    return _instant(day, at, zone(tz_name))


def local_date(at_utc: datetime, tz_name: str) -> date:
    """The person's local calendar date at an instant."""
    return _as_utc(at_utc, "at_utc").astimezone(zone(tz_name)).date()


def first_due(now_utc: datetime, at: time, tz_name: str) -> datetime:
    """The first check-in of a newly set schedule, on or after ``now_utc``: today at
    ``at`` local time if that is still ahead (or now), else tomorrow."""
    _check_time(at)
    now = _as_utc(now_utc, "now_utc")
    tz = zone(tz_name)
    today = now.astimezone(tz).date()
    due = _instant(today, at, tz)
    return due if due >= now else _instant(today + timedelta(days=1), at, tz)


def decide(now_utc: datetime, at: time, tz_name: str, next_due_utc: datetime) -> Decision:
    """Whether to send a due check-in now, and when the next one is due.

    At most one check-in per local day. Due today (local) -> send now, next due is
    ``at`` tomorrow. Due on an earlier local day (the bot was down) -> that one is
    skipped; send today's if its time has passed, else wait for it. Not yet due ->
    nothing changes.
    """
    _check_time(at)
    now = _as_utc(now_utc, "now_utc")
    due = _as_utc(next_due_utc, "next_due_utc")
    if due > now:
        return Decision(send=False, local_date=None, next_due_utc=due)
    tz = zone(tz_name)
    today = now.astimezone(tz).date()
    tomorrow = _instant(today + timedelta(days=1), at, tz)
    if due.astimezone(tz).date() >= today:
        return Decision(send=True, local_date=today, next_due_utc=tomorrow)
    todays = _instant(today, at, tz)
    if todays <= now:
        return Decision(send=True, local_date=today, next_due_utc=tomorrow)
    return Decision(send=False, local_date=None, next_due_utc=todays)
