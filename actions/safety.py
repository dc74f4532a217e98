"""The safety path's bookkeeping: recording red flags and resuming the plan.

The 🚨 escalations themselves are responses in domain.yml, sent by the dialogue policy
without the action server; these actions only add what needs the database.
"""

from __future__ import annotations

import asyncio

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import FORM_SLOTS, latest_intent, latest_text, red_flag_unresolved
from bot.content.texts import (
    ASSESSED_NOTHING_PAUSED,
    ASSESSED_NOTHING_PAUSED_PLAN,
    PLAN_RESUMED,
)
from bot.domain.escalation import CHECKS, ESCALATIONS
from bot.store import outbox


def _last_two_turns(tracker: Tracker) -> tuple[list[str], list[str]]:
    """The actions run since the latest message, and those of the bot turn before it."""
    turns: list[list[str]] = [[], []]
    turn = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            turn += 1
            if turn == len(turns):
                break
        elif event.get("event") == "action" and event.get("name"):
            turns[turn].append(str(event["name"]))
    return turns[0], turns[1]


def _escalated_crisis(tracker: Tracker) -> bool:
    """Whether the escalation just sent was the crisis message (after the gentle
    question, the latest message may be a plain "yes")."""
    now, _ = _last_two_turns(tracker)
    return ESCALATIONS["crisis"] in now or latest_intent(tracker) == "crisis"


def _words_of_concern(tracker: Tracker) -> str:
    """The message to journal: the latest one, or, when it answers a clarifying question,
    the one that raised it followed by the answer."""
    _, before = _last_two_turns(tracker)
    users = [e for e in tracker.events if e.get("event") == "user"]
    if set(before) & set(CHECKS.values()) and len(users) >= 2:
        return f"{users[-2].get('text') or ''} / {latest_text(tracker)}"
    return latest_text(tracker)


async def _record(tracker: Tracker, kind: str, category: str | None) -> None:
    """Journal it, or keep it in the outbox until the database is back: never lost."""
    await asyncio.to_thread(
        outbox.record_safety_event, tracker.sender_id, kind, category, _words_of_concern(tracker)
    )


class ActionRecordRedFlag(Action):
    """Journals the red flag or crisis just escalated; a red flag pauses the plan."""

    def name(self) -> str:
        return "action_record_red_flag"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if _escalated_crisis(tracker):
            await _record(tracker, "crisis", "crisis")
            return []
        await _record(tracker, "red_flag", tracker.get_slot("red_flag_category"))
        return [SlotSet("red_flag_active", True)]


class ActionAssessed(Action):
    """A clinician has checked the person: the paused plan resumes."""

    def name(self) -> str:
        return "action_assessed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if not await red_flag_unresolved(tracker):
            if any(tracker.get_slot(slot) is None for slot in FORM_SLOTS):
                # nothing to resume and no plan yet ("im a domestic in the hospital and my
                # back is sore", read as checked): the questions go on, never a dead end
                dispatcher.utter_message(text=ASSESSED_NOTHING_PAUSED)
                return [FollowupAction("intake_form")]
            dispatcher.utter_message(text=ASSESSED_NOTHING_PAUSED_PLAN)
            return []
        await _record(tracker, "assessed", None)
        dispatcher.utter_message(text=PLAN_RESUMED)
        return [SlotSet("red_flag_active", False)]
