"""Which way it hurts when the person tells of getting up out of a seat: stuck bent, unable
to straighten, after a seat named only in passing ("on the settee ... when I went to get
up I couldn't straighten") is the pain of sitting (flexion), not of leaning back; standing
or walking said to be easier or "more manageable" is relief; "can't straighten" said on
its own, or after getting out of bed, stays as it was. Each row in our own words."""

from __future__ import annotations

import datetime

import pytest

from bot.nlu.pipeline import extract

MONDAY = datetime.date(2026, 12, 7)


def direction(text: str) -> object:
    """The painful direction read from the message, if any."""
    return next((e.value for e in extract(text, MONDAY) if e.entity == "pain_direction"), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stuck bent on getting up, the seat named only as where they were
        ("I spent the morning at my desk and when I went to get up I couldn't straighten.",
         "flexion"),
        ("We were on the settee watching a film, and when I tried to stand up I could not "
         "straighten up.", "flexion"),
        ("After the long drive, when I got out of the van I couldn't straighten.", "flexion"),
        ("Got up off the stool at the bar and I just couldnt straighten", "flexion"),
        ("I was in my armchair reading. When I stood up, I was unable to straighten.",
         "flexion"),
        ("When I get up from the sofa I can't stand up straight for a minute.", "flexion"),
        # ... with the other bending movements and standing told as easier
        ("Sat in the swivel chair doing accounts, then when I rose up I could not straighten. "
         "Reaching for the laundry on the floor is horrid. Walking to the shops is easier.",
         "flexion"),
        ("The sitting is the worst. I was at the kitchen table and when I wanted to stand up, "
         "I couldn't straighten. Bending over the sink hurts too. Standing tall or strolling "
         "about, it is more manageable.", "flexion"),
        # said on its own, or out of bed, it stays as it reads
        ("Right now I can't straighten properly", "extension"),
        ("I cannot stand up straight at the moment", "extension"),
        ("I can't straighten up after bending", "extension"),
        ("When I get out of bed in the morning I can't straighten.", "extension"),
        ("I stand at my desk all day and when I stand up straight it hurts.", "extension"),
        # getting up out of bed, then a seat taken to ease it: the seat is relief
        ("When I got up today I couldn't straighten, I had to sit down.", "extension"),
    ],
)
def test_stuck_bent_after_a_seat_is_flexion(text: str, expected: str) -> None:
    assert direction(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a movement said to be easier to bear points the pain the other way
        ("Walking round the block is more manageable.", "flexion"),
        ("When I walk about the garden, it is more manageable.", "flexion"),
        ("Leaning back is bearable, bending is murder.", "flexion"),
        ("Arching backwards is easier.", "flexion"),
        ("Sitting down is more tolerable.", "extension"),
        # ... but not when denied
        ("Bending forward is not manageable at all.", "flexion"),
    ],
)
def test_easier_to_bear_is_relief(text: str, expected: str) -> None:
    assert direction(text) == expected
