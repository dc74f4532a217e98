"""Kinds of red flag of an aorta, a broken spine or a cancer told in roundabout words (a
tear that goes "through into" the gut, the collapse a sentence later after the age and the
smoking, a pulsing mass found by a clinician, a hard landing with a severe pain in words, a
manipulated spine in old age, pain that rest or no position relieves, a polite "silly q."
before the sign), and the benign messages that share their words: the verdict each gets
(written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # an aorta tearing: through into the belly, the gut named, a likeness told apart
        ("i'm 71. the ache in my back ripped straight through into my tummy just now",
         "urgent", "vascular"),
        ("apologies, probably nothing, but there's a tearing pain through my back and gut",
         "urgent", "vascular"),
        ("does it sound normal? it's like something is ripping, going right through to my "
         "belly", "urgent", "vascular"),
        # the collapse a sentence later, with the age and smoking told between
        ("a sudden dreadful pain in my back and stomach about an hour ago now. i'm 77, still "
         "smoking, and i went grey in the kitchen", "urgent", "vascular"),
        ("out of nowhere an awful pain in my back and tummy, i'm clammy and grey", "urgent",
         "vascular"),
        ("my grandad suddenly has an awful pain in his back and belly, he's sweaty and pale",
         "other", "vascular"),
        # a pulsing mass, or a belly with its own pulse
        ("the nurse examined my tummy and found a pulsating mass, and my back is sore",
         "urgent", "vascular"),
        ("p.s. there's a thumping in my stomach when i sit still, as if it had its own "
         "heartbeat", "urgent", "vascular"),
        # told as notes, the tear or the beat first
        ("age 73, smoker. pain: ripping, tummy through to back, started an hour ago",
         "urgent", "vascular"),
        ("my belly pounds like a heartbeat and my lower back is new and bad", "urgent",
         "vascular"),
        ("tummy pain since lunch, throbbing with my pulse, and my back aches", "urgent",
         "vascular"),
        ("my stomach throbs with period cramps and my back aches", "none", None),
        # benign neighbours
        ("my tummy was sore after a huge roast dinner, my back is its usual self", "none",
         None),
        ("smoked for thirty years, 70 now, and my back aches after gardening as usual",
         "none", None),
        ("a pulsing lump on my wrist, the doctor says it's a harmless cyst", "none", None),
        # a broken spine: a hard landing with a severe pain in words, an old spine
        # manipulated, a polite abbreviation that ends a sentence
        ("skidded on the bathroom floor and landed hard on my back on the tiles. severe pain "
         "low in my spine now", "urgent", "fracture"),
        ("i'm 79 and the osteopath manipulated my back on friday. since then an excruciating "
         "pain on the bone", "urgent", "fracture"),
        ("sorry, daft q. I came off my motorbike this morning and my back is agony", "urgent",
         "fracture"),
        # a break long ago, in childhood, is history
        ("broke my ankle falling out of a tree when i was eight, that's my only ever "
         "fracture", "none", None),
        ("fractured my wrist as a kid, my only fracture", "none", None),
        ("i had a fracture in my spine last month", "urgent", "fracture"),
        ("i'm 30 and the chiro adjusted my back, felt great after", "none", None),
        # a cancer: pain that rest or no position relieves, kept up at night by it
        ("i'm 61. the pain is there all the time, even lying in bed it is not eased",
         "urgent", "cancer"),
        ("a constant ache that won't settle whichever way i lie, sorry if i'm fussing",
         "urgent", "cancer"),
        ("my back pain keeps me awake every night now", "urgent", "cancer"),
        ("my mum beat breast cancer years ago. now her back pain keeps her up at night",
         "other", "cancer"),
        ("my wife's back pain keeps her up at night", "none", None),
        ("a dull ache at night that eases once i rest and stretch", "none", None),
    ],
)
def test_the_kind_gets_its_verdict(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
