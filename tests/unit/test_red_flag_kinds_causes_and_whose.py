"""Kinds of benign message told with an ordinary cause or an end (a sign, "but", then a
cold, a new class, "the change", a warm place; a sign "right as rain since"; a scare a
result ruled out), and of someone else's sign (a possessive typed without its apostrophe,
a carer who found their pills, a lasting history years ago with a new back pain now, a
sweat told with how heavy it is, a knock "bruised but fine"): the verdict each gets, with
the writer's own red flags that share their words (written for these kinds, not copied
from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a fever with a cold that lasted the week: the week is the cold's
        ("i've had a streaming cold this week and felt a bit feverish with it", "none", None),
        ("had a chesty cold for a few days, shivery with it, back's a bit achy", "none", None),
        ("had a cold and been feverish for two weeks, my back is sore", "urgent", "infection"),
        ("had a cold all week and now a fever of 40 and my back is agony", "urgent",
         "infection"),
        # jelly legs set against a new class by "but"; not a plan, not legs getting weaker
        ("legs like jelly this morning, but i did a new spin class last night", "none", None),
        ("my legs are wobbly, i went to the gym after work", "none", None),
        ("legs are like jelly and getting weaker, but i did a zumba class on monday",
         "urgent", "neuro_deficit"),
        ("my legs are wobbly and i'm going to the gym tomorrow", "urgent", "neuro_deficit"),
        # night sweats put down to "the change", or a warm place where the writer is
        ("night sweats again but my gp says it's just the change", "none", None),
        ("sweating loads in bed lately, it's 30 degrees here and the fan is broken", "none",
         None),
        ("night sweats lately, i think it's the change in the weather", "urgent", "infection"),
        ("sweating cobs at night, temp 36 degrees and shivering", "urgent", "infection"),
        ("i'm diabetic and i've been sweating buckets in bed every night", "urgent",
         "infection"),
        # a sign well again, dated by its "since"; not when it is back
        ("my ankle went floppy after the op in 2019 but rehab fixed it and it's been right "
         "as rain since", "none", None),
        ("my ankle went floppy after the op in 2019, right as rain since, but today it's "
         "floppy again", "urgent", "neuro_deficit"),
        # a cancer scare ruled out by a result told after it; not one only waited on, nor
        # a history (which stays)
        ("there was a cancer scare a few years ago but it turned out to be nothing", "none",
         None),
        ("had a cancer scare last spring, the biopsy came back benign", "none", None),
        ("had a cancer scare last month, still waiting to hear if the biopsy is clear",
         "clarify", "cancer"),
        ("had a cancer scare and the scan wasn't clear", "clarify", "cancer"),
        ("had bowel cancer in 2014 but the last scan was clear", "urgent", "cancer"),
    ],
)
def test_explained_and_over(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a possessive typed without its apostrophe before their body: theirs
        ("my sisters foot has gone numb and floppy since lunch", "other", "neuro_deficit"),
        ("nans both legs gave way and she cant get up", "other", "neuro_deficit"),
        ("my foot has gone numb and floppy since lunch", "urgent", "neuro_deficit"),
        ("hey guys my legs went weak and numb this morning", "urgent", "neuro_deficit"),
        ("my kids would be better off if i wasn't around", "urgent", "crisis"),
        # a carer who found someone else's pills: hers; the writer's own saved: theirs
        ("i look after my dad and found a bag of his tablets stashed under the bed. he says "
         "he doesn't want to go on", "other", "crisis"),
        ("i've got a stash of tablets saved up in my drawer", "urgent", "crisis"),
        # a lasting history years ago, with a new back pain now: their emergency
        ("my uncle had prostate cancer in 2012. he has a new ache in his spine these last "
         "few weeks", "other", "cancer"),
        ("my aunt had breast cancer in 2009 and she's doing fine", "none", None),
        # a sweat told with how heavy it is, in the night, with their back
        ("my wife's been sweating cobs in bed every night and her back is worse", "other",
         "infection"),
        # a knock, bruised but fine: over for them; a sign's words between keep it
        ("my son fell off his skateboard last month, scraped but otherwise fine", "none",
         None),
        ("my dad came off his motorbike, his feet are numb, bruised but otherwise ok",
         "other", "fracture"),
        ("i came off my motorbike this morning, bruised but otherwise fine", "urgent",
         "fracture"),
    ],
)
def test_whose_sign(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
