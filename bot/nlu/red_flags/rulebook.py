"""The red-flag matcher's rules as data: ``rules/*.yml`` read once, checked against a schema.

``rules/vocabulary.yml`` (categories, negation cues, spellings, token classes, macros),
``rules/targets/<category>.yml`` (the signs, by kind), ``rules/context.yml`` (the context
modifiers) and ``rules/words/<module>.yml`` (the word sets of the scope, context and
exclusion rules). A file that does not fit the schema, a pattern naming a token class or
macro that does not exist, or a word set asked for that is not there raises
:class:`RuleDataError` naming the file: a bad rules file stops the bot from starting rather
than silently matching less.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Extra, StrictStr, ValidationError, validator

RULES_DIR = Path(__file__).resolve().parent / "rules"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Texts = list[StrictStr]


class RuleDataError(ValueError):
    """A rules file is missing, malformed or refers to something that does not exist."""


class _Strict(BaseModel):
    """Unknown keys, non-strings and empty lists or mappings are errors."""

    class Config:
        extra = Extra.forbid
        allow_mutation = False

    @validator("*")
    def _not_empty(cls, value: Any) -> Any:  # noqa: N805 - a pydantic validator
        inner = value.values() if isinstance(value, dict) else [value]
        if any(isinstance(v, (list, dict)) and not v for v in [value, *inner]):
            raise ValueError("must not be empty")
        return value


class Rule(_Strict):
    """A target or modifier rule: patterns, with examples that must fire and must not."""

    name: StrictStr
    meaning: StrictStr
    patterns: Texts
    examples: Texts
    counter_examples: Texts


class TargetRule(Rule):
    kind: StrictStr


class TargetFile(_Strict):
    category: StrictStr
    rules: list[TargetRule]


class Marker(_Strict):
    meaning: StrictStr
    rules: list[Rule]


class ContextFile(_Strict):
    pieces: dict[StrictStr, StrictStr]
    markers: dict[StrictStr, Marker]
    lasting_history: Texts


class Vocabulary(_Strict):
    categories: Texts
    kinds: Texts
    negation_norms: Texts
    gap_stops: Texts
    spellings: dict[StrictStr, StrictStr]
    sound_alikes: dict[StrictStr, StrictStr]
    fuzzy_targets: Texts
    protected_words: Texts
    real_in_words: Texts
    token_classes: dict[StrictStr, Texts]
    macros: dict[StrictStr, Texts]

    @validator("sound_alikes")
    def _phrases(cls, value: dict[str, str]) -> dict[str, str]:  # noqa: N805
        """Two or more lower-case words, read as one word or as as many words."""
        bad = [
            heard for heard, meant in value.items()
            if heard != heard.lower() or len(heard.split()) < 2 or heard != " ".join(heard.split())
            or len(meant.split()) not in (1, len(heard.split()))
        ]
        if bad:
            raise ValueError(f"need 2+ lower-case words read as 1 word or as many: {bad}")
        return value

    @validator("token_classes", "macros")
    def _upper_names(cls, value: dict[str, Any]) -> dict[str, Any]:  # noqa: N805
        bad = [name for name in value if not re.fullmatch(r"[A-Z]+", name)]
        if bad:
            raise ValueError(f"names must be upper-case letters: {bad}")
        return value


class WordSet(_Strict):
    meaning: StrictStr = ""
    words: Texts


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text("utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as error:
        raise RuleDataError(f"{path.relative_to(RULES_DIR)}: {error}") from error


def _parse(model: type[_Strict], path: Path) -> Any:
    try:
        return model.parse_obj(_read(path))
    except ValidationError as error:
        raise RuleDataError(f"{path.relative_to(RULES_DIR)}: {error}") from error


_CLASS_RE = re.compile(r"@([A-Z]+)")
_MACRO_RE = re.compile(r"\{([A-Z]+)\}")


def _check_names(where: str, specs: list[str], classes: set[str], macros: set[str]) -> None:
    for spec in specs:
        unknown = [f"@{n}" for n in _CLASS_RE.findall(spec) if n not in classes] + [
            f"{{{n}}}" for n in _MACRO_RE.findall(spec) if n not in macros
        ]
        if unknown:
            raise RuleDataError(f"{where}: {spec!r} names what does not exist: {unknown}")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """``rules/vocabulary.yml``, checked (macros may use token classes and macros)."""
    path = RULES_DIR / "vocabulary.yml"
    vocab: Vocabulary = _parse(Vocabulary, path)
    for name, phrases in vocab.macros.items():
        _check_names(f"vocabulary.yml macro {name}", phrases, set(vocab.token_classes),
                     set(vocab.macros))
    return vocab


@lru_cache(maxsize=1)
def targets() -> dict[str, TargetFile]:
    """Every ``rules/targets/<category>.yml`` by category, in the order of urgency."""
    vocab = vocabulary()
    classes, macros = set(vocab.token_classes), set(vocab.macros)
    out: dict[str, TargetFile] = {}
    for category in vocab.categories:
        path = RULES_DIR / "targets" / f"{category}.yml"
        data: TargetFile = _parse(TargetFile, path)
        where = f"targets/{category}.yml"
        if data.category != category:
            raise RuleDataError(f"{where}: says category {data.category!r}")
        names = [rule.name for rule in data.rules]
        if len(set(names)) != len(names):
            raise RuleDataError(f"{where}: rule names repeat")
        for rule in data.rules:
            if rule.kind not in vocab.kinds:
                raise RuleDataError(f"{where}: rule {rule.name}: unknown kind {rule.kind!r}")
            _check_names(f"{where} {rule.name}", rule.patterns, classes, macros)
        out[category] = data
    extra = {p.stem for p in (RULES_DIR / "targets").glob("*.yml")} - set(out)
    if extra:
        raise RuleDataError(f"targets/: files for no category: {sorted(extra)}")
    return out


@lru_cache(maxsize=1)
def context_rules() -> ContextFile:
    """``rules/context.yml``: the modifiers, their shared pieces, the lasting histories."""
    vocab = vocabulary()
    data: ContextFile = _parse(ContextFile, RULES_DIR / "context.yml")
    classes, macros = set(vocab.token_classes), set(data.pieces)
    for label, marker in data.markers.items():
        for rule in marker.rules:
            _check_names(f"context.yml {label}/{rule.name}", rule.patterns, classes, macros)
    return data


@cache
def word_sets(group: str) -> dict[str, frozenset[str]]:
    """The word sets of ``rules/words/<group>.yml`` by name; a missing name raises."""
    raw = _read(RULES_DIR / "words" / f"{group}.yml")
    if not isinstance(raw, dict):
        raise RuleDataError(f"words/{group}.yml: not a mapping of word sets")
    sets: dict[str, frozenset[str]] = {}
    for name, value in raw.items():
        try:
            sets[str(name)] = frozenset(WordSet.parse_obj(value).words)
        except ValidationError as error:
            raise RuleDataError(f"words/{group}.yml {name}: {error}") from error
    return _Required(group, sets)


class _Required(dict[str, frozenset[str]]):
    """Word sets that name their file when a set asked for is missing."""

    def __init__(self, group: str, sets: dict[str, frozenset[str]]) -> None:
        super().__init__(sets)
        self.group = group

    def __missing__(self, name: str) -> frozenset[str]:
        raise RuleDataError(f"words/{self.group}.yml: no word set {name!r}")


def word_list(group: str, name: str) -> tuple[str, ...]:
    """An ordered list (phrases tried in turn) from ``rules/words/<group>.yml``."""
    raw = _read(RULES_DIR / "words" / f"{group}.yml")
    try:
        return tuple(WordSet.parse_obj(raw[name]).words)
    except (KeyError, TypeError, ValidationError) as error:
        raise RuleDataError(f"words/{group}.yml {name}: {error!r}") from error
