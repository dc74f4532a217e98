"""The possible-sign tier: a red flag's key cue, told of the writer in words no full rule
reads, is asked about (the clarifying question), never escalated on its own; the usual
modifiers clear it (denied, someone else's, over, explained, a figure of speech). One table
per cue kind, fires and does not fire (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict

ASKED = "clarify"


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a saddle, genital or back-passage region with a changed sensation, either order
        ("the skin round my back passage feels like a stranger's", ASKED, "cauda_equina"),
        ("the numbness creeps from my bottom to the front", ASKED, "cauda_equina"),
        ("when i wipe it is as though it were somebody else", ASKED, "cauda_equina"),
        ("it's like sitting on air when i sit on the loo", ASKED, "cauda_equina"),
        ("no numbness round my privates at all", "none", None),
        ("a tingly ache deep in the right buttock when i sit", "none", None),
        ("my dentist numbed my jaw this morning", "none", None),
    ],
)
def test_a_saddle_with_a_changed_sensation(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # passing urine or stools changed: strained, dribbling, not coming, not felt
        ("the wee will only come if i push really hard", ASKED, "cauda_equina"),
        ("i sit on the loo for ages and barely anything comes", ASKED, "cauda_equina"),
        ("dribbling all day, i cannot stop it", ASKED, "cauda_equina"),
        ("i cannot tell when the wee is coming", ASKED, "cauda_equina"),
        ("went all day without needing to pee", ASKED, "cauda_equina"),
        ("he was dribbling the ball past three defenders", "none", None),
        ("i had an accident in the car park, just a scrape", "none", None),
        ("the milk is not coming out freely, the carton is blocked", "none", None),
    ],
)
def test_passing_urine_or_stools_changed(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a leg losing power: giving way, will not lift or push, weak and heavy, tiptoes
        ("the leg just gives on the stairs", ASKED, "neuro_deficit"),
        ("my calf will not push me up the slope any more", ASKED, "neuro_deficit"),
        ("my thighs will not push me out of the chair any more", ASKED, "neuro_deficit"),
        # a leg that will not lift for the pain or the stiffness: limited, not weak
        ("i can't lift my leg onto the bed, it is too stiff", "none", None),
        ("my back is sore and the left leg that feels weak and heavy", ASKED, "neuro_deficit"),
        # heavy alone on a walk: the back's narrowing, not a leg losing power
        ("both calves go heavy after ten minutes walking and ease when i sit", "none", None),
        ("i cannot touch my toes yet", "none", None),
        ("my legs are heavy after the half marathon, as expected", "none", None),
        ("no weakness in either leg", "none", None),
    ],
)
def test_a_leg_losing_power(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # fever-like: sheets soaked night after night, burning up, a sore site gone hot
        ("i woke up and the pillow was drenched again", ASKED, "infection"),
        ("my op scar has gone red and there is stuff coming out", ASKED, "infection"),
        ("the kettle is boiling", "none", None),
        ("i was shaking with nerves before the interview", "none", None),
    ],
)
def test_a_fever_like_state(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # weight or clothes loosening, not meant; back pain worst at night or lying down
        ("my belt is on a new hole and i am not trying", ASKED, "cancer"),
        ("my jeans hang off me these days", ASKED, "cancer"),
        ("the nights are the worst, lying flat makes it worse", ASKED, "cancer"),
        ("i want to lose some weight to help my back", "none", None),
        ("how can i lose weight quickly", "none", None),
        ("getting out of bed is the worst part of the day", "none", None),
        ("stiff first thing but fine once i get moving", "none", None),
    ],
)
def test_weight_lost_or_night_pain(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a fall, landing or blow onto the back, or a crack or snap in it
        ("a heavy box fell off the shelf and struck me across the lower back", ASKED,
         "fracture"),
        ("heard a snap somewhere in my spine when i twisted", ASKED, "fracture"),
        ("the chiropractor cracked my back and it felt great", "none", None),
        ("i landed on my back on the crash mat, no bother", "none", None),
        ("my knuckles crack when i make a fist", "none", None),
    ],
)
def test_an_impact_on_the_back(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a belly pain with the back, sudden or severe; a low blood pressure with it
        ("gut and back pain out of nowhere, 10/10", ASKED, "vascular"),
        ("period pains in my tummy and back as usual", "none", None),
        ("my hair went grey years ago", "none", None),
    ],
)
def test_belly_and_back(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # veiled crisis cues: a drop and going over, not waking up, things not needed
        ("i linger at the top of the multi storey and think about stepping off", ASKED,
         "crisis"),
        ("honestly i would prefer to simply not wake up", ASKED, "crisis"),
        ("been thinking about how i would do it", ASKED, "crisis"),
        ("i won't be needing these things after friday", ASKED, "crisis"),
        ("i hope i do not wake up stiff tomorrow", "none", None),
        ("i wrote a letter to my gp about the referral", "none", None),
        ("i held on to the bed rail till the spasm let go", "none", None),
        ("standing on the platform thinking about the next train", "none", None),
    ],
)
def test_a_veiled_crisis_cue(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # whose: another's body named in the sign; the things no longer needed are no one
        ("my sister landed on her back off the horse and her spine is agony", "other",
         "fracture"),
        ("gave my bike away. won't be needing them.", ASKED, "crisis"),
        # an older writer's fall stays urgent when the fall is also only asked about
        ("i'm 81 and fell backwards off the step onto my back", "urgent", "fracture"),
    ],
)
def test_whose_possible_sign(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
