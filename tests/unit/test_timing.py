"""Daily check-in schedules: the parsers and the sending rules, table by table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.domain.clock import DEFAULT_TIMES, describe_time, needs_meridiem, parse_time
from bot.domain.timing import Decision, decide, due_on, first_due, local_date
from bot.domain.zones import DEFAULT_ZONE, default_zone, describe_zone, parse_timezone, zone

UTC = timezone.utc


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """An aware UTC datetime, e.g. ``utc(2024, 3, 31, 1, 0)``."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# --------------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8:30pm", time(20, 30)),
        ("8.30 pm", time(20, 30)),
        ("8:30 p.m.", time(20, 30)),
        ("8:30 P.M.", time(20, 30)),
        ("8:30 p. m.", time(20, 30)),
        ("20:30", time(20, 30)),
        ("2030", time(20, 30)),
        ("0830", time(8, 30)),
        ("830pm", time(20, 30)),
        ("20h30", time(20, 30)),
        ("20:30:00", time(20, 30)),
        ("8am", time(8, 0)),
        ("8 am", time(8, 0)),
        ("8 a.m.", time(8, 0)),
        ("8 PM.", time(20, 0)),
        ("08pm", time(20, 0)),
        ("8", time(8, 0)),
        ("08:00", time(8, 0)),
        ("9:15", time(9, 15)),
        ("11", time(11, 0)),
        ("12", time(12, 0)),
        ("12:30", time(12, 30)),
        ("00:30", time(0, 30)),
        ("0", time(0, 0)),
        ("06:00", time(6, 0)),
        ("12am", time(0, 0)),
        ("12:30am", time(0, 30)),
        ("12pm", time(12, 0)),
        ("noon", time(12, 0)),
        ("Midday", time(12, 0)),
        ("midnight", time(0, 0)),
        ("12 noon", time(12, 0)),
        ("half past 7", time(7, 30)),
        ("half past 7 pm", time(19, 30)),
        ("half 7", time(7, 30)),
        ("quarter past 9", time(9, 15)),
        ("quarter to 8 pm", time(19, 45)),
        ("quarter to 12pm", time(11, 45)),
        ("7 in the morning", time(7, 0)),
        ("8 in the evening", time(20, 0)),
        ("3 in the afternoon", time(15, 0)),
        ("12 at night", time(0, 0)),
        ("10 at night", time(22, 0)),
        ("tonight at 9", time(21, 0)),
        ("seven pm", time(19, 0)),
        ("Eight in the evening", time(20, 0)),
        ("half past seven", time(7, 30)),
        ("9 o'clock", time(9, 0)),
        ("9 o\u2019clock please", time(9, 0)),
        ("at 8:30pm please", time(20, 30)),
        ("remind me at 7am every day", time(7, 0)),
        ("in 2 days at 8", time(8, 0)),  # "2 days" is not a time
        ("for 30 minutes at 9pm", time(21, 0)),
        ("20:00 in the evening", time(20, 0)),
        ("\uff18\uff1a\uff13\uff10pm", time(20, 30)),  # full-width digits
    ],
)
def test_parse_time_understands(text: str, expected: time) -> None:
    assert parse_time(text) == expected
    assert needs_meridiem(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "25:00", "24:00", "13pm", "0am", "20:30pm", "8:75", "8:60",
        "20:00 in the morning", "hello", "", "whenever", "6/10", "1.5 hours", "2 days",
    ],
)  # fmt: skip
def test_parse_time_rejects(text: str) -> None:
    assert parse_time(text) is None
    assert needs_meridiem(text) is False


@pytest.mark.parametrize(
    "text", ["1", "6", "5:30", "6.45", "at 3 please", "half past 4", "quarter to 1", "six"]
)
def test_bare_hours_one_to_six_ask_for_am_or_pm(text: str) -> None:
    assert parse_time(text) is None
    assert needs_meridiem(text) is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6am", time(6, 0)),
        ("6 pm", time(18, 0)),
        ("5:30 in the morning", time(5, 30)),
        ("6 in the evening", time(18, 0)),
        ("06:00", time(6, 0)),
        ("18:00", time(18, 0)),
    ],
)
def test_bare_hours_with_am_pm_or_24_hour_clock_need_no_question(text: str, expected: time) -> None:
    assert parse_time(text) == expected
    assert needs_meridiem(text) is False


