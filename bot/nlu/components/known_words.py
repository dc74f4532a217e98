"""Rasa graph component: a message with not one word the model has seen is not understood.

DIET always picks some intent, and with nothing it knows to go on ("xxxxxxxx", "qwzx
plorb") it can pick one with full confidence ("my plan", "start"). This component learns
the words of the training data and, after DIET, makes a message that has letters but not
one of those words ``nlu_fallback``: the dialogue says it did not understand and offers
what to do. A message with a digit in it is left alone ("7", "2/10").
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.components.base import force_intent

_WORD = re.compile(r"[^\W\d_]+")
_FILE = "vocabulary.json"


def words_of(text: str | None) -> set[str]:
    """The lower-case words (letters only) of ``text``."""
    return {w.lower() for w in _WORD.findall(text or "")}


def reads_nothing_known(text: str | None, vocabulary: frozenset[str]) -> bool:
    """Whether ``text`` has letters, no digit, and not one word of ``vocabulary``."""
    words = words_of(text)
    if not words or any(c.isdigit() for c in text or "") or not vocabulary:
        return False
    return not words & vocabulary


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class KnownWordsGuard(GraphComponent):
    """Makes a message with no known word ``nlu_fallback`` (see the module docstring)."""

    def __init__(
        self, model_storage: ModelStorage, resource: Resource, vocabulary: frozenset[str]
    ) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = vocabulary

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """No options."""
        return {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> KnownWordsGuard:
        """Create the component, knowing no words yet."""
        return cls(model_storage, resource, frozenset())

    def train(self, training_data: TrainingData) -> Resource:
        """Learn every word of the training examples."""
        words: set[str] = set()
        for example in training_data.training_examples:
            words |= words_of(example.get(TEXT))
        self.vocabulary = frozenset(words)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / _FILE).write_text(json.dumps(sorted(words)), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> KnownWordsGuard:
        """Load the learnt words (none if there are none: then nothing is overruled)."""
        try:
            with model_storage.read_from(resource) as directory:
                words = json.loads((directory / _FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            words = []
        return cls(model_storage, resource, frozenset(words))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """The training data passes through unchanged."""
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Force ``nlu_fallback`` where no word is known; leave the others alone."""
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or text.startswith("/"):
                continue
            if reads_nothing_known(text, self.vocabulary):
                force_intent(message, DEFAULT_NLU_FALLBACK_INTENT_NAME)
        return messages
