"""Tests for the Rasa graph components: BackstepEntityExtractor, and AnswerReading's use of
what it marks."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.components.answers import AnswerReading
from bot.nlu.components.entities import EXTRACTOR_NAME, BackstepEntityExtractor

TODAY = datetime.date(2025, 5, 14)  # a Wednesday


@pytest.fixture(scope="module")
def component() -> BackstepEntityExtractor:
    return BackstepEntityExtractor({}, today=lambda: TODAY)


def run(component: BackstepEntityExtractor, text: str, **data: Any) -> list[dict[str, Any]]:
    message = Message(data={TEXT: text, **data})
    (processed,) = component.process([message])
    return list(processed.get(ENTITIES) or [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it hurts when I bend forward", {"pain_direction": "flexion"}),
        ("for 3 weeks", {"pain_duration_days": 21}),
        ("since March", {"pain_duration_days": 74}),
        ("since Monday", {"pain_duration_days": 2}),
        ("my hamstrings are tight", {"flexibility": "tight"}),
        ("in spasm", {"flexibility": "tight", "spasm": True}),
        ("no pain in my legs", {"leg_pain": False}),
        ("sciatica", {"leg_pain": True}),
        ("15/10", {"pain_score": 15}),
        ("7", {}),
        ("", {}),
        ("😀", {}),
        (
            "it hurts when I bend forward, for three weeks, and my hamstrings are tight",
            {"pain_direction": "flexion", "pain_duration_days": 21, "flexibility": "tight"},
        ),
    ],
)
def test_process_adds_entities(
    component: BackstepEntityExtractor, text: str, expected: dict[str, Any]
) -> None:
    entities = run(component, text)
    assert {e["entity"]: e["value"] for e in entities} == expected
    for entity in entities:
        assert entity["extractor"] == EXTRACTOR_NAME
        assert entity["confidence_entity"] == 1.0
        assert 0 <= entity["start"] < entity["end"] <= len(text)


def test_payload_entity_is_not_overwritten(component: BackstepEntityExtractor) -> None:
    payload = {"entity": "pain_direction", "value": "extension", "start": 0, "end": 5}
    entities = run(component, "bending forward, for 3 weeks", entities=[payload])
    assert [e for e in entities if e["entity"] == "pain_direction"] == [payload]
    assert {e["entity"] for e in entities} == {"pain_direction", "pain_duration_days"}


def test_button_payload_text_is_harmless(component: BackstepEntityExtractor) -> None:
    payload = {"entity": "pain_direction", "value": "flexion"}
    entities = run(component, '/inform{"pain_direction":"flexion"}', entities=[payload])
    assert entities == [payload]


def test_other_extractors_entities_are_kept(component: BackstepEntityExtractor) -> None:
    other = {"entity": "name", "value": "Sam", "start": 0, "end": 3, "extractor": "X"}
    entities = run(component, "Sam, 7/10", entities=[other])
    assert entities[0] == other
    assert entities[1]["entity"] == "pain_score"


def test_message_without_text_is_untouched(component: BackstepEntityExtractor) -> None:
    message = Message(data={"intent": {"name": "greet"}})
    (processed,) = component.process([message])
    assert processed.get(ENTITIES) is None


def test_today_is_injectable() -> None:
    later = BackstepEntityExtractor({}, today=lambda: datetime.date(2025, 3, 20))
    assert run(later, "since March")[0]["value"] == 19


def test_process_training_data_is_unchanged(component: BackstepEntityExtractor) -> None:
    data = TrainingData([Message(data={TEXT: "bend forward", "intent": "inform"})])
    assert component.process_training_data(data) is data
    assert data.training_examples[0].get(ENTITIES) is None


def test_create_and_registration(tmp_path: Path) -> None:
    created = BackstepEntityExtractor.create(
        {},
        LocalModelStorage(tmp_path),
        Resource("backstep_extractor"),
        ExecutionContext(GraphSchema({})),
    )
    assert isinstance(created, BackstepEntityExtractor)
    registered = DefaultV1Recipe._from_registry("BackstepEntityExtractor")
    assert registered.clazz is BackstepEntityExtractor
    assert DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR in registered.types
    assert registered.is_trainable is False


def test_config_graph_validates() -> None:
    """The component can be referenced from config.yml and passes Rasa's validation."""
    from rasa.engine import validation
    from rasa.shared.data import TrainingType

    config = {
        "recipe": "default.v1",
        "language": "en",
        "assistant_id": "backstep-test",
        "pipeline": [
            {"name": "WhitespaceTokenizer"},
            {"name": "bot.nlu.components.entities.BackstepEntityExtractor"},
        ],
        "policies": [],
    }
    model_config = DefaultV1Recipe().graph_config_for_recipe(
        config, {}, training_type=TrainingType.NLU
    )
    validation.validate(model_config)
    names = [node.uses.__name__ for node in model_config.predict_schema.nodes.values()]
    assert "BackstepEntityExtractor" in names


@pytest.mark.parametrize(
    ("role", "intent"),
    [
        ("context", "ask_programme"),  # a movement only named: the question is a question
        (None, "inform"),  # a movement said to hurt: an answer, whatever the question mark
    ],
)
def test_a_question_naming_a_movement_in_passing_stays_a_question(
    role: str | None, intent: str
) -> None:
    entity = {"entity": "pain_direction", "value": "flexion", "start": 0, "end": 3}
    if role:
        entity["role"] = role
    message = Message(data={
        TEXT: "Can I still play in my Thursday night comp or should I sit it out?",
        INTENT: {"name": "inform", "confidence": 0.99},
        ENTITIES: [entity],
    })
    (processed,) = AnswerReading().process([message])
    assert processed.get(INTENT)["name"] == intent
