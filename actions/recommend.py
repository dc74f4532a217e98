"""The recommendation of the next action step, and showing the current plan."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import in_journal, intake_from_slots, red_flag_unresolved
from bot.content.plan import recommendation_message
from bot.content.texts import NO_PLAN_YET, PLAN_PAUSED, START_BUTTONS
from bot.domain.programme import recommend
from bot.services.exercise_status import exercise_status
from bot.store import journal


async def plan_paused(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """While a red flag is unresolved no plan is shown; say so and return True."""
    if await red_flag_unresolved(tracker):
        dispatcher.utter_message(text=PLAN_PAUSED)
        return True
    return False


class ActionRecommend(Action):
    """Recommends the next action step from the intake and stores it in the journal."""

    def name(self) -> str:
        return "action_recommend"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if await plan_paused(dispatcher, tracker):
            return []
        intake = intake_from_slots(tracker)
        if intake is None:
            dispatcher.utter_message(text=NO_PLAN_YET, buttons=START_BUTTONS)
            return []
        rec = recommend(intake)
        message = recommendation_message(intake, rec)
        dispatcher.utter_message(text=message)
        await in_journal(
            journal.record_recommendation,
            tracker.sender_id,
            step=rec.step,
            regimen=rec.regimen.value,
            next_regimen=rec.next_regimen.value if rec.next_regimen else None,
            aerobic=rec.aerobic,
            rule=rec.rule,
            message=message,
        )
        # said here, not as a step of its own: one prediction less on the slowest turn
        dispatcher.utter_message(response="utter_after_plan")
        return []


class ActionShowPlan(Action):
    """Shows the latest recommendation from the journal."""

    def name(self) -> str:
        return "action_show_plan"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if await plan_paused(dispatcher, tracker):
            return []
        history = await in_journal(journal.recommendations_for, tracker.sender_id) or []
        if history:
            dispatcher.utter_message(text=history[-1].message)
            status = await in_journal(exercise_status, tracker.sender_id)
            if status:
                dispatcher.utter_message(text=status)
        else:
            intake = intake_from_slots(tracker)
            if intake is not None:
                dispatcher.utter_message(text=recommendation_message(intake, recommend(intake)))
            else:
                dispatcher.utter_message(text=NO_PLAN_YET, buttons=START_BUTTONS)
        return []
