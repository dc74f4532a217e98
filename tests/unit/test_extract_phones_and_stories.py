"""What phone typing and a told story add to an answer: getting up after a sitting named
the sentence before, an article left out before "back of" the leg. Each row in our own
words."""

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
    ("text", "slot", "expected"),
    [
        # getting up from the seat named in the sentence before is the seat's, not standing
        ("sat through a double lecture. then i stand up and it's agony", "pain_direction",
         "flexion"),
        ("Sitting at my desk all day. Then I get up and it kills", "pain_direction", "flexion"),
        ("sitting on the bus for an hour then standing up is the worst", "pain_direction",
         "flexion"),
        # standing itself, or standing up straight, is still standing
        ("sitting is fine. standing at the bar for hours kills it", "pain_direction",
         "extension"),
        ("sitting is ok. then i stand up straight and it bites", "pain_direction",
         "extension"),
        # the article left out before "back of" the leg
        ("sometimes go down to back of my calf", "leg_pain", True),
        ("pain go to front of right thigh", "leg_pain", True),
        # the buttock or hip alone is still no leg
        ("it's at back of my hip", "leg_pain", None),
    ],
)
def test_phone_wordings(text: str, slot: str, expected: object) -> None:
    assert values(text).get(slot, (None,))[0] == expected, values(text)
