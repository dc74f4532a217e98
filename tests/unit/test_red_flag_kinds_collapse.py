"""Kinds of red flag told around a collapse, a fall or a body that stops obeying: an aortic
aneurysm leaking (fainting with a sudden back and belly pain, a belly that beats with the
heart, a tearing pain with sweating), and the benign messages that share their words: the
verdict each gets (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # an aorta leaking: fainting, coming round on the floor or nearly passing out, with
        # a sudden or severe pain in the back and the belly, in one sentence or the next
        ("i am 74 and keeled over in the hallway, and now there is an awful pain in my "
         "back and my stomach", "urgent", "vascular"),
        ("blacked out for a few seconds at the sink, my tummy and back are agony",
         "urgent", "vascular"),
        ("woke up on the bathroom floor with a sudden pain right across my back and belly",
         "urgent", "vascular"),
        ("almost fainted in the car park, severe pain in my abdomen going through to my "
         "back", "urgent", "vascular"),
        ("i came over all light-headed and then this terrible pain in my back and tummy",
         "urgent", "vascular"),
        ("ex smoker, 69. sudden crippling pain in my stomach and lower back. i nearly passed "
         "out in the shop.", "urgent", "vascular"),
        ("collapsed getting out of the bath. now an excruciating ache in my back and "
         "belly.", "urgent", "vascular"),
        ("i went dizzy and white and my back and stomach are really bad", "urgent",
         "vascular"),
        ("my dad collapsed and says his back and stomach are in agony", "other",
         "vascular"),
        ("i fainted when i gave blood at uni, my back has ached for years", "none", None),
        ("feeling a bit faint as i skipped breakfast, usual ache in my lower back", "none",
         None),
        ("terrible period pain in my tummy and back again this month", "none", None),
        ("a faint twinge in my back and belly when i bend", "none", None),
        ("no fainting or dizziness, just a sudden ache in my back after lifting", "none",
         None),
        ("had a tummy bug and felt a bit dizzy, my back aches from lying in bed", "none",
         None),
        # a belly, or a lump in it, that beats or pulses with the heart
        ("my stomach pulses along with my heartbeat and my lower back is sore", "urgent",
         "vascular"),
        ("there is a lump above my belly button that pulses", "urgent", "vascular"),
        ("a swelling in my tummy that throbs in time with my pulse, back aching", "urgent",
         "vascular"),
        ("my belly seems to thump with my heart when i lie down", "urgent", "vascular"),
        ("i can hear my heartbeat in my ears after a jog", "none", None),
        ("a hernia bulge in my belly, it does not pulse, just aches", "none", None),
        ("my heart was pounding before the exam and my stomach was in knots", "none", None),
        # a tearing pain in the back going into the belly, with sweating or faintness
        ("a ripping feeling in my back that goes round into my tummy, i am drenched in "
         "sweat", "urgent", "vascular"),
        ("my back feels like it is being torn and it goes through to my belly, i feel so "
         "faint", "urgent", "vascular"),
        ("pulled something tearing up the carpet, my back aches and i am sweaty from the "
         "work", "none", None),
        # a real fall onto the back or the bottom (ice, stairs, a wet floor), and now a
        # pain scored 8 to 10, agony, or not able to straighten up, stand or get up
        ("lost my footing on the icy drive and landed smack on my lower back, it is a "
         "9/10", "urgent", "fracture"),
        ("skidded on the wet bathroom tiles and came down on my tailbone, i am in agony",
         "urgent", "fracture"),
        ("slipped coming down the stairs, went down hard on my bum and now i cannot stand "
         "up straight", "urgent", "fracture"),
        ("went flat on my back on the frosty pavement. pain is ten out of ten.", "urgent",
         "fracture"),
        ("i fell over on the wet lino onto my back and cannot get myself up", "urgent",
         "fracture"),
        ("slipped on ice and landed on my back, pain was 9/10 at first but it is fine now",
         "clarify", "fracture"),
        ("nearly slipped on the ice but grabbed the fence in time", "none", None),
        ("tumbled on the grass playing football with my son, laughed it off", "none", None),
        ("i slipped on the stairs back in 2015 and landed on my back, it flares now and "
         "then", "none", None),
        ("plopped down on my bum on the sofa, my back is about 3/10 today", "none", None),
        # urine held back, told by the effort: straining or pushing and only a little,
        # hardly anything or nothing coming, since a recent day
        ("since thursday when i need a wee i have to strain hard and hardly anything comes "
         "out", "urgent", "cauda_equina"),
        ("been pushing and pushing to pee since last night and only a few drips come",
         "urgent", "cauda_equina"),
        ("straining to pass water since monday and only getting a tiny bit out", "urgent",
         "cauda_equina"),
        ("i have to bear down on the loo to wee and barely anything comes, new since "
         "saturday", "urgent", "cauda_equina"),
        ("i have to push on the toilet as i am bunged up from the codeine, only a little "
         "comes out", "none", None),
        ("squeezed the toothpaste tube hard and nothing came out", "none", None),
        ("weak stream for years with my enlarged prostate, no change lately", "clarify",
         "cauda_equina"),
        # a leg named, then said to give way as "it" (legs as "they"), in any tense
        ("my right leg has felt heavy all week and on thursday it gave way in the shower",
         "urgent", "neuro_deficit"),
        ("the left leg has been tingly since saturday, it has given out on me twice today",
         "urgent", "neuro_deficit"),
        ("my leg was a bit sore. this morning it buckled as i got out of bed.", "urgent",
         "neuro_deficit"),
        ("my legs are dead weights and they keep giving way", "urgent", "neuro_deficit"),
        ("my leg aches and it keeps on giving way", "urgent", "neuro_deficit"),
        ("my back gave way bending over the sink and it has given way again today", "none",
         None),
        ("my sore leg was up on the old garden bench and it gave way under me", "none", None),
        ("my leg was stiff so i walked on the frozen puddle and the ice gave way", "none",
         None),
        ("my leg is fine, it has never once given way", "none", None),
    ],
)
def test_collapse_fall_and_leg_wordings(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