def test_default_times_are_understood_and_in_order() -> None:
    parsed = [parse_time(t) for t in DEFAULT_TIMES]
    assert all(t is not None for t in parsed)
    assert [t.strftime("%H:%M") for t in parsed if t is not None] == list(DEFAULT_TIMES)
    assert len(set(DEFAULT_TIMES)) == len(DEFAULT_TIMES)


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (time(20, 30), "8:30 pm"),
        (time(7, 0), "7:00 am"),
        (time(12, 0), "12:00 noon"),
        (time(0, 0), "12:00 midnight"),
        (time(12, 30), "12:30 pm"),
        (time(0, 5), "12:05 am"),
        (time(23, 59), "11:59 pm"),
    ],
)
def test_describe_time(t: time, expected: str) -> None:
    assert describe_time(t) == expected


# ----------------------------------------------------------------------- time zones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # IANA keys, any case
        ("Europe/London", "Europe/London"),
        ("europe/london", "Europe/London"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("Asia/Kolkata", "Asia/Kolkata"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("my zone is America/New_York thanks", "America/New_York"),
        ("Etc/GMT+5", "UTC-05:00"),  # POSIX sign: Etc/GMT+5 is five hours behind
        # city names from the keys
        ("new york", "America/New_York"),
        ("New_York", "America/New_York"),
        ("Los Angeles", "America/Los_Angeles"),
        ("sao paulo", "America/Sao_Paulo"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Mexico City", "America/Mexico_City"),
        ("Toronto", "America/Toronto"),
        ("Vancouver", "America/Vancouver"),
        ("Nairobi", "Africa/Nairobi"),
        ("Lagos", "Africa/Lagos"),
        ("Cairo", "Africa/Cairo"),
        ("Dubai", "Asia/Dubai"),
        ("hong kong", "Asia/Hong_Kong"),
        ("Auckland", "Pacific/Auckland"),
        ("kathmandu", "Asia/Kathmandu"),
        ("port-au-prince", "America/Port-au-Prince"),
        ("St. John's", "America/St_Johns"),
        ("Indianapolis", "America/Indiana/Indianapolis"),
        # aliases
        ("London", "Europe/London"),
        ("UK", "Europe/London"),
        ("Britain", "Europe/London"),
        ("India", "Asia/Kolkata"),
        ("Delhi", "Asia/Kolkata"),
        ("Mumbai", "Asia/Kolkata"),
        ("Calcutta", "Asia/Kolkata"),
        ("Germany", "Europe/Berlin"),
        ("Munich", "Europe/Berlin"),
        ("San Francisco", "America/Los_Angeles"),
        ("Seattle", "America/Los_Angeles"),
        ("Pacific", "America/Los_Angeles"),
        ("Boston", "America/New_York"),
        ("Eastern", "America/New_York"),
        ("Chicago", "America/Chicago"),
        ("Central", "America/Chicago"),
        ("Denver", "America/Denver"),
        ("Mountain", "America/Denver"),
        ("Sydney", "Australia/Sydney"),
        ("Moscow", "Europe/Moscow"),
        ("Beijing", "Asia/Shanghai"),
        ("China", "Asia/Shanghai"),
        ("Japan", "Asia/Tokyo"),
        ("Ireland", "Europe/Dublin"),
        ("Dublin", "Europe/Dublin"),
        ("France", "Europe/Paris"),
        ("Paris", "Europe/Paris"),
        ("Spain", "Europe/Madrid"),
        ("Italy", "Europe/Rome"),
        ("Netherlands", "Europe/Amsterdam"),
        ("Amsterdam", "Europe/Amsterdam"),
        ("Brazil", "America/Sao_Paulo"),
        ("Cape Town", "Africa/Johannesburg"),
        ("South Africa", "Africa/Johannesburg"),
        ("Singapore", "Asia/Singapore"),
        ("New Zealand", "Pacific/Auckland"),
        ("EST", "America/New_York"),
        # inside a sentence
        ("I'm in Berlin", "Europe/Berlin"),
        ("I live in New York City", "America/New_York"),
        ("I'm in central London", "Europe/London"),  # the place, not US Central time
        ("I live in New South Wales", "Australia/Sydney"),
        ("London time please", "Europe/London"),
        ("Berlin (UTC+2)", "Europe/Berlin"),  # a place follows daylight saving time
        ("Paris, CET", "Europe/Paris"),
        ("pacific time", "America/Los_Angeles"),
        # offsets
        ("UTC+2", "UTC+02:00"),
        ("utc +2", "UTC+02:00"),
        ("GMT-5", "UTC-05:00"),
        ("+05:30", "UTC+05:30"),
        ("+0530", "UTC+05:30"),
        ("UTC+5:45", "UTC+05:45"),
        ("UTC+5.5", "UTC+05:30"),
        ("UTC\u22123", "UTC-03:00"),  # unicode minus
        ("UTC\u20133", "UTC-03:00"),  # en dash
        ("I'm on UTC-7", "UTC-07:00"),
        ("UTC+14", "UTC+14:00"),
        ("UTC-12", "UTC-12:00"),
        ("UTC+0", "UTC"),
        ("GMT-0", "UTC"),
        # UTC itself
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("GMT", "UTC"),
        ("Z", "UTC"),
        ("Etc/UTC", "UTC"),
        ("just use utc", "UTC"),
    ],
)
def test_parse_timezone_understands(text: str, expected: str) -> None:
    assert parse_timezone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "UTC+15", "UTC+14:30", "UTC-13", "UTC-12:30", "GMT+5:75", "UTC+5.25", "UTC+5:20",
        "nowhere", "", "   ", "Europe/Atlantis", "I'm at the center", "merry christmas",
    ],
)  # fmt: skip
def test_parse_timezone_rejects(text: str) -> None:
    assert parse_timezone(text) is None


