"""What Backstep's forms share: an answer is never silently rejected.

When a message doesn't answer the question, the form says kindly why (empty, emoji,
too long, another language, unclear) and asks again; an interruption ("help", "my
plan") steps aside for a rule to answer, and the form goes on afterwards.
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import journal_answer, latest_intent, latest_text, value_before_latest_message
from bot.content.texts import BAD_INPUT_REPLIES, INTAKE_HINT
from bot.domain.answers import BadInput, classify_bad_input
from bot.nlu.answers import reads_as_correction

#: Intents that leave a form for a moment (a rule answers them, then the form goes on).
INTERRUPTIONS = frozenset(
    {"help", "restart_intake", "show_plan", "bot_challenge", "thank", "goodbye", "assessed",
     "ask_programme"}
)


class KindFormValidation(FormValidationAction, metaclass=ABCMeta):
    """Validation that explains what went wrong and asks again (subclassed per form)."""

    #: The slots this form asks, in order.
    form_slots: tuple[str, ...] = ()
    #: Intents that step out of this form (see :data:`INTERRUPTIONS`).
    interruptions: frozenset[str] = INTERRUPTIONS

    @abstractmethod
    def name(self) -> str:
        """The validation action's name, ``validate_<form>``."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events = await super().run(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        kept: list[EventType] = []
        if requested is not None and not reads_as_correction(latest_text(tracker)):
            kept = [e for e in (self._keep_accepted(e, tracker, requested) for e in events) if e]
            events = [e for e in events if not self._overwrites(e, tracker, requested)] + kept
        answered = any(
            e.get("event") == "slot" and e.get("name") in self.form_slots and e not in kept
            for e in events
        )
        if answered or requested is None:
            return [*events, SlotSet("reprompts", 0)]
        if self.is_interruption(tracker):
            # Nothing extracted: the form steps aside and a rule answers.
            return events
        await journal_answer(tracker, requested, None, accepted=False)
        if latest_intent(tracker) != "greet":
            await self.explain(dispatcher, tracker, requested)
        reprompts = float(tracker.get_slot("reprompts") or 0) + 1
        return [*events, SlotSet("reprompts", reprompts)]

    def _overwrites(self, event: EventType, tracker: Tracker, requested: str) -> bool:
        """Whether ``event`` changes an answer accepted before, for another question than
        the one asked."""
        name = event.get("name")
        if event.get("event") != "slot" or name not in self.form_slots or name == requested:
            return False
        before = value_before_latest_message(tracker, str(name))
        return before is not None and before != event.get("value")

    def _keep_accepted(
        self, event: EventType, tracker: Tracker, requested: str
    ) -> EventType | None:
        """An answer already accepted stays, unless this message answers its own question
        or corrects it: "I cannot bend and touch the floor" answers the tightness question
        and does not change the painful direction given before."""
        if not self._overwrites(event, tracker, requested):
            return None
        name = str(event.get("name"))
        return SlotSet(name, value_before_latest_message(tracker, name))

    def is_interruption(self, tracker: Tracker) -> bool:
        """Whether the message is for a rule to answer rather than an answer to the form."""
        return latest_intent(tracker) in self.interruptions

    async def explain(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, requested: str
    ) -> None:
        """Say kindly why the message did not answer ``requested`` (asked again next)."""
        reason = classify_bad_input(latest_text(tracker))
        dispatcher.utter_message(text=BAD_INPUT_REPLIES[reason])
        if reason is BadInput.UNCLEAR and float(tracker.get_slot("reprompts") or 0) >= 1:
            dispatcher.utter_message(text=INTAKE_HINT)
