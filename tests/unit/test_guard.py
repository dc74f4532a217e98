"""Unreadable messages are never taken as an answer (and thumbs are yes/no)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components.guard import UnreadableInputGuard, intent_for_unreadable


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("", "nlu_fallback"),
        ("   ", "nlu_fallback"),
        (None, "nlu_fallback"),
        ("😭", "nlu_fallback"),
        ("😭😭😭", "nlu_fallback"),
        ("?!", "nlu_fallback"),
        ("...", "nlu_fallback"),
        ("❤️", "nlu_fallback"),
        ("👍", "affirm"),
        ("👍🏽", "affirm"),
        ("👍👍", "affirm"),
        ("👎", "deny"),
        ("👍👎", "nlu_fallback"),
        ("👍😭", "nlu_fallback"),
        ("no", None),
        ("7", None),
        ("yes 👍", None),
        ("腰が痛い", None),
    ],
)
def test_forced_intents(text: str | None, intent: str | None) -> None:
    assert intent_for_unreadable(text) == intent


def test_the_component_overrides_a_guess_but_not_a_button_payload() -> None:
    emoji = Message(data={"text": "😭", "intent": {"name": "affirm", "confidence": 0.9}})
    button = Message(data={"text": '/inform{"leg_pain": true}', "intent": {"name": "inform"}})
    words = Message(data={"text": "yes", "intent": {"name": "affirm", "confidence": 0.9}})
    UnreadableInputGuard().process([emoji, button, words])
    assert emoji.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}
    assert button.get("intent")["name"] == "inform"
    assert words.get("intent")["name"] == "affirm"
