"""What phone typing, figures and a told story add to an answer: getting up after a
sitting named the sentence before, an article left out before "back of" the leg, no
movement picked out over the movements listed (and "the rest" beside the one that hurts),
a reach out of reach, an ISO date, a weekday "before last" after a long history. Each row
in our own words."""

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
        # no movement picked out, in so many words, over the movements listed
        ("can't pin it to one movement. sitting, bending, walking, it's a dull ache",
         "pain_direction", "none"),
        ("I can't say anything makes it any worse. Bending, standing, all much the same.",
         "pain_direction", "none"),
        ("walking, sitting, bending, it doesn't really change.", "pain_direction", "none"),
        # ... but the one said to hurt stands against "the rest" or "otherwise"
        ("bending kills, the rest is all the same", "pain_direction", "flexion"),
        ("standing at work is worst, otherwise no difference", "pain_direction",
         "extension"),
        ("lifting hurts, everything else is fine", "pain_direction", "flexion"),
        # the reach said to be out of reach
        ("touching my toes is impossible right now", "flexibility", "tight"),
        ("reaching the floor is out of the question", "flexibility", "tight"),
        ("touching my toes isn't happening", "flexibility", "tight"),
        ("touching my toes is easy", "flexibility", "normal"),
        # getting up just after a sitting, with no "then" ("when I stand up after")
        ("sitting in lectures, when I get up after it's awful", "pain_direction", "flexion"),
        # ... but not after a sitting that eases it
        ("sitting is fine but when I stand up it hurts", "pain_direction", "extension"),
        # "and it went": the back gave way in the story, no relief of the movement
        ("I was leaning over the cot changing her and it went. bending is the worst since",
         "pain_direction", "flexion"),
        # ... also with a word of how it went between ("it just went", "it suddenly went"):
        # the movement of the story, not one that eased
        ("bent down for the dog's bowl and it just went", "pain_direction", "flexion"),
        ("was lifting a crate and it suddenly went", "pain_direction", "flexion"),
        # ... but the pain that went "away" is relief
        ("hunched over the desk all day, lay flat and it just went away", "pain_direction",
         "flexion"),
        # regional words of easing after a posture: "comes right", "comes good"
        ("standing at the stall it builds up. I sit on a stool and it comes right",
         "pain_direction", "extension"),
        ("standing at the stove it builds up. I sit down and it comes good", "pain_direction",
         "extension"),
        ("the ironing gets me. a bit of a sit down and it came right", "pain_direction",
         "extension"),
        # the leg: the motion after the place ("till knee ... pain is coming"), thighs
        # aching, the place then yes, the hip only
        ("till calf back side pain is coming", "leg_pain", True),
        ("both thighs burn when I stand long", "leg_pain", True),
        ("thigh yeah, right side", "leg_pain", True),
        ("hip only", "leg_pain", False),
        ("bum only, left", "leg_pain", False),
        ("bending to the calves to feed them", "leg_pain", None),
        # "both" said with a word of pain
        ("forwards and back, both sore", "pain_direction", "both"),
        # the ground for the floor
        ("I can touch the ground easy", "flexibility", "normal"),
        ("can't touch the ground", "flexibility", "tight"),
        # an ISO date; a weekday "before last" with a long history before it
        ("since 2026-11-02", "pain_duration_days", 35),
        ("it started on 2026-11-30 at work", "pain_duration_days", 7),
        ("bad on and off for 6 years but this lot began the friday before last",
         "pain_duration_days", 10),
    ],
)
def test_phone_wordings(text: str, slot: str, expected: object) -> None:
    assert values(text).get(slot, (None,))[0] == expected, values(text)
