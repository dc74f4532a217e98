"""Times that are not this bout's length and numbers that are not its score: a child's age
("our boy of 7 months"), how far on a pregnancy is ("32 weeks with my second"), a count
("up 3 or 4 times a night"); a length said unsure before a question mark ("maybe five
weeks? ...") is an answer; "last <this month>" is a year ago. Each row in our own words."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from bot.nlu.pipeline import extract

MONDAY = datetime.date(2026, 12, 7)


def values(text: str) -> dict[str, Any]:
    """Each slot's value, and whether it was said only in passing (role "context")."""
    return {e.entity: (e.value, e.role) for e in extract(text, MONDAY)}


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a child's age: theirs, not the back's; the how-long question still comes
        ("Our boy of 7 months is heavy now and my back aches from carrying him", None),
        ("a baby of 5 weeks and a toddler, my lower back is wrecked", None),
        ("the bubba is 4 wks and my low back is shot from feeding", None),
        ("the triplets are 8 months and my back hurts every evening", None),
        ("my back is sore from lugging my 6-week-old about", None),
        ("my back is sore from lugging my 6 week old about", None),
        # how far on a pregnancy is, with or without a word of pregnancy
        ("32 weeks with my second and the lower back is aching", None),
        ("29 wks with baby no. 4 and my back hurts", None),
        ("33 weeks with twins, back is agony", None),
        # the bout's own length stays the bout's
        ("my back pain is 3 weeks old now", 21),
        ("4 weeks with my back like this and I've had enough", 28),
        ("5 weeks with no let-up, my back is done", 35),
        ("2 weeks with no sleep and now my lower back aches", 14),
        ("the baby is 9 months and my back has hurt for 2 weeks", 14),
        # the pain dated from the birth: the age is how long it has lasted
        ("it's been like this since I had her. she is 3 months old now", 90),
        ("ever since the baby came, and he is 7 weeks now", 49),
        # the window over which something is counted is no length of the bout
        ("it has locked up twice in the last five years", None),
        ("been to the physio 4 times over the past year, back still sore", None),
        ("my back has been bad in the last two weeks", 14),
    ],
)
def test_an_age_or_a_pregnancy_is_no_length_of_the_bout(text: str, days: int | None) -> None:
    found = values(text).get("pain_duration_days")
    assert (found[0] if found else None) == days


@pytest.mark.parametrize(
    ("text", "score"),
    [
        # a count per day or per night is no score
        ("up 3 or 4 times a night with the baby and my back hurts", None),
        ("pumping like 6-7 times a day and my back is sore", None),
        ("doing stairs maybe 10 to 12 times a day, back is bad", None),
        # a score beside a range is still read
        ("my back is like 6-7 out of 10", 6),
    ],
)
def test_a_count_is_no_pain_score(text: str, score: int | None) -> None:
    found = values(text).get("pain_score")
    assert (found[0] if found else None) == score


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a length said unsure, then something else: the answer, hedged
        ("maybe five weeks? ever since the new job started", 35),
        ("about 3 months? how is that relevant", 90),
        ("like a fortnight? honestly not sure", 14),
        # a topic echoed back is still no answer
        ("How long? ages", None),
    ],
)
def test_a_length_said_with_a_question_mark_is_an_answer(text: str, days: int | None) -> None:
    found = values(text).get("pain_duration_days")
    assert (found[0] if found else None) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # "last" and the month we are in: that month a year ago
        ("It started last December, just before the holidays", 371),
        ("since last December", 371),
        # another month: its most recent one, as before
        ("since last October", 67),
    ],
)
def test_last_and_this_month_is_a_year_ago(text: str, days: int) -> None:
    assert values(text)["pain_duration_days"][0] == days
