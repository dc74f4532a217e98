"""The red-flag matcher runs only the patterns a message can match, and misses nothing.

A pattern skipped wrongly would be a red flag missed: on every rule's examples and
counter-examples the indexed matchers find exactly what one spaCy ``Matcher`` over all the
patterns finds, and a pattern is filed under a token it cannot match without.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.matcher import Matcher

from bot.nlu.pipeline import get_nlp
from bot.nlu.red_flags import get_matcher, make_doc, rulebook
from bot.nlu.red_flags import patterns as RP
from bot.nlu.red_flags.context import get_context_matcher
from bot.nlu.red_flags.indexed_matcher import IndexedMatcher, anchor

RULES = [
    rule for data in rulebook.targets().values() for rule in data.rules
] + [rule for marker in rulebook.context_rules().markers.values() for rule in marker.rules]
TEXTS = sorted({text for rule in RULES for text in (*rule.examples, *rule.counter_examples)})


def _one_matcher(patterns: dict[str, list[list[dict[str, Any]]]]) -> Matcher:
    matcher = Matcher(get_nlp().vocab, validate=True)
    for key, key_patterns in patterns.items():
        matcher.add(key, key_patterns)
    return matcher


@pytest.mark.parametrize(
    ("indexed", "patterns"),
    [(get_matcher, RP.matcher_patterns), (get_context_matcher, RP.context_patterns)],
    ids=["targets", "context"],
)
def test_the_indexed_matcher_finds_what_one_matcher_finds(indexed: Any, patterns: Any) -> None:
    assert len(TEXTS) > 200
    plain = _one_matcher(patterns())
    for text in TEXTS:
        doc = make_doc(text)
        assert sorted(indexed()(doc)) == sorted(plain(doc)), text


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # a word that must be there
        ([{"NORM": "bladder"}], {"bladder"}),
        # the rarer of two required tokens: long words over short ones
        ([{"NORM": "my"}, {"NORM": {"IN": ["bladder", "bowel"]}}], {"bladder", "bowel"}),
        # an optional word, a gap and a regex are no anchor
        ([{"NORM": "numb", "OP": "?"}, {"NORM": "legs"}], {"legs"}),
        ([{"NORM": {"NOT_IN": ["not"]}}, {"NORM": "fever"}], {"fever"}),
        ([{"NORM": {"REGEX": "^numb"}}, {"NORM": "a", "OP": "*"}], None),
        # one or more is there at least once
        ([{"NORM": "very", "OP": "+"}, {"NORM": {"REGEX": "^ill"}}], {"very"}),
    ],
)
def test_a_pattern_is_filed_under_a_token_it_needs(
    pattern: list[dict[str, Any]], expected: set[str] | None
) -> None:
    assert anchor(pattern) == (None if expected is None else frozenset(expected))


def test_a_message_without_an_anchor_word_runs_only_the_unanchored_patterns() -> None:
    matcher = IndexedMatcher(get_nlp().vocab, {
        "fever": [[{"NORM": "high"}, {"NORM": "fever"}]],
        "numb": [[{"NORM": {"REGEX": "^numb"}}]],
    })
    assert [m[1:] for m in matcher(make_doc("a high fever and numbness"))] == [(1, 3), (4, 5)]
    assert [m[1:] for m in matcher(make_doc("numbness only"))] == [(0, 1)]
    assert matcher(make_doc("a high temperature")) == []


def test_a_group_runs_only_when_a_pattern_of_it_finds_every_word_it_needs() -> None:
    matcher = IndexedMatcher(get_nlp().vocab, {
        "fever": [[{"NORM": "high"}, {"NORM": "a", "OP": "?"}, {"NORM": "temperature"}]],
    })
    assert matcher.groups_for(make_doc("my back and a temperature")) == []
    assert matcher.groups_for(make_doc("a high temperature")) == [0]
    assert [m[1:] for m in matcher(make_doc("a high temperature"))] == [(1, 3)]


def test_a_run_of_gap_words_takes_no_more_words_than_it_may() -> None:
    gap = {"NORM": {"NOT_IN": ["not", "."]}, "OP": "?"}
    matcher = IndexedMatcher(get_nlp().vocab, {
        "numb": [[{"NORM": "numb"}, gap, gap, gap, {"NORM": "legs"}]],
    })
    assert [m[1:] for m in matcher(make_doc("numb in both my legs"))] == [(0, 5)]
    assert [m[1:] for m in matcher(make_doc("numb legs"))] == [(0, 2)]
    assert matcher(make_doc("numb in both of my legs")) == []
    assert matcher(make_doc("numb but not my legs")) == []


def test_patterns_with_runs_of_gap_words_find_what_one_matcher_finds() -> None:
    """Runs at the start, the middle and the end, beside other optional words, on every
    short message of a few words."""
    gap: dict[str, Any] = {"NORM": {"NOT_IN": ["no"]}, "OP": "?"}
    other: dict[str, Any] = {"NORM": {"IN": ["a", "b"]}, "OP": "?"}
    patterns: dict[str, list[list[dict[str, Any]]]] = {
        "middle": [[{"NORM": "a"}, gap, gap, {"NORM": "b"}]],
        "start": [[gap, gap, {"NORM": "c"}]],
        "end": [[{"NORM": "c"}, gap, gap]],
        "mixed": [[{"NORM": "b", "OP": "+"}, other, gap, gap, gap, other, {"NORM": "c"}]],
        "regex": [[{"NORM": {"REGEX": "^[ab]$"}}, gap, gap, {"NORM": {"IN": ["c", "no"]}}]],
    }
    indexed, plain = IndexedMatcher(get_nlp().vocab, patterns), _one_matcher(patterns)
    words = ["a", "b", "c", "no", "x"]
    for n in range(1, 6):
        for k in range(len(words) ** n):
            text = " ".join(words[k // len(words) ** i % len(words)] for i in range(n))
            doc = make_doc(text)
            assert sorted(indexed(doc)) == sorted(plain(doc)), text