@pytest.mark.parametrize(
    "text", ["Europe/London", "new york", "India", "UTC+5:45", "GMT-5", "UTC", "Pacific"]
)
def test_parsed_timezones_are_usable(text: str) -> None:
    name = parse_timezone(text)
    assert name is not None
    assert zone(name).utcoffset(datetime(2024, 1, 15, 12, 0)) is not None


@pytest.mark.parametrize(
    ("name", "winter", "summer"),
    [
        ("UTC", timedelta(0), timedelta(0)),
        ("UTC+05:30", timedelta(hours=5, minutes=30), timedelta(hours=5, minutes=30)),
        ("UTC-05:00", timedelta(hours=-5), timedelta(hours=-5)),
        ("UTC+14:00", timedelta(hours=14), timedelta(hours=14)),
        ("UTC-12:00", timedelta(hours=-12), timedelta(hours=-12)),
        ("Europe/London", timedelta(0), timedelta(hours=1)),
        ("America/New_York", timedelta(hours=-5), timedelta(hours=-4)),
        ("Pacific/Auckland", timedelta(hours=13), timedelta(hours=12)),  # southern summer
    ],
)
def test_zone_offsets(name: str, winter: timedelta, summer: timedelta) -> None:
    tz = zone(name)
    assert datetime(2024, 1, 15, 12, 0, tzinfo=tz).utcoffset() == winter
    assert datetime(2024, 7, 15, 12, 0, tzinfo=tz).utcoffset() == summer


@pytest.mark.parametrize(
    "name",
    [
        "", "Mars/Olympus_Mons", "Europe", "utc", "UTC+5", "UTC+15:00", "UTC-12:30",
        "UTC+00:00", "UTC+05:75", "UTC+05:20", "localtime", "../etc/passwd", "/etc/localtime",
    ],
)  # fmt: skip
def test_zone_rejects_unknown_names(name: str) -> None:
    with pytest.raises(ValueError):
        zone(name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Europe/London", "London time"),
        ("America/New_York", "New York time"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires time"),
        ("UTC+05:30", "UTC+05:30"),
        ("UTC-05:00", "UTC-05:00"),
        ("UTC", "UTC"),
    ],
)
def test_describe_zone(name: str, expected: str) -> None:
    assert describe_zone(name) == expected


@pytest.mark.parametrize(
    ("configured", "expected"),
    [(None, DEFAULT_ZONE), ("", DEFAULT_ZONE), ("  ", DEFAULT_ZONE),
     ("Europe/London", "Europe/London"), ("london", "Europe/London"), ("UTC+2", "UTC+02:00")],
)  # fmt: skip
def test_default_zone(configured: str | None, expected: str) -> None:
    assert default_zone(configured) == expected


def test_default_zone_refuses_a_typo() -> None:
    with pytest.raises(ValueError):
        default_zone("Europe/Lodnon")


# -------------------------------------------------------------------- local instants


