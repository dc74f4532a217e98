"""Signs listed on one line, then one verdict for them all ("fever, chills - no",
"numb groin / weak legs: none", "bladder & bowels = normal"): the verdict denies every
sign of its list, and reaches no further back than the line or bullet it ends."""

from __future__ import annotations

from spacy.tokens import Span, Token

from bot.nlu.red_flags.doc_words import _n
from bot.nlu.red_flags.rulebook import word_sets

_WORDS = word_sets("scope")
_BREAKS = _WORDS["breaks"]
_NOT_BREAKS = _WORDS["not_breaks"]
_MARKS = _WORDS["list_verdict_marks"]
_JOINERS = _WORDS["list_joiners"]
_DENIALS = _WORDS["list_verdict_denials"]
_FILLER = _WORDS["list_verdict_filler"]
_TAKEN_BACK = _WORDS["answer_but"]
_OWN = _WORDS["first_person"] | {"my", "ive", "id", "mine"}

#: How many words a list may hold before and after a sign on its line.
_LIST_REACH = 12


def _is_break(token: Token) -> bool:
    text = _n(token)
    return text in _BREAKS or (token.is_punct and text not in _NOT_BREAKS)


def _is_mark(token: Token) -> bool:
    return token.text in _MARKS


def _heading_start(span: Span) -> int | None:
    """Where the line or bullet holding the sign starts, if it names the writer nowhere
    (a heading, not a statement: "i had fever, chills - no" is no list)."""
    doc = span.doc
    start = span.start
    while start > 0 and not _is_break(doc[start - 1]) and not _is_mark(doc[start - 1]):
        start -= 1
        if _n(doc[start]) in _OWN or span.start - start > _LIST_REACH:
            return None
    if start > 1 and _is_mark(doc[start - 1]) and not _is_break(doc[start - 2]):
        return None  # "back - worse at night, ...": the sign is a verdict, not a topic
    return start


def _verdict_mark(span: Span) -> int | None:
    """The index of the mark (":", "=", "-", "->") that ends the list holding the sign,
    when other signs are joined to it ("fever, chills -", "numb / tingling:")."""
    doc = span.doc
    j, joined = span.end, False
    while j < len(doc) and j - span.end <= _LIST_REACH:
        token = doc[j]
        if _is_mark(token):
            return j if joined or j == span.end else None
        if _is_break(token) or _n(token) in _OWN:
            return None
        joined = joined or _n(token) in _JOINERS
        j += 1
    return None


def _bare_denial_at(span: Span, start: int) -> bool:
    """From ``start``: a bare denial or all-clear that ends its clause ("no", "none",
    "all normal", "both fine"), not asked back ("no?") nor taken back ("no, but ...")."""
    doc = span.doc
    j, said = start, False
    while j < len(doc) and not _is_break(doc[j]) and _n(doc[j]) != ",":
        word = _n(doc[j])
        if word in _DENIALS:
            said = True
        elif word not in _FILLER:
            return False
        j += 1
    if not said:
        return False
    if j >= len(doc):
        return True
    if _n(doc[j]) == ",":
        return j + 1 >= len(doc) or _n(doc[j + 1]) not in _TAKEN_BACK
    return doc[j].text != "?"


def listed_and_denied(span: Span) -> bool:
    """The sign is one of a list on its line that one verdict after a mark denies."""
    if _heading_start(span) is None:
        return False
    mark = _verdict_mark(span)
    if mark is None:
        return False
    doc = span.doc
    j = mark
    while j < len(doc) and (_is_mark(doc[j]) or doc[j].is_space and doc[j].text != "\n"):
        j += 1
    return j < len(doc) and _bare_denial_at(span, j)
