"""The intake extractors' patterns: the lexicon in ``intake_lexicon.yml``, and its compiler.

The words and patterns are data (one file, checked when it is read); this module turns the
compact pattern notation into spaCy token patterns for the built-in ``span_ruler``:

* ``bend|bending``  -- the lower-cased token is one of the alternatives;
* ``@NAME``         -- a named token class (``token_classes`` in the file, plus ``NEG``,
  the negation cues, and ``HOLIDAY``, the words of :mod:`bot.nlu.holidays`);
* ``_``             -- any single token that is *not* a negation cue;
* ``re:<regex>``    -- the lower-cased token matches the regular expression;
* a trailing ``?``, ``*`` or ``+`` is the spaCy quantifier for that token.

Each table maps a normalised value to its patterns. Patterns ending in :data:`ALONE` only
count when the match stands on its own (nothing but punctuation or the edge of the
message either side), e.g. a bare "both".

The everyday activities are kept by the daily check-in's categories (``activities``:
sitting, bending or lifting, ...), each pattern under the painful direction it says; the
painful direction's table takes them from there (:data:`PATTERN_TABLES`), and
:mod:`bot.nlu.triggers` reads them by category (:data:`ACTIVITY_PATTERNS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

from bot.domain.insights import CATEGORIES as CHECKIN_CATEGORIES
from bot.domain.insights import NOTHING
from bot.nlu.holidays import HOLIDAY_WORDS

# Slot names (a public contract with the Rasa domain).
PAIN_DIRECTION = "pain_direction"
PAIN_DURATION_DAYS = "pain_duration_days"
FLEXIBILITY = "flexibility"
SPASM = "spasm"
LEG_PAIN = "leg_pain"
PAIN_SCORE = "pain_score"

SLOTS: tuple[str, ...] = (
    PAIN_DIRECTION, PAIN_DURATION_DAYS, FLEXIBILITY, SPASM, LEG_PAIN, PAIN_SCORE
)

#: The role of a duration entity that dates a long recurring history, not this bout (the
#: form reads it only when the how-long question was asked).
HISTORY = "history"
#: The role of a direction entity for a movement the message names without saying that it
#: changes the pain ("I stand at the stall the whole day"): an answer only when asked.
CONTEXT_ROLE = "context"

#: Suffix on a pattern: only valid when the match stands alone.
ALONE = "@alone"
#: Span-ruler key the pipeline writes its matches to.
SPANS_KEY = "backstep"
LEXICON = "intake_lexicon.yml"
#: Under an activity: patterns only the check-in reads (they say no painful direction).
CHECKIN_ONLY = "checkin_only"
#: What an activity's patterns may sit under: a painful direction, or the check-in only.
_ACTIVITY_KEYS = ("flexion", "extension", "none", "constant", CHECKIN_ONLY)


class LexiconError(ValueError):
    """The lexicon file is not as this module expects (says where)."""


def _words(raw: Any, where: str) -> frozenset[str]:
    if not isinstance(raw, list) or not raw or not all(isinstance(w, str) and w for w in raw):
        raise LexiconError(f"{LEXICON}: {where} must be a non-empty list of words")
    if len(set(raw)) != len(raw):
        raise LexiconError(f"{LEXICON}: {where} lists a word twice")
    return frozenset(raw)


def _token_class(name: str, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict) or len(raw) != 1 or not ({"in", "regex"} & set(raw)):
        raise LexiconError(f"{LEXICON}: token class {name} needs exactly one of `in`, `regex`")
    if "regex" in raw:
        return {"LOWER": {"REGEX": str(raw["regex"])}}
    return {"LOWER": {"IN": list(_words(raw["in"], f"token class {name}"))}}


def _specs(raw: Any, where: str, classes: Mapping[str, Any]) -> tuple[str, ...]:
    """A list of patterns, each naming only known token classes."""
    if not isinstance(raw, list) or not raw:
        raise LexiconError(f"{LEXICON}: {where} must be a non-empty list of patterns")
    for spec in raw:
        for part in str(spec).split():
            name = part.rstrip("?*+")
            if name.startswith("@") and name[1:] not in classes:
                raise LexiconError(f"{LEXICON}: {where}: unknown class {name}")
    return tuple(str(s) for s in raw)


def _activities(
    raw: Any, classes: Mapping[str, Any]
) -> tuple[dict[str, tuple[str, ...]], dict[str, list[str]]]:
    """The activities: each category's patterns, and the painful direction's patterns
    they bring to the intake (direction value -> patterns)."""
    known = {*CHECKIN_CATEGORIES, NOTHING}
    if not isinstance(raw, dict) or set(raw) != known:
        raise LexiconError(f"{LEXICON}: activities must be exactly {sorted(known)}")
    categories: dict[str, tuple[str, ...]] = {}
    directions: dict[str, list[str]] = {}
    for category, by_direction in raw.items():
        if not isinstance(by_direction, dict) or not by_direction:
            raise LexiconError(f"{LEXICON}: activities/{category} must map directions to patterns")
        found: list[str] = []
        for direction, specs in by_direction.items():
            if direction not in _ACTIVITY_KEYS:
                raise LexiconError(
                    f"{LEXICON}: activities/{category}: {direction!r} is none of "
                    f"{', '.join(_ACTIVITY_KEYS)}"
                )
            patterns = _specs(specs, f"activities/{category}/{direction}", classes)
            found.extend(patterns)
            if direction != CHECKIN_ONLY:
                directions.setdefault(direction, []).extend(patterns)
        categories[category] = tuple(found)
    return categories, directions


@cache
def _lexicon() -> dict[str, Any]:
    raw = yaml.safe_load(resources.files("bot.nlu").joinpath(LEXICON).read_text("utf-8"))
    negation = _words(raw.get("negation_tokens"), "negation_tokens")
    classes = {name: _token_class(name, spec) for name, spec in raw["token_classes"].items()}
    classes["NEG"] = {"LOWER": {"IN": sorted(negation)}}
    classes["HOLIDAY"] = {"LOWER": {"IN": sorted(HOLIDAY_WORDS)}}
    classes["PHOMOPHONE"] = {"LOWER": {"IN": sorted(_homophones(raw.get("score_homophones")))}}
    activities, directions = _activities(raw.get("activities"), classes)
    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    for slot, table in raw["patterns"].items():
        if slot not in SLOTS:
            raise LexiconError(f"{LEXICON}: patterns for an unknown slot {slot!r}")
        tables[slot] = {
            str(value): _specs(specs, f"{slot}/{value}", classes) for value, specs in table.items()
        }
    own = tables[PAIN_DIRECTION]
    direction_only = tuple(spec for specs in own.values() for spec in specs)
    for value, specs in directions.items():
        own[value] = own.get(value, ()) + tuple(specs)
    answers = raw.get("answers") or {}
    context = {
        str(key): _words(words, f"context_words/{key}")
        for key, words in (raw.get("context_words") or {}).items()
    }
    context["times_of_day"] = frozenset(
        classes["MORNING"]["LOWER"]["IN"] + classes["EVENING"]["LOWER"]["IN"]
    )
    return {
        "answers": {
            str(key): _words(words, f"answers/{key}") for key, words in answers.items()
        },
        "negation": negation,
        "relief": _words(raw.get("relief_words"), "relief_words"),
        "trouble": _words(raw.get("trouble_words"), "trouble_words"),
        "reach": _words(raw.get("reach_words"), "reach_words"),
        "bend": _words(raw.get("bend_words"), "bend_words"),
        "context": context,
        "classes": classes,
        "tables": tables,
        "activities": activities,
        "direction_only": direction_only,
        "homophones": _homophones(raw.get("score_homophones")),
    }


def _homophones(raw: Any) -> dict[str, int]:
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and 0 <= v <= 10 for k, v in raw.items()
    ):
        raise LexiconError(f"{LEXICON}: score_homophones must map words to 0..10")
    return {k.lower(): v for k, v in raw.items()}


NEGATION_TOKENS: frozenset[str] = _lexicon()["negation"]
#: Word lists for reading a whole answer (see the lexicon file and :mod:`bot.nlu.answers`).
ANSWER_WORDS: Mapping[str, frozenset[str]] = _lexicon()["answers"]
#: Words that say a movement eases the pain (see the lexicon file).
RELIEF_WORDS: frozenset[str] = _lexicon()["relief"]
#: Words that, negated, say a movement is fine ("no problem").
TROUBLE_WORDS: frozenset[str] = _lexicon()["trouble"]
#: Words of a hand reaching: "fingertips past my knees" is not leg pain.
REACH_WORDS: frozenset[str] = _lexicon()["reach"]
BEND_WORDS: frozenset[str] = _lexicon()["bend"]
#: Words around a match that change what it says (see the lexicon file).
CONTEXT_WORDS: Mapping[str, frozenset[str]] = _lexicon()["context"]
#: Words a phone's voice typing writes for a number ("for out of ten"): the number.
SCORE_HOMOPHONES: Mapping[str, int] = _lexicon()["homophones"]
#: Named token classes usable as ``@NAME`` in patterns.
TOKEN_CLASSES: Mapping[str, Mapping[str, Any]] = _lexicon()["classes"]
#: Every table, keyed by slot name (the painful direction's with every activity's).
PATTERN_TABLES: Mapping[str, Mapping[str, tuple[str, ...]]] = _lexicon()["tables"]
#: Each of the check-in's categories of what made the pain worse, with its patterns.
ACTIVITY_PATTERNS: Mapping[str, tuple[str, ...]] = _lexicon()["activities"]
#: The painful direction's patterns of no category ("reaching overhead", "both ways").
DIRECTION_ONLY_PATTERNS: tuple[str, ...] = _lexicon()["direction_only"]


def _with_dropped_g(options: list[str]) -> list[str]:
    """Each word, and for a long "-ing" word its dropped-g spelling too ("standing",
    "standin"); short ones ("thing", "bring") would become other words."""
    dropped = [w[:-1] for w in options if len(w) >= 6 and w.endswith("ing")]
    return options + [w for w in dropped if w not in options]


def compile_pattern(spec: str) -> list[dict[str, Any]]:
    """Compile one pattern in the compact notation into a spaCy token pattern."""
    tokens: list[dict[str, Any]] = []
    for raw in spec.split():
        part, op = raw, None
        if len(part) > 1 and part[-1] in "?*+":
            part, op = part[:-1], part[-1]
        token: dict[str, Any]
        if part.startswith("@"):
            token = dict(TOKEN_CLASSES[part[1:]])
        elif part == "_":
            token = {"LOWER": {"NOT_IN": sorted(NEGATION_TOKENS)}}
        elif part.startswith("re:"):
            token = {"LOWER": {"REGEX": part[3:]}}
        else:
            options = _with_dropped_g(part.split("|"))
            token = {"LOWER": options[0]} if len(options) == 1 else {"LOWER": {"IN": options}}
        if op is not None:
            token["OP"] = op
        tokens.append(token)
    return tokens


def ruler_patterns() -> list[dict[str, Any]]:
    """All patterns as ``span_ruler`` dicts: label = slot name, id = normalised value."""
    out: list[dict[str, Any]] = []
    for label, table in PATTERN_TABLES.items():
        for value, specs in table.items():
            for spec in specs:
                pattern_id = value
                if spec.endswith(ALONE):
                    spec = spec[: -len(ALONE)]
                    pattern_id = value + ALONE
                out.append({"label": label, "id": pattern_id, "pattern": compile_pattern(spec)})
    return out
