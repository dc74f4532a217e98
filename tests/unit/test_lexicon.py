"""The intake lexicon is data with a shape: read once, checked, every class and slot known."""

from __future__ import annotations

import pytest

from bot.nlu import patterns as P


def test_the_lexicon_has_every_slot_and_compiles() -> None:
    assert set(P.PATTERN_TABLES) == set(P.SLOTS)
    assert len(P.ruler_patterns()) > 100
    assert {"no", "not", "n't", "never"} <= P.NEGATION_TOKENS
    assert P.TOKEN_CLASSES["NEG"]["LOWER"]["IN"] == sorted(P.NEGATION_TOKENS)


@pytest.mark.parametrize(
    ("bad", "complaint"),
    [
        ({"in": ["a", "a"]}, "twice"),
        ({"in": []}, "non-empty"),
        ({"in": ["a"], "regex": "a"}, "exactly one"),
        ({"words": ["a"]}, "exactly one"),
    ],
)
def test_a_malformed_token_class_is_refused_with_where(bad: object, complaint: str) -> None:
    with pytest.raises(P.LexiconError, match=complaint):
        P._token_class("BROKEN", bad)
