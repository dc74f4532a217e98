"""The agent in this process as a channel for the scripted person and the fuzzer."""

from __future__ import annotations

from typing import Any

from rasa.shared.core.trackers import EventVerbosity

from bot.rasa.runtime import respond
from bot.services.safety_fallback import reply_without_dialogue
from tests.support.runtime import RasaRuntime


class InProcessTransport:
    """Talks to the trained model and action server of the test session, no HTTP server."""

    def __init__(self, runtime: RasaRuntime) -> None:
        self.runtime = runtime

    def send(self, sender: str, text: str) -> list[dict[str, Any]]:
        """The bot's replies to ``text``."""
        return self.runtime.loop.run_until_complete(
            respond(self.runtime.agent, text, sender, on_failure=reply_without_dialogue)
        )

    def state(self, sender: str) -> dict[str, Any]:
        """The tracker as Rasa's HTTP API would show it."""
        store = self.runtime.agent.tracker_store
        tracker = self.runtime.loop.run_until_complete(store.retrieve(sender))
        return dict(tracker.current_state(EventVerbosity.ALL)) if tracker else {}
