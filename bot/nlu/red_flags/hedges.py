"""Whether a mention is hedged, hypothetical or asked about ("maybe", "might", "is it
normal"); a hedge that only estimates a detail of it ("fell, maybe 2 metres") is none."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import (
    _HEDGE_WORDS,
    _HEDGES_INSIDE,
    _WORRY,
    _clause_after,
    _clause_before,
    _n,
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
