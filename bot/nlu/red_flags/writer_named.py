"""A word for a person that names no one else: the writer in a likeness, at an earlier
age or in a role ("as a kid"), a companion of the writer's ("with my wife"), or the reader
greeted ("g'day mate"). The scope and whose rules read these before taking a sign as
someone else's."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from bot.nlu.red_flags.rulebook import word_sets

_WORDS = word_sets("scope")


def _norm(token: Token) -> str:
    return token.norm_.strip() or "\n"


def in_a_likeness(before: list[str]) -> bool:
    """A person named after ``before`` in a likeness ("like someone else's"): no one."""
    return "like" in before[-3:]


def the_writer_as(before: list[str]) -> bool:
    """A person named just after "as a" ("had measles as a kid", "as a young lad"): the
    writer at an earlier age or in a role, no one else; not a comparison ("the same as a
    friend of mine had")."""
    i = len(before)
    while i > 0 and before[i - 1] in _SELF_AS_DESCRIBING:
        i -= 1
    if i < 2 or before[i - 1] not in _SELF_AS_ARTICLES or before[i - 2] not in _SELF_AS:
        return False
    return i < 3 or before[i - 3] not in _SELF_AS_COMPARES


def a_companion(before: list[str]) -> bool:
    """A person named just after ``before`` as the writer's companion ("with my wife",
    "alongside the missus"): not the one a sign after them is said of."""
    i = len(before)
    while i > 0 and before[i - 1] in _COMPANION_FILLERS:
        i -= 1
    return i > 0 and before[i - 1] in _COMPANIONS


def a_greeting(doc: Doc, i: int) -> bool:
    """A word for a friend at ``i`` that greets the reader ("g'day mate", "hiya mate",
    "mate, my leg's gone"), not someone else ("my mate", "mate's leg")."""
    if _norm(doc[i]) not in _ADDRESSED:
        return False
    if i > 0:
        return _norm(doc[i - 1]) in _GREETINGS
    return i + 1 < len(doc) and _norm(doc[i + 1]) in {",", "!", "-"}


def in_a_carers_clause(doc: Doc, i: int) -> bool:
    """The writer at ``i`` in a clause of care said of the person just before ("a patient
    I visit", "the lady I look after", "a client I support has ..."): the one cared for
    is the subject, not the writer."""
    before = _norm(doc[i - 1]) if i > 0 else ""
    if before in _RELATIVES and i > 1:
        before = _norm(doc[i - 2])
    after = _norm(doc[i + 1]) if i + 1 < len(doc) else ""
    return before in CARED_FOR and after in _CARE_VERBS


#: People a carer looks after, named before a clause of care ("a client I support").
CARED_FOR = _WORDS["cared_for"]
#: Verbs of care after a person cared for and the writer ("the man I look after").
CARE_VERBS = _WORDS["care_verbs"]
_CARE_VERBS = CARE_VERBS
_RELATIVES = _WORDS["relative_pronouns"]
_COMPANIONS = _WORDS["companions"]
_COMPANION_FILLERS = _WORDS["companion_fillers"]
_GREETINGS = _WORDS["greetings"]
_ADDRESSED = _WORDS["addressed"]
_SELF_AS = _WORDS["self_as"]
_SELF_AS_ARTICLES = _WORDS["self_as_articles"]
_SELF_AS_DESCRIBING = _WORDS["self_as_describing"]
_SELF_AS_COMPARES = _WORDS["self_as_compares"]
