"""The Rasa speed fixes change nothing a conversation could notice."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered

from bot.rasa import patches


@pytest.fixture(scope="module", autouse=True)
def _patched() -> None:
    assert patches.apply()


@pytest.mark.parametrize(
    "response",
    [
        {"events": [], "responses": []},
        {"events": [{"event": "slot", "name": "pain_score", "value": 7}], "responses": []},
        {"events": [], "responses": [{"text": "hi", "buttons": []}]},
    ],
)
def test_valid_action_responses_still_pass(response: dict) -> None:  # type: ignore[type-arg]
    assert RemoteAction("action_x", None)._validate_action_result(response)


@pytest.mark.parametrize(
    "response",
    [
        {"events": [{"event": "slot"}], "responses": []},  # a slot event needs a name
        {"events": "not a list"},
        {"responses": ["not an object"]},
    ],
)
def test_invalid_action_responses_are_still_refused(response: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError):
        RemoteAction("action_x", None)._validate_action_result(response)


@pytest.mark.parametrize(
    ("type_name", "cls"),
    [("slot", SlotSet), ("user", UserUttered), ("action", ActionExecuted), ("slot", SlotSet)],
)
def test_event_types_resolve_as_before(type_name: str, cls: type) -> None:
    assert Event.resolve_by_type(type_name) is cls


def test_unknown_event_types_behave_as_before() -> None:
    assert Event.resolve_by_type("nonsense", default=SlotSet) is SlotSet
    assert Event.resolve_by_type("topic") is None
    with pytest.raises(ValueError):
        Event.resolve_by_type("nonsense")
