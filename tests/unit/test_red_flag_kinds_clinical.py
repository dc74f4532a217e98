"""Kinds of red flag told by medically literate writers and carers (clinical words,
abbreviations, a resolve told in few words), and the benign messages that share their words:
the verdict each gets (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # crisis: veiled signs of an end prepared (lethal amounts known from work, a will
        # made, not going to keep on living like this): asked alone, a plan together
        ("working in a&e i know the lethal doses by heart. i will not carry on living like "
         "this.", "urgent", "crisis"),
        ("finally made my will on friday. not going to keep living like this for much "
         "longer.", "urgent", "crisis"),
        ("got my will written up at the solicitor on monday", "clarify", "crisis"),
        ("i am not going to keep living like this much longer", "clarify", "crisis"),
        ("as a nurse i know the maximum paracetamol dose", "none", None),
        ("dad made his will last year", "none", None),
        ("i have lost my will power with the diet", "none", None),
        ("not going to keep living on painkillers, i have asked for a referral", "none", None),
        # crisis: a trip to a drop at a set time, with a resolve told (a decision made,
        # nothing left to try) a plan
        ("i have made up my mind. heading out to the viaduct after tea.", "urgent", "crisis"),
        ("the specialists have run out of options for me. i will drive up to the cliffs "
         "tonight on my own.", "urgent", "crisis"),
        ("my mind is made up, going to walk to the bridge later", "urgent", "crisis"),
        ("going to walk to the bridge later", "clarify", "crisis"),
        ("i have made my decision, going private for the op", "none", None),
        ("made my mind up to book the physio. going to the bridge club tonight", "none", None),
        ("the consultant says there is nothing left to try except the pain clinic", "none",
         None),
        ("we drove over the bridge to the physio tonight", "none", None),
        # leg weakness told in clinical words: a foot or ankle movement or muscle named
        # weak or reduced, power graded below 5/5
        ("the physio found weakness of dorsiflexion on the left", "urgent", "neuro_deficit"),
        ("plantarflexion on the right is reduced compared with last week", "urgent",
         "neuro_deficit"),
        ("tested myself and got 4/5 power in my left leg", "urgent", "neuro_deficit"),
        ("ankle dorsiflexion is 5/5 both sides", "none", None),
        ("pain about 4/5 today", "none", None),
        ("no weakness of dorsiflexion", "none", None),
        # a leg that just went, with or without a fall
        ("my right leg just went and i ended up on the kitchen floor", "urgent",
         "neuro_deficit"),
        ("fell on the landing, my left leg suddenly went from under me", "urgent",
         "neuro_deficit"),
        ("my legs just went to sleep on the long drive", "none", None),
        ("my back just went when i lifted the box", "none", None),
        # saddle sensation, sphincter tone and urine passed, in clinical words
        ("altered perineal sensation on the left since lunchtime", "urgent", "cauda_equina"),
        ("my gp found my anal tone was lax", "urgent", "cauda_equina"),
        ("nil urine output on my chart since breakfast", "urgent", "cauda_equina"),
        ("have not voided since 6 this morning", "urgent", "cauda_equina"),
        ("new urinary hesitancy since the weekend", "clarify", "cauda_equina"),
        ("perineal sensation normal, checked it myself", "none", None),
        ("the nurse said my urine output was fine", "none", None),
        ("no urine output problems at all", "none", None),
        ("a bit of hesitancy about booking the physio", "none", None),
        # a person the writer looks after, named with a clause of care that has the writer
        # in it ("the man I support"), or after the writer introduces themselves
        ("the gentleman i look after cannot feel his bottom on the commode since this "
         "morning", "other", "cauda_equina"),
        ("care worker here, the man i support has gone weak in both legs overnight", "other",
         "neuro_deficit"),
        ("my patient has a fever of 39 and her lower back is very tender", "other",
         "infection"),
        ("the patient i saw today was lovely but i have wet myself twice today and my back "
         "is agony", "urgent", "cauda_equina"),
        ("i am a patient at the spinal clinic and my leg has gone weak", "urgent",
         "neuro_deficit"),
        ("a client i support has a cold and is off work", "none", None),
        # a cancer in clinical shorthand ('breast ca', 'ca prostate'), the back named by its
        # region ('thoracic', 't-spine')
        ("aunt had ca breast years back and now her t-spine hurts all night", "other",
         "cancer"),
        ("my auntie had breast ca 20 years ago and is doing well", "none", None),
        # ... but not the "ca" of a "cant" the tokeniser split: the bladder sign is the flag
        ("bladder: cant pee since last night, back agony", "urgent", "cauda_equina"),
        # an older person's misstep off a kerb or a step, or going over on an ankle
        ("my gran, 88, stepped down off the kerb wrong and now her back is agony", "other",
         "fracture"),
        ("i am 81 and stepped off a step awkwardly this morning, my back is agony", "urgent",
         "fracture"),
        ("i stepped off the bus and walked home, back a bit stiff", "none", None),
        # an odd gait explained by a walking aid, a cast or a joint replaced
        ("since my hip replacement i am walking funny and my back is sore", "none", None),
        ("walking wonky since monday, no reason at all", "urgent", "neuro_deficit"),
        ("walking funny since yesterday and my leg keeps giving way", "urgent",
         "neuro_deficit"),
        # a cauda equina: both legs tingly or numb together, the bedroom gone numb, a
        # dentist's numbing in the bottom, no wee for many hours and no urge
        ("now it's both legs, numb and fizzy from the hips down", "urgent", "cauda_equina"),
        ("both my legs ache after the half marathon", "none", None),
        ("the intimate side of things has gone numb since my back went, nothing at all",
         "urgent", "cauda_equina"),
        ("my bottom is like i've had a numbing jab from the dentist", "urgent",
         "cauda_equina"),
        ("i haven't been since the early hours and i get no urge to go at all", "urgent",
         "cauda_equina"),
        # an infection: drenching night sweats in a diabetic
        ("on metformin for years. lately i soak the pillow with sweat every night",
         "urgent", "infection"),
        ("i'm diabetic and my back aches after the allotment", "none", None),
        # a crisis: thoughts of crashing the car on purpose; a veiled farewell is asked
        ("i keep thinking about just ploughing the car into a bridge", "urgent", "crisis"),
        ("i think about driving to the lakes at the weekend", "none", None),
        ("this will be my final message. take care", "clarify", "crisis"),
    ],
)
def test_clinical_and_veiled_wordings(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
