"""A Rasa graph component that keeps unreadable messages from being read as answers.

DIET always picks some intent, even for an empty message or a lone emoji, and a
"yes" intent would fill a yes/no question through its ``from_intent`` mapping. This
component runs after DIET: a message with no letters and no digits becomes
``nlu_fallback`` (the dialogue then asks again kindly), except thumbs up/down,
which are read as yes/no.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components.base import StatelessComponent, force_intent

_SKIN_TONES_AND_JOINERS = {chr(c) for c in range(0x1F3FB, 0x1F400)} | {"\ufe0f", "\u200d"}
_GESTURES = {"👍": "affirm", "👎": "deny"}


def intent_for_unreadable(text: str | None) -> str | None:
    """The intent to force for ``text``, or None when the text can be read as usual."""
    text = (text or "").strip()
    if any(c.isalnum() for c in text):
        return None
    symbols = {c for c in text if c not in _SKIN_TONES_AND_JOINERS and not c.isspace()}
    gestures = {_GESTURES[c] for c in symbols if c in _GESTURES}
    if symbols and len(gestures) == 1 and symbols <= set(_GESTURES):
        return gestures.pop()
    return DEFAULT_NLU_FALLBACK_INTENT_NAME


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class UnreadableInputGuard(StatelessComponent):
    """Overrides the intent of messages without letters or digits (see module docstring)."""

    def process(self, messages: list[Message]) -> list[Message]:
        """Force the intent of unreadable messages; leave the others alone."""
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and text.startswith("/"):
                continue  # an intent payload from a button
            forced = intent_for_unreadable(text)
            if forced is None:
                continue
            force_intent(message, forced)
        return messages
