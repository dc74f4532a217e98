"""Kinds of crisis told by the writer (at a drop thinking of jumping, self-harm again with
the intent to do it again, a date to be gone by with things put in order), someone else's
emergency told by a relative or a carer, and benign messages that share their words (a
fever that is over, a numb seat that went on standing, a question asked in advance, a joke):
the verdict each gets (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # the writer at a drop (a bridge, a cliff edge, a roof, a platform) with the thought
        # or urge to jump, either order: a crisis at once
        ("i'm standing on the bridge again thinking about jumping", "urgent", "crisis"),
        ("at the cliff edge and i keep thinking about jumping", "urgent", "crisis"),
        ("sat up on the roof of my block, thinking i might jump", "urgent", "crisis"),
        ("on the platform at the station, i keep wanting to jump", "urgent", "crisis"),
        ("i want to jump so badly, i'm on the footbridge over the motorway", "urgent",
         "crisis"),
        ("up on the multi storey roof again. i keep thinking about jumping", "urgent",
         "crisis"),
        ("my son is on the bridge and says he wants to jump", "other", "crisis"),
        ("on the footbridge by work. so tired, i just want to jump into bed", "none", None),
        ("standing on the platform thinking about jumping on the next train", "none", None),
        ("sat at the edge of the pool thinking about jumping in", "none", None),
        ("on the bridge over the river, tempted to jump in for a swim", "none", None),
        ("i love jumping into the pool after my physio", "none", None),
        ("i play in a bridge club on tuesdays, sitting is hard", "none", None),
        ("i want to jump back into running, i walked over the bridge today", "none", None),
        # self-harm done lately told with the intent or urge to do it again: a crisis at
        # once (a harm at the gym, shaving or cooking is done again as that)
        ("cut myself again on saturday night and i really want to do it again", "urgent",
         "crisis"),
        ("i burnt my arm again yesterday and i'm going to do it again tonight", "urgent",
         "crisis"),
        ("hurt myself again last night. i feel like doing it again later.", "urgent",
         "crisis"),
        ("my daughter is hurting herself again and says she will do it again tonight",
         "other", "crisis"),
        ("i cut myself on the bread knife last night, i'll do it again if i'm not careful",
         "none", None),
        ("hurt myself moving the sofa and i am going to do it again at the weekend", "none",
         None),
        ("i cut myself shaving and i'm going to do it again tomorrow with that razor", "none",
         None),
        ("cut my fringe last night and want to do it again", "none", None),
        # a date to be gone by (a season, New Year, a birthday) told with things put in
        # order (things sorted, letters written, belongings given away): a plan; either
        # alone is asked about; being away by the date is none
        ("i've made my decision, i won't be around by new year. been sorting all my things",
         "urgent", "crisis"),
        ("i have decided i won't be here come the summer, writing letters and sorting my "
         "belongings", "urgent", "crisis"),
        ("not going to be around by my birthday. i've given most of my stuff away", "urgent",
         "crisis"),
        ("i won't be around by new year", "clarify", "crisis"),
        ("i won't be here after new year. my belongings are all sorted and i've written my "
         "letters", "urgent", "crisis"),
        ("i won't be here after christmas, we're moving to leeds", "none", None),
        ("i won't be here at christmas, we're going to spain", "none", None),
        ("i won't be around by easter, i am moving to australia for work", "none", None),
        ("spent all weekend sorting out the garage and my back is killing me", "none", None),
        ("sorting my things out for the house move, won't be here by the spring", "none",
         None),
        ("my back pain won't be around by christmas if the injections work", "none", None),
    ],
)
def test_crisis_of_the_writer(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a sign whose words name the writer's own body stays the writer's, whoever else
        # the sentence names (a neighbour's pony, a cousin's trampoline)
        ("slid off my cousin's pony at a trot and landed flat on my back, it hurts",
         "clarify", "fracture"),
        ("went over my mate's handlebars and landed flat on my back", "clarify", "fracture"),
        ("my husband fell off the shed roof and landed on his back, he can't get up",
         "other", "fracture"),
        # someone else's crisis: an overdose taken lately, hurting themselves again, goodbye
        # messages posted and not answering
        ("my lad swallowed a whole packet of co-codamol about half an hour ago", "other",
         "crisis"),
        ("my girlfriend has taken loads of her sertraline tonight and is slurring", "other",
         "crisis"),
        ("my best mate said he took 30 paracetamol earlier", "other", "crisis"),
        ("i took a load of tramadol an hour ago", "urgent", "crisis"),
        ("my best friend just messaged that she swallowed all her pills", "other", "crisis"),
        ("i swallowed all my tablets with my breakfast as usual", "none", None),
        ("my son took a load of paracetamol for his flu over the week", "none", None),
        ("my daughter took 2 ibuprofen an hour ago for her period pain", "none", None),
        ("my dad has a lot of tablets to take every morning", "none", None),
        ("my daughter is hurting herself again", "other", "crisis"),
        ("my son is hurting himself again at rugby", "none", None),
        ("my flatmate has been posting goodbye messages online and she isn't picking up",
         "other", "crisis"),
        ("my brother isn't answering his phone and he's put a goodbye post on instagram",
         "other", "crisis"),
        ("she posted a goodbye to her colleagues when she left the job and isn't answering "
         "emails", "none", None),
        # a parent's leg gone weak again, now unable to get out of a chair: their nerve sign
        ("dad's left leg went weak on him again and he can't get up out of his armchair",
         "other", "neuro_deficit"),
        ("can't get my mum out of her chair, her leg has gone weak again", "other",
         "neuro_deficit"),
        ("i'm here with my dad now, his leg has gone weak again and he can't get up out of "
         "the chair", "other", "neuro_deficit"),
        ("my leg went weak again and i can't get out of my chair", "urgent", "neuro_deficit"),
        # someone with a cancer before, now a back pain that wakes them at night or weight
        # lost: their cancer sign, however long ago the cancer was told
        ("my husband had bowel cancer years ago. now his back pain wakes him every night.",
         "other", "cancer"),
        ("my sister finished radiotherapy last spring and now her back wakes her at night",
         "other",
         "cancer"),
        ("my wife's cancer was treated and she's been well, but back pain wakes her nightly "
         "now", "other", "cancer"),
        ("my sister who had lymphoma has lost a stone without trying and her back aches",
         "other", "cancer"),
        ("one of my gym clients had bowel cancer and now has back pain waking him every "
         "night", "other", "cancer"),
        ("my husband's back pain wakes him every night", "none", None),
        # an older parent who smokes, with a bad back and belly pain, who nearly fainted
        ("my gran's 81 and a smoker, awful pain in her back and tummy and she nearly "
         "fainted", "other", "vascular"),
        # a carer's client on steroids for years, with a sudden severe back pain after
        # bending: the client's, however the carer names themselves
        ("i'm a carer, a lady i look after has been on steroids for years and bent down and "
         "now has sudden severe back pain", "other", "fracture"),
        ("i work as a support worker. one of my residents has taken prednisolone for years "
         "and got a sudden terrible pain in her back after bending over", "other",
         "fracture"),
        ("i care for an elderly gentleman who has been on steroids for years; he bent to "
         "pick up his paper and suddenly his back is agony", "other", "fracture"),
        ("i'm a carer and i've been on steroids for years, bent over and now have sudden "
         "severe back pain", "urgent", "fracture"),
        ("my husband has been on steroids for years for his asthma", "none", None),
        ("my auntie had breast cancer twenty years ago and is doing brilliantly", "none",
         None),
    ],
)
def test_someone_elses_emergency(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a fever of a few days with a cold, gone since the weekend and not back: over
        ("had a temperature for a few days with a cold last week, it went at the weekend "
         "and hasn't returned", "none", None),
        ("feverish for 2 days with the cold the kids brought home, gone since saturday, not "
         "back", "none", None),
        ("had a fever last week with a chest cold, it cleared on sunday and it has not come "
         "back", "none", None),
        ("fever for three days, it went at the weekend and came back last night", "urgent",
         "infection"),
        ("high temperature since monday and it hasn't gone", "urgent", "infection"),
        # a numb bottom after hours on a hard seat that went on standing up: explained, over
        ("my bottom went numb after three hours on a hard plastic chair at the exam, it went "
         "the moment i stood up", "none", None),
        ("numb bum after sitting for hours at the football, gone as soon as i got up",
         "none", None),
        ("numb backside after the long coach journey, went as soon as i walked about",
         "none", None),
        ("drove up to see mum, six hours in the car, numb bottom but it went as soon as i "
         "got out", "none", None),
        ("my bum went numb after hours on a hard bench and it is still numb today", "urgent",
         "cauda_equina"),
        # a plainly hypothetical question with the writer well, or a question asked ahead of
        # time: no sign now (a sign told as there as well stays)
        ("purely hypothetically, if a person had a high temperature and back pain, would you "
         "worry? i feel fine myself", "none", None),
        ("in theory, if someone lost feeling in their saddle area, what would they do? i'm "
         "ok", "none", None),
        ("if i ever can't control my bladder, what do i do? just asking ahead of time",
         "none", None),
        ("for future reference, what if my leg goes weak? all good for now", "none", None),
        # someone else's joke that compares a sign with a chore ("rather die than sit
        # through another meeting"), laughed at: a figure of speech; meant, or living itself
        # compared, it stays theirs
        ("my workmate joked he'd rather top himself than sit through another staff meeting, "
         "the whole room laughed", "none", None),
        ("a lad in my team joked he'd rather be dead than do another quarterly review lol",
         "none", None),
        ("a lad in my team said he'd rather be dead than do another quarterly review", "other",
         "crisis"),
        ("my manager quipped she'd sooner jump off the roof than do the rota again, we all "
         "laughed", "none", None),
        ("my colleague joked he'd rather be dead than go on like this, we laughed it off",
         "other", "crisis"),
        ("my son joked he'd rather kill himself than go to school, we laughed but i'm "
         "worried", "other", "crisis"),
        ("i'd rather be dead than sit through another meeting lol", "urgent", "crisis"),
        ("hypothetically, if someone had a fever with back pain, would it matter? i've had a "
         "fever since tuesday", "urgent", "infection"),
        ("hypothetically, if someone had numbness down below would that matter? i'm fine apart "
         "from my bum going numb", "urgent", "cauda_equina"),
    ],
)
def test_benign_look_alikes(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
