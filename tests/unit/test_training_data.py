"""The trained model never sees an evaluation text: held-out figures stay honest.

Every safety figure (corpus, blind held-out sets) and the NLU held-out F1 assume that no
training example in ``data/nlu`` is also an evaluation text. Texts are compared after
lowercasing and dropping punctuation and extra spaces, so "No numbness." and
"no numbness" count as the same text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TRAINING_FILES = sorted((ROOT / "data" / "nlu").glob("*.yml"))
SAFETY_SETS = sorted((ROOT / "tests" / "sets" / "safety").glob("*.yml"))
NLU_TEST_SETS = sorted((ROOT / "tests" / "sets" / "nlu").glob("*.yml"))
INTAKE_SETS = sorted((ROOT / "tests" / "sets" / "intake").glob("*.yml"))
TRIGGER_SETS = sorted((ROOT / "tests" / "sets" / "triggers").glob("*.yml"))


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def _nlu_examples(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    texts = []
    for block in data.get("nlu", []):
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                texts.append(line[2:])
    return texts


def _safety_texts(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text("utf-8"))
    parts = ("red_flags", "benign", "others", "others_benign")
    return [row["text"] for part in parts for row in data.get(part, [])]


def _intake_texts(path: Path) -> list[str]:
    """Every message a person of an intake scenario set says, but stock answers of three
    words or fewer ("no", "about a week", "no leg pain"): those are everyone's."""
    data = yaml.safe_load(path.read_text("utf-8"))
    texts = []
    for scenario in data["scenarios"]:
        texts += [scenario["opening"], *scenario["answers"].values()]
        texts += [scenario["question"]] if scenario.get("question") else []
    return [str(t) for t in texts if len(_key(str(t)).split()) > 3]


def _trigger_texts(path: Path) -> list[str]:
    """Every typed answer of a trigger set, but those of three words or fewer."""
    data = yaml.safe_load(path.read_text("utf-8"))
    texts = [str(row["text"]) for row in data["answers"]]
    return [t for t in texts if len(_key(t).split()) > 3]


def _texts(path: Path) -> list[str]:
    if path in SAFETY_SETS:
        return _safety_texts(path)
    if path in TRIGGER_SETS:
        return _trigger_texts(path)
    return _intake_texts(path) if path in INTAKE_SETS else _nlu_examples(path)


@cache
def _training() -> dict[str, str]:
    return {_key(t): f"{p.name}: {t}" for p in TRAINING_FILES for t in _nlu_examples(p)}


def test_the_training_data_is_large_enough_to_mean_something() -> None:
    assert len(_training()) > 1000


@pytest.mark.parametrize(
    "path", SAFETY_SETS + NLU_TEST_SETS + INTAKE_SETS + TRIGGER_SETS, ids=lambda p: p.name
)
def test_no_evaluation_text_is_a_training_example(path: Path) -> None:
    texts = _texts(path)
    assert texts, f"{path.name} holds no texts"
    training = _training()
    leaked = [training[_key(t)] for t in texts if _key(t) in training]
    assert leaked == []
