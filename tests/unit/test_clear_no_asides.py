"""A clear "no" with an everyday aside after it: a guess at the cause ("no, not serious,
I reckon it's from the garden"), a medicine taken now and then ("... and ibuprofen
sometimes"), "none from the list" as learners say it; and the asides that still doubt
the no or name a sign (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from bot.nlu.clear_no import reads_as_clear_no


@pytest.mark.parametrize(
    ("text", "clear"),
    [
        # a guess at the cause after a no
        ("No, nothing serious. I think it's from carrying the baby all day.", True),
        ("nope, not an emergency, probably because of my old mattress", True),
        # ... not a doubt of the no, a sign, or the pain changing
        ("No, I think so", False),
        ("No, I think my legs are weaker from it", False),
        ("no, i think it is getting worse from driving", False),
        ("No. Maybe from a fall last week", False),
        # a medicine now and then
        ("No, none of those. I take vitamin D and an antacid sometimes.", True),
        ("nothing of that. only sometimes I take paracetamol for a headache", True),
        ("no, sometimes my toes go numb", False),
        ("none, but sometimes I wet myself", False),
        # "from" for "of"
        ("None from the list, I am fit and well.", True),
        ("Nothing from those things, thank you.", True),
    ],
)
def test_a_no_with_an_everyday_aside(text: str, clear: bool) -> None:
    assert reads_as_clear_no(text) is clear
