"""A pain score of now among what an answer says: clauses about another time set aside
("It was a 7 but now a 6"), a rise from the first number said ("4 gets to 6 after a
shift"), and the number a person settles on after thinking aloud ("8. Maybe 7. No, 8")."""

from __future__ import annotations

import re

from bot.domain.answers import parse_score_answer
from bot.nlu.answers import words_of
from bot.nlu.patterns import ANSWER_WORDS, CONTEXT_WORDS

_RISE = re.compile(
    r"\b(?:" + "|".join(sorted(ANSWER_WORDS["rise_words"])) + r")\b", re.IGNORECASE
)
#: Clause breaks; a bracket opens an aside ("4 (down from 7 on the 10th of November)").
_CLAUSE_SPLIT = re.compile(r"[.;!?()]|,|\bbut\b", re.IGNORECASE)


def without_other_times(text: str | None) -> str:
    """``text`` without its clauses about another time than now ("A 6. It was a 7 but then
    I found this chat" -> "A 6"), and without a rise from the score said first ("4 gets to
    6 after a long shift" -> "4"): a score of now is read from what is left."""
    clauses = [_before_a_rise(c) for c in _CLAUSE_SPLIT.split(text or "")]
    other, now = ANSWER_WORDS["other_time_words"], ANSWER_WORDS["now_words"]
    return ". ".join(
        c for c in clauses if not set(words_of(c)) & other or set(words_of(c)) & now
    ).strip()


_SETTLERS = ANSWER_WORDS["score_settlers"]
#: Words that may stand between a settling word and its number ("no, it's a 6").
_BEFORE_THE_NUMBER = frozenset({",", "a", "an", "its", "it", "is", "at"})
#: Words after a number that make it no settled score ("so 5 or 6", "so 6 hours").
_NOT_SETTLED_AFTER = frozenset({"or", "to", "-", "\u2013", "maybe", "perhaps", "but"}) | (
    CONTEXT_WORDS["measure_words"]
)


def settled_score(text: str | None) -> float | None:
    """The score a person settles on after thinking aloud: the number right after the
    last settling word ("6. well, 5 or 6. no, 6, I just climbed out of the truck" -> 6;
    "8. Maybe 7. No, 8, I am honest." -> 8; "ok call it 5" -> 5), or None."""
    items = words_of(text or "")
    settled = None
    for i in range(len(items)):
        size = next((n for n in (2, 1) if " ".join(items[i : i + n]) in _SETTLERS), 0)
        if not size:
            continue
        j = i + size
        while j < len(items) and items[j] in _BEFORE_THE_NUMBER:
            j += 1
        number = parse_score_answer(items[j]) if j < len(items) else None
        after = items[j + 1] if j + 1 < len(items) else "."
        if number is not None and after not in _NOT_SETTLED_AFTER:
            settled = number
    return settled


def _before_a_rise(clause: str) -> str:
    """The part of ``clause`` before a word of rising ("gets", "goes up") if it is a score,
    nothing if the clause opens with the rise ("goes up to 8 by bedtime"), else all of it
    ("it goes down my leg")."""
    match = _RISE.search(clause)
    if match is None:
        return clause
    before = clause[: match.start()]
    if not words_of(before):
        return ""
    return before if parse_score_answer(before) is not None else clause
