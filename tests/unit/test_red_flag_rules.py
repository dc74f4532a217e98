"""Every rule of the red-flag matcher's data (``bot/nlu/red_flags/rules``) does what it says.

Each target rule's examples are matched by its own patterns and give a hit of its category
with the status its kind promises (a symptom present, a weak sign asked about, a topic
recorded as denied); its counter-examples give no such hit. Each modifier's examples are
found by its own patterns and kept by the engine; its counter-examples are not. A bad
rules file stops the matcher loudly, and no example is an evaluation text.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from spacy.matcher import Matcher

from bot.nlu.pipeline import get_nlp
from bot.nlu.red_flags import find_red_flags, make_doc, rulebook
from bot.nlu.red_flags.context import _context
from bot.nlu.red_flags.patterns import _PIECES, _expand, compile_spec
from bot.nlu.red_flags.rulebook import Rule, RuleDataError

ROOT = Path(__file__).resolve().parents[2]
#: What each kind of target promises when its words are there.
PROMISED = {"symptom": "present", "limited": "present", "weak": "uncertain", "topic": "negated"}

TARGETS = [
    (category, rule) for category, data in rulebook.targets().items() for rule in data.rules
]
MODIFIERS = [
    (label, rule)
    for label, marker in rulebook.context_rules().markers.items()
    for rule in marker.rules
]


def _matches(rule: Rule, text: str, pieces: bool = False) -> bool:
    """Whether one of the rule's own patterns matches ``text``."""
    matcher = Matcher(get_nlp().vocab, validate=True)
    expand = (lambda spec: _expand(spec, _PIECES)) if pieces else _expand
    matcher.add("rule", [compile_spec(plain) for spec in rule.patterns for plain in expand(spec)])
    return bool(matcher(make_doc(text)))


def _statuses(category: str, text: str) -> list[str]:
    return [hit.status for hit in find_red_flags(text) if hit.category == category]


@pytest.mark.parametrize(("category", "rule"), TARGETS, ids=lambda v: getattr(v, "name", v))
def test_a_target_fires_on_its_examples(category: str, rule: rulebook.TargetRule) -> None:
    for text in rule.examples:
        assert _matches(rule, text), f"{rule.name}: its patterns miss {text!r}"
        assert PROMISED[rule.kind] in _statuses(category, text), (
            f"{rule.name}: {text!r} gives {find_red_flags(text)}"
        )


@pytest.mark.parametrize(("category", "rule"), TARGETS, ids=lambda v: getattr(v, "name", v))
def test_a_target_does_not_fire_on_its_counter_examples(
    category: str, rule: rulebook.TargetRule
) -> None:
    for text in rule.counter_examples:
        raised = {"present", "uncertain", "other"}
        if rule.kind == "topic":
            raised.add("negated")  # a bare mention, not denied, is not recorded
        assert not raised & set(_statuses(category, text)), (
            f"{rule.name}: {text!r} gives {find_red_flags(text)}"
        )


def _kept(label: str, text: str) -> bool:
    return bool(_context(make_doc(text), {}).marks.get(label))


@pytest.mark.parametrize(("label", "rule"), MODIFIERS, ids=lambda v: getattr(v, "name", v))
def test_a_modifier_is_found_in_its_examples_and_not_in_its_counter_examples(
    label: str, rule: Rule
) -> None:
    for text in rule.examples:
        assert _matches(rule, text, pieces=True), f"{rule.name}: its patterns miss {text!r}"
        assert _kept(label, text), f"{rule.name}: {label} not kept in {text!r}"
    for text in rule.counter_examples:
        assert not _kept(label, text), f"{rule.name}: {label} found in {text!r}"


def test_every_target_and_modifier_rule_has_an_example_and_a_counter_example() -> None:
    rules = [rule for _, rule in TARGETS] + [rule for _, rule in MODIFIERS]
    assert len(rules) > 70
    assert all(rule.examples and rule.counter_examples for rule in rules)


