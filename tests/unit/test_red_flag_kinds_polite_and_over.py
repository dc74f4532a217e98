"""Kinds of red flag wrapped in apologies or asked as "is it normal" (a wish not to wake,
an end to the pain by one's own hand, nothing felt after the toilet told first, a sign "I'm
having" asked about, a hot sore wound), someone else's told with "she needs the toilet",
and benign kinds that share their words (jelly legs after a counted workout, wobbly legs
dated and fine since, a retention sorted and normal for weeks): the verdict each gets
(written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a wish not to wake, an end thought of, an end to the pain by one's own hand:
        # crisis at once, whatever the apology around it
        ("sorry to moan. i think i'd be better off never waking up", "urgent", "crisis"),
        ("forgive the rant, some nights i think about ending it all", "urgent", "crisis"),
        ("i'm sorry. i've made up my mind to end the suffering myself", "urgent", "crisis"),
        ("i'd be better off not waking up so early for the gym, i'm shattered", "none", None),
        ("the op should end this pain for good, fingers crossed", "none", None),
        ("i think about ending it with my trainer, he pushes too hard", "none", None),
        # veiled farewells (forgiveness asked, peace made with it all, ways to do it
        # looked up, no point going on): asked alone, a plan together (crisis at once
        # either way)
        ("forgive me for everything. you've all been so kind", "clarify", "crisis"),
        ("no point going on. i've made my peace with it all.", "urgent", "crisis"),
        ("no point going on about it, the physio is booked for monday", "none", None),
        ("i've made my peace with the fact my back won't be perfect", "none", None),
        ("looked up ways to do it without hurting my back, any tips?", "none", None),
    ],
)
def test_crisis_told_with_an_apology(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # the wiping or the toilet told first, then nothing felt: a saddle sign
        ("sorry, odd one, when i wiped after the loo earlier i couldn't really feel it",
         "urgent", "cauda_equina"),
        ("apologies, whenever i sit on the toilet now, cannot feel a thing", "urgent",
         "cauda_equina"),
        ("since lunch my bottom area numb and tingly, is that ok?", "urgent", "cauda_equina"),
        ("when i wiped the worktop i couldn't feel my fingers, the bleach i think", "none",
         None),
        ("when i sit on the toilet i can feel it fine, just the back aches", "none", None),
        # someone else's sign told with "she", "the toilet"
        ("my gran can no longer tell when she needs the loo and her legs are numb", "other",
         "cauda_equina"),
        # a sign "I'm having" asked about with "is it normal": there now
        ("is it normal to be having night sweats this week?", "urgent", "infection"),
        ("is it normal to have night sweats with a bad back?", "clarify", "infection"),
        # a wound hot and sore after an operation: an infection sign
        ("a week after my fusion the scar feels hot and tender", "urgent", "infection"),
        ("the scar is red and sore but it's closed and dry", "none", None),
    ],
)
def test_signs_asked_about_politely(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # jelly legs with a counted or a first workout told after: explained
        ("legs like jelly this morning. did 150 lunges at bootcamp last night", "none", None),
        ("my legs are like jelly, did my first ever spin class today", "none", None),
        ("legs like jelly since tuesday, did 150 lunges at bootcamp last night", "urgent",
         "neuro_deficit"),
        # a sign dated in the next sentence and fine since: over
        ("my legs went wobbly when i first got up after the op. that was ten days ago, "
         "fine since", "none", None),
        ("my legs went wobbly when i first got up after the op. that was ten days ago, "
         "still wobbly now", "urgent", "neuro_deficit"),
        # a retention sorted and normal for weeks since: over, not asked about
        ("after my c-section i couldn't pee for a day, but that got sorted and i've been "
         "peeing normally for the past few weeks", "none", None),
        ("i couldn't pee this morning, been normal for years before this", "clarify",
         "cauda_equina"),
    ],
)
def test_over_or_explained(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
