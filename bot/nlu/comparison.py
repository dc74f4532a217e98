"""Two movements set against each other ("bending is easier than leaning back", "sitting
hurts more than walking", "standing is fine compared to sitting", "walking isn't as bad as
sitting"): the worse one is the answer, and the relief or pain word of the comparison is
not read of the other one too (:mod:`bot.nlu.direction`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bot.nlu import patterns as P
from bot.nlu.spans import CLAUSE_TURNS, CONTEXT, SENTENCE_ENDS, is_negation, value_of

_LINKS = CONTEXT["comparison_links"]
_WORSE = CONTEXT["worse_comparatives"]
_LESSER = CONTEXT["lesser_comparatives"]
_MORE = CONTEXT["more_words"]
_LESS = CONTEXT["less_words"]
_PAIN = CONTEXT["aggravation_words"] | P.ANSWER_WORDS["pain_words"]
_EASE = (P.RELIEF_WORDS | CONTEXT["verdict_words"]) - _LESS
#: How far the second movement may follow the link ("than when I'm standing").
_AFTER_LINK = 5
#: How far the first movement may stand before the link ("sitting hurts way more than").
_BEFORE_LINK = 8
_MOVES = ("flexion", "extension")


def ranked(spans: list[Span]) -> dict[int, bool]:
    """For each movement in a comparison of two movements, by its first word, whether it is
    the worse one (True) or the one said to be easier (False)."""
    moves = [s for s in spans if value_of(s) in _MOVES]
    found: dict[int, bool] = {}
    for k, second in enumerate(moves):
        link = _link_before(second)
        if link is None:
            continue
        first = next(
            (s for s in reversed(moves[:k]) if s.end <= link and _joined(s.end, link, s.doc)),
            None,
        )
        if first is not None:
            start = _phrase_start(first)
            sign = _sign(first.doc[start:link], first.doc[link])
            if sign:
                found[first.start], found[second.start] = sign > 0, sign < 0
        elif second.doc[link].lower_ in _LINKS - {"than"}:
            _compared_first(second, link, moves[k + 1 :], found)  # "compared to sitting, ..."
    return found


def _compared_first(second: Span, link: int, later: list[Span], found: dict[int, bool]) -> None:
    """"Compared to sitting, walking is a breeze": the link and its movement open the
    sentence; the verdict follows the movement after the comma."""
    doc = second.doc
    first = next((s for s in later if _joined(second.end, s.start, doc)), None)
    if first is None or not any(t.text == "," for t in doc[second.end : first.start]):
        return
    end = first.end
    while end < len(doc) and end - first.end < 6 and not _ends(doc[end]):
        end += 1
    sign = _sign(doc[first.end : end], doc[link])
    if sign:
        found[first.start], found[second.start] = sign > 0, sign < 0


def _link_before(span: Span) -> int | None:
    """The link word that sets ``span`` against something before it ("than", "compared
    to", "as" after a denied "as bad"), close before it with no break between."""
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 1 - _AFTER_LINK), -1):
        tok = doc[i]
        if tok.is_punct:
            return None
        word = tok.lower_
        if word in ("to", "with") and i > 0 and doc[i - 1].lower_ in _LINKS:
            return i - 1
        if word in _LINKS:
            return i
        if word == "as" and _denied_likeness(doc, i):
            return i
    return None


def _denied_likeness(doc: Doc, i: int) -> bool:
    """The second "as" of "not as bad as", "isn't nearly as sore as"."""
    before = doc[max(0, i - 4) : i]
    first = next((t.i for t in reversed(before) if t.lower_ == "as"), None)
    if first is None:
        return False
    return any(is_negation(t) for t in doc[max(0, first - 3) : first])


def _joined(start: int, end: int, doc: Doc) -> bool:
    """Whether words ``start`` to ``end`` stay in one clause, near enough to compare."""
    return end - start <= _BEFORE_LINK and not any(
        t.text in SENTENCE_ENDS or t.lower_ in CLAUSE_TURNS for t in doc[start:end]
    )


def _phrase_start(span: Span) -> int:
    """Where the phrase of ``span`` opens: back to a break, at most four words ("it's worse
    when I sit than ...")."""
    doc, i = span.doc, span.start
    while i > 0 and span.start - i < 4 and not _ends(doc[i - 1]):
        i -= 1
    return i


def _ends(tok: Token) -> bool:
    return tok.is_punct or tok.lower_ in CLAUSE_TURNS


def _sign(words: Span, link: Token) -> int:
    """+1 when ``words`` make the first movement the worse one, -1 the easier one, 0 when
    they say neither ("I sit more than I stand") or deny it ("no better than")."""
    sign = 0
    for tok in reversed(list(words)):
        word = tok.lower_
        if word in _WORSE:
            sign = 1
        elif word in _LESSER:
            sign = -1
        elif word in _MORE | _LESS:
            # "more painful", "hurts a lot more", "less comfortable"
            near = {t.lower_ for t in words.doc[words.start : min(words.end, tok.i + 3)]}
            felt = 1 if near & _PAIN else -1 if near & _EASE else 0
            sign = felt if word in _MORE else -felt
        elif link.lower_ != "than" and (word in _PAIN or word in _EASE):
            sign = 1 if word in _PAIN else -1  # "fine compared to", "not as bad as"
        if sign:
            break
    denied = any(is_negation(t) and t.lower_ not in _LESSER for t in words)
    if denied and link.lower_ == "than":
        return 0  # "no better than", "isn't any worse than": the same
    return -sign if denied else sign
