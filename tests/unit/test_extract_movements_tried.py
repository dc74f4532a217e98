"""Which way it hurts, told as people test and explain their movements: a movement tried
while typing and its verdict after a sign ("picking up the cat = ouch", "leaned back -
same"), someone else's guess taken back, a seat the pain drives the person to ("I have
to sit down, then it settles"), a movement ruled out after "because" ("because I can't
sit through a film"). Each row in our own words."""

from __future__ import annotations

import datetime

import pytest

from bot.nlu.pipeline import extract

MONDAY = datetime.date(2026, 12, 7)


def direction(text: str) -> str | None:
    """The painful direction read from the message, if any."""
    return next((e.value for e in extract(text, MONDAY) if e.entity == "pain_direction"), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a movement and its verdict after a sign; a cry of pain is a verdict
        ("right, tried it. lifting the laundry basket = ouch", "flexion"),
        ("ok so reaching down to the dishwasher = owww", "flexion"),
        ("picking up the cat = ouch. arching back = also ouch lol", "both"),
        ("squatting down -> ow. leaning back -> ow too", "both"),
        # each movement tried and found the same: nothing changes it
        ("just tested it. bent down - same. leaned back - same. walked round the room - same",
         "none"),
        ("Trying now: sat on the sofa - no change. stood at the window - still the same.",
         "none"),
        # ... unless another movement tried does change it, or "same" is like a pain before
        ("leaned back: no change. bent down to the bin - ouch", "flexion"),
        ("Sitting at the desk is agony. Bending over - same.", "flexion"),
        # "I don't think moving changes it", "it's no different"
        ("Tried all sorts. I don't think moving changes it.", "none"),
        ("Standing, sitting, bending: it's no different.", "none"),
        # what was tried for the pain and found wanting says no direction; the movements
        # tried and "nothing" still do
        ("been using a heat wrap and arnica gel, nothing", None),
        ("Took co-codamol for a week. Nothing.", None),
        ("I tried. Nothing.", "none"),
        ("tried it, nothing", "none"),
        ("tried a heat pad, nothing. bending to the dishwasher is the worst", "flexion"),
        # someone else's guess, taken back
        ("My GP reckoned bending was the trouble, but honestly no, it's no different.", "none"),
        ("The nurse suggested it could be worse standing, but no, it is no different.", "none"),
        # a seat taken because the pain drives them to it
        ("After ten minutes at the bus stop I must sit down", "extension"),
        ("when I queue it starts aching and I have to sit down or lean on the counter, then "
         "it settles", "extension"),
        ("I have to sit down all day at work and it kills", "flexion"),
        ("It hurts when I stand, then it eases off", "extension"),
        # what does not bother them is fine
        ("Walking about. Lifting doesn't bother me much.", "extension"),
        # what the pain rules out, after "because"
        ("I gave up church because I can't stand through the hymns", "extension"),
        ("I let the allotment go because I can't bend to the beds", "flexion"),
        ("I skip the cinema now because I can't sit through a film, and queueing at the "
         "till is murder too", "both"),
        ("We stopped camping because I can't sit on the ground or stand by the fire", "both"),
    ],
)
def test_direction_read_from_movements_tried(text: str, expected: str) -> None:
    assert direction(text) == expected
