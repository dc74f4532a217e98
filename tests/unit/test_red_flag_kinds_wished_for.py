"""A loss of weight wished for just before it ("if only I'd dropped a stone") is wanted and
not had: no red flag; a loss told as had, with a wish elsewhere, stays one (written for
this kind, not copied from a set)."""

from __future__ import annotations

import pytest

from tests.support.verdicts import assert_verdict


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # wished for, not had
        ("none of those. i wish i had lost a bit of weight over the summer, ha", "none", None),
        ("no fever, no numbness. wishing i could shed a few kilos, but no", "none", None),
        ("i only wish i'd lost a few pounds before the holiday", "none", None),
        # had, with a wish about something else
        ("i've lost a stone since june and i wish i knew why", "urgent", "cancer"),
        ("lost weight without trying, i wish it would stop", "urgent", "cancer"),
        ("i have lost weight, i wish i hadn't", "urgent", "cancer"),
        ("i wish i could tell you no, but i've lost 6 kilos", "urgent", "cancer"),
    ],
)
def test_a_loss_wished_for_is_no_red_flag(text: str, level: str, category: str | None) -> None:
    assert_verdict(text, level, category)
