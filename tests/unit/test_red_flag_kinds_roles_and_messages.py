"""Kinds of someone else's emergency told by the writer: people named by their role at
work or in life ("my foreman", "one of our drivers", "Trainee at the depot, she's ..."), a
spouse named without "my", a crisis sent to the writer in a message ("he texted me '...'")
or told of a companion; and a form that asks about signs the writer then denies (written
for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a person named by their role, then he or she: their sign, not the writer's
        ("my foreman, about seventy, sudden tearing pain in his back and belly, he's gone "
         "white", "other", "vascular"),
        ("I run a cafe. One of my workers with a bad back can't lift her left foot properly "
         "since this morning", "other", "neuro_deficit"),
        ("one of our drivers, 70, smoker, sudden tearing pain in his back and tummy, clammy",
         "other", "vascular"),
        ("Trainee at our depot, he's 24, his legs have gone numb since he lifted the pallet",
         "other", "neuro_deficit"),
        # a spouse named without "my", in a place shared with the writer
        ("Wife is 72, in our kitchen with a sudden tearing pain in her back and belly",
         "other", "vascular"),
        # the writer's own, with a role word or a shared place near
        ("I'm a cleaner and since this morning I'm dragging my left foot", "urgent",
         "neuro_deficit"),
        ("collapsed in our flat with a ripping pain in my back and tummy", "urgent",
         "vascular"),
        # a role named only as an object ("sick of the manager"): the writer's own crisis
        ("so done. sick of the pain, sick of my supervisor, sick of living. i know how i'd do "
         "it", "urgent", "crisis"),
        # the writer's "I" in a clause about the person named ("the lad I'm working with")
        ("the chap I'm sharing a flat with says his legs have gone numb since lunch", "other",
         "neuro_deficit"),
    ],
)
def test_someone_named_by_their_role(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a message someone sent the writer: its "I" is the sender's
        ("my son is away at uni and texted me 'take care of the dog for me, I won't be "
         "around'", "other", "crisis"),
        ("Dad messaged me look after your mum for me, I'm done. he won't pick up", "other",
         "crisis"),
        # the writer's own farewell with a charge handed over
        ("look after the cat for me, i'm done.", "urgent", "crisis"),
        ("can you look after the cat for me, i'm done for the week", "none", None),
        # a means and a plan told of a companion
        ("the mate I'm camping with told me he's got a stash of tablets and a plan.", "other",
         "crisis"),
        ("i've got my tablets and a plan from the physio for the flare", "none", None),
        # peace made with everyone, told of someone else
        ("my uncle keeps saying he's a burden and last night he said he'd made peace with "
         "everyone.", "other", "crisis"),
        # a goodbye posted in a group chat, someone else's; a goodbye on leaving a job is none
        ("my workmate posted in the team chat saying goodbye to everyone and his phone is off",
         "other", "crisis"),
        ("she posted in the group chat saying goodbye to everyone, she's quitting the job",
         "none", None),
    ],
)
def test_a_crisis_sent_or_told_of_someone_else(
    text: str, level: str, category: str | None
) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a form or questionnaire asks about signs, the writer denies them all
        ("the work health questionnaire asks about saddle numbness, bladder trouble, weak "
         "legs. none of those, just a stiff back from stacking shelves", "none", None),
        ("the insurance form asked about bowel problems and leg weakness, no to all of that",
         "none", None),
        # the list asked about, then a sign owned: still the writer's
        ("the form asks about numbness in the saddle, bladder problems, and yes I do have the "
         "numbness", "urgent", "cauda_equina"),
    ],
)
def test_a_form_asks_about_signs(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
