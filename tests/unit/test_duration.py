"""Table-driven tests for bot.nlu.duration.parse_duration_days (pure function), and a
length corrected by a bare number as the extractor reads it."""

from __future__ import annotations

import datetime

import pytest

from bot.nlu.duration import (
    MAX_DAYS,
    calendar_date_in,
    is_rate_or_future,
    parse_duration_days,
    start_named_in,
)
from bot.nlu.pipeline import extract

TODAY = datetime.date(2025, 5, 14)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # number + unit
        ("ten days", 10),
        ("10 days", 10),
        ("3 weeks", 21),
        ("three weeks", 21),
        ("about 3 months", 90),
        ("around three months", 90),
        ("a couple of weeks", 14),
        ("couple weeks", 14),
        ("a couple of days", 2),
        ("a few days", 3),
        ("few weeks", 21),
        ("several days", 3),
        ("a fortnight", 14),
        ("to weeks now", 14),  # dictated "two"
        ("it's been too months", 60),
        ("up to weeks", None),
        ("two fortnights", 28),
        ("a week and a half", 11),
        ("a year and a half", 548),
        ("two and a half weeks", 18),
        ("1.5 months", 45),
        ("2.5 weeks", 18),
        ("2 yrs", 730),
        ("2yrs", 730),
        ("two years", 730),
        ("a year", 365),
        ("one year", 365),
        ("an hour", 0),
        ("a day", 1),
        ("a week", 7),
        ("a month", 30),
        ("half a year", 183),
        ("half a day", 1),
        ("24 hours", 1),
        ("48 hours", 2),
        ("36 hours", 1),
        ("5 hours", 0),
        ("twenty days", 20),
        ("twenty-one days", 21),
        ("twenty one days", 21),
        ("thirty days", 30),
        ("forty days", 40),
        ("fifty days", 50),
        ("eleven weeks", 77),
        ("nineteen days", 19),
        ("3weeks", 21),
        ("10days", 10),
        ("6 wks", 42),
        ("4 mths", 120),
        ("3 weeks and 2 days", 23),
        ("1 year, 2 months", 425),
        ("2-3 weeks", 18),
        ("2 to 3 weeks", 18),
        ("a week or two", 11),
        ("a day or two", 2),
        ("0 days", 0),
        ("zero days", 0),
        ("for the past 3 weeks", 21),
        ("It started 3 weeks ago", 21),
        ("~3 weeks", 21),
        ("over a month", 30),
        ("nearly 2 months now", 60),
        ("I've had it for 3 WEEKS", 21),
        ("50 years", MAX_DAYS),
        # relative to today
        ("since yesterday", 1),
        ("since last night", 1),
        ("since the day before yesterday", 2),
        ("since this morning", 0),
        ("since today", 0),
        ("started today", 0),
        ("since last week", 7),
        ("since last month", 30),
        ("since last year", 365),
        ("since Monday", 2),
        ("since monday", 2),
        ("since last Monday", 2),
        ("it started on Monday", 2),
        ("since Tuesday", 1),
        ("since Wednesday", 7),
        ("since Thursday", 6),
        ("since sunday", 3),
        ("since the weekend", 4),
        ("since March", 74),
        ("since May", 13),
        ("since June", 347),
        ("since 3 March", 72),
        ("since March 3rd", 72),
        ("since March 3", 72),
        ("since the 3rd of March", 72),
        ("since 14 May", 0),
        ("since 20 May", 359),
        ("since March 2024", 439),
        ("since 3 March 2024", 437),
        ("since 2024", 499),
        ("since Christmas", 140),
        ("since xmas", 140),
        ("since new year", 133),
        ("since New Year's", 133),
        ("since feb 29", 440),
        # whole-text date words
        ("yesterday", 1),
        ("Yesterday.", 1),
        ("last night", 1),
        ("this morning", 0),
        ("monday", 2),
        # corrections: the last mention wins
        ("actually it's been two months", 60),
        ("3 weeks, no wait, actually two months", 60),
        ("since Monday, well, more like 2 weeks", 14),
        # nothing / nonsense / invalid
        ("", None),
        ("   ", None),
        ("today", None),
        ("it's an 8 today", None),
        ("hello", None),
        ("weeks", None),
        ("7", None),
        ("-3 weeks", None),
        ("- 3 weeks", None),
        ("51 years", None),
        ("100 years", None),
        ("a hundred years", None),
        ("3 times a week", None),
        ("once a day", None),
        ("twice a week", None),
        ("8 hours a day", None),
        ("in 2 weeks", None),
        ("I'm 45 years old", None),
        ("a 2 year old", None),
        ("the pain is 2 days old", 2),
        ("for the next 2 weeks", None),
        ("every 3 days", None),
        ("since 31 February", None),
        ("since 2099", None),
        ("since I lifted the box", None),
        ("from the floor", None),
        ("since the 3rd", 11),  # the most recent 3rd (of May)
        ("since the 30th", 14),  # the most recent 30th (of April)
        ("since news broke", None),
        ("😀", None),
        ("me duele la espalda", None),
        # an amount said again more exactly is one amount, not a sum
        ("nearly one month, four weeks exactly", 28),
        ("3 months, 2 weeks", 104),
    ],
)
def test_parse_duration_days(text: str, expected: int | None) -> None:
    assert parse_duration_days(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("since March", datetime.date(2025, 3, 1), 0),
        ("since March", datetime.date(2025, 3, 20), 19),
        ("since March", datetime.date(2025, 2, 10), 346),
        ("since 3 March", datetime.date(2025, 3, 2), 364),
        ("since Christmas", datetime.date(2024, 12, 25), 0),
        ("since Christmas", datetime.date(2024, 12, 30), 5),
        ("since Monday", datetime.date(2025, 5, 12), 7),
        ("since Sunday", datetime.date(2025, 5, 12), 1),
        ("since feb 29", datetime.date(2024, 3, 1), 1),
        ("since new year", datetime.date(2025, 1, 1), 0),
        # Eid al-Adha by its Malay and South Asian names (27 May 2026)
        ("since Hari Raya Haji", datetime.date(2026, 12, 6), 193),
        ("since bakrid", datetime.date(2026, 12, 6), 193),
        # an event of a holiday's season is not its day
        ("since the christmas do at work", datetime.date(2026, 12, 6), None),
        ("since the xmas party", datetime.date(2026, 12, 6), None),
    ],
)
def test_parse_duration_days_other_today(
    text: str, today: datetime.date, expected: int | None
) -> None:
    assert parse_duration_days(text, today) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (["3", "times"], [], True),
        (["once"], [], True),
        ([], ["a", "day"], True),
        (["in"], [], True),
        (["the", "next"], [], True),
        (["for", "the"], ["now"], False),
        (["hours"], [], True),
        ([], ["old"], False),
        ([], [], False),
    ],
)
def test_is_rate_or_future(before: list[str], after: list[str], expected: bool) -> None:
    assert is_rate_or_future(before, after) is expected


