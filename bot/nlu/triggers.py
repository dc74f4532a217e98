"""What made the pain worse, in the check-in's categories (Step 3's journal).

The person taps a button (its value is the category) or says it in their own words ("sat
at my desk all day", "hoovering", "woke up stiff"); :func:`trigger_categories` groups the
words into sitting, bending or lifting, standing or walking, lying in bed, mornings,
evenings, or nothing in particular, and into :data:`~bot.domain.insights.OTHER` when
they name none. A text may name several.

The words are the intake lexicon's ``activities`` (``intake_lexicon.yml``): the very
patterns the intake reads as the painful direction, each under its category, and a few
only the check-in reads (a bed, a desk, a time of day). A match counts unless it is
denied ("not sitting", "sitting didn't bother it"; "couldn't sit" is no denial) or said
to ease the pain ("sitting down eased it"). Where two overlap the longest wins
("standing up from the sofa" is sitting), and the painful direction's patterns of no
category keep their words ("lifting my arms over my head" is no lifting). A text that
names a category is not "nothing in particular" as well.
"""

from __future__ import annotations

from functools import cache
from threading import Lock

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bot.domain.insights import CATEGORIES, NOTHING, OTHER
from bot.nlu import patterns as P
from bot.nlu.negation import contains_cue, negated_after, negation_cue_before
from bot.nlu.pipeline import build_nlp, clean_text
from bot.nlu.relief import is_relief
from bot.nlu.spans import CLAUSE_TURNS, CONTEXT, negated_at, stands_alone

#: The label of the painful direction's patterns that name no category.
_NO_CATEGORY = "no category"
#: Every label a text can be given, in the buttons' order.
_LABELS = (*CATEGORIES, NOTHING)
#: Words of being able: "can't sit" says sitting was the trouble, not that there was none.
_CAN = frozenset(P.TOKEN_CLASSES["CAN"]["LOWER"]["IN"])
#: Apostrophes and quotes, which spaCy calls punctuation but end no clause.
_QUOTES = frozenset({"'", "\u2019", '"'})
#: One text at a time through the reader (/history, the handout and the check-in's
#: actions read from several threads).
_LOCK = Lock()


@cache
def _reader() -> tuple[Language, Matcher]:
    """A pipeline of its own (the intake's tokenizer; its vocabulary shared with no one),
    and a matcher with every activity's patterns under its category and the rest of the
    painful direction's under :data:`_NO_CATEGORY` (``@alone`` patterns under their own
    key)."""
    nlp = build_nlp()
    matcher = Matcher(nlp.vocab, validate=True)
    groups = {**P.ACTIVITY_PATTERNS, _NO_CATEGORY: P.DIRECTION_ONLY_PATTERNS}
    for label, specs in groups.items():
        plain = [P.compile_pattern(s) for s in specs if not s.endswith(P.ALONE)]
        alone = [P.compile_pattern(s[: -len(P.ALONE)]) for s in specs if s.endswith(P.ALONE)]
        if plain:
            matcher.add(label, plain)
        if alone:
            matcher.add(label + P.ALONE, alone)
    return nlp, matcher


def _matches(doc: Doc, matcher: Matcher) -> list[Span]:
    """The matches, an ``@alone`` one only where it stands alone; the longest of those
    that overlap."""
    found = []
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        if label.endswith(P.ALONE):
            label = label[: -len(P.ALONE)]
            if not stands_alone(Span(doc, start, end)):
                continue
        found.append(Span(doc, start, end, label=label))
    return sorted(filter_spans(found), key=lambda span: span.start)


def _denied(span: Span) -> bool:
    """"not sitting", "no lifting today", "sitting didn't bother it", "sitting was fine";
    not "couldn't sit for long" (a cue after "can" says it was hard) nor a pattern that
    holds its own cue ("no idea")."""
    if contains_cue(span):
        return False
    cue = negation_cue_before(span)
    if cue is not None and not (cue.i > 0 and span.doc[cue.i - 1].lower_ in _CAN):
        return True
    return negated_after(span)


def _eased(span: Span) -> bool:
    """A word of relief after it in its clause, before any word of pain ("sitting down
    eased it", "a walk helped"; not "sitting made it worse", "walking didn't help")."""
    doc = span.doc
    for tok in doc[span.end :]:
        if (tok.is_punct and tok.text not in _QUOTES) or tok.lower_ in CLAUSE_TURNS:
            return False
        if negated_at(doc, tok.i):
            continue
        if tok.lower_ in CONTEXT["aggravation_words"]:
            return False
        if is_relief(tok):
            return True
    return False


def trigger_categories(text: str) -> tuple[str, ...]:
    """The categories ``text`` names, in the buttons' order: a button's own value, the
    categories its words name, ``nothing in particular``, or ``other``."""
    said = " ".join(text.split()).lower()
    if said in _LABELS:
        return (said,)
    named: set[str] = set()
    with _LOCK:
        nlp, matcher = _reader()
        doc = nlp.make_doc(clean_text(text))
        for span in _matches(doc, matcher):
            if span.label_ == _NO_CATEGORY or _denied(span):
                continue
            if span.label_ != NOTHING and _eased(span):
                continue
            named.add(span.label_)
    categories = tuple(c for c in CATEGORIES if c in named)
    if categories:
        return categories
    return (NOTHING,) if NOTHING in named else (OTHER,)
