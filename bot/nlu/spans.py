"""What the intake extractors share about a span: its value, its sentence, the words
around it (the lexicon's ``context_words``), and the :class:`Extraction` made of it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from bot.nlu import patterns as P


@dataclass(frozen=True)
class Extraction:
    """One normalised slot value found in a message."""

    entity: str  # one of the slot names in bot.nlu.patterns.SLOTS
    value: str | int | float | bool
    start: int  # char offsets in the text
    end: int
    text: str  # the matched text
    #: ``history`` for a duration of a long recurring history, not of this bout
    role: str | None = None


CONTEXT = P.CONTEXT_WORDS
CONTRASTS = CONTEXT["contrasts"]
SUBJECTS = CONTEXT["subjects"]
LIST_GOES_ON = CONTEXT["list_goes_on"]
BOTH_COUNTS = CONTEXT["both_counts"]
CLAUSE_TURNS = CONTEXT["clause_turns"]
#: Tokens that end a sentence or a clause for the onset and reach rules.
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
_DENIAL_FILLERS = P.ANSWER_WORDS["denial_fillers"]


def stands_alone(span: Span) -> bool:
    """Whether punctuation or the message's ends stand either side of ``span``; a hyphen
    that joins words is no such break ("a 52-year-old": "year" is part of an age)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    joined = (before is not None and before.text in _HYPHENS and not before.whitespace_) or (
        after is not None and after.text in _HYPHENS and not span[-1].whitespace_
    )
    before_ok = before is None or before.is_punct or before.is_space or _fillers_only(
        reversed(doc[: span.start])
    )
    after_ok = after is None or after.is_punct or after.is_space or _fillers_only(doc[span.end :])
    return before_ok and after_ok and not joined


#: Hedges and fillers beside an answer that stands alone ("both po", "both I think").
_ALONE_FILLERS = CONTEXT["alone_fillers"] | (
    P.ANSWER_WORDS["fillers"] - P.ANSWER_WORDS["no_words"]
)


def _fillers_only(tokens: Iterable[Token]) -> bool:
    """Whether only hedges, fillers and forms of address ("i think", "pretty", "po", "mate")
    come before the next break."""
    for token in tokens:
        if token.is_punct or token.is_space:
            return True
        if token.lower_ not in _ALONE_FILLERS:
            return False
    return True


_HYPHENS = frozenset({"-", "‐", "‑"})


def value_of(span: Span) -> str | None:
    """The pattern value of a span, or None if an ``@alone`` pattern is not alone."""
    value = span.id_
    if value.endswith(P.ALONE):
        if not stands_alone(span):
            return None
        value = value[: -len(P.ALONE)]
    return value


def longest(spans: Iterable[Span]) -> list[Span]:
    return sorted(filter_spans(list(spans)), key=lambda s: s.start)


def extraction(
    entity: str,
    value: str | int | float | bool,
    spans: list[Span],
    text: str,
    role: str | None = None,
) -> Extraction:
    start = min(s.start_char for s in spans)
    end = max(s.end_char for s in spans)
    return Extraction(entity, value, start, end, text[start:end], role)


def negated_at(doc: Doc, i: int) -> bool:
    """A negation among the two words before ``i``, or before the fillers just before it
    ("not even the problem")."""
    j = i
    while j > 0 and i - j < 4 and doc[j - 1].lower_ in _DENIAL_FILLERS:
        j -= 1
    return any(is_negation(t) for t in doc[max(0, min(i, j) - 2) : i])


def is_negation(token: Token) -> bool:
    return token.lower_ in P.NEGATION_TOKENS


def sentence_before(span: Span) -> Span:
    """The words of ``span``'s sentence before it."""
    doc, start = span.doc, span.start
    while start > 0 and doc[start - 1].text not in SENTENCE_ENDS:
        start -= 1
    return doc[start : span.start]


def sentence_of(span: Span) -> Span:
    """The sentence ``span`` stands in."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end - 1].text not in SENTENCE_ENDS:
        end += 1
    return doc[sentence_before(span).start : end]


def clause_of(span: Span) -> Span:
    """``span``'s sentence, cut at the turns ("but", "though") either side of it."""
    sentence = sentence_of(span)
    doc, start, end = span.doc, span.start, span.end
    while start > sentence.start and doc[start - 1].lower_ not in CLAUSE_TURNS:
        start -= 1
    while end < sentence.end and doc[end].lower_ not in CLAUSE_TURNS:
        end += 1
    return doc[start:end]


def says_a_phrase(words: Iterable[str], phrases: Iterable[str]) -> bool:
    """Whether one of ``phrases`` (lower-cased, words separated by spaces) stands among
    ``words``, whole words only ("on and off", "when i was")."""
    joined = f" {' '.join(words)} "
    return any(f" {phrase} " in joined for phrase in phrases)


def same_sentence(a: Span, b: Span) -> bool:
    sentence = sentence_of(a)
    return sentence.start <= b.start < sentence.end


def in_a_year_gone(span: Span) -> bool:
    """Something said in a sentence dated to a year gone by ("In 1994 I had a problem with my
    back after lifting a washing machine", "back in '98"): an old episode, not this one."""
    return _dated_to_a_year_gone([t.lower_ for t in sentence_of(span)])


def in_a_years_clause(span: Span) -> bool:
    """Something said in a clause dated to a year gone by ("not as bad as the one in 2009
    when I was laid up for six weeks"): of that time; not across a comma or a "but" ("Had
    one in 2009, this one a month"), nor beside a "has been" that reaches to now."""
    doc, start, end = span.doc, span.start, span.end
    while start > 0 and not _ends_a_clause(doc[start - 1]):
        start -= 1
    while end < len(doc) and not _ends_a_clause(doc[end]):
        end += 1
    words = [t.lower_ for t in doc[start:end]]
    perfect = CONTEXT["perfect_auxiliaries"]
    if any(w == "been" and k and words[k - 1] in perfect for k, w in enumerate(words)):
        return False  # "It started in 2018 and has been bad for a month": up to now
    return _dated_to_a_year_gone(words)


def _ends_a_clause(token: Token) -> bool:
    return token.text in SENTENCE_ENDS or token.text == "," or token.lower_ in CLAUSE_TURNS


def _dated_to_a_year_gone(words: list[str]) -> bool:
    if set(words) & P.ANSWER_WORDS["now_words"]:
        return False  # "I had a bad back in 2010, now bending hurts"
    return any(
        w in ("in", "back") and k + 1 < len(words) and _YEAR_GONE.match(words[k + 1])
        for k, w in enumerate(words)
    )


#: A year written out ("1994", "2009") or shortened ("'98").
_YEAR_GONE = re.compile(r"^(19\d\d|200\d|201\d|'\d\d)$")
