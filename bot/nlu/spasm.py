"""Whether the back goes into spasm: said, denied ("Spasms no"), or said of another
episode and denied for this one ("Three years ago it locked. This time no, not locking")."""

from __future__ import annotations

from spacy.tokens import Span

from bot.nlu import patterns as P
from bot.nlu.episodes import phrase_at
from bot.nlu.negation import is_negated
from bot.nlu.spans import (
    CONTEXT,
    SENTENCE_ENDS,
    Extraction,
    extraction,
    is_negation,
    value_of,
)

#: How many words may name the same thing again between a topic and its "no" ("spasm or
#: locking, none", "spasm, the locking, no").
_TOPIC_WORDS = 3


def denied_after(span: Span) -> bool:
    """A "no" standing alone after it, as the answer to it named as a topic ("Spasms no",
    "Spasm, no.", "spasm or locking, none, only pain", "spasm, the locking, no, this
    never happen"), not one that begins the next thing ("locked up, no pain in my legs")
    nor a tag question ("it locks, no?")."""
    return denial_after(span) is not None


def denial_after(span: Span) -> int | None:
    """Where the "no" of :func:`denied_after` stands, if there is one."""
    doc = span.doc
    words, after_break = 0, True
    for tok in doc[span.end : span.end + 2 * _TOPIC_WORDS + 3]:
        if tok.text in SENTENCE_ENDS:
            return None
        if tok.is_punct or tok.text in CONTEXT["label_marks"]:  # "locking = no"
            after_break = True
            continue
        if tok.lower_ in P.ANSWER_WORDS["no_words"]:
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            alone = after is None or after.is_space or (after.is_punct and after.text != "?")
            return tok.i if alone and after_break else None
        if is_negation(tok) or tok.lower_ in P.ANSWER_WORDS["yes_words"]:
            return None
        words += 1
        after_break = False
        if words > _TOPIC_WORDS:
            return None
    return None


def live_spasms(said: list[Span]) -> list[Span]:
    """The spasms said to be there: neither negated nor answered "no"."""
    return [s for s in said if value_of(s) is not None and not _denied(s, said)]


def _denied(span: Span, said: list[Span]) -> bool:
    """Negated, answered "no", or the second of a pair whose first is denied ("never had
    it seize up or go into spasm": the "never" reaches both)."""
    if is_negated(span) or denied_after(span):
        return True
    return any(
        other.end <= span.start and _joined_by_or(other, span) and is_negated(other)
        for other in said
    )


#: How many words may stand between the two of a denied pair ("lock up or go into spasm").
_PAIR_GAP = 4


def _joined_by_or(first: Span, second: Span) -> bool:
    """An "or" (or "nor") between two spans, with no break and no other "no" or "yes"
    there ("seize up or go into", not "seize up, or it did once")."""
    between = first.doc[first.end : second.start]
    if len(between) > _PAIR_GAP:
        return False
    words = [t.lower_ for t in between]
    if not ("or" in words or "nor" in words):
        return False
    return not any(
        t.is_punct or is_negation(t) or t.lower_ in P.ANSWER_WORDS["yes_words"] for t in between
    )


def resolve_spasm(said: list[Span], spasms: list[Span], text: str) -> Extraction | None:
    """A spasm said to be there, unless denied for this episode after it was told of
    another; else a spasm said not to be there ("it's not locked up or in spasm, it just
    aches"), which clears a spasm read earlier in the intake."""
    denied = [s for s in said if value_of(s) is not None and _denied(s, said)]
    if spasms and not (denied and denied[-1].start > spasms[-1].end and _this_time(denied[-1])):
        return extraction(P.SPASM, True, [spasms[-1]], text)
    return extraction(P.SPASM, False, [denied[-1]], text) if denied else None


#: How many words before a denied spasm may say it is this time's ("This time no, not
#: locking").
_THIS_TIME_REACH = 6


def _this_time(span: Span) -> bool:
    """"This time" said just before ``span`` in its sentence: this episode's, against
    another told of before."""
    doc = span.doc
    words: list[str] = []
    for tok in reversed(doc[max(0, span.start - _THIS_TIME_REACH) : span.start]):
        if tok.text in SENTENCE_ENDS:
            break
        words.insert(0, tok.lower_)
    return any(phrase_at(words, i, CONTEXT["this_time_phrases"]) for i in range(len(words)))
