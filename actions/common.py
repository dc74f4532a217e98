"""What every Backstep action needs: the intake slots, the person's words, the journal."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot.content.questions import programme_questions
from bot.domain.escalation import PAUSE_SLOT
from bot.domain.pause import plan_paused
from bot.domain.programme import Intake
from bot.nlu.topics import best_topic
from bot.store import journal, outbox

logger = logging.getLogger(__name__)
T = TypeVar("T")

#: The intake form's slots, in the order they are asked (a public contract).
INTAKE_SLOTS: tuple[str, ...] = (
    "pain_direction",
    "pain_duration_days",
    "flexibility",
    "pain_score",
    "leg_pain",
)
#: What the intake form asks: the red-flag screen first, then the intake proper.
FORM_SLOTS: tuple[str, ...] = ("red_flag_screen", *INTAKE_SLOTS)


def latest_text(tracker: Tracker) -> str:
    """The text of the person's latest message ("" when there is none)."""
    return str(tracker.latest_message.get("text") or "")


def value_before_latest_message(tracker: Tracker, slot: str, back: int = 1) -> Any:
    """The value ``slot`` had before the person's latest message (``back=2``: the message
    before it), None if it had none."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    latest = users[-back] if len(users) >= back else len(events) if back == 1 else 0
    for event in reversed(events[:latest]):
        if event.get("event") == "slot" and event.get("name") == slot:
            return event.get("value")
        if event.get("event") == "restart":
            return None
    return None


def entity_in_latest_message(tracker: Tracker, entity: str) -> bool:
    """An entity of this name, with no role, in the latest message (a role-less slot
    mapping fills its slot)."""
    return any(
        e.get("entity") == entity and not e.get("role")
        for e in tracker.latest_message.get("entities", [])
    )


def latest_intent(tracker: Tracker) -> str | None:
    """The intent of the person's latest message."""
    intent = tracker.latest_message.get("intent") or {}
    name = intent.get("name")
    return str(name) if name else None


def intake_from_slots(tracker: Tracker) -> Intake | None:
    """The completed intake, or None while any answer is missing."""
    values = {slot: tracker.get_slot(slot) for slot in INTAKE_SLOTS}
    if any(value is None for value in values.values()):
        return None
    return Intake(
        pain_direction=values["pain_direction"],
        pain_duration_days=float(values["pain_duration_days"]),
        flexibility=values["flexibility"],
        pain_score=float(values["pain_score"]),
        leg_pain=bool(values["leg_pain"]),
        spasm=bool(tracker.get_slot("spasm")),
    )


async def in_journal(call: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Run one journal call off the event loop; a database failure never stops the chat.

    Returns the call's result, or None when the database could not be reached.
    """
    try:
        return await asyncio.to_thread(call, *args, **kwargs)
    except SQLAlchemyError:
        logger.exception("Journal call %s failed.", getattr(call, "__name__", call))
        return None


async def journal_answer(
    tracker: Tracker, slot: str, value: Any, *, accepted: bool = True
) -> None:
    """Store an answer with the raw text it came from."""
    await in_journal(
        journal.record_answer,
        tracker.sender_id,
        slot,
        value,
        latest_text(tracker),
        accepted=accepted,
    )


async def red_flag_unresolved(tracker: Tracker) -> bool:
    """Whether the plan is paused for a red flag not yet checked by a clinician: the slot
    the escalation set, or the journal. A red flag escalated while the conversation could
    not run (its database was down: :mod:`bot.services.safety_fallback`) never reached the
    slot; it waited in the outbox, and is journaled first here if it still waits."""
    if tracker.get_slot(PAUSE_SLOT):
        return True
    await in_journal(outbox.flush_if_waiting)
    events = await in_journal(journal.safety_events_for, tracker.sender_id)
    return bool(events) and plan_paused([e.kind for e in events or []])


def answer_programme_question(dispatcher: CollectingDispatcher, text: str) -> None:
    """Say the programme's answer to the question ``text`` asks."""
    questions = programme_questions()
    dispatcher.utter_message(text=questions.answer(best_topic(text, questions.cues())))
