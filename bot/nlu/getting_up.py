"""A movement that only says when another one hurts: getting up or straightening as the
way out of a position named before ("sitting for an hour, then I stand up and it's agony",
"getting up from the seat I straighten in stages"), or one put after it ("standing up
straight after the weeding"); not a movement of its own."""

from __future__ import annotations

from spacy.tokens import Span

from bot.nlu.relief import aggravated_after, relieves
from bot.nlu.spans import CONTEXT, clause_of, sentence_of, value_of


def qualifies_another(span: Span, spans: list[Span]) -> bool:
    """A movement that only says when another one hurts ("Standing up straight after the
    weeding is the worst"): "after" or "before" just before it, another movement just
    before that in the same clause."""
    doc = span.doc
    clause = clause_of(span)
    if span[0].lower_.startswith("straighten") and not aggravated_after(span) and any(
        clause.start <= o.start and o.end <= span.start and value_of(o) == "flexion"
        and not relieves(o)
        for o in spans
    ):
        # "getting up out of the seat I have to straighten up in stages": the way out of
        # the bent position named before it, not a movement of its own
        return True
    if _up_from_the_seat_before(span, spans):
        # "Sitting for sure. Like a 6hr grind then I stand up and it's agony", "sitting at
        # the station doing notes, when I stand up after it's so painful": getting up from
        # the seat named just before (in its sentence or the one before), not standing
        return True
    before = list(doc[max(0, span.start - 3) : span.start])
    cue = next(
        (t.i for t in reversed(before)
         if t.lower_ in CONTEXT["qualifiers"] or t.lower_ in CONTEXT["sequence_words"]),
        None,
    )
    if cue is None or any(t.is_punct for t in doc[cue : span.start]):
        return False
    gap = _SEQUENCE_GAP if doc[cue].lower_ in CONTEXT["sequence_words"] else _QUALIFIER_GAP
    return any(
        o.end <= cue and cue - o.end <= gap and not any(t.is_punct for t in doc[o.end : cue])
        for o in spans
    )


#: How many words may stand between a movement and "after" ("standing up straight after
#: the weeding") or "then" ("sitting through the film then standing up") qualifying it.
_QUALIFIER_GAP = 2
_SEQUENCE_GAP = 6


def _up_from_the_seat_before(span: Span, spans: list[Span]) -> bool:
    """Whether ``span`` is getting up ("I stand up") just after a sitting said to hurt, in
    its sentence or the one before; not when either eases it ("stand up and stretch")."""
    if not _a_rise(span) or value_of(span) != "extension":
        return False
    since = _previous_sentence(span).start
    earlier = [o for o in spans if o.end <= span.start and o.start >= since]
    return bool(earlier) and value_of(earlier[-1]) == "flexion" and not (
        relieves(earlier[-1]) or relieves(span)
    )


def _a_rise(span: Span) -> bool:
    """Whether ``span`` is getting up ("I stand up", "get up"), not standing straight."""
    after = span.doc[span.end : span.end + 2]
    words = [t.lower_ for t in span] + [t.lower_ for t in after]
    return words[0] in CONTEXT["rising_verbs"] and "up" in words and not (
        set(words) & CONTEXT["standing_on"]  # "stand up straight", "stand up long"
    )


def _previous_sentence(span: Span) -> Span:
    """The sentence before ``span``'s, or its own when it is the first."""
    sentence = sentence_of(span)
    if not sentence.start:
        return sentence
    return sentence_of(span.doc[sentence.start - 1 : sentence.start])
