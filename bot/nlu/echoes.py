"""A question in an answer: the topic echoed back before the answer ("Touch my toes? Not a
chance."), a short guess ("kinda tight?"), the question echoed back mid-answer ("Tight as a
drum. Touch my toes? I wouldn't see my knees."), and a time the person asks about rather
than says ("is it normal to hurt for 3 weeks?")."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

from spacy.tokens import Doc, Span

from bot.domain.answers import parse_score_answer
from bot.nlu import patterns as P
from bot.nlu.spans import (
    CONTEXT,
    Extraction,
    extraction,
    is_negation,
    says_a_phrase,
    sentence_of,
    value_of,
)


def in_a_question(span: Span) -> bool:
    """A time inside a question the person asks ("How much time does this take a day?",
    "is it normal to hurt for 3 weeks?"): asked about, not said of the pain."""
    sentence = sentence_of(span)
    words = [t for t in sentence if not t.is_punct]
    return bool(words) and sentence[-1].text == "?" and (
        words[0].lower_ in P.ANSWER_WORDS["question_openers"]
    )


#: Words that make a short question the person's own guess at the answer.
_HEDGED = frozenset(P.ANSWER_WORDS["guess_words"])


def echo_end(doc: Doc) -> int:
    """Where the answer starts after a short question echoed back ("Down the leg? No, ...",
    "Flexible? Never been"): what the question names is not an answer. 0 if none. A
    question the person asks with a denial in it is already an answer ("honestly nothing
    really changes it?? like ...")."""
    for tok in doc[:8]:
        if tok.text == "?":
            return tok.i + 1 if tok.i + 1 < len(doc) else 0
        if tok.text in (".", "!") or is_negation(tok) or tok.lower_ in _HEDGED:
            return 0  # "kinda tight? i can get to my shins": a guess, no echo
    return 0


def a_hedged_answer(span: Span, echo: int) -> bool:
    """Whether ``span`` is what the opening question says, right before its question mark
    ("like three weeks? since the new job", "maybe a month? why does it matter"): an
    answer said unsure, not a topic echoed back."""
    doc = span.doc
    return 0 < span.end < echo and all(t.is_punct for t in doc[span.end : echo])


def asked_back(span: Span) -> bool:
    """Whether ``span`` stands in a short question of a few words, not the message's last
    sentence and no guess ("Touch my toes?", then the answer)."""
    sentence = sentence_of(span)
    words = [t for t in sentence if not t.is_punct]
    return (
        sentence[-1].text == "?" and len(words) <= 4 and sentence.end < len(span.doc)
        and not any(t.lower_ in _HEDGED for t in words)
    )


def echo_answer(doc: Doc, echo: int) -> bool | None:
    """The yes or no that follows a question echoed back: "Touch my toes? Not a chance."
    (no), "Down the leg? Yes, to the knee" (yes), "... those days are long gone" (no),
    "Touch my toes? No problem" (yes). None if the answer opens with neither."""
    words = [t.lower_ for t in doc[echo:] if not t.is_punct]
    answers = P.ANSWER_WORDS["yes_words"] | P.ANSWER_WORDS["no_words"]
    opening = [w for w in words[:4] if w in answers or w not in P.ANSWER_WORDS["fillers"]][:2]
    if not opening:
        return None
    if opening[0] in P.ANSWER_WORDS["yes_words"]:
        return True
    if opening[0] in P.ANSWER_WORDS["no_words"] or opening[0] in P.NEGATION_TOKENS:
        return len(opening) > 1 and opening[1] in P.TROUBLE_WORDS
    if says_a_phrase(words, CONTEXT["bygone_phrases"]):
        return False
    return None


def echo_answered(
    label: str, echoed: list[Span], answer: bool | None, text: str
) -> Extraction | None:
    """What a question echoed back and answered yes or no says of ``label``."""
    valued = [s for s in echoed if s.label_ == label and value_of(s) is not None]
    if answer is None or not valued:
        return None
    span = valued[-1]
    value = str(value_of(span))
    if label == P.FLEXIBILITY:
        flipped = "normal" if value == "tight" else "tight"
        return extraction(label, value if answer else flipped, [span], text)
    return extraction(label, (value == "true") == answer, [span], text)


#: Words an unsure answer may open with before the question mark ("like", "maybe").
_HEDGE_OPENERS = _HEDGED | {"like", "maybe", "about", "around", "roughly", "prob", "probably",
                            "i", "dunno", "idk", "guess", "uh", "um", "erm", "hmm", "ok", "so"}


def hedged_value(
    text: str, entities: Iterable[dict[str, Any]], label: str
) -> tuple[Any, int] | None:
    """The value of a ``label`` entity said unsure as the message's opening question, with
    whatever follows it ("like three weeks? since the new rota", "maybe a month? why does
    that matter"), and where it ends: the answer, hedged; a question put back after it
    takes nothing from it. None if there is none."""
    for entity in entities:
        if entity.get("entity") != label or not isinstance(entity.get("end"), int):
            continue
        head, tail = text[: int(entity.get("start") or 0)], text[int(entity["end"]) :]
        if "?" in head or re.search(r"[.!]", head) or not re.match(r"\W*\?", tail):
            continue
        if all(w in _HEDGE_OPENERS for w in re.findall(r"[a-z']+", head.lower())):
            return entity.get("value"), int(entity["end"])
    return None


_COUNTER_QUESTIONS = P.ANSWER_WORDS["counter_questions"]
_FILLERS = P.ANSWER_WORDS["fillers"]


def answer_after_asking_back(text: str | None) -> str | None:
    """What follows a short question put back before the answer ("why? um 5 days", "how
    come? a six"): the answer, when it asks nothing more; None when there is no such
    question or nothing (or another question) follows it."""
    asked, mark, after = (text or "").partition("?")
    words = re.findall(r"[a-z]+", asked.lower().replace("'", ""))
    while words and words[0] in _FILLERS:
        words = words[1:]  # "um why?", "so why?"
    if not mark or " ".join(words) not in _COUNTER_QUESTIONS:
        return None
    after = after.lstrip("? ")
    rest = [w for w in re.findall(r"[a-z0-9]+", after.lower()) if w not in _FILLERS]
    return after if rest and "?" not in after else None


def asks_back_then_answers(text: str | None, answers: Collection[str]) -> bool:
    """Whether ``text`` puts a short question back and then answers: an intake answer
    read in it (``answers``) or a score ("how come? 6")."""
    after = answer_after_asking_back(text)
    return after is not None and (bool(answers) or parse_score_answer(after) is not None)
