"""Questions about the programme: answered from the seed, or passed to a clinician."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import answer_programme_question, latest_text
from actions.intake import ValidateIntakeForm
from bot.nlu.answers import stated_at
from bot.nlu.echoes import hedged_value
from bot.nlu.scores import settled_score


class ActionAnswerQuestion(Action):
    """Answers a question about the programme in our own words (see programme_questions.yml).

    The intake or check-in that was running asks its question again afterwards (rules);
    outside them the answer ends with what the person can do next.
    """

    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        answer_programme_question(dispatcher, latest_text(tracker))
        if tracker.active_loop.get("name") is None:
            dispatcher.utter_message(response="utter_what_next")  # a form asks its own
            return []
        return await _answered_before_asking(dispatcher, tracker, domain)


async def _answered_before_asking(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
) -> list[EventType]:
    """The intake's open question, answered in a sentence before the question about the
    programme ("Right now a 5. By the way, can my wife do this too?"), or a length said
    unsure before it ("maybe a month? why does it matter"): taken and journaled as the form
    takes it, so the intake goes on to its next question."""
    requested = tracker.get_slot("requested_slot")
    if tracker.active_loop.get("name") != "intake_form" or requested is None:
        return []
    text = latest_text(tracker)
    asked_at = text.find("?")
    values = [
        e.get("value") for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == requested and not e.get("role")
        and int(e.get("end") or 0) <= asked_at and stated_at(text, int(e.get("start") or 0))
    ]
    hedged = hedged_value(text, tracker.latest_message.get("entities", []), requested)
    if not values and hedged is not None and requested == "pain_duration_days":
        values = [hedged[0]]  # "like 2 months? why does that even matter": said, unsure
    validate = getattr(ValidateIntakeForm(), f"validate_{requested}", None)
    if not values or validate is None:
        return []
    settled = settled_score(text[:asked_at]) if requested == "pain_score" else None
    taken = await validate(
        values[-1] if settled is None else settled, dispatcher, tracker, domain
    )
    return [SlotSet(slot, value) for slot, value in taken.items()]
