"""The red-flag matcher's vocabulary, read from ``rules/vocabulary.yml``: categories and
kinds, negation cues, spellings and fuzzy targets, token classes and phrase macros.

The category and kind names are also Python constants, because the engine's logic
refers to them; the data must list exactly these.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.nlu.red_flags.rulebook import RuleDataError, vocabulary

CRISIS = "crisis"
VASCULAR = "vascular"
CAUDA_EQUINA = "cauda_equina"
NEURO_DEFICIT = "neuro_deficit"
INFECTION = "infection"
FRACTURE = "fracture"
CANCER = "cancer"

SYMPTOM = "symptom"
WEAK = "weak"
LIMITED = "limited"
TOPIC = "topic"

_DATA = vocabulary()

#: Categories, most urgent first.
CATEGORIES: tuple[str, ...] = tuple(_DATA.categories)
KINDS: tuple[str, ...] = tuple(_DATA.kinds)
if set(CATEGORIES) != {
    CRISIS, VASCULAR, CAUDA_EQUINA, NEURO_DEFICIT, INFECTION, FRACTURE, CANCER
} or (
    set(KINDS) != {SYMPTOM, WEAK, LIMITED, TOPIC}
):
    raise RuleDataError("vocabulary.yml: the categories or kinds are not the engine's")

#: Normalised negation cues (the tokenizer's NORM turns "n't"/"nt" into "not").
NEGATION_NORMS: frozenset[str] = frozenset(_DATA.negation_norms)
#: What a ``~`` gap word may not be: the end of a sentence or clause.
GAP_STOPS: frozenset[str] = frozenset(_DATA.gap_stops)
#: Known misspellings and variant spellings -> canonical spelling.
SPELLINGS: Mapping[str, str] = dict(_DATA.spellings)
#: Medical words misheard by voice-to-text as several words ("epic dural") -> the word
#: meant, or the words meant word for word ("settle area" -> "saddle area").
SOUND_ALIKES: Mapping[str, str] = dict(_DATA.sound_alikes)
#: Distinctive medical words that may be matched with one typo (two when >= 10 letters).
FUZZY_TARGETS: frozenset[str] = frozenset(_DATA.fuzzy_targets)
#: Real words one typo away from a fuzzy target: never "corrected".
PROTECTED_WORDS: frozenset[str] = frozenset(_DATA.protected_words)
#: Real words that look like a dropped g ("thin" is not "thing").
REAL_IN_WORDS: frozenset[str] = frozenset(_DATA.real_in_words)
#: Token classes (``@NAME``), as spaCy ``NORM IN`` token attributes.
TOKEN_CLASSES: Mapping[str, Mapping[str, Any]] = {
    name: {"NORM": {"IN": list(words)}} for name, words in _DATA.token_classes.items()
}
#: Phrase macros: ``{NAME}`` in a pattern expands to one pattern per phrase.
MACROS: Mapping[str, tuple[str, ...]] = {
    name: tuple(phrases) for name, phrases in _DATA.macros.items()
}
