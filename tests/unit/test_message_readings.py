"""What a message with a possible sign still says, and when two messages say the same."""

from __future__ import annotations

import pytest

from bot.domain.escalation import ordinary_reading, possible_intent, same_words


@pytest.mark.parametrize(
    ("ranking", "expected"),
    [
        (["red_flag", "affirm", "inform"], "affirm"),
        (["crisis", "red_flag", "deny"], "deny"),
        (["inform"], "inform"),
        (["red_flag", "crisis"], "inform"),
        ([], "inform"),
    ],
)
def test_the_ordinary_reading_is_the_best_intent_that_is_not_about_safety(
    ranking: list[str], expected: str
) -> None:
    assert ordinary_reading(ranking) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("My legs might be weaker?", "my legs might be weaker", True),
        ("I don’t know", "i dont know", True),
        ("  numb   bum ", "numb bum", True),
        ("my legs might be weaker", "my legs are weaker", False),
    ],
)
def test_the_same_words_ignore_case_spacing_and_punctuation(a: str, b: str, same: bool) -> None:
    assert (same_words(a) == same_words(b)) is same


@pytest.mark.parametrize(
    ("category", "intent"),
    [(None, None), ("crisis", "crisis"), ("unspecified", "red_flag"), ("cauda_equina", "red_flag")],
)
def test_a_possible_sign_asks_the_question_of_its_kind(
    category: str | None, intent: str | None
) -> None:
    assert possible_intent(category) == intent
