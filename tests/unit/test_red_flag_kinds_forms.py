"""Messages written as a form, a checklist, a Q and A, a diary or shorthand (labels and
colons, Q: and A:, ticks and crosses, numbered or bulleted lines, arrows between events),
and the benign messages written the same way: the verdict each gets (written for these
kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from bot.nlu.red_flags import assess
from tests.support.verdicts import describe


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # a label, a colon and a value: the value says whether the sign is there
        ("Bladder: leaking since Tuesday, didn't feel it. Fever: no.", "urgent", "cauda_equina"),
        ("Fever: no. Bladder: leaking since Tuesday.", "urgent", "cauda_equina"),
        ("Fever: no, Bladder: leaking since the weekend", "urgent", "cauda_equina"),
        ("Temp: fine\nBladder: leaking, can't feel it happen", "urgent", "cauda_equina"),
        ("Weight: down 8 kg since summer, not trying", "urgent", "cancer"),
        ("Weight: dropped loads without trying", "urgent", "cancer"),
        ("Fever: none. Numbness: no. Legs: fine.", "none", None),
        ("Bowels: normal. Bladder: normal. Numbness: none", "none", None),
        ("Pain: 4/10. Stiff: mornings. Walking: fine.", "none", None),
        ("Weight: steady. Appetite: good.", "none", None),
        # Q and A: a yes tells the sign asked, a no denies it
        ("Q: any numbness down there? A: yes, around my privates since last night",
         "urgent", "cauda_equina"),
        ("Q: any new numbness? A: yes, round my private parts since yesterday", "urgent",
         "cauda_equina"),
        ("Q: numb when you wipe? A: yep, can't feel the paper since sunday", "urgent",
         "cauda_equina"),
        ("any trouble peeing? yes", "urgent", "cauda_equina"),
        ("Q: any numbness down below? A: no, none at all", "none", None),
        ("Q: fever? A: no\nQ: leg weakness? A: nope", "none", None),
        ("Question: any loss of bladder control? Answer: none", "none", None),
        # ticks and crosses after a sign
        ("saddle numbness ✗, bladder problems ✗, weak legs ✗", "none", None),
        ("numb bum ❌ fever ❌ all good", "none", None),
        ("saddle numbness ✓, bladder problems ✗", "urgent", "cauda_equina"),
        ("weak legs ✔ fever ✗", "urgent", "neuro_deficit"),
        ("bladder problems ✅", "urgent", "cauda_equina"),
        # numbered or bulleted lines: each its own clause
        ("1. no fever\n2. numbness around my bum", "urgent", "cauda_equina"),
        ("• no fever\n• can't feel my bum when I wipe", "urgent", "cauda_equina"),
        ("- no numbness\n- wet myself twice", "urgent", "cauda_equina"),
        ("1. no fever\n2. no numbness\n3. sore after gardening", "none", None),
        # arrows between events: "then"
        ("numb bum -> worse today", "urgent", "cauda_equina"),
        ("lifted a box → numb groin → can't pee", "urgent", "cauda_equina"),
        ("no fever -> numb bum since monday", "urgent", "cauda_equina"),
        ("gardening -> sore back -> better with heat", "none", None),
        ("had a temperature last week w/ a cold -> all gone now, back just stiff", "none", None),
    ],
)
def test_form_kinds(text: str, level: str, category: str | None) -> None:
    verdict = assess(text)
    assert verdict.level == level, describe(text)
    if category is not None:
        assert verdict.category == category, describe(text)
