"""Rasa graph component: a clear "no" and a description of the back, read by kind.

A clear "no" that also holds an intake answer keeps its intent and gets a ``clear_no``
entity (:func:`bot.nlu.answers.marks_clear_no`).

Runs last, after the FallbackClassifier: it sees what the model and the safety union
made of the message and overrules only the readings :func:`bot.nlu.answers.answer_intent`
names (a clear "no" the model did not hear as one; a description of the back taken for
a greeting, out of scope or not understood). Button payloads are left as they are.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.answers import CLEAR_NO, answer_intent, concluding_at, marks_clear_no
from bot.nlu.components.base import StatelessComponent, force_intent
from bot.nlu.patterns import CONTEXT_ROLE


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class AnswerReading(StatelessComponent):
    """Overrules the intent of a clear "no" or a description of the back (see module)."""

    def process(self, messages: list[Message]) -> list[Message]:
        """Set the intent where :func:`answer_intent` says so; leave the others alone."""
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or text.startswith("/"):
                continue
            # An entity marked as said in passing ("my Thursday night comp": a day and a
            # movement named, nothing said to hurt) is no answer that makes a question
            # into an intake answer.
            # One said in the sentence that settles the answer after a question of the
            # person's own ("Should I worry? Anyway, no, it stays in my back") is one.
            settled = concluding_at(text)
            entities = {
                str(e.get("entity")) for e in message.get(ENTITIES) or []
                if e.get("role") != CONTEXT_ROLE
                or (settled is not None and int(e.get("start") or 0) >= settled)
            }
            in_passing = frozenset(
                str(e.get("entity")) for e in message.get(ENTITIES) or []
                if e.get("role") == CONTEXT_ROLE
            )
            model_intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if marks_clear_no(model_intent, entities, text):
                marker = {"entity": CLEAR_NO, "value": "no", "start": 0, "end": len(text),
                          "confidence_entity": 1.0, "extractor": "AnswerReading"}
                message.set(ENTITIES, [*(message.get(ENTITIES) or []), marker], add_to_output=True)
            forced = answer_intent(model_intent, entities, text, in_passing)
            if forced is None or forced == model_intent:
                continue
            force_intent(message, forced)
        return messages
