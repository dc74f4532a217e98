"""A leg named with no pain said to go into it: said fine ("my legs are fine"), of its
strength ("legs are fine strength wise"), a numbness denied ("no numbness in my legs"),
or a mention taken back ("I said sciatica earlier but ...")."""

from __future__ import annotations

from spacy.tokens import Span

from bot.nlu import patterns as P
from bot.nlu.spans import CONTEXT, CONTRASTS

_SENSATIONS: frozenset[str] = CONTEXT["leg_sensation_words"]
_STRENGTH: frozenset[str] = CONTEXT["leg_strength_words"]


def a_sensation(span: Span) -> bool:
    """A leg named with a numbness or tingling, not pain ("numbness in my legs")."""
    return any(t.lower_ in _SENSATIONS for t in span) and not any(
        t.lower_ in P.ANSWER_WORDS["pain_words"] for t in span
    )


def of_their_strength(span: Span) -> bool:
    """Legs said fine of their strength ("legs are fine strength wise", "legs ok, no
    weakness"): a word of strength just after."""
    return any(t.lower_ in _STRENGTH for t in span.doc[span.end : span.end + 3])


def taken_back(span: Span) -> bool:
    """A mention told as said or thought before, then turned ("I said sciatica earlier but
    thinking about it, it's only ever in my bum cheek")."""
    doc = span.doc
    said = any(t.lower_ in CONTEXT["taken_back"] for t in doc[max(0, span.start - 3) : span.start])
    return said and any(t.lower_ in CONTRASTS for t in doc[span.end : span.end + 5])


def said_fine(span: Span) -> bool:
    """"my back and legs are fine": not pain; "my back and legs feel tight": how supple
    they are, which is the flexibility question's."""
    after = span.doc[span.end : span.end + 3]
    return any(
        t.lower_ in CONTEXT["fine_words"] or t.lower_ in CONTEXT["tight_words"] for t in after
    )
