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
        # an aorta: a sudden severe back pain with a cold sweat or a faint, no belly named
        ("out of the blue a dreadful pain across my lower back, now i'm cold and clammy",
         "urgent", "vascular"),
        ("suddenly the worst pain low in my back. i nearly passed out in the hall", "urgent",
         "vascular"),
        ("my back is stiff and my hands go clammy before a job interview", "none", None),
        # an aorta: a sudden or worst-ever pain going through to the belly, or with a faint
        ("the pain in my back runs straight through into my stomach, worst ever, came on "
         "in a flash out of nowhere", "urgent", "vascular"),
        ("the ache in my back goes through to my tummy and i fainted on the landing",
         "urgent", "vascular"),
        ("a dull ache through from my back to my tummy after a big dinner", "none", None),
        # an aorta: a sudden pain likened to a tear, a tearing pain between back and belly
        ("out of nowhere my back felt like it was being ripped open", "urgent", "vascular"),
        ("a tearing kind of pain between my stomach and my back since lunch", "urgent",
         "vascular"),
        ("the twins are tearing me apart this week and my back is sore", "none", None),
        # an aneurysm told in plain words
        ("the ultrasound found the main artery in my belly is enlarged, back aching now",
         "urgent", "vascular"),
        # a cancer: 50 or over, a pain no position, rest or movement changes
        ("i'm 64, no back problems before, and it's the same all the time, standing or "
         "lying", "urgent", "cancer"),
        ("aged 52. it makes no difference if i walk or rest, the ache is just there",
         "urgent", "cancer"),
        ("i'm 29 and it's the same all the time whatever i do", "none", None),
        ("i'm 64 and it feels better when i lie on my side", "none", None),
        # a cancer told by its operation: the organ "done" or "out"
        ("i had my prostate out a while ago and now my lower back has ached for weeks",
         "urgent", "cancer"),
        ("i had my prostate checked last year, all clear, my back is stiff", "none", None),
    ],
)
def test_the_kind_gets_its_verdict(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
