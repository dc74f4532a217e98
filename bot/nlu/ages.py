"""Whose time a length is when it is someone's age or a pregnancy's ("my 3 year old",
"twins of 9 months", "28 weeks pregnant", "36 weeks with number three") or dates a birth ("I
gave birth 3 months ago"): the child's, not this bout's."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from bot.nlu import patterns as P
from bot.nlu.duration import AGE_AFTER, UNIT_DAYS
from bot.nlu.spans import CONTEXT, sentence_before, sentence_of


def an_age(span: Span) -> bool:
    """Someone's age ("new mom here, 2mos old baby", "my 3 year old", "my son, he is 18
    months", "the twins are 9 months", "a girl of 4 months"), not the pain's ("the pain is
    2 days old")."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    if _years_had(span, before):
        return True  # "I have 40 years, and ...": an age said as "tengo 40 años"
    if len(before) == 2 and before[0] in CONTEXT["people_words"] and before[1] == "of":
        return True  # "twins of 9 months"
    if len(before) == 2 and before[0] in CONTEXT["people_words"] and before[1] in (
        "is", "'s", "are", "turned", "turns", "aged"
    ):
        # "baby is 6 weeks already, since then lor", "since the baby came. She is 5 months
        # now": the birth dates the pain
        return not any(
            t.lower_ == "since" for t in sentence_of(span) if t.i >= span.end
        ) and not _since_the_birth(doc)
    end = span.end + 1 if doc[span.end : span.end + 1].text in _HYPHENS else span.end
    if end >= len(doc) or doc[end].lower_ not in AGE_AFTER:
        return False
    if before[-1:] and before[-1] in _WHOSE or doc[end + 1 : end + 2].text.lower() in (
        CONTEXT["people_words"]
    ):
        return True  # "lifting my 10-week-old", "carrying a 9 month old baby"
    words = P.ANSWER_WORDS["pain_words"] | P.ANSWER_WORDS["back_words"]
    return not any(t.lower_ in words for t in sentence_before(span))


#: The youngest age said as "I have N years": fewer years may be the pain's.
_AGE_HAD_MIN_YEARS = 16


def _years_had(span: Span, before: list[str]) -> bool:
    """An age said with "have", as many languages say it ("I have 40 years, and my back
    went on Sunday"): a grown-up's number of years, and nothing after them that ties them
    to the pain ("I have 3 years with this pain", "I have 20 years of back trouble")."""
    if len(before) < 2 or before[0] not in CONTEXT["age_have_subjects"] or (
        before[1] not in CONTEXT["age_have_verbs"]
    ):
        return False
    number, unit = span[0].text, span[-1].lower_
    if len(span) != 2 or UNIT_DAYS.get(unit) != UNIT_DAYS["year"] or not number.isdigit():
        return False
    after = span.doc[span.end : span.end + 1]
    return int(number) >= _AGE_HAD_MIN_YEARS and (
        not after or after[0].lower_ in CONTEXT["age_have_after"]
    )


def _since_the_birth(doc: Doc) -> bool:
    """Whether the message dates the pain from the birth ("since the baby came", "ever
    since I had her", "since giving birth")."""
    births = CONTEXT["birth_words"] | {"had", "having"}
    return any(
        t.lower_ == "since" and any(w.lower_ in births for w in doc[t.i + 1 : t.i + 5])
        for t in doc
    )


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
#: Words before an age that say whose child it is ("my 3 year old").
_WHOSE = frozenset({"my", "our", "his", "her", "their", "your"})


def a_pregnancy(span: Span) -> bool:
    """How far on a pregnancy is, or how long since the birth ("I'm 28 weeks pregnant",
    "30 weeks gone with my second", "6 weeks postpartum"): the baby's time, not the
    bout's."""
    doc = span.doc
    if _weeks_with_a_child_to_come(span):
        return True  # "36 weeks with number three", "30 wks with twins"
    if span.end >= len(doc) or doc[span.end].lower_ not in CONTEXT["gestation_after"]:
        return False
    return any(t.lower_ in CONTEXT["pregnancy_words"] for t in doc)


def _weeks_with_a_child_to_come(span: Span) -> bool:
    """Weeks said "with" the child to come ("34 weeks with my second", "20 wks with baby
    no. 2", "30 weeks with twins"); not "three weeks with my back like this"."""
    if not any(UNIT_DAYS.get(t.lower_) == 7.0 for t in span):
        return False
    after = [t for t in span.doc[span.end : span.end + 6] if t.text != "."]
    words = [t.lower_ for t in after]
    if words[:1] != ["with"]:
        return False
    if words[1:2] and words[1] in CONTEXT["gestation_with_multiples"]:
        return True
    k = 2 if words[1:2] in (["my"], ["our"]) else 1
    k += 1 if words[k : k + 1] in (["baby"], ["bub"]) else 0
    if words[k : k + 1] and words[k] in CONTEXT["gestation_numbered"]:
        return k + 1 < len(after) and after[k + 1].like_num  # "with number three"
    return words[k : k + 1] != [] and words[k] in CONTEXT["gestation_with"]


def dates_a_birth(span: Span) -> bool:
    """A birth dated in passing ("I gave birth 3 months ago and this back pain..."): when
    the baby came, not when this bout began, unless the pain is said to date from it
    ("since I had the baby 3 months ago")."""
    doc = span.doc
    before = doc[max(0, span.start - 3) : span.start]
    if not any(t.lower_ in CONTEXT["birth_words"] for t in before):
        return False
    return not any(t.lower_ == "since" for t in sentence_of(span) if t.i < span.start)
