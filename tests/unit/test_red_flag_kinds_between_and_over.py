"""Kinds of red flag told by where the pain sits or how the harm came (a tear placed between
the belly and the back or told as a noun, a severe belly pain whose way to the back is told
before the collapse, an older person's ordinary lift and then a severe pain, a height named
with a word before it or after the landing, a fall down steps onto the back with a pain
right on the bone, an animal hit on the road, the passing of a stool not felt, a constant
pain nothing eases, self-harm done again "since" something, a thought of how easy it would
be to go over a rail), and the benign messages that share their words: the verdict each
gets (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # an aorta: the tear placed between the two, the tear as a noun, the way told
        ("all at once a ripping pain between my tummy and my back at the till", "urgent",
         "vascular"),
        ("age 70, it came on like a rip from my gut straight to my back", "urgent",
         "vascular"),
        ("an awful sudden pain in my belly shooting right through to my back, then i went "
         "giddy and blacked out", "urgent", "vascular"),
        ("a dull ache between my tummy and my back after a big curry", "none", None),
        ("a tear rolled down my cheek when my back went at the gym", "none", None),
        # a broken spine: an older person's lift, a height with a word before it or told
        # after the landing, steps onto the back then a pain on the bone, an animal hit
        ("i'm 81. heaved the coal scuttle in and a searing pain went through my back",
         "urgent", "fracture"),
        ("i'm 23 and lifted a sofa with my mate, a terrible twinge but it's settling",
         "none", None),
        ("i fell out of the barn loft yesterday", "urgent", "fracture"),
        ("i fell onto the bed and my back twinged", "none", None),
        ("lost my footing and went down the cellar steps onto my back. it's sore right on "
         "my spine", "urgent", "fracture"),
        ("we hit a deer on the ring road coming home, my back aches", "urgent", "fracture"),
        # cauda equina: the passing of a stool or a wee not felt
        ("three days now i'm not sensing when i pass a motion", "urgent", "cauda_equina"),
        ("i'm not feeling well when i pass urine, it stings", "none", None),
        # a cancer: a constant pain that nothing eases, told a few words on
        ("i'm 66, a constant dull pain in my lower back for five weeks, day or night, "
         "nothing touches it", "urgent", "cancer"),
        # crisis: self-harm again since a change; how easy it would be to go over a drop
        ("i've been burning myself again since the new rota started", "urgent", "crisis"),
        ("i burnt myself on the oven again", "none", None),
        ("stood on the ferry deck by the railing thinking how easy it would be to slip "
         "over.", "urgent", "crisis"),
        ("thinking how easy it would be to go over the notes before my physio", "none", None),
        ("cutting back on sugar to help my back", "none", None),
    ],
)
def test_the_kind_gets_its_verdict(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