def test_age_is_not_a_duration() -> None:
    assert is_rate_or_future(["i'm"], ["old"], "years") is True
    assert is_rate_or_future(["is"], ["old"], "days") is False


def test_never_returns_out_of_range() -> None:
    for text in ("9999 days", "-1 days", "1000 years", "since 1800"):
        result = parse_duration_days(text, TODAY)
        assert result is None or 0 <= result <= MAX_DAYS


def test_non_string_input_is_none() -> None:
    assert parse_duration_days(None, TODAY) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # holidays, on the most recent date not after today (2025-05-14, a Wednesday)
        ("since the bank holiday", 9),  # early May bank holiday, Monday 5 May 2025
        ("since easter", 24),  # Sunday 20 April 2025
        ("since good friday", 26),
        ("since thanksgiving", 167),  # Thursday 28 November 2024
        ("since black friday", 166),  # the day after
        ("since cyber monday", 163),  # Monday 2 December 2024
        ("since bonfire night", 190),
        ("since boxing day", 139),
        ("thanksgiving day", 167),  # the day it started, named alone as the answer
        ("since advent sunday", 164),  # Sunday 1 December 2024
        ("since the feast of christ the king", 171),  # the Sunday before
        # an event dated a few words on; by its month alone, the middle of that month (it
        # fell on some day of it), unless a part of the month is named
        ("since we moved house in march", 60),
        ("since i started the new job in april", 29),
        ("since the christening in early april", 43),
        ("since the move on the 2nd of april", 42),
        ("since the wedding six weeks back", 42),
        ("since we moved, nothing", None),
        # named days written with an apostrophe, and days that hang on Easter or a month
        ("since St George's Day", 21),
        ("since anzac day", 19),
        ("since whitsun", 360),  # Whit Sunday 2025 is still to come: 2024's
        # the nth weekday of a month, and a weekday qualified
        ("since the last Sunday of April", 17),
        ("since the first Tuesday in May", 8),
        ("since the Monday of last week", 9),
        ("since the Monday o last week", 9),  # "o": of, in Scots and Irish speech
        ("since Wednesday the week before last", 14),
        ("since Saturday last", 4),
        ("since Friday the 2nd", 12),  # the date says which Friday
        ("since the 21st", 23),  # the most recent 21st
        # a bare unit, half a unit
        ("fortnight", 14),
        ("a month", 30),
        ("half year", 183),
    ],
)
def test_days_named_by_a_holiday_or_an_event(text: str, expected: int | None) -> None:
    assert parse_duration_days(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an answer to "how long?" that names its start without "since"
        ("monday just gone", 2),
        ("The day the clocks went forward, no, the Saturday. So Saturday.", 4),
        ("we flew back on 2 May and it started on the plane", 12),
        ("I started the new job on Monday and since then it hurts", 2),
        ("it came on Friday, no wait, not Friday, the Thursday before", 6),
        ("Saturday I have football", 4),  # read only where the question was asked
        ("since the school fete, the 3rd", 11),  # "the 3rd": the most recent 3rd
        ("a few weeks", None),  # a length, for parse_duration_days
        ("yesterday morning", 1),
        # a weekday that names the day of the date before it
        ("Thanksgiving Day, so last Thursday.", 167),
        ("it was the 10th, the Saturday", 4),
        ("Cup Day, we had the family over on the Tuesday", 190),
        ("The Sunday the clocks went back. Was rewiring a loft that weekend.", 199),
        ("Since my hen do, which was the weekend before last. The Saturday.", 11),
        ("two Sundays ago", 10),
        ("a week last Saturday", 11),  # the Saturday a week before the last one
        ("a fortnight last Friday", 19),
        ("it was the 10th, the Saturday. I remember because the team came on Monday", 4),
        ("We moved the last weekend of October, on the Saturday.", 200),
        ("yday arvo at work", 1),
        ("last week Thursday", 6),  # that weekday of last week, not the last Thursday
        ("round about Easter, the Friday before", 26),  # Good Friday, 18 April 2025
        ("the day before Easter, on my Saturday shift", 25),  # the Saturday names that day
        ("saturday's match", 4),  # a possessive weekday
        # "the Monday after" what was said, then its date: the date
        ("the wedding was Saturday the 26th, it went the Monday after, the 28th", 16),
        # "the day after that" a date said before; "the Friday before" one said before
        ("the fete was on the 3rd of May and it went the day after that, the Sunday", 10),
        ("Last Friday - no, the Friday before, the 2nd.", 12),
        # "sat" the verb is no Saturday; "the Saturday of" an event is no last Saturday
        ("since sports day, fri 9th may. sat on the benches all day", 5),
        ("Since the Saturday of the cup final. The 10th.", 4),
        # a date given as the reason it is known ("because it was ...")
        ("I know because it was pay day, Friday 9th May", 5),
        # a written date wins over a weekday said beside it that falls elsewhere
        ("The Friday after the party, so the 2nd of May. And the Tuesday was the gym.", 12),
        # "the day after" with nothing after it: the day after the one named, however far
        ("Since Easter Sunday. No, I was fine that day. It was the day after, the Monday", 23),
        # the day of the month said beside a named day is that day's, not the latest one
        ("It was St Patrick's Day, the 17th, I remember the parade", 58),
        # a weekday said again after a doubt is the day named before that fell on it
        ("The Friday before the bank holiday. Or was it the Thursday... no, Friday", 12),
        # a weekday of a habit is no start; a start beside one still is
        ("Is swimming ok? I go to the pool every Tuesday", None),
        ("it went on Saturday, I play every Thursday", 4),
        # "that Saturday" points back at the one named before
        ("Saturday the 10th, at my cousin's. So since that Saturday", 4),
        # a weekday with a word before it still names the day just dated
        ("day after Easter, busy monday shift", 23),  # Easter Monday, 21 April 2025
    ],
)
def test_a_start_named_without_since(text: str, expected: int | None) -> None:
    assert start_named_in(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flag Day, 9 April", 35),
        ("the festival, April 9th", 35),
        ("Mothering Sunday, the last Sunday of April", 17),
        ("the 21st", None),  # no month to go by
        ("it began the 2nd of last month, the week of the school fete", 42),  # 2 April
        ("on the 9th of this month", 5),
        ("the 31st of last month", None),  # April has 30 days
        ("Sunday", None),
    ],
)
def test_a_calendar_date_written_out(text: str, expected: int | None) -> None:
    assert calendar_date_in(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two weeks. no actually nearer to 3", 21),
        ("5 days... no wait, 6", 6),
        ("a month, sorry, more like 2", 60),
        ("10 days no hang on closer to 2 weeks", 14),  # a unit of its own
        ("3 weeks, no sorry, about four months", 120),
        ("a week. no wait its 7 out of 10", 7),  # the number is a score, not a length
        ("since friday, no actually 2", None),  # nothing to take the unit from
    ],
)
def test_a_bare_number_restates_the_length_it_corrects(text: str, expected: int | None) -> None:
    found = {e.entity: e.value for e in extract(text, TODAY)}
    if expected is None:
        assert found.get("pain_duration_days") != 2
    else:
        assert found.get("pain_duration_days") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday's holiday is one named in its own clause, not a later one's
        ("sore since last Monday, and the staff party is at Christmas", 2),
        ("aching since monday. will it be gone by christmas?", 2),
        # a holiday the start names keeps what qualifies it after a comma
        ("since easter monday", 23),
    ],
)
def test_a_weekday_start_takes_no_holiday_from_another_clause(text: str, expected: int) -> None:
    found = {e.entity: e.value for e in extract(text, TODAY)}
    assert found.get("pain_duration_days") == expected
