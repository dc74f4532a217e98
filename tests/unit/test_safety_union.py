"""The safety union as a pipeline component: the model's guess alone below its floor."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components.safety_union import SafetyUnion

CONFIG = Path(__file__).resolve().parents[2] / "config.yml"


def _message(text: str, intent: str, confidence: float) -> Message:
    ranking = [{"name": intent, "confidence": confidence},
               {"name": "inform", "confidence": 1 - confidence}]
    return Message(data={TEXT: text, INTENT: ranking[0], INTENT_RANKING_KEY: ranking,
                         ENTITIES: []})


def _floors() -> dict[str, float]:
    pipeline = yaml.safe_load(CONFIG.read_text())["pipeline"]
    (union,) = [c for c in pipeline if c["name"].endswith("SafetyUnion")]
    return dict(union["model_alone_min_confidence"])


@pytest.mark.parametrize("intent", ["red_flag", "crisis"])
def test_a_guess_below_the_floor_asks_nothing(intent: str) -> None:
    floor = _floors()[intent]
    text = "Morning, my back has been sore since the weekend and a friend said to try this"
    (low,) = SafetyUnion({"model_alone_min_confidence": _floors()}).process(
        [_message(text, intent, floor - 0.05)]
    )
    assert low.get(INTENT)["name"] == "inform"
    assert not [e for e in low.get(ENTITIES) if e["entity"].startswith("red_flag")]
    (high,) = SafetyUnion({"model_alone_min_confidence": _floors()}).process(
        [_message(text, intent, min(1.0, floor + 0.05))]
    )
    marks = {e["entity"] for e in high.get(ENTITIES)}
    assert "red_flag_uncertain" in marks  # asked about, not escalated


def test_the_matcher_is_heard_whatever_the_models_confidence() -> None:
    text = "i wet myself this morning and didnt feel it, back is agony"
    (message,) = SafetyUnion({"model_alone_min_confidence": _floors()}).process(
        [_message(text, "inform", 0.99)]
    )
    assert message.get(INTENT)["name"] == "red_flag"
    assert {e["entity"]: e["value"] for e in message.get(ENTITIES)}["red_flag"] == "cauda_equina"
