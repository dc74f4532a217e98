"""Signs a clinician asked about, told in reported speech and answered no ("the GP asked
about numbness down below, none of that", "the nurse asked if I'd had a fever and I said
no"): denied, as signs echoed as a question and answered no are."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import (
    _ANSWER_NO,
    _ANSWER_NO_FILLER,
    _FIRST_PERSON,
    _OTHERS,
    _SENTENCE_ENDS,
    _is_break,
    _n,
    _sentence,
)

_WORDS = word_sets("asked_by")
_ASKING = _WORDS["asking"]
_ASKED_WHAT = _WORDS["asked_what"]
_ASKERS = _WORDS["askers"]
_ANSWERING = _WORDS["answering"]
_NEW_ANSWER = _WORDS["new_answer"]
_DENIED_AGAIN = _WORDS["denied_again"]
_TAKEN_BACK = _WORDS["taken_back"]
#: How far back from a sign its clinician's question may start, and how far the rest of
#: the list asked about may run on after it before the answer.
_QUESTION_REACH = 12
_LIST_REACH = 10
#: How many words after "if" or "about" may name the writer ("asked if I'd had").
_ASKED_OF_ME = 4


def asked_and_denied(span: Span) -> bool:
    """Whether ``span`` is a sign a clinician asked about, and the next clause answers a
    bare no ("physio asked about numbness and leaking, none of that", "the doctor asked
    me about weakness, I said no")."""
    return _asked_by_a_clinician(span) and _answered_no_after(span)


def _asked_by_a_clinician(span: Span) -> bool:
    doc = span.doc
    start = max(_sentence(span).start, span.start - _QUESTION_REACH)
    for i in range(span.start - 1, start - 1, -1):
        token = doc[i]
        if _is_break(token):
            return False
        if _n(token) not in _ASKING:
            continue
        what = next((t for t in doc[i + 1 : i + 3] if _n(t) in _ASKED_WHAT), None)
        if what is None:
            continue
        # the writer named only as the one asked ("asked if I'd had"), not saying more
        between = doc[what.i + 1 : span.start]
        if any(_n(t) in _FIRST_PERSON for t in between[_ASKED_OF_ME:]):
            return False
        return _a_clinician_asks(doc[max(0, i - 3) : i])
    return False


def _a_clinician_asks(before: Span) -> bool:
    """A clinician or someone spoken of asked ("the physio asked", "she asked"), not the
    writer ("I asked about it")."""
    words = [_n(t) for t in before]
    # someone close asking counts as a clinician does ("my son asked if my legs were numb")
    return bool(set(words) & (_ASKERS | _OTHERS)) and not (words and words[-1] in _FIRST_PERSON)


def _answered_no_after(span: Span) -> bool:
    doc = span.doc
    i = span.end
    while i < len(doc) and i - span.end <= _LIST_REACH:
        token = doc[i]
        if _n(token) == "?":
            return False
        if _n(token) == "," or _is_break(token):
            if _a_bare_no(doc, i + 1):
                return True
            # the list asked about runs on ("asks about numbness, bladder problems, leg
            # weakness. none of that"), unless what follows takes a yes
            if _n(token) != "," or (i + 1 < len(doc) and _n(doc[i + 1]) in _TAKEN_BACK):
                return False
        if _n(token) in _NEW_ANSWER and i + 1 < len(doc) and _n(doc[i + 1]) in _FIRST_PERSON:
            return _a_bare_no(doc, i + 1)  # "... and I said no"
        if _n(token) in _FIRST_PERSON:
            return False
        i += 1
    return False


def _a_bare_no(doc: Doc, start: int) -> bool:
    """The clause from ``start`` is a bare no ("none of that", "I said no", "nope")."""
    answer: list[Token] = []
    for token in doc[start:]:
        if (_n(token) == "," or _is_break(token)) and answer:
            if _n(token) == "?":
                return False
            break
        if not token.is_space and not token.is_punct:
            answer.append(token)
        if _n(token) in _SENTENCE_ENDS and answer:
            break
    words = {_n(t) for t in answer}
    if _taken_back(doc, start + len(answer) + 1):
        return False
    # "no they're not", "no it hasn't": the sign said again with a verb, only with a "not"
    again = words & _DENIED_AGAIN and "not" in words
    return bool(words & _ANSWER_NO) and words <= (
        _ANSWER_NO | _ANSWER_NO_FILLER | _ANSWERING | (_DENIED_AGAIN if again else set()))


def _taken_back(doc: Doc, start: int) -> bool:
    """The clause after the no takes it back ("no, they're worse", "no, well a bit")."""
    for token in doc[start : start + 8]:
        if _is_break(token) or _n(token) == ",":
            return False
        if _n(token) in _TAKEN_BACK:
            return True
    return False
