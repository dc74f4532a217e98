"""Whether a mention is hedged, hypothetical or asked about ("maybe", "might", "is it
normal"); a hedge that only estimates a detail of it ("fell, maybe 2 metres") is none."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import (
    _HEDGE_WORDS,
    _HEDGES_INSIDE,
    _WORRY,
    _clause_after,
    _clause_before,
    _n,
    _sentence,
    _words,
    asked,
)

_WORDS = word_sets("scope")
_MAY_NEXT = _WORDS["may_next"]
_COULD_NEXT = _WORDS["could_next"]
_BEFORE_SURE = _WORDS["before_sure"]
_DOUBT_NEGATORS = _WORDS["doubt_negators"]
_DOUBT_VERBS = _WORDS["doubt_verbs"]
_WORRY_NEXT = _WORDS["worry_next"]
_IS_IT = _WORDS["is_it"]
_IS_FORMS = _WORDS["is_forms"]
_POST_HEDGES = _WORDS["post_hedges"]
_ESTIMATE_HEDGES = _WORDS["estimate_hedges"]
_ESTIMATE_FILLERS = _WORDS["estimate_fillers"]
_ESTIMATE_NUMBERS = _WORDS["estimate_numbers"]
_ASKED_AHEAD = tuple(phrase.split() for phrase in _WORDS["asked_ahead"])
_HYPOTHETICAL = _WORDS["hypothetical_asks"]
_CONDITION_OPENS = _WORDS["condition_opens"]
_FINE_NOW = _WORDS["fine_now"]
_FINE_WHO = _WORDS["fine_who"]
_FINE_BUT = _WORDS["fine_but"]
_TOLD_AS_HAPPENED = _WORDS["told_as_happened"]
#: How many words after a hedge may come before the number it estimates.
_ESTIMATE_REACH = 3


def _estimates_a_detail(hedge: Token) -> bool:
    """A hedge on a number ("maybe 2 metres", "perhaps a couple of hours ago", "probably
    about 20 minutes"): the writer is unsure of a detail, not of the sign."""
    if _n(hedge) not in _ESTIMATE_HEDGES:
        return False
    doc = hedge.doc
    for token in doc[hedge.i + 1 : hedge.i + 1 + _ESTIMATE_REACH]:
        word = _n(token)
        if re.match(r"\d", word) or word in _ESTIMATE_NUMBERS:
            return True
        if word not in _ESTIMATE_FILLERS:
            return False
    return False


def _is_hedged(span: Span) -> bool:
    """True if the mention is hedged, hypothetical or asked about."""
    before = _clause_before(span, window=8)
    doc = span.doc
    if _words(span) & _HEDGES_INSIDE:
        return True
    for token in before:
        word = _n(token)
        nxt = _n(doc[token.i + 1]) if token.i + 1 < len(doc) else ""
        prev = _n(doc[token.i - 1]) if token.i > 0 else ""
        if word in _HEDGE_WORDS and not _estimates_a_detail(token):
            return True
        if word == "may" and nxt in _MAY_NEXT:
            return True
        if word == "could" and nxt in _COULD_NEXT:
            return True
        if word == "sure" and prev in _BEFORE_SURE:
            return True
        if word in _DOUBT_VERBS and prev in _DOUBT_NEGATORS:
            if word in {"know", "tell"} and nxt not in {"if", "whether"}:
                continue
            return True
        if word in _WORRY and nxt in _WORRY_NEXT:
            return True
        if word == "it" and prev in _IS_FORMS and nxt in _IS_IT:
            return True
        if word in _IS_IT and prev == "it":
            return True
    for token in _clause_after(span, window=4):
        if _n(token) in _POST_HEDGES and not _estimates_a_detail(token):
            return True
    return asked(span)


def asked_ahead(span: Span) -> bool:
    """A sign asked about under a condition ("what should I do if I ever got numbness down
    below?", "hypothetically, if someone had a fever ...") in a message that asks ahead of
    time ("asking in advance", "for future reference"), or that is hypothetical and says
    the writer is fine now ("I'm well"): no sign now."""
    doc = span.doc
    sentence = _sentence(span)
    if not {_n(t) for t in doc[sentence.start : span.start]} & _CONDITION_OPENS:
        return False
    words = [_n(t) for t in doc]
    if set(words) & _TOLD_AS_HAPPENED:
        return False  # "... asking in advance as it happened last night": not ahead
    ahead = any(
        words[i : i + len(phrase)] == phrase
        for phrase in _ASKED_AHEAD for i in range(len(words) - len(phrase) + 1)
    )
    return ahead or bool(set(words) & _HYPOTHETICAL) and _fine_now(doc)


def _fine_now(doc: Doc) -> bool:
    """The writer says they are fine ("I'm well", "I feel fine", "all good here"), not
    denied ("not fine") nor only otherwise ("fine apart from that")."""
    for token in doc:
        if _n(token) not in _FINE_NOW or token.i == 0:
            continue
        before = {_n(t) for t in doc[max(0, token.i - 2) : token.i]}
        clause = {_n(t) for t in [*_clause_before(doc[token.i : token.i + 1], window=4),
                                  *_clause_after(doc[token.i : token.i + 1], window=4)]}
        if before & _FINE_WHO and not before & _NOT_FINE and not clause & _FINE_BUT:
            return True
    return False


_NOT_FINE = frozenset({"not", "never", "no", "n't"})