def _exercised(rules: list[Rule], pieces: bool) -> float:
    """The share of the rules' patterns that match at least one of their rule's examples."""
    hit = total = 0
    for rule in rules:
        docs = [make_doc(text) for text in rule.examples]
        for spec in rule.patterns:
            alone = Rule(name=rule.name, meaning=rule.meaning, patterns=[spec],
                         examples=rule.examples, counter_examples=rule.counter_examples)
            total += 1
            hit += any(_matches(alone, doc.text, pieces) for doc in docs)
    return hit / total


def test_most_patterns_are_exercised_by_an_example() -> None:
    # 263 of 506 target patterns and 62 of 120 modifier patterns when written: a floor,
    # so that examples are added with new patterns, not taken away
    assert _exercised([rule for _, rule in TARGETS], pieces=False) >= 0.5
    assert _exercised([rule for _, rule in MODIFIERS], pieces=True) >= 0.5


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def _evaluation_texts() -> set[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str) and key in ("text", "opening", "question"):
                    found.add(_key(value))
                elif key == "answers" and isinstance(value, dict):
                    found.update(_key(str(v)) for v in value.values())
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in (ROOT / "tests" / "sets").rglob("*.yml"):
        walk(yaml.safe_load(path.read_text("utf-8")))
    return found


def test_no_rule_example_is_an_evaluation_text() -> None:
    evaluation = _evaluation_texts()
    assert len(evaluation) > 1000
    rules = [rule for _, rule in TARGETS] + [rule for _, rule in MODIFIERS]
    leaked = [
        f"{rule.name}: {text}"
        for rule in rules
        for text in (*rule.examples, *rule.counter_examples)
        if _key(text) in evaluation
    ]
    assert leaked == []


# --------------------------------------------------------------------------------------
# a bad rules file fails loudly
# --------------------------------------------------------------------------------------
@pytest.fixture
def rules_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the rules the loader reads instead, caches cleared before and after."""
    copy = tmp_path / "rules"
    shutil.copytree(rulebook.RULES_DIR, copy)
    loaders = (rulebook.vocabulary, rulebook.targets, rulebook.context_rules,
               rulebook.word_sets)
    for loader in loaders:
        loader.cache_clear()
    monkeypatch.setattr(rulebook, "RULES_DIR", copy)
    yield copy
    for loader in loaders:
        loader.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_pattern_naming_an_unknown_token_class_stops_the_matcher(rules_copy: Path) -> None:
    _edit(rules_copy / "targets" / "fracture.yml", "@FALL", "@FALLS")
    with pytest.raises(RuleDataError, match=r"fracture\.yml.*@FALLS"):
        rulebook.targets()


def test_a_rule_without_a_counter_example_stops_the_matcher(rules_copy: Path) -> None:
    path = rules_copy / "targets" / "cancer.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    del data["rules"][0]["counter_examples"]
    path.write_text(yaml.safe_dump(data), "utf-8")
    with pytest.raises(RuleDataError, match="counter_examples"):
        rulebook.targets()


def test_a_word_read_as_a_yes_or_no_stops_the_matcher(rules_copy: Path) -> None:
    # unquoted, YAML reads ``no`` as false: the schema refuses it rather than drop it
    _edit(rules_copy / "vocabulary.yml", "negation_norms: [", "negation_norms: [no, ")
    with pytest.raises(RuleDataError, match="vocabulary.yml"):
        rulebook.vocabulary()


def test_a_word_set_the_engine_asks_for_must_be_there(rules_copy: Path) -> None:
    with pytest.raises(RuleDataError, match=r"words/scope\.yml.*no word set 'hedges'"):
        rulebook.word_sets("scope")["hedges"]


@pytest.mark.parametrize(
    "entry",
    ["  epidurl: epidural\n",  # one word: a spelling, not a sound-alike
     "  cord a equina: cauda equina\n",  # three words read as two
     "  Epic Dural: epidural\n"],  # not lower-case
)
def test_a_bad_sound_alike_stops_the_matcher(rules_copy: Path, entry: str) -> None:
    _edit(rules_copy / "vocabulary.yml", "sound_alikes:\n", "sound_alikes:\n" + entry)
    with pytest.raises(RuleDataError, match=r"(?s)vocabulary\.yml.*sound_alikes"):
        rulebook.vocabulary()
