"""Rasa graph component: the union of the two red-flag detectors decides the intent.

Runs after DIET (trained on many phrasings) and the rule matcher (:mod:`bot.nlu.red_flags`,
negation-aware), and combines them with :func:`bot.domain.escalation.union_of_detectors` (see there
why the model alone only asks a clarifying question).
A certain red flag or crisis forces the intent (``red_flag`` or ``crisis``, confidence 1);
the category goes in a ``red_flag`` entity, which fills the ``red_flag_category`` slot for
the right 🚨 message. A possible one gets a ``red_flag_uncertain`` entity instead of a
forced intent: the dialogue asks first, and the message keeps its ordinary reading.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.domain.answers import LONG_MESSAGE
from bot.domain.escalation import (
    ESCALATIONS,
    OTHER_ENTITY,
    ordinary_reading,
    union_of_detectors,
)
from bot.nlu.clear_no import reads_as_clear_no
from bot.nlu.components.base import StatelessComponent, force_intent
from bot.nlu.red_flags import assess

NAME = "SafetyUnion"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class SafetyUnion(StatelessComponent):
    """Forces ``red_flag``/``crisis`` when either detector sees one (see module docstring)."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        floors = (config or {}).get("model_alone_min_confidence") or {}
        self._floors = {str(k): float(v) for k, v in floors.items()}

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The model's red flag or crisis is heard alone from these confidences on."""
        return {"model_alone_min_confidence": {}}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        """Create the component with its floors."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Apply the union to each message; button payloads are left as they are."""
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or text.startswith("/"):
                continue
            intent = message.get(INTENT) or {}
            model_intent = intent.get(INTENT_NAME_KEY)
            verdict = assess(text)
            union = union_of_detectors(
                model_intent,
                verdict.level,
                verdict.category,
                bool(verdict.hits) and all(h.status == "negated" for h in verdict.hits),
                model_can_read=len(text.strip()) <= LONG_MESSAGE,
                clear_no=reads_as_clear_no(text),
                model_confidence=float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0),
                model_alone_floor=self._floors.get(str(model_intent), 0.0),
            )
            if union.someone_else is not None:
                _mark_someone_elses(message, union.someone_else, model_intent)
                continue
            if union.intent is None or union.intent == model_intent and union.category is None:
                continue
            if union.uncertain:
                # Only possible: the dialogue asks first, and the message keeps what it
                # otherwise says ("yes" to a question, an intake answer), so that a clear
                # "no" to the question loses nothing of it.
                ranking = message.get(INTENT_RANKING_KEY) or []
                names = [str(r.get(INTENT_NAME_KEY)) for r in ranking]
                force_intent(message, ordinary_reading(names))
            else:
                force_intent(message, str(union.intent))
            entities = [
                e
                for e in message.get(ENTITIES) or []
                if e.get("entity") not in ("red_flag", "red_flag_uncertain")
            ]
            if union.category is not None:
                entities.append(
                    {
                        "entity": "red_flag",
                        "value": union.category,
                        "start": 0,
                        "end": len(text),
                        "confidence_entity": 1.0,
                        "extractor": NAME,
                    }
                )
            if union.uncertain:
                # Marks a possible red flag: the dialogue asks before it escalates.
                entities.append(
                    {
                        "entity": "red_flag_uncertain",
                        "value": union.category,
                        "start": 0,
                        "end": len(text),
                        "confidence_entity": 1.0,
                        "extractor": NAME,
                    }
                )
            message.set(ENTITIES, entities, add_to_output=True)
        return messages


def _mark_someone_elses(message: Message, category: str, model_intent: str | None) -> None:
    """Someone else's emergency: an ``other_red_flag`` entity for the advice about them;
    the message keeps what it otherwise says (not the model's red flag or crisis)."""
    if model_intent in ESCALATIONS:
        ranking = message.get(INTENT_RANKING_KEY) or []
        force_intent(message, ordinary_reading([str(r.get(INTENT_NAME_KEY)) for r in ranking]))
    text = message.get(TEXT)
    entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != OTHER_ENTITY]
    entities.append(
        {
            "entity": OTHER_ENTITY,
            "value": category,
            "start": 0,
            "end": len(text),
            "confidence_entity": 1.0,
            "extractor": NAME,
        }
    )
    message.set(ENTITIES, entities, add_to_output=True)