@pytest.mark.parametrize(
    ("at_utc", "tz_name", "expected"),
    [
        (utc(2024, 6, 14, 19, 0), "Pacific/Auckland", date(2024, 6, 15)),
        (utc(2024, 6, 14, 11, 59), "Pacific/Auckland", date(2024, 6, 14)),
        (utc(2024, 7, 2, 6, 30), "America/Los_Angeles", date(2024, 7, 1)),
        (utc(2024, 7, 2, 7, 0), "America/Los_Angeles", date(2024, 7, 2)),
        (utc(2024, 7, 1, 23, 30), "Europe/London", date(2024, 7, 2)),
        (utc(2024, 1, 1, 23, 30), "Europe/London", date(2024, 1, 1)),
        (utc(2024, 1, 1, 18, 15), "UTC+05:45", date(2024, 1, 2)),
        (utc(2024, 1, 1, 18, 14), "UTC+05:45", date(2024, 1, 1)),
        (datetime(2024, 1, 2, 1, 0, tzinfo=ZoneInfo("Asia/Tokyo")), "UTC", date(2024, 1, 1)),
    ],
)
def test_local_date(at_utc: datetime, tz_name: str, expected: date) -> None:
    assert local_date(at_utc, tz_name) == expected


@pytest.mark.parametrize(
    ("day", "at", "tz_name", "expected"),
    [
        (date(2024, 7, 10), time(8, 0), "Europe/London", utc(2024, 7, 10, 7, 0)),
        (date(2024, 1, 10), time(8, 0), "Europe/London", utc(2024, 1, 10, 8, 0)),
        (date(2024, 1, 10), time(8, 0), "UTC+05:45", utc(2024, 1, 10, 2, 15)),
        (date(2024, 1, 10), time(8, 0), "Asia/Kathmandu", utc(2024, 1, 10, 2, 15)),
        (date(2024, 6, 15), time(7, 0), "Pacific/Auckland", utc(2024, 6, 14, 19, 0)),
        # Spring forward: 01:30 does not exist in London on 31 March 2024 (01:00 GMT
        # jumps to 02:00 BST), nor 02:30 in New York on 10 March 2024: the first
        # instant after the gap, when the clocks jump.
        (date(2024, 3, 31), time(1, 30), "Europe/London", utc(2024, 3, 31, 1, 0)),
        (date(2024, 3, 31), time(1, 0), "Europe/London", utc(2024, 3, 31, 1, 0)),
        (date(2024, 3, 31), time(2, 0), "Europe/London", utc(2024, 3, 31, 1, 0)),
        (date(2024, 3, 10), time(2, 30), "America/New_York", utc(2024, 3, 10, 7, 0)),
        # Fall back: 01:30 happens twice; the first one (summer time) counts.
        (date(2024, 10, 27), time(1, 30), "Europe/London", utc(2024, 10, 27, 0, 30)),
        (date(2024, 11, 3), time(1, 30), "America/New_York", utc(2024, 11, 3, 5, 30)),
        # Samoa skipped 30 December 2011 entirely: the jump is at its start.
        (date(2011, 12, 30), time(8, 0), "Pacific/Apia", utc(2011, 12, 30, 10, 0)),
    ],
)
def test_due_on(day: date, at: time, tz_name: str, expected: datetime) -> None:
    assert due_on(day, at, tz_name) == expected


@pytest.mark.parametrize(
    ("now", "at", "tz_name", "expected"),
    [
        # Still ahead today, exactly now, already passed.
        (utc(2024, 7, 10, 6, 0), time(8, 0), "Europe/London", utc(2024, 7, 10, 7, 0)),
        (utc(2024, 7, 10, 7, 0), time(8, 0), "Europe/London", utc(2024, 7, 10, 7, 0)),
        (utc(2024, 7, 10, 7, 1), time(8, 0), "Europe/London", utc(2024, 7, 11, 7, 0)),
        # "Today" is the person's day, not the UTC one.
        (utc(2024, 7, 2, 5, 0), time(23, 30), "America/Los_Angeles", utc(2024, 7, 2, 6, 30)),
        (utc(2024, 7, 2, 7, 0), time(23, 30), "America/Los_Angeles", utc(2024, 7, 3, 6, 30)),
        (utc(2024, 6, 14, 11, 0), time(7, 0), "Pacific/Auckland", utc(2024, 6, 14, 19, 0)),
        (utc(2024, 6, 14, 13, 0), time(7, 0), "Pacific/Auckland", utc(2024, 6, 14, 19, 0)),
        (utc(2024, 6, 14, 20, 0), time(7, 0), "Pacific/Auckland", utc(2024, 6, 15, 19, 0)),
        (utc(2024, 1, 10, 3, 0), time(8, 0), "UTC+05:45", utc(2024, 1, 11, 2, 15)),
        # Tomorrow across a clock change: 23 hours later, not 24.
        (utc(2024, 3, 30, 9, 0), time(8, 0), "Europe/London", utc(2024, 3, 31, 7, 0)),
        (utc(2024, 3, 31, 0, 0), time(1, 30), "Europe/London", utc(2024, 3, 31, 1, 0)),
    ],
)
def test_first_due(now: datetime, at: time, tz_name: str, expected: datetime) -> None:
    assert first_due(now, at, tz_name) == expected


