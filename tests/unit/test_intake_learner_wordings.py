"""Intake answers in the wordings of learners of English and of people thinking aloud:
the question's words as a gerund then refused ("touching my toes, forget it, no way"), a
reach that "comes" to the shin, the feet touched, a back "totally blocked", a pain that
"not change" or is "same same", and a score restated alone at the end. Each row in our
own words."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from bot.nlu.pipeline import extract
from bot.nlu.scores import settled_score

MONDAY = datetime.date(2026, 12, 7)


def slot(text: str, name: str) -> Any:
    """The value read for ``name`` in ``text``, or None."""
    return next((e.value for e in extract(text, MONDAY) if e.entity == name), None)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Reaching the floor, no way, never could.", "flexibility", "tight"),
        ("My hands come only to the middle of the shins.", "flexibility", "tight"),
        ("I touch my feet easy, I swim a lot.", "flexibility", "normal"),
        ("I bow and touch the feet of my grandparents", "flexibility", None),
        ("I can't touch my feet at all", "flexibility", "tight"),
        ("Last month my back was totally blocked for two days.", "spasm", True),
        ("The back got completely blocked when I lifted my son.", "spasm", True),
        ("My back was not blocked", "spasm", None),
        ("Walking also pain, sitting also pain, the pain not change.", "pain_direction", "none"),
        ("Lie down or stand up, the pain not change.", "pain_direction", "none"),
        ("Not depend.", "pain_direction", "none"),
        ("Sitting is worse, it depends on the chair.", "pain_direction", "flexion"),
    ],
)
def test_a_learner_wording(text: str, name: str, expected: Any) -> None:
    assert slot(text, name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long aside between the correction and the number, then the number alone
        ("Maybe a four. Hmm, no, if I'm really truthful with myself, after the school run "
         "it is nearer a five. Five.", 5),
        ("I'd say 7. No wait, thinking about it properly, with the pills working, 6. 6.", 6),
        ("8. Maybe 7. No, 8", 8),
        ("ok call it 3", 3),
    ],
)
def test_a_score_restated_alone_at_the_end(text: str, expected: float) -> None:
    assert settled_score(text) == expected
