"""Kinds from messages about young people, sport and two people at once: the verdict a
person gets for each (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from bot.nlu.red_flags import assess


def _describe(text: str) -> str:
    verdict = assess(text)
    return f"{text!r} -> {verdict.level}/{verdict.category} {verdict.hits}"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a passing illness over in the next sentence: what goes on after a "but" is the
        # back's, a "since" after a denial of the same sign dates the denial
        ("my partner and I both had a bug with a temperature last week. It cleared on "
         "Friday, but my back still aches", "none"),
        ("had a bug with a temperature last week. It cleared on Friday, no fever since",
         "none"),
        ("had a temperature on monday. It went away, no temperature since and my back is "
         "easing", "none"),
        # ... but the sign coming back, or still there, stays one
        ("had a fever last week. It cleared up, but now it's back again and my back is agony",
         "urgent"),
        ("had a temperature last week. It cleared, but the fever is back tonight", "urgent"),
        ("had a temperature on monday. It went away, but I still have a fever and my back "
         "hurts", "urgent"),
    ],
)
def test_an_illness_over_in_the_next_sentence(text: str, level: str) -> None:
    assert assess(text).level == level, _describe(text)
