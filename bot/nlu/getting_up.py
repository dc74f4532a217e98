"""A movement that only says when another one hurts: getting up or straightening as the
way out of a position named before ("sitting for an hour, then I stand up and it's agony",
"getting up from the seat I straighten in stages"), or one put after it ("standing up
straight after the weeding"); not a movement of its own."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from bot.nlu.relief import aggravated_after, relieves
from bot.nlu.spans import (
    CONTEXT,
    clause_of,
    is_negation,
    negated_at,
    sentence_of,
    value_of,
)


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
    if not earlier:
        # "in my office chair all morning, and when I went to stand up ...": a seat named
        # in passing, with no movement said before it
        return _seat_before(span.doc, since, span.start, spans) and not relieves(span)
    return value_of(earlier[-1]) == "flexion" and not (relieves(earlier[-1]) or relieves(span))


def stuck_bent_from_a_seat(span: Span, spans: list[Span]) -> bool:
    """Not straightening on getting up out of a seat ("at my desk all morning, and when I
    went to get up I couldn't straighten", "when I get up off the settee I can't stand up
    straight"): stuck bent after sitting, the pain of sitting (flexion), not of leaning
    back; "can't straighten" said on its own, or after getting out of bed, stays as it is."""
    if value_of(span) != "extension" or not _straightening(span) or relieves(span):
        return False
    doc = span.doc
    since = _previous_sentence(span).start
    sentence = sentence_of(span)
    for tok in sentence:
        if span.start <= tok.i < span.end or not _rises_at(doc, tok.i):
            continue
        left = doc[tok.i + 1 : min(sentence.end, tok.i + 6)]
        leaves_a_seat = any(  # "got up from the sofa", "getting out of the car"
            t.lower_ in CONTEXT["seat_words"]
            and any(w.lower_ in CONTEXT["seat_left_words"] for w in doc[tok.i + 1 : t.i])
            for t in left
        )
        if leaves_a_seat or _seat_before(doc, since, tok.i, spans):
            return True
    return False


def _straightening(span: Span) -> bool:
    """A span of straightening up ("straighten up") or of not standing straight ("can't
    stand up straight")."""
    words = [t.lower_ for t in span]
    if any(w.startswith("straighten") for w in words):
        return True
    return bool(set(words) & CONTEXT["straight_words"]) and any(is_negation(t) for t in span)


def _rises_at(doc: Doc, i: int) -> bool:
    """Whether word ``i`` is a verb of getting up with its "up" or "out" ("get up", "stood
    up", "got out"), not standing on ("stand up straight")."""
    if doc[i].lower_ not in CONTEXT["rising_verbs"]:
        return False
    after = [t.lower_ for t in doc[i + 1 : i + 3]]
    return bool(set(after) & CONTEXT["rising_particles"]) and not (
        set(after) & CONTEXT["standing_on"]
    )


def _seat_before(doc: Doc, start: int, end: int, spans: list[Span]) -> bool:
    """A seat or a sitting named between words ``start`` and ``end`` ("in my office chair",
    "sat at the desk"), not a place stood at ("standing at the desk")."""
    stood = {
        i for o in spans if value_of(o) == "extension" for i in range(o.start, o.end)
    }
    return any(
        t.lower_ in CONTEXT["seat_words"] and t.i not in stood and not negated_at(doc, t.i)
        for t in doc[start:end]
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
