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

from actions.common import (
    answer_programme_question,
    entity_in_latest_message,
    journal_answer,
    latest_intent,
    latest_text,
    value_before_latest_message,
)
from bot.content.responses import has_buttons
from bot.content.texts import (
    BAD_INPUT_REPLIES,
    INTAKE_HINT,
    INTAKE_HINT_TYPED,
    TAKEN_FOR_NOW,
)
from bot.domain.answers import BadInput, classify_bad_input
from bot.nlu.answers import (
    corrected_in_passing,
    correction_at,
    only_asks,
    reads_as_correction,
)

#: Intents that leave a form for a moment (a rule answers them, then the form goes on).
INTERRUPTIONS = frozenset(
    {"help", "restart_intake", "show_plan", "bot_challenge", "thank", "goodbye", "assessed",
     "ask_programme", "start_session"}
)


class KindFormValidation(FormValidationAction, metaclass=ABCMeta):
    """Validation that explains what went wrong and asks again (subclassed per form)."""

    #: The slots this form asks, in order.
    form_slots: tuple[str, ...] = ()
    #: Intents that step out of this form (see :data:`INTERRUPTIONS`).
    interruptions: frozenset[str] = INTERRUPTIONS
    #: Questions that ask two things, and the slot of the second: a message that answers
    #: only that one is half an answer, kept, and the question asked again for the rest
    #: (its domain variation says what was heard) instead of "Sorry, I didn't catch that".
    half_answers: dict[str, str] = {}
    #: What a question's slot is taken to be when its second answer still cannot be read
    #: (with a word saying so, the texts' ``TAKEN_FOR_NOW``), so that no question is asked a
    #: third time; a question without one is asked again.
    last_resorts: dict[str, str | bool] = {}

    @abstractmethod
    def name(self) -> str:
        """The validation action's name, ``validate_<form>``."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events = await super().run(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        restored: list[EventType] = []
        answers_it = any(
            e.get("event") == "slot" and e.get("name") == requested for e in events
        )
        # A correction changes an answer given before ("sorry, I meant bending"), unless
        # it corrects the answer it gives ("A month or so. Actually ... the 30th")
        if requested is not None and (answers_it or not reads_as_correction(latest_text(tracker))):
            corrected = correction_at(latest_text(tracker)) if answers_it else None
            if corrected is not None and _said_after(tracker, requested, corrected):
                corrected = None  # "A month or so. Actually the 30th": it corrects itself
            restores = [self._restore(e, tracker, requested, corrected) for e in events]
            restored = [r for r in restores if r is not None]
            events = [e for e, r in zip(events, restores, strict=True) if r is None] + restored
        if (
            requested is not None and not answers_it and only_asks(latest_text(tracker))
            and not self.is_interruption(tracker)
        ):
            # "Would a stool help? Is standing all day going to make it worse?", read as
            # an answer to another question: a question, answered; the form asks again
            answer_programme_question(dispatcher, latest_text(tracker))
            return events
        # an answer to another question counts, and so does one the validation replied to
        # ("You wrote 15"); one that changes nothing (said again, or set aside as no
        # answer to this question) does not, so it cannot hold a question open
        answered = answers_it or bool(dispatcher.messages) or any(
            e.get("event") == "slot" and e.get("name") in self.form_slots and e not in restored
            and not _changes_nothing(tracker, e)
            for e in events
        )
        if answered or requested is None or self._half_answered(tracker, requested) and (
            _answers_to(tracker, requested) < 2
        ):
            return [*events, SlotSet("reprompts", 0)]
        if self.is_interruption(tracker):
            # Nothing extracted: the form steps aside and a rule answers.
            return events
        taken = self.last_resorts.get(requested)
        if taken is not None and _answers_to(tracker, requested) >= 2:
            # asked twice and still not read (or only its other half, twice): taken for
            # now, said so, and not asked a third time
            await journal_answer(tracker, requested, taken, accepted=False)
            dispatcher.utter_message(text=TAKEN_FOR_NOW[requested])
            # a question the form asks only when it is needed (spasm) was requested before
            # it was taken: the form then finds the next question itself
            events = [
                e for e in events
                if not (e.get("name") == "requested_slot" and e.get("value") == requested)
            ]
            return [*events, SlotSet(requested, taken), SlotSet("reprompts", 0)]
        await journal_answer(tracker, requested, None, accepted=False)
        if latest_intent(tracker) != "greet":
            await self.explain(dispatcher, tracker, requested)
        reprompts = float(tracker.get_slot("reprompts") or 0) + 1
        return [*events, SlotSet("reprompts", reprompts)]

    def _restore(
        self, event: EventType, tracker: Tracker, requested: str, corrected: int | None = None
    ) -> EventType | None:
        """The event that puts back an answer already accepted, when ``event`` changes it
        for another question than the one asked, else None: "I cannot bend and touch the
        floor" answers the tightness question and does not change the painful direction
        given before (the person can still correct it: see :meth:`run`), unless the
        message says it after a correction word (``corrected``: "No. Oh wait, I can't get
        past my shins, so tight": the leg answered, the tightness corrected)."""
        name = event.get("name")
        if event.get("event") != "slot" or name not in self.form_slots or name == requested:
            return None
        if self.half_answers.get(str(name)) == requested:
            return None  # asked the spasm half, "not tight, but it locked up" answers both
        if corrected is not None and _said_after(tracker, str(name), corrected):
            return None
        if _corrected_in_passing(tracker, str(name)):
            return None  # "Oh and it's more like 3 weeks not 2": taken back in passing
        before = value_before_latest_message(tracker, str(name))
        if before is None or before == event.get("value"):
            return None
        return SlotSet(str(name), before)

    def _half_answered(self, tracker: Tracker, requested: str) -> bool:
        """Whether the message answered the other half of a two-part question."""
        other = self.half_answers.get(requested)
        return other is not None and entity_in_latest_message(tracker, other)

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
            # no "tap a button" under a question that has none
            buttons = has_buttons(f"utter_ask_{requested}")
            dispatcher.utter_message(text=INTAKE_HINT if buttons else INTAKE_HINT_TYPED)


def _changes_nothing(tracker: Tracker, event: EventType) -> bool:
    """Whether a slot event sets the value the slot had before the message."""
    return bool(event.get("value") == value_before_latest_message(tracker, str(event.get("name"))))


def _corrected_in_passing(tracker: Tracker, slot: str) -> bool:
    """Whether the latest message names ``slot`` in a sentence that takes an earlier
    answer back ("I said 8 but truthfully it's more like 6 now")."""
    text = latest_text(tracker)
    return any(
        e.get("entity") == slot and corrected_in_passing(text, int(e.get("start") or 0))
        for e in tracker.latest_message.get("entities", [])
    )


def _answers_to(tracker: Tracker, slot: str) -> int:
    """How many messages the person has sent while ``slot``'s question was the open one,
    the latest included, since the slot was last cleared (a restart, starting over)."""
    count, requested = 0, None
    for event in tracker.events:
        kind, name = event.get("event"), event.get("name")
        if kind == "restart" or (kind == "slot" and name == slot and event.get("value") is None):
            count = 0
        if kind == "slot" and name == "requested_slot":
            requested = event.get("value")
        elif kind == "user" and requested == slot:
            count += 1
    return count


def _said_after(tracker: Tracker, slot: str, offset: int) -> bool:
    """Whether the latest message names ``slot`` after character ``offset``."""
    return any(
        e.get("entity") == slot and int(e.get("start") or 0) > offset
        for e in tracker.latest_message.get("entities", [])
    )
