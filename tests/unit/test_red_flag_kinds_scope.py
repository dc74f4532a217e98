"""How far a sign's words reach: a denial that reaches the clause describing the thing
denied, and a choice of words read as a choice (written for these kinds, not copied from a
set)."""

from __future__ import annotations

import pytest

from bot.nlu.red_flags import assess
from tests.support.verdicts import assert_verdict, describe


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a denied thing, then a clause that describes it: the denial reaches the clause
        ("it is not a constant pain that gets worse at night", "none", None),
        ("it's not the sort of ache that's worse at night", "none", None),
        ("no pain that wakes me at night, just stiff in the morning", "none", None),
        # a clause of its own, or the writer's own clause, is not denied
        ("i don't know, but the pain that wakes me at night is new", "urgent", "cancer"),
        ("i don't have a pain that i would call worse at night", "urgent", "cancer"),
        ("never had that before, the pain is worse at night now", "urgent", "cancer"),
        # nothing felt when touched down there, whichever word says "nothing"
        ("i can't feel anything when my wife touches me down there", "urgent",
         "cauda_equina"),
        ("cannot feel nothing when he touches me down there since sunday", "urgent",
         "cauda_equina"),
        ("i can feel it fine when he touches me down there", "none", None),
    ],
)
def test_how_far_a_signs_words_reach(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    "text",
    [
        # the screen denied with the no of another language
        "wala po lahat. walang lagnat, walang cancer, legs ok",
        "rien de ça: pas de fièvre, pas de cancer, legs fine",
        "nada disso, sem febre, no numbness",
        "hakuna, sina homa, no cancer",
    ],
)
def test_a_denial_in_another_language(text: str) -> None:
    assert assess(text).level == "none", describe(text)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # signs listed on a line, then one verdict for them all: it denies every one
        ("2. chills, night sweats - no", "none", None),
        ("temperature, shivers: none", "none", None),
        ("sweats at night, chills -> none", "none", None),
        ("• chills / high temperature = no\n• bladder & bowels = normal", "none", None),
        ("shivering, fever: no, and nothing else", "none", None),
        # the verdict reaches no further back than its own line or bullet
        ("numb around the back passage\nchills, fever - no", "urgent", "cauda_equina"),
        ("1. fever\n2. weight loss, sweats - no", "urgent", "infection"),
        # a list told by the writer, or a verdict asked back or taken back, denies nothing
        ("i had chills, a fever - no idea why", "urgent", "infection"),
        ("chills, fever: no?", "urgent", "infection"),
        ("fever, night sweats: yes", "urgent", "infection"),
        # a sign asked as if by the screen and answered at once ("chills? nope")
        ("shivers? nope, took it this morning, it was normal", "none", None),
        ("temp? no. legs giving way? yes, twice today", "urgent", "neuro_deficit"),
        ("chills? a few, on and off", "urgent", "infection"),
        # a sign that is itself the verdict of the item before it is no topic of the list
        ("back - worse at night, fever - no", "urgent", "cancer"),
    ],
)
def test_a_verdict_after_a_list_of_signs(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
