"""Kinds from messages about young people, sport and two people at once: the verdict a
person gets for each (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from bot.nlu.red_flags import assess
from tests.support.verdicts import describe


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a passing illness over in the next sentence: what goes on after a "but" is the
        # back's, a "since" after a denial of the same sign dates the denial
        ("my partner and I both had a bug with a temperature last week. It cleared on "
         "Friday, but my back still aches", "none"),
        ("had a bug with a temperature last week. It cleared on Friday, no fever since",
         "none"),
        ("had a temperature on monday. It went away, no temperature since and my back is "
         "easing", "none"),
        # ... but the sign coming back, or still there, stays one
        ("had a fever last week. It cleared up, but now it's back again and my back is agony",
         "urgent"),
        ("had a temperature last week. It cleared, but the fever is back tonight", "urgent"),
        ("had a temperature on monday. It went away, but I still have a fever and my back "
         "hurts", "urgent"),
    ],
)
def test_an_illness_over_in_the_next_sentence(text: str, level: str) -> None:
    assert assess(text).level == level, describe(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # someone close asks about the writer's sign, and the writer answers no (in the
        # next sentence too, and with the sign's verb said again: "no they're not")
        ("my daughter asked whether my legs had gone weak, no they haven't, just a stiff back",
         "none"),
        ("my wife asked if I had any numbness in my groin. Nope, none at all", "none"),
        ("the physio asked if my legs were going numb. No they're not", "none"),
        # a sign opening on "my" is the writer's, asked about by someone else or not
        ("my son asked if my legs were going numb and yes they are", "clarify"),
        # a no that is no bare one, or taken back, keeps the sign
        ("my wife asked if I had any numbness in my groin, no idea really", "clarify"),
        ("my son asked if my legs were going numb. No, they are worse, totally numb now",
         "clarify"),
        ("my partner asked if I'd wet myself, no it was worse, I wet the bed twice", "urgent"),
    ],
)
def test_a_question_from_someone_close_answered_no(text: str, level: str) -> None:
    assert assess(text).level == level, describe(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # someone else's sign treated ("repaired", "stented", "operated on"), nothing of now
        # and no tearing pain told: over for them
        ("my nan had her aneurysm stented and is doing fine, I just have a stiff lower back",
         "none"),
        ("my uncle had his aneurysm fixed so I worry, but my back is only stiff", "none"),
        ("my dad had an aneurysm repaired so I worry, but there is no tearing pain, just a "
         "dull ache after a long walk", "none"),
        # their sign now, or a tearing pain told, stays an emergency
        ("my brother had his aneurysm repaired on monday and today he has a ripping pain in "
         "his back", "other"),
        ("my dad had an aneurysm repaired, and I have a sudden tearing pain in my back",
         "other"),
    ],
)
def test_someone_elses_sign_treated(text: str, level: str) -> None:
    assert assess(text).level == level, describe(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a crash in a motor or riding sport is a road accident's kind
        ("had a nasty enduro crash on saturday and my back is wrecked", "urgent"),
        ("i crashed my dirt bike on the track and my back is agony", "urgent"),
        ("bmx accident at the skatepark this morning, lower back is killing me", "urgent"),
        # the sport named without a crash is none
        ("watched the motocross on tv and my back ached after", "none"),
        ("my son is into bmx and i drive him to races, my back gets stiff", "none"),
    ],
)
def test_a_crash_in_a_motor_or_riding_sport(text: str, level: str) -> None:
    assert assess(text).level == level, describe(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # an electric bike, scooter or board, hyphened or not, thrown from like any other
        ("came off my e-bike at speed and hit the road with my back", "urgent"),
        ("flew off the e-scooter at the kerb and my back is agony", "urgent"),
        ("came off my ebike on the descent and landed on my back", "urgent"),
        ("my kids rode e-scooters in the park and I walked behind, my back aches", "none"),
    ],
)
def test_thrown_from_an_electric_ride(text: str, level: str) -> None:
    assert assess(text).level == level, describe(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # not feeling oneself go to the toilet: the sensation of passing urine lost
        ("since monday i cannot feel myself going to the toilet", "urgent"),
        ("i can no longer feel myself go to the bathroom, i have to check", "urgent"),
        ("i can not feel myself going to sleep at night", "none"),
        ("i cannot see myself going to the toilet every hour, i drink so little", "none"),
    ],
)
def test_not_feeling_oneself_go_to_the_toilet(text: str, level: str) -> None:
    assert assess(text).level == level, describe(text)
