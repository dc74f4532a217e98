"""Trackers built in the test, and running a custom action on one: what it said and set."""

from __future__ import annotations

from typing import Any

from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.support.paths import ROOT

DOMAIN = Domain.load(str(ROOT / "domain.yml")).as_dict()
USER = "chat-42"


def tracker(
    text: str = "",
    intent: str = "inform",
    slots: dict[str, Any] | None = None,
    just_set: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
) -> Tracker:
    """A tracker in the middle of the intake; ``just_set`` are this turn's slot candidates."""
    values: dict[str, Any] = {name: None for name in DOMAIN["slots"]}
    values.update(slots or {})
    values.update(just_set or {})
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9},
              "entities": entities or []}
    events: list[dict[str, Any]] = [
        {"event": "slot", "name": k, "value": v} for k, v in (slots or {}).items()
    ] + [
        {"event": "action", "name": "intake_form"},
        {"event": "user", "text": text, "parse_data": latest},
        {"event": "action", "name": "action_listen"},
    ] + [{"event": "slot", "name": k, "value": v} for k, v in (just_set or {}).items()]
    return Tracker(USER, values, latest, events, False, None, {"name": "intake_form"},
                   "action_listen")


async def run(action: Any, trk: Tracker) -> tuple[list[str], dict[str, Any]]:
    """Run ``action`` on ``trk``: the texts it sent and the slots it set."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, trk, DOMAIN)
    said = [m.get("text") or m.get("response") for m in dispatcher.messages]
    return said, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
