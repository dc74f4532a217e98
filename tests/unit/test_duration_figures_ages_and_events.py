"""Table-driven tests for how long the bout has lasted, said in wordings that read wrong
before: a date in figures beside its own weekday ("from 13.11 (Friday)"), a length added
with "plus", an age said with "have" ("I have 44 years"), "from" and a name ("visitors
from Leeds over Christmas": where from, not when), an event dated by its month alone (the
middle of that month) and a question opened after a colon, which answers nothing."""

from __future__ import annotations

import datetime

import pytest

from bot.nlu.answers import asks_in_so_many_words
from bot.nlu.duration import parse_duration_days, start_named_in
from bot.nlu.pipeline import extract

TODAY = datetime.date(2026, 12, 8)  # a Tuesday


def _duration(text: str) -> int | None:
    found = [e.value for e in extract(text, TODAY) if e.entity == "pain_duration_days"]
    return found[-1] if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the figures are the date; the weekday beside them only agrees with it
        ("It began 17.11 (a Tuesday).", 21),
        ("Thursday, 26/11, in the evening", 12),
        ("from 13.11, Friday", 25),
        ("on 30.11. (Monday)", 8),
        # figures with no weekday to agree, or a unit after them: no date
        ("about 2.5 weeks", None),
        ("it's 6.5 most days", None),
    ],
)
def test_figures_beside_their_weekday_answer_how_long(text: str, expected: int | None) -> None:
    assert start_named_in(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my back hurts from 13.11 (Friday)", 25),
        ("Started from 30/11, Monday.", 8),
        ("Since Friday, 27.11. Eleven days.", 11),
        # a length and more added with "plus"
        ("it's been four weeks plus two days", 30),
        ("2 months plus a week of this ache", 67),
        # "from" a pain score to another is no date
        ("it went from 7/10 to 4/10 with the heat pack", None),
    ],
)
def test_dates_in_figures_and_added_lengths_are_read(text: str, expected: int | None) -> None:
    assert _duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age said with "have", as Spanish, French or Italian say it
        ("I have 44 years, and since Thursday my lower back is very sore", 5),
        ("Hello, I have 58 years. The back hurts since Sunday.", 2),
        ("I have 27 years and my back hurts a lot", None),
        # years tied to the pain, or too few to be a grown-up's age: the pain's
        ("I have 4 years with this sore back", 1460),
        ("I have 3 years, the back is always bad", 1095),
    ],
)
def test_an_age_said_with_have_is_no_length(text: str, expected: int | None) -> None:
    assert _duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "from" a place or a person, then a date: theirs, not the pain's
        ("my back has ached for nine days, and we have family from Leeds over Christmas", 9),
        ("sore all the time, we have visitors from Canada at New Year", None),
        ("back pain since my aunt from Cork visited at Easter", 247),
        # "from" a day, a month or a holiday is still a start
        ("my back is sore from Monday", 1),
        ("aching from Halloween on", 38),
    ],
)
def test_from_a_name_is_where_from_not_when(text: str, expected: int | None) -> None:
    assert _duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event dated by its month alone: the middle of that month
        ("since the removal van came in October", 54),
        ("since the barbecue in October", 54),
        ("since the party in December", 4),  # this month: halfway back to its first
        # a part of the month, or its day, says where in it
        ("since the barbecue in late October", 44),
        ("since the barbecue on the 10th of October", 59),
        # a month said alone keeps its first day
        ("since October", 68),
    ],
)
def test_an_event_in_a_month_dates_its_middle(text: str, expected: int) -> None:
    assert parse_duration_days(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Sorry, one thing: should I stop swimming? The pool shuts in March anyway.", True),
        ("Quick question: is a hot bath ok?", True),
        ("Honestly: since the 3rd? maybe the 4th", False),
    ],
)
def test_a_question_after_a_colon_is_asked(text: str, asks: bool) -> None:
    assert asks_in_so_many_words(text) is asks
