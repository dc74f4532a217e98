"""Time zones as people name them: a city, a country, an abbreviation or a UTC offset.

A zone is stored as a string: an IANA key (``"Europe/London"``), ``"UTC"``, or a fixed
offset written ``"UTC+05:30"`` / ``"UTC-05:00"`` (see :func:`parse_timezone`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

#: The zone used when none is configured and the person has not picked one.
DEFAULT_ZONE = "UTC"

#: The widest offsets in use: UTC-12:00 (Baker Island) to UTC+14:00 (Kiribati).
MIN_OFFSET_MINUTES = -12 * 60
MAX_OFFSET_MINUTES = 14 * 60

_UTC = timezone.utc

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

