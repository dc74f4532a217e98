"""Pattern tables for the Backstep red-flag detector (:mod:`bot.nlu.red_flags`).

Plain data plus a tiny compiler into spaCy ``Matcher`` token patterns.  Patterns match
on the token ``NORM``, which :mod:`bot.nlu.red_flags` sets to a spelling-normalised
form (known misspellings, British/American spellings and a small edit-distance check
against :data:`FUZZY_TARGETS`), so a pattern needs only the canonical spelling.

Notation (tokens separated by whitespace, as in :mod:`bot.nlu.patterns`):

* ``a|b|c``     -- the normalised token is one of the alternatives;
* ``@NAME``     -- a token class from :data:`TOKEN_CLASSES`;
* ``{NAME}``    -- a phrase macro from :data:`MACROS`, expanded into one pattern per
  alternative phrase (phrases may themselves use any notation);
* ``_``         -- any single token that is not a negation cue;
* ``re:<regex>`` -- the normalised token matches the regular expression;
* a trailing ``?``, ``*`` or ``+`` is the spaCy quantifier for that token.

Each category has three kinds of pattern:

* ``symptom`` -- a red flag when present (it may still be negated or hedged);
* ``weak``    -- ambiguous wording: at most "uncertain" (the bot asks);
* ``limited`` -- a red flag unless its sentence blames the pain ("can't walk because
  of the pain" is pain-limited, not a neurological deficit);
* ``topic``   -- a bare mention ("bladder", "fever"); only recorded when negated or
  reassured ("bladder fine"), so callers can tell "all symptoms denied" from silence.

:data:`CONTEXT` holds markers in the same notation that are not red flags themselves but
change how one is read: a resolution ("fine now", "went away", "in 2015 but ..."), a
recurrence or persistence that cancels it ("again", "twice", "since"), exertion or
cycling that explains jelly legs or a numb bum, and the person's own age >= 65 that makes
a minor fall ("slipped", "sat down hard") a fracture red flag.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from typing import Any

from bot.nlu.red_flags.rulebook import context_rules, targets
from bot.nlu.red_flags.vocabulary import GAP_STOPS, MACROS, NEGATION_NORMS, TOKEN_CLASSES

#: Every target, by category and kind (the categories in their order of urgency), from
#: ``rules/targets/<category>.yml``: a kind's patterns in the order of its rules.
PATTERNS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    category: {
        kind: tuple(p for rule in data.rules if rule.kind == kind for p in rule.patterns)
        for kind in dict.fromkeys(rule.kind for rule in data.rules)
    }
    for category, data in targets().items()
}

# --------------------------------------------------------------------------------------
# context markers (``rules/context.yml``): not red flags themselves, they change how a
# red flag is read; the labels are the engine's (bot.nlu.red_flags.context)
# --------------------------------------------------------------------------------------
RESOLVED = "resolved"
ONGOING = "ongoing"
ONCE = "once"
DISTANT_PAST = "distant_past"
EXERTION = "exertion"
PASSING_ILLNESS = "passing_illness"
CYCLING = "cycling"
OLD_AGE = "old_age"
MINOR_FALL = "minor_fall"
REGAINED = "regained"
RESOLVE_TOLD = "resolve_told"

_CONTEXT_DATA = context_rules()
#: Marker patterns by label; ``{NAME}`` is one of the file's shared pieces.
CONTEXT: Mapping[str, tuple[str, ...]] = {
    label: tuple(p for rule in marker.rules for p in rule.patterns)
    for label, marker in _CONTEXT_DATA.markers.items()
}
_PIECES: Mapping[str, tuple[str, ...]] = {
    name: (piece,) for name, piece in _CONTEXT_DATA.pieces.items()
}
#: Span words of histories that stay red flags even when they are in the past: a cancer
#: history, thin bones, long-term steroids, immunosuppression, injecting drug use (checked
#: for the infection, fracture and cancer categories only).
LASTING_HISTORY: frozenset[str] = frozenset(_CONTEXT_DATA.lasting_history)


def _expand(spec: str, macros: Mapping[str, tuple[str, ...]] = MACROS) -> list[str]:
    """Expand ``{NAME}`` macros into one plain spec per combination of phrases."""
    parts = re.split(r"(\{[A-Z]+\})", spec)
    choices: list[tuple[str, ...]] = []
    for part in parts:
        if part.startswith("{") and part.endswith("}"):
            choices.append(macros[part[1:-1]])
        else:
            choices.append((part,))
    return [" ".join("".join(combo).split()) for combo in itertools.product(*choices)]


def _class_values(name: str) -> list[str]:
    return list(TOKEN_CLASSES[name]["NORM"]["IN"])


def _token(part: str) -> dict[str, Any]:
    """One token pattern: alternatives of words, ``@CLASS`` members and ``re:`` regexes."""
    if part == "_":
        return {"NORM": {"NOT_IN": sorted(NEGATION_NORMS)}}
    if part == "~":  # a gap word: neither a negation nor the end of a clause
        return {"NORM": {"NOT_IN": sorted(NEGATION_NORMS | GAP_STOPS)}}
    if part.startswith("re:"):
        return {"NORM": {"REGEX": part[3:]}}
    values: list[str] = []
    for option in part.split("|"):
        values.extend(_class_values(option[1:]) if option.startswith("@") else [option])
    regexes = [v[3:] for v in values if v.startswith("re:")]
    words = list(dict.fromkeys(v for v in values if not v.startswith("re:")))
    if regexes:
        alternation = "|".join([*(re.escape(w) for w in words), *regexes])
        return {"NORM": {"REGEX": f"^(?:{alternation})$"}}
    return {"NORM": words[0]} if len(words) == 1 else {"NORM": {"IN": words}}


def compile_spec(spec: str) -> list[dict[str, Any]]:
    """Compile one macro-free spec into a spaCy ``Matcher`` pattern on ``NORM``."""
    tokens: list[dict[str, Any]] = []
    for raw in spec.split():
        part, op = raw, None
        if len(part) > 1 and part[-1] in "?*+" and not (part.startswith("re:") and part[-2] != "$"):
            part, op = part[:-1], part[-1]
        token = _token(part)
        if op is not None:
            token["OP"] = op
        tokens.append(token)
    return tokens


def context_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """The :data:`CONTEXT` marker patterns keyed by label, ready for ``Matcher.add``."""
    return {
        label: [compile_spec(plain) for spec in specs for plain in _expand(spec, _PIECES)]
        for label, specs in CONTEXT.items()
    }


def matcher_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """All patterns keyed ``"<category>|<kind>"``, ready for ``Matcher.add``."""
    out: dict[str, list[list[dict[str, Any]]]] = {}
    for category, kinds in PATTERNS.items():
        for kind, specs in kinds.items():
            compiled = [compile_spec(plain) for spec in specs for plain in _expand(spec)]
            if compiled:
                out[f"{category}|{kind}"] = compiled
    return out
