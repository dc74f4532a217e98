"""Rasa 3.6 graph component running :func:`bot.nlu.pipeline.extract` on each message.

Referenced from ``config.yml`` as ``- name: bot.nlu.components.entities.BackstepEntityExtractor``.
It also adds the red-flag verdict of :func:`bot.nlu.red_flags.assess`: a ``red_flag``
entity (value = category) when the verdict is urgent, or ``red_flag_uncertain`` when
it asks for clarification.  Entities already on the message (e.g. from a button
payload ``/inform{"pain_direction":"flexion"}``) are never overwritten or duplicated.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components.base import StatelessComponent
from bot.nlu.dates import utc_today
from bot.nlu.pipeline import extract, get_nlp
from bot.nlu.red_flags import assess, get_matcher

EXTRACTOR_NAME = "BackstepEntityExtractor"
#: Entity for an urgent red flag / for one that needs a clarifying question.
RED_FLAG_ENTITY = "red_flag"
RED_FLAG_UNCERTAIN_ENTITY = "red_flag_uncertain"


def red_flag_entities(text: str) -> list[tuple[str, str, int, int]]:
    """``(entity, category, start, end)`` for the red-flag verdict on ``text``, if any."""
    verdict = assess(text)
    if verdict.level not in ("urgent", "clarify") or verdict.category is None:
        return []  # nothing, or someone else's (the safety union marks that)
    entity, status = (
        (RED_FLAG_ENTITY, "present")
        if verdict.level == "urgent"
        else (RED_FLAG_UNCERTAIN_ENTITY, "uncertain")
    )
    hit = next(
        (h for h in verdict.hits if h.category == verdict.category and h.status == status),
        None,
    )
    # no hit: a message the matcher failed on, possible as a whole
    start, end = (hit.start, hit.end) if hit is not None else (0, len(text))
    return [(entity, verdict.category, start, end)]


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class BackstepEntityExtractor(StatelessComponent, EntityExtractorMixin):
    """Adds Backstep slot entities (pain_direction, pain_duration_days, ...) to messages."""


    @staticmethod
    def required_packages() -> list[str]:
        """Any extra python dependencies required for this component to run."""
        return ["spacy"]

    def __init__(
        self,
        config: dict[str, Any] | None = None,
        today: Callable[[], datetime.date] = utc_today,
    ) -> None:
        """Create the extractor; ``today`` is injectable for tests."""
        self._config = {**self.get_default_config(), **(config or {})}
        self.today = today

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> BackstepEntityExtractor:
        """Creates a new component (see parent class for full docstring)."""
        get_nlp()  # build the pipeline once, at model load time
        get_matcher()
        return cls(config)

    def entities_for(self, text: str, existing: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Rasa entity dicts for ``text``, skipping entity names already in ``existing``."""
        present = {entity.get("entity") for entity in existing}
        today = self.today()
        found: list[tuple[str, Any, int, int, str | None]] = [
            (e.entity, e.value, e.start, e.end, e.role) for e in extract(text, today=today)
        ]
        if not text.startswith("/"):
            found.extend((*hit, None) for hit in red_flag_entities(text))
        return [
            {
                "entity": entity,
                "value": value,
                "start": start,
                "end": end,
                "confidence_entity": 1.0,
                "extractor": EXTRACTOR_NAME,
                **({"role": role} if role else {}),
            }
            for entity, value, start, end, role in found
            if entity not in present
        ]

    def process(self, messages: list[Message]) -> list[Message]:
        """Extract entities from each message and append them to its ``entities``."""
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or not text.strip():
                continue
            existing = list(message.get(ENTITIES) or [])
            new = self.entities_for(text, existing)
            if new:
                message.set(ENTITIES, existing + new, add_to_output=True)
        return messages