# -------------------------------------------------------------------------- decide

SEND, WAIT = True, False
LON, NYC, AKL, LAX = "Europe/London", "America/New_York", "Pacific/Auckland", "America/Los_Angeles"


@pytest.mark.parametrize(
    ("case", "now", "at", "tz_name", "due", "expected"),
    [
        ("due exactly at the minute", utc(2024, 7, 10, 7, 0), time(8, 0), LON,
         utc(2024, 7, 10, 7, 0), Decision(SEND, date(2024, 7, 10), utc(2024, 7, 11, 7, 0))),
        ("one minute early", utc(2024, 7, 10, 6, 59), time(8, 0), LON,
         utc(2024, 7, 10, 7, 0), Decision(WAIT, None, utc(2024, 7, 10, 7, 0))),
        ("a day early: unchanged", utc(2024, 7, 9, 12, 0), time(8, 0), LON,
         utc(2024, 7, 10, 7, 0), Decision(WAIT, None, utc(2024, 7, 10, 7, 0))),
        ("restart later the same day: sent late, once", utc(2024, 7, 10, 14, 0), time(8, 0),
         LON, utc(2024, 7, 10, 7, 0),
         Decision(SEND, date(2024, 7, 10), utc(2024, 7, 11, 7, 0))),
        ("second call in a row: next due has moved on", utc(2024, 7, 10, 14, 1), time(8, 0),
         LON, utc(2024, 7, 11, 7, 0), Decision(WAIT, None, utc(2024, 7, 11, 7, 0))),
        ("missed yesterday, today's time has passed: only today's",
         utc(2024, 7, 10, 9, 0), time(8, 0), LON, utc(2024, 7, 9, 7, 0),
         Decision(SEND, date(2024, 7, 10), utc(2024, 7, 11, 7, 0))),
        ("missed yesterday, today's is exactly now", utc(2024, 7, 10, 7, 0), time(8, 0), LON,
         utc(2024, 7, 9, 7, 0), Decision(SEND, date(2024, 7, 10), utc(2024, 7, 11, 7, 0))),
        ("missed yesterday, today's still ahead: nothing now, wait for today's",
         utc(2024, 7, 10, 5, 0), time(8, 0), LON, utc(2024, 7, 9, 7, 0),
         Decision(WAIT, None, utc(2024, 7, 10, 7, 0))),
        ("down for five days: one check-in, today's", utc(2024, 7, 10, 20, 0), time(8, 0), LON,
         utc(2024, 7, 5, 7, 0), Decision(SEND, date(2024, 7, 10), utc(2024, 7, 11, 7, 0))),
        ("missed by minutes across local midnight: dropped",
         utc(2024, 7, 9, 23, 5), time(23, 30), LON, utc(2024, 7, 9, 22, 30),
         Decision(WAIT, None, utc(2024, 7, 10, 22, 30))),
        # Spring forward in London (31 March 2024): 8:00 BST is 07:00 UTC.
        ("London, the day before spring forward", utc(2024, 3, 30, 8, 0), time(8, 0), LON,
         utc(2024, 3, 30, 8, 0), Decision(SEND, date(2024, 3, 30), utc(2024, 3, 31, 7, 0))),
        ("London, spring-forward day", utc(2024, 3, 31, 7, 0), time(8, 0), LON,
         utc(2024, 3, 31, 7, 0), Decision(SEND, date(2024, 3, 31), utc(2024, 4, 1, 7, 0))),
        ("London, a time inside the gap is sent when the clocks jump",
         utc(2024, 3, 31, 1, 0), time(1, 30), LON, utc(2024, 3, 31, 1, 0),
         Decision(SEND, date(2024, 3, 31), utc(2024, 4, 1, 0, 30))),
        ("London, the day before the gap points into it", utc(2024, 3, 30, 1, 30),
         time(1, 30), LON, utc(2024, 3, 30, 1, 30),
         Decision(SEND, date(2024, 3, 30), utc(2024, 3, 31, 1, 0))),
        # Fall back in London (27 October 2024): 8:00 GMT is 08:00 UTC.
        ("London, the day before fall back", utc(2024, 10, 26, 7, 0), time(8, 0), LON,
         utc(2024, 10, 26, 7, 0), Decision(SEND, date(2024, 10, 26), utc(2024, 10, 27, 8, 0))),
        ("London, the ambiguous 01:30: first one sent", utc(2024, 10, 27, 0, 30), time(1, 30),
         LON, utc(2024, 10, 27, 0, 30),
         Decision(SEND, date(2024, 10, 27), utc(2024, 10, 28, 1, 30))),
        ("London, the repeated 01:30: nothing more", utc(2024, 10, 27, 1, 30), time(1, 30),
         LON, utc(2024, 10, 28, 1, 30), Decision(WAIT, None, utc(2024, 10, 28, 1, 30))),
        # New York: spring forward 10 March 2024, fall back 3 November 2024.
        ("New York, 02:30 the day before spring forward", utc(2024, 3, 9, 7, 30), time(2, 30),
         NYC, utc(2024, 3, 9, 7, 30), Decision(SEND, date(2024, 3, 9), utc(2024, 3, 10, 7, 0))),
        ("New York, 02:30 does not exist: sent at 03:00 EDT", utc(2024, 3, 10, 7, 0),
         time(2, 30), NYC, utc(2024, 3, 10, 7, 0),
         Decision(SEND, date(2024, 3, 10), utc(2024, 3, 11, 6, 30))),
        ("New York, 8 pm across spring forward", utc(2024, 3, 10, 1, 0), time(20, 0), NYC,
         utc(2024, 3, 10, 1, 0), Decision(SEND, date(2024, 3, 9), utc(2024, 3, 11, 0, 0))),
        ("New York, the ambiguous 01:30: first one sent", utc(2024, 11, 3, 5, 30), time(1, 30),
         NYC, utc(2024, 11, 3, 5, 30),
         Decision(SEND, date(2024, 11, 3), utc(2024, 11, 4, 6, 30))),
        ("New York, the repeated 01:30: nothing more", utc(2024, 11, 3, 6, 30), time(1, 30),
         NYC, utc(2024, 11, 4, 6, 30), Decision(WAIT, None, utc(2024, 11, 4, 6, 30))),
        # Fixed offsets with odd minutes.
        ("UTC+05:45", utc(2024, 1, 10, 2, 15), time(8, 0), "UTC+05:45",
         utc(2024, 1, 10, 2, 15), Decision(SEND, date(2024, 1, 10), utc(2024, 1, 11, 2, 15))),
        ("UTC-05:00, evening", utc(2024, 1, 11, 1, 30), time(20, 30), "UTC-05:00",
         utc(2024, 1, 11, 1, 30), Decision(SEND, date(2024, 1, 10), utc(2024, 1, 12, 1, 30))),
        # The local date is not the UTC date.
        ("Auckland: the 15th locally, the 14th in UTC", utc(2024, 6, 14, 19, 0), time(7, 0),
         AKL, utc(2024, 6, 14, 19, 0),
         Decision(SEND, date(2024, 6, 15), utc(2024, 6, 15, 19, 0))),
        ("Auckland: missed the 15th, the 16th's has passed", utc(2024, 6, 15, 20, 0),
         time(7, 0), AKL, utc(2024, 6, 14, 19, 0),
         Decision(SEND, date(2024, 6, 16), utc(2024, 6, 16, 19, 0))),
        ("Auckland: same UTC day as the due one but the next local day, not yet 7 am",
         utc(2024, 6, 14, 13, 0), time(7, 0), AKL, utc(2024, 6, 13, 19, 0),
         Decision(WAIT, None, utc(2024, 6, 14, 19, 0))),
        ("Los Angeles 11:30 pm: the 1st locally, the 2nd in UTC", utc(2024, 7, 2, 6, 30),
         time(23, 30), LAX, utc(2024, 7, 2, 6, 30),
         Decision(SEND, date(2024, 7, 1), utc(2024, 7, 3, 6, 30))),
        ("Los Angeles 11:30 pm, bot back at 11:59 pm the same local day",
         utc(2024, 7, 2, 6, 59), time(23, 30), LAX, utc(2024, 7, 2, 6, 30),
         Decision(SEND, date(2024, 7, 1), utc(2024, 7, 3, 6, 30))),
        ("Los Angeles 11:30 pm, bot back just after local midnight: skipped",
         utc(2024, 7, 2, 7, 1), time(23, 30), LAX, utc(2024, 7, 2, 6, 30),
         Decision(WAIT, None, utc(2024, 7, 3, 6, 30))),
    ],
)  # fmt: skip
def test_decide(
    case: str, now: datetime, at: time, tz_name: str, due: datetime, expected: Decision
) -> None:
    assert decide(now, at, tz_name, due) == expected


