"""Deterministic red-flag detector for low back pain messages (NICE CKS/NG59, BMJ BP).

:func:`find_red_flags` lists every red-flag mention in a message with its status
(present, negated or uncertain); :func:`assess` turns them into one verdict:
``urgent`` if any mention is present, else ``clarify`` if any is uncertain (hedged:
"I might have a slight temperature?"), else ``none``.

It reuses the Backstep pipeline's vocabulary and tokenizer (:func:`get_nlp`) and the
generic negation helper (:mod:`bot.nlu.negation`), with a matcher built lazily from
:mod:`bot.nlu.red_flags.patterns` (:mod:`.indexed_matcher`: spaCy ``Matcher``s filed by
a word each pattern needs, so a message runs only the patterns it can match). The rules
are data: targets, context modifiers, spellings, token classes, macros and word sets
live in ``rules/*.yml``, read once and checked by :mod:`.rulebook`. The package holds one
idea a module:
:mod:`.reading` (normalising words), :mod:`.scope` (clause, hedge, negation,
someone else), :mod:`.context` (past, explained, whose), :mod:`.exclusions` and
:mod:`.crisis_exclusions` (what is not a red flag), :mod:`.verdicts` and :mod:`.detector`.
Tokens are matched on a spelling-normalised ``NORM`` (known misspellings plus a small
edit-distance check), so "blader", "bowles", "temprature" and "osteoperosis" are caught.

A second matcher finds context markers (:data:`RP.CONTEXT`): a symptom with a
resolution marker in its sentence is past ("had a fever last winter, long gone"), unless
it recurs or is a lasting history (cancer, thin bones, steroids, immunosuppression,
injecting); jelly legs after the gym or a numb bum on the bike are explained; and the
person's own age of 65+ with a minor fall is a fracture red flag.

Safety fails closed: :func:`find_red_flags` raises :class:`DetectorFailed` when the
matcher fails, and :func:`assess` (which never raises) makes that a possible red flag
(``clarify``, category ``unspecified``): the clarifying question, counted and logged
without the message's words. Input that is not text gives no hits.
"""

from bot.nlu.red_flags.detector import assess, detector_failures, find_red_flags, hits_in_doc
from bot.nlu.red_flags.reading import get_matcher, make_doc, normalise_word
from bot.nlu.red_flags.verdicts import (
    CATEGORIES,
    DetectorFailed,
    RedFlagHit,
    RedFlagVerdict,
    verdict_for,
)

__all__ = [
    "CATEGORIES",
    "DetectorFailed",
    "RedFlagHit",
    "RedFlagVerdict",
    "assess",
    "detector_failures",
    "find_red_flags",
    "get_matcher",
    "hits_in_doc",
    "make_doc",
    "normalise_word",
    "verdict_for",
]
