"""Kinds of red flag told by someone with a known condition that colours the sign: a
bladder that is usually urgent or leaky (MS, a big prostate, after childbirth) that now
will not go at all; weight lost without trying, told with an amount and a span; a real
fall onto the back by someone frail or at risk (Parkinson's, a blood thinner,
osteoporosis, old age); and the benign messages that share their words: the verdict each
gets (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from bot.nlu.red_flags import assess


def _describe(text: str) -> str:
    verdict = assess(text)
    return f"{text!r} -> {verdict.level}/{verdict.category} {verdict.hits}"


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # retention told against a usual bladder: urgent or leaky as a rule, and since a
        # recent day not able to go at all, full with nothing coming, with back pain
        ("i have ms and my bladder is usually urgent, but since thursday i cannot go at "
         "all and my back is killing me", "urgent", "cauda_equina"),
        ("with my ms i am normally desperate for the loo, but since friday i can't go at "
         "all and my bladder feels full", "urgent", "cauda_equina"),
        ("enlarged prostate so i usually dribble, but since yesterday i have not been able "
         "to go at all, lower back aches", "urgent", "cauda_equina"),
        ("i have leaked a bit since the baby came. since saturday i just can't go at all, "
         "it feels full and nothing comes. my back is bad", "urgent", "cauda_equina"),
        ("my prostate has me rushing to the toilet all night, but now i can't pass water "
         "at all and my back hurts", "urgent", "cauda_equina"),
        ("my ms bladder is urgent as always, nothing new, my back aches", "none", None),
        ("big prostate, up twice a night as usual, back is sore", "none", None),
        ("at work i can't go to the toilet when i need to, there's no time, my back aches",
         "none", None),
        ("i can't go all day on my shift because we're short staffed, back aches", "none",
         None),
        ("my bladder is urgent with my ms so i can't go at all on long walks", "none", None),
        ("my stomach feels full and nothing comes up when i retch", "none", None),
        # weight lost without trying, told with an amount and a span, with back pain that
        # aches all night or that rest does not ease
        ("8 kilos gone since the summer without dieting, and my back aches all night",
         "urgent", "cancer"),
        ("about 7 kilos have come off me since march, not dieting, back pain rest won't "
         "ease", "urgent", "cancer"),
        ("i'm down 9kg since easter without trying and my back aches through the night",
         "urgent", "cancer"),
        ("gone down a stone and a half since christmas without meaning to, back aches all "
         "night", "urgent", "cancer"),
        ("lost a stone in two months, not trying, my back aches all night", "urgent",
         "cancer"),
        ("ten pounds have dropped off in the last six weeks, my back aches even resting",
         "urgent", "cancer"),
        ("8 kilos gone since the summer thanks to my diet, back a bit stiff", "none", None),
        ("down a stone since january on my slimming plan, so pleased", "none", None),
        ("5 kilos gone this year, been going to the gym, back aches after", "none", None),
        ("put on 8 kilos since the summer and my back aches", "none", None),
        ("i've gained a stone since christmas, my back aches at the end of the day",
         "none", None),
        ("two kilos of potatoes gone since the weekend", "none", None),
        # a real fall onto the back by someone frail or at risk (Parkinson's, a blood
        # thinner, thin bones, old age), and now a severe pain, not able to stand up
        # straight, or a bruise spreading across the back
        ("i'm on warfarin and slipped on the frosty step, landed on my back, now a bruise "
         "is spreading right across it", "urgent", "fracture"),
        ("i have parkinsons and went over backwards onto my back in the hall, the pain is "
         "severe", "urgent", "fracture"),
        ("on apixaban. came down hard on my bottom on the wet floor yesterday and i can't "
         "stand up straight", "urgent", "fracture"),
        ("fell onto my back on the ice, severe pain. i'm on blood thinners", "urgent",
         "fracture"),
        ("i'm 77 and slipped in the garden, landed on my back, huge bruise coming up",
         "urgent", "fracture"),
        ("osteoporosis, fell down the stairs and now i cannot straighten", "urgent",
         "fracture"),
        ("i have parkinsons and tripped on the rug but didn't fall, back a bit stiff",
         "none", None),
        ("on warfarin so i bruise easily, bumped my back on the kitchen table", "none",
         None),
        ("i'm on blood thinners, fell on my back years ago and had a big bruise then, it "
         "aches now and then", "none", None),
        ("i have parkinsons and nearly fell but grabbed the banister", "none", None),
    ],
)
def test_known_condition_wordings(text: str, level: str, category: str | None) -> None:
    verdict = assess(text)
    assert (verdict.level, verdict.category) == (level, category), _describe(text)