def test_decide_accepts_aware_non_utc_and_answers_in_utc() -> None:
    now = datetime(2024, 7, 10, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # 07:00 UTC
    result = decide(now, time(8, 0), "Europe/London", utc(2024, 7, 10, 7, 0))
    assert result == Decision(True, date(2024, 7, 10), utc(2024, 7, 11, 7, 0))
    assert result.next_due_utc.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (datetime(2024, 7, 10, 7, 0), utc(2024, 7, 10, 7, 0)),
        (utc(2024, 7, 10, 7, 0), datetime(2024, 7, 10, 7, 0)),
        (datetime(2024, 7, 10, 7, 0), datetime(2024, 7, 10, 7, 0)),
    ],
)
def test_decide_rejects_naive_datetimes(now: datetime, due: datetime) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        decide(now, time(8, 0), "Europe/London", due)


@pytest.mark.parametrize(
    "call",
    [
        lambda: first_due(datetime(2024, 7, 10, 7, 0), time(8, 0), "UTC"),
        lambda: local_date(datetime(2024, 7, 10, 7, 0), "UTC"),
    ],
    ids=["first_due", "local_date"],
)
def test_other_functions_reject_naive_datetimes(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        call()


def test_decide_rejects_an_unknown_zone() -> None:
    with pytest.raises(ValueError):
        decide(utc(2024, 7, 10, 7, 0), time(8, 0), "Mars/Olympus_Mons", utc(2024, 7, 10, 7, 0))


def test_decision_is_frozen() -> None:
    d = Decision(False, None, utc(2024, 1, 1))
    with pytest.raises(AttributeError):
        d.send = True  # type: ignore[misc]


@pytest.mark.parametrize(
    ("tz_name", "at", "start", "days"),
    [
        (LON, time(8, 0), date(2024, 3, 29), 4),  # spring forward
        (LON, time(1, 30), date(2024, 3, 29), 4),  # inside the gap
        (LON, time(1, 30), date(2024, 10, 25), 4),  # ambiguous hour
        (NYC, time(2, 30), date(2024, 3, 8), 4),
        (NYC, time(1, 30), date(2024, 11, 1), 4),
        (AKL, time(7, 0), date(2024, 4, 5), 4),  # NZ falls back 7 April 2024
        (LAX, time(23, 30), date(2024, 11, 1), 4),
        ("UTC+05:45", time(0, 0), date(2024, 1, 1), 3),
        ("UTC-12:00", time(23, 59), date(2024, 1, 1), 3),
    ],
)
def test_a_sender_ticking_every_minute_sends_once_per_local_day(
    tz_name: str, at: time, start: date, days: int
) -> None:
    tz = zone(tz_name)
    begin = datetime.combine(start, time(0, 0), tzinfo=tz).astimezone(UTC)
    now = begin
    due = first_due(now, at, tz_name)
    sent: list[tuple[date, datetime]] = []
    while now < begin + timedelta(days=days):
        if due <= now:
            decision = decide(now, at, tz_name, due)
            if decision.send:
                assert decision.local_date is not None
                sent.append((decision.local_date, now))
            assert decision.next_due_utc > now
            due = decision.next_due_utc
        now += timedelta(minutes=1)
    local_days = [day for day, _ in sent]
    assert local_days == [start + timedelta(days=i) for i in range(len(sent))]
    assert len(sent) >= days - 1
    for day, moment in sent:
        assert moment == due_on(day, at, tz_name)
        assert local_date(moment, tz_name) == day
