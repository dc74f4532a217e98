"""Choosing the daily check-in time and time zone, and storing the schedule."""

from __future__ import annotations

import json
from datetime import time
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import INTAKE_SLOTS, in_journal, journal_answer, latest_intent, latest_text
from actions.forms import INTERRUPTIONS, KindFormValidation
from bot.content.texts import (
    SCHEDULE_SAVED,
    SCHEDULE_TIME_MERIDIEM,
    SCHEDULE_TIME_UNCLEAR,
    SCHEDULE_TZ_QUESTION,
    SCHEDULE_TZ_UNCLEAR,
    SCHEDULE_UNCHANGED,
)
from bot.domain import clock, zones
from bot.settings import get_settings
from bot.store import checkins

SCHEDULE_SLOTS: tuple[str, ...] = ("checkin_time", "checkin_tz")
#: Entities that change the intake (and so the plan).
INTAKE_ENTITIES = frozenset({*INTAKE_SLOTS, "spasm"})


def _hhmm(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def stored_time(value: Any) -> time | None:
    """The "HH:MM" a slot holds, as a time (None when it isn't one)."""
    if not isinstance(value, str):
        return None
    return clock.parse_time(value)


class ValidateScheduleForm(KindFormValidation):
    """Reads a time ("8:30pm") and a zone ("Berlin", "UTC+2") in the person's words."""

    form_slots = SCHEDULE_SLOTS
    #: "Not now", "check in now" and starting over also leave this form (rules answer them).
    interruptions = INTERRUPTIONS | {"deny", "checkin_now", "set_checkin_time"}

    def name(self) -> str:
        return "validate_schedule_form"

    def is_interruption(self, tracker: Tracker) -> bool:
        """A correction to the intake ("actually it's been two months") re-plans first."""
        if super().is_interruption(tracker):
            return True
        entities = {e.get("entity") for e in tracker.latest_message.get("entities", [])}
        return latest_intent(tracker) == "inform" and bool(entities & INTAKE_ENTITIES)

    async def extract_checkin_time(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "checkin_time":
            return {}
        parsed = clock.parse_time(latest_text(tracker))
        return {} if parsed is None else {"checkin_time": _hhmm(parsed)}

    async def extract_checkin_tz(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "checkin_tz":
            return {}
        parsed = zones.parse_timezone(latest_text(tracker))
        return {} if parsed is None else {"checkin_tz": parsed}

    async def validate_checkin_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        parsed = stored_time(value)
        await journal_answer(tracker, "checkin_time", value, accepted=parsed is not None)
        return {"checkin_time": _hhmm(parsed) if parsed else None}

    async def validate_checkin_tz(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        try:
            zones.zone(str(value))
            ok = True
        except ValueError:
            ok = False
        await journal_answer(tracker, "checkin_tz", value, accepted=ok)
        return {"checkin_tz": value if ok else None}

    async def explain(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, requested: str
    ) -> None:
        text = latest_text(tracker)
        if requested == "checkin_time" and clock.needs_meridiem(text):
            hour = "".join(ch for ch in text if ch.isdigit()) or text.strip()
            dispatcher.utter_message(text=SCHEDULE_TIME_MERIDIEM.format(hour=hour))
        elif requested == "checkin_time":
            dispatcher.utter_message(text=SCHEDULE_TIME_UNCLEAR)
        elif requested == "checkin_tz":
            dispatcher.utter_message(text=SCHEDULE_TZ_UNCLEAR)
        else:
            await super().explain(dispatcher, tracker, requested)


class AskCheckinTz(Action):
    """Asks the time zone, offering the configured default and UTC as buttons."""

    def name(self) -> str:
        return "action_ask_checkin_tz"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        default = zones.default_zone(get_settings().default_tz)
        options = [default] + (["UTC"] if default != "UTC" else [])
        buttons = [
            {
                "title": zones.describe_zone(name),
                "payload": "/inform" + json.dumps({"checkin_tz": name}),
            }
            for name in options
        ]
        dispatcher.utter_message(text=SCHEDULE_TZ_QUESTION, buttons=buttons)
        return []


class ActionScheduleSaved(Action):
    """Stores the chosen time and zone; says so when something changed."""

    def name(self) -> str:
        return "action_schedule_saved"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        at = stored_time(tracker.get_slot("checkin_time"))
        tz = tracker.get_slot("checkin_tz")
        if at is None or not tz:
            return []
        shown = {"time": clock.describe_time(at), "zone": zones.describe_zone(tz)}
        current = await in_journal(checkins.schedule_for, tracker.sender_id)
        if current is not None and (current.at_time, current.tz, current.paused) == (at, tz, False):
            return []  # a re-plan passes through here: nothing new to say
        saved = await in_journal(checkins.set_schedule, tracker.sender_id, at, tz)
        if saved is None:
            return []
        dispatcher.utter_message(text=SCHEDULE_SAVED.format(**shown))
        return []


class ActionResetSchedule(Action):
    """Clears the chosen time and zone so that both are asked again (/time)."""

    def name(self) -> str:
        return "action_reset_schedule"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        current = await in_journal(checkins.schedule_for, tracker.sender_id)
        if current is not None:
            dispatcher.utter_message(
                text=SCHEDULE_UNCHANGED.format(
                    time=clock.describe_time(current.at_time),
                    zone=zones.describe_zone(current.tz),
                )
            )
        return [SlotSet(slot, None) for slot in SCHEDULE_SLOTS]


class ActionTakeIntakeAnswers(Action):
    """Takes intake answers said while another form was asking ("actually two months").

    Outside the intake those entities don't fill the intake's slots (a check-in's "6" is
    not the intake's pain score); when the message is a correction, this sets them so the
    intake form validates them and the plan is made again.
    """

    def name(self) -> str:
        return "action_take_intake_answers"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return [
            SlotSet(str(e["entity"]), e.get("value"))
            for e in tracker.latest_message.get("entities", [])
            if e.get("entity") in INTAKE_ENTITIES
        ]
