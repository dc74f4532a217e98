"""Messages written as a form, a checklist, a Q and A, a diary or shorthand, read as the
sentences they stand for before the matcher sees them:

- a short label, a colon and its value ("Bladder: leaking since Tuesday") are one clause
  ("Bladder leaking since Tuesday"); the field before a label ends there ("Fever: no,
  Bladder: ...": the no stays with the fever);
- the markers of a Q and A ("Q:", "A:") are dropped: the question is one sentence, its
  answer the next (a bare no denies what was asked, a yes tells it, see
  :func:`answered_yes`);
- a tick after a sign ("bladder problems ✓") is a yes, a cross ("saddle numbness ✗") a no,
  each ending its item;
- an arrow between events ("sneezed -> felt a crack -> can't move") is a ", then" (what
  comes after it, "all gone", may still reach back to what came before).

:func:`read_as_form` returns the text read and, for each of its characters, where it
stands in the text written (as the fragment reading does)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import _FIRST_PERSON, _HEDGE_WORDS, _WORRY, _n, _sentence

_WORDS = word_sets("scope")

#: Where a field, a question or an answer may start: the text's start, a new line, a
#: sentence's end, a list's separator or a bullet.
_FIELD_START = r"(?:^|(?<=[\n.;,!?•·▪◦*])|(?<=^[-–—])|(?<=\n[-–—])|(?<=\d[.)]))"
_QUESTION_MARK = re.compile(
    _FIELD_START + r"[ \t]*(?:q|qu|ques|question)[ \t]*\d{0,2}[ \t]*[:.)][ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
_ANSWER_MARK = re.compile(
    _FIELD_START + r"[ \t]*(?:a|ans|answer)[ \t]*\d{0,2}[ \t]*[:.)][ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
#: A label: one to three words (no digits), then a colon and a value on the same line.
_LABEL = re.compile(
    _FIELD_START
    + r"([ \t]*)([^\W\d_][\w'’/&-]*(?:[ \t]+[^\W\d_][\w'’/&-]*){0,2})[ \t]*(:)[ \t]+(?=[^\s])",
    re.MULTILINE,
)
#: A field's end: a comma or semicolon just before the next label.
_SEPARATOR_BEFORE = re.compile(r"([,;])[ \t]*$")
_TICKS = "✓✔✅☑"
_CROSSES = "✗✘❌✖❎"
_MARK = re.compile(rf"[ \t]*([{_TICKS}{_CROSSES}])\ufe0f?")
_ARROW = re.compile(r"[ \t]*(?:-+>|=+>|[→⟶➡➔⇒])\ufe0f?[ \t]*")
#: Words of a label that make it a sentence, not a heading ("I said: ...", "my GP: ...").
_OWN = _FIRST_PERSON | {"my", "ive", "i've", "id", "i'd", "we", "he", "she", "they"}
_YES = frozenset(_WORDS["answer_yes"])
#: A yes that opens an answer, with its comma ("yes, round my privates"; not "yesterday").
_YES_OPENING = re.compile(
    r"[ \t]*(?:"
    + "|".join(sorted(map(re.escape, _YES), key=len, reverse=True))
    + r")\b[ \t]*[,.!:;-]?[ \t]*",
    re.IGNORECASE,
)


def read_as_form(text: str) -> tuple[str, list[int]]:
    """``text`` read as the sentences its form stands for, and where each character of
    the reading stands in ``text`` (one entry more, for its end)."""
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in ``text``
    questions = [m for m in _QUESTION_MARK.finditer(text) if m.end() < len(text)]
    answers = []
    for match in _ANSWER_MARK.finditer(text):
        before = text[: match.start()].rstrip()
        asked_before = bool(questions) and questions[0].start() < match.start()
        if not (asked_before or before.endswith("?")) or match.end() >= len(text):
            continue
        answers.append(match)
        yes = _YES_OPENING.match(text, match.end())
        if yes is not None and before.endswith("?"):
            # "Q: any new numbness? A: yes, round my privates": the detail answered is
            # the sign asked, told ("any new numbness round my privates")
            edits.append((len(before) - 1, yes.end(), " "))
            continue
        # the answer starts a sentence of its own ("Q: fever A: no": the fever asked)
        joined = "" if not before or before[-1] in ".?!\n" else "?"
        edits.append((match.start(), match.end(), joined + " "))
    # the markers of questions answered (a "Q1: ... Q2: ..." of the writer's own, with no
    # answers, stays as it is)
    for match in questions:
        if any(a.start() > match.start() for a in answers):
            edits.append((match.start(), match.end(), ""))
    taken = [(s, e) for s, e, _ in edits]
    for match in _LABEL.finditer(text):
        label = match.group(2)
        words = {w.lower() for w in label.split()}
        colon = match.start(3)
        if words & _OWN or any(s <= colon < e for s, e in taken):
            continue
        separator = _SEPARATOR_BEFORE.search(text[: match.start(2)])
        listed = separator is not None and not _a_field_before(text, separator.start(1))
        if not (listed and _bare_verdict_at(text, match.end())):
            # "Bladder: leaking": one clause (not "fever, chills: no", a list's verdict)
            edits.append((colon, colon + 1, ""))
        if separator is not None and separator.start(1) > 0 and not listed:
            # "Fever: no, Bladder: leaking": the field before ends at its comma
            edits.append((separator.start(1), separator.start(1) + 1, "."))
    for match in _MARK.finditer(text):
        tick = match.group(1) in _TICKS
        after = text[match.end() :].lstrip(" \t")
        ends = not after or after[0] in ",;.\n!?"
        word = " yes" if tick else " no"
        edits.append((match.start(), match.end(), word if ends else word + "."))
    for match in _ARROW.finditer(text):
        if not _bare_verdict_at(text, match.end()):  # "chills -> none": a verdict
            edits.append((match.start(), match.end(), ", then "))
    return _apply(text, edits)


#: A bare verdict of denial or all-clear after a label or an arrow ("no", "none", "all
#: normal"), ending its field.
_VERDICT_WORDS = _WORDS["list_verdict_denials"] | _WORDS["list_verdict_filler"]
_VERDICT_WORD = re.compile(r"[ \t]*([^\W\d_]+)[ \t]*", re.IGNORECASE)
_FIELD_END = ",;.!\n"


def _bare_verdict_at(text: str, position: int) -> bool:
    """Whether the field from ``position`` is a bare denial or all-clear, not asked back."""
    said = False
    while position < len(text) and text[position] not in _FIELD_END + "?":
        word = _VERDICT_WORD.match(text, position)
        if word is None or word.group(1).lower() not in _VERDICT_WORDS:
            return False
        said = said or word.group(1).lower() in _WORDS["list_verdict_denials"]
        position = word.end()
    return said and not text[position:].startswith("?")


def _a_field_before(text: str, separator: int) -> bool:
    """Whether what comes before a separator is a field of its own, with its colon
    ("Fever: no, Bladder: ..."), not an item of a list one verdict answers ("fever,
    chills: no")."""
    start = max(text.rfind(mark, 0, separator) for mark in "\n.;!?•")
    return ":" in text[start + 1 : separator]


def _apply(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    if not edits:
        return text, list(range(len(text) + 1))
    read: list[str] = []
    where: list[int] = []
    position = 0
    for start, end, replacement in sorted(edits):
        if start < position:
            continue  # overlapping edits: the first one stands
        read.extend(text[position:start])
        where.extend(range(position, start))
        read.extend(replacement)
        where.extend([min(start, len(text) - 1)] * len(replacement))
        position = end
    read.extend(text[position:])
    where.extend(range(position, len(text)))
    return "".join(read), [*where, len(text)]


#: What a question answered yes may hold besides the sign: a question of a form or a
#: checklist ("any numbness down there?", "do you have trouble peeing?").
def answered_yes(span: Span) -> bool:
    """A sign asked about in a question of a form, then answered by a bare yes that
    starts the next sentence ("any numbness down there? yes, round my privates", "trouble
    peeing? yep"): told as there. Not a question of the writer's own doubt ("is it
    normal ...? yes, I read it is", "could it be cancer? yes maybe")."""
    sentence = _sentence(span)
    doc = span.doc
    if not len(sentence) or _n(sentence[-1]) != "?" or sentence.end >= len(doc):
        return False
    asked = {_n(t) for t in doc[sentence.start : sentence.end]}
    if asked & (_FIRST_PERSON | _HEDGE_WORDS | _WORRY | _WORDS["is_it"] | _OWN):
        return False
    answer = [t for t in doc[sentence.end : sentence.end + 3] if not t.is_space]
    if not answer or _n(answer[0]) not in _YES:
        return False
    nxt = answer[1] if len(answer) > 1 else None
    return nxt is None or _n(nxt) != "?"
