"""Movements tried as the person writes, each with its verdict after a sign ("bent forward
- same. Leaned back - same"): a verdict of sameness says the movement changed nothing."""

from __future__ import annotations

from spacy.tokens import Span

from bot.nlu.negation import is_negated
from bot.nlu.spans import CONTEXT, SENTENCE_ENDS, is_negation, sentence_of, value_of

_SIGNS = frozenset(CONTEXT["verdict_signs"])
_SAME = frozenset(CONTEXT["sameness_words"])
_FILLERS = frozenset(CONTEXT["sameness_fillers"])
_MOVEMENTS = ("flexion", "extension")
_REMEDIES = frozenset(CONTEXT["remedy_words"])
_POINTERS = frozenset(CONTEXT["remedy_pointers"])


def tried_the_same(spans: list[Span]) -> dict[int, str | None]:
    """The movements tried and found the same, by where they start: each says "none"
    (no difference) when every movement the message names, and does not deny, was found
    the same ("bent forward - same. Leaned back - same"); else they are left out, and the
    others say which way ("Leaning back: no change. Bending forward - ouch")."""
    same = _found_the_same(spans)
    if not same:
        return {}
    others = [
        s for s in spans if value_of(s) in _MOVEMENTS and s not in same and not is_negated(s)
    ]
    if not others:
        return {s.start: "none" for s in same}
    # ... and so is the verdict read on its own ("leaned back: no change")
    verdicts = [
        o for s in same for o in spans
        if value_of(o) == "none" and s.end <= o.start < sentence_of(s).end
    ]
    return {s.start: None for s in same + verdicts}


def remedies_found_wanting(spans: list[Span]) -> dict[int, str | None]:
    """A bare "nothing" after what was tried for the pain ("tried a hot water bottle and
    deep heat, nothing"; "Tried pills. Nothing.") is the remedies' verdict and says no
    direction: left out (by where it starts), unless a movement stands between them."""
    out: dict[int, str | None] = {}
    for span in spans:
        if value_of(span) != "none" or len(span) != 1:
            continue
        sentence = sentence_of(span)
        start = sentence.start
        if span.start == start and start > 0:
            start = sentence_of(span.doc[start - 1 : start]).start  # "Tried pills. Nothing."
        tried = [t.i for t in span.doc[start : span.start] if t.lower_ in _REMEDIES]
        named = [t for t in span.doc[tried[-1] + 1 : span.start] if t.is_alpha] if tried else []
        if not {t.lower_ for t in named} - _POINTERS:
            continue  # "I tried. Nothing.", "tried it, nothing": the movements asked about
        moved = any(
            value_of(s) in _MOVEMENTS and tried and tried[-1] < s.start < span.start
            for s in spans
        )
        if tried and not moved:
            out[span.start] = None
    return out


def _found_the_same(spans: list[Span]) -> list[Span]:
    """The movements tried and found the same ("bent forward - same", "Stood up, walked
    about: no change"): the last sign of the sentence after it, then only words of
    sameness; not when the movement before it was said to hurt ("Sitting kills. Bending -
    same": bending is like it), nor a movement with its own word of pain or denial before
    the sign."""
    moves = sorted((s for s in spans if value_of(s) in _MOVEMENTS), key=lambda s: s.start)
    same: list[Span] = []
    for i, span in enumerate(moves):
        verdict = _verdict_after(span)
        if verdict is None or not verdict & _SAME or not verdict <= _SAME | _FILLERS:
            continue
        start = sentence_of(span).start
        before = next((m for m in reversed(moves[:i]) if m.end <= start), None)
        if before is None or (same and same[-1] is before):
            same.append(span)
    return same


def _verdict_after(span: Span) -> set[str] | None:
    """The words after the last sign of ``span``'s sentence that comes after it ("- the
    same"), if the words before the sign say nothing themselves."""
    doc, sentence = span.doc, sentence_of(span)
    signs = [t.i for t in doc[span.end : sentence.end] if t.text in _SIGNS]
    if not signs:
        return None
    between = doc[span.end : signs[0]]
    if any(is_negation(t) or t.lower_ in CONTEXT["aggravation_words"] for t in between):
        return None
    return {
        t.lower_ for t in doc[signs[-1] + 1 : sentence.end]
        if t.text not in SENTENCE_ENDS and t.text not in _SIGNS
    }
