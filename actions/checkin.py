"""The daily check-in (Step 3's journal): its questions, its answers, and what follows."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import in_journal, latest_intent, latest_text, red_flag_unresolved
from actions.forms import INTERRUPTIONS, KindFormValidation
from bot.content.responses import response
from bot.content.session_texts import SESSION_OFFER, SESSION_OFFER_BUTTONS
from bot.content.texts import (
    CHECKIN_EXERCISES_UNCLEAR,
    CHECKIN_KEEP_GOING,
    CHECKIN_LOGGED,
    CHECKIN_LOGGED_NO_TREND,
    CHECKIN_PLAN_PAUSED,
    CHECKIN_TREND_UNCLEAR,
    CHECKIN_TREND_WORDS,
    CHECKIN_TRIGGER_NEEDS_WORDS,
    CHECKIN_WARNING_LEAD,
    PAIN_SCORE_OUT_OF_RANGE,
)
from bot.domain.answers import BadInput, classify_bad_input, parse_bare_number, valid_pain_score
from bot.services.lessons import lesson_after_checkin
from bot.services.progress import review_checkin
from bot.services.weekly import CHART_MESSAGE, weekly_summary_after_checkin
from bot.store import checkins

#: The check-in's slots, in the order they are asked.
CHECKIN_SLOTS: tuple[str, ...] = (
    "checkin_pain", "checkin_trend", "checkin_exercises", "checkin_trigger", "checkin_warning"
)
#: Free text for "what made it worse" is cut at this length (the raw text is kept whole).
MAX_TRIGGER = 500
#: Intents whose message is not an answer to "what made it worse" (any other words are).
_NOT_A_TRIGGER = frozenset({"red_flag", "crisis", "affirm", "greet"})

_TREND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("worse", re.compile(r"\b(worse|worst|not as good|deteriorat\w*|more pain)\b", re.I)),
    ("better", re.compile(r"\b(better|improv\w*|easier|less pain|good)\b", re.I)),
    ("same", re.compile(r"\b(same|similar|no change|unchanged|not much different|ok)\b", re.I)),
)
_PARTLY = re.compile(r"\b(partly|partially|some|a few|half|a bit|bits|not all)\b", re.I)
_YES = re.compile(r"\b(yes|yeah|yep|did them|all of them|done)\b", re.I)
_NO = re.compile(r"\b(no|nope|didn'?t|did not|none|skipped|forgot)\b", re.I)


def trend_from_text(text: str) -> str | None:
    """better / same / worse in the person's words ("a bit worse", "no change")."""
    found = [word for word, pattern in _TREND_WORDS if pattern.search(text)]
    if "worse" in found and "better" in found:
        return None  # "better in the morning, worse at night": ask again
    return found[0] if found else None


def exercises_from_text(text: str) -> str | None:
    """yes / partly / no in the person's words."""
    if _PARTLY.search(text):
        return "partly"
    if _NO.search(text):
        return "no"
    if _YES.search(text):
        return "yes"
    return None


def _today(conversation_id: str) -> tuple[date, str]:
    """The local day this check-in's answers belong to, and the person's zone."""
    tz = checkins.zone_of(conversation_id)
    return checkins.answer_date(conversation_id, tz), tz


async def _journal(tracker: Tracker, slot: str, value: Any, *, accepted: bool = True) -> None:
    today = await in_journal(_today, tracker.sender_id)
    local = today[0] if today else datetime.now(timezone.utc).date()
    await in_journal(
        checkins.record_checkin_answer,
        tracker.sender_id,
        slot,
        value,
        latest_text(tracker),
        local_date=local,
        accepted=accepted,
    )


class ValidateCheckinForm(KindFormValidation):
    """Reads check-in answers in context, validates and journals each one."""

    form_slots = CHECKIN_SLOTS
    interruptions = INTERRUPTIONS | {"checkin_now"}

    def name(self) -> str:
        return "validate_checkin_form"

    async def extract_checkin_pain(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A bare number ("6", "about five") answers the pain question."""
        if tracker.get_slot("requested_slot") != "checkin_pain":
            return {}
        number = parse_bare_number(latest_text(tracker))
        return {} if number is None else {"checkin_pain": number}

    async def extract_checkin_trend(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "checkin_trend":
            return {}
        trend = trend_from_text(latest_text(tracker))
        return {} if trend is None else {"checkin_trend": trend}

    async def extract_checkin_exercises(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "checkin_exercises":
            return {}
        done = exercises_from_text(latest_text(tracker))
        return {} if done is None else {"checkin_exercises": done}

    async def extract_checkin_trigger(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Anything said in answer to "what made it worse" is the answer, in their words."""
        if tracker.get_slot("requested_slot") != "checkin_trigger":
            return {}
        text = latest_text(tracker).strip()
        intent = latest_intent(tracker)
        if not text or text.startswith("/") or intent in _NOT_A_TRIGGER:
            return {}
        if classify_bad_input(text) in (BadInput.EMPTY, BadInput.EMOJI):
            return {}
        if intent in self.interruptions:
            return {}
        if intent == "deny":
            return {"checkin_trigger": "nothing in particular"}
        return {"checkin_trigger": text[:MAX_TRIGGER]}

    async def validate_checkin_pain(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        score = valid_pain_score(value)
        await _journal(
            tracker, "checkin_pain", score if score is not None else value,
            accepted=score is not None,
        )
        if score is None:
            shown = f"{value:g}" if isinstance(value, (int, float)) else str(value)
            dispatcher.utter_message(text=PAIN_SCORE_OUT_OF_RANGE.format(value=shown))
        return {"checkin_pain": score}

    async def validate_checkin_trend(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        ok = value in CHECKIN_TREND_WORDS
        await _journal(tracker, "checkin_trend", value, accepted=ok)
        return {"checkin_trend": value if ok else None}

    async def validate_checkin_exercises(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        ok = value in ("yes", "partly", "no")
        await _journal(tracker, "checkin_exercises", value, accepted=ok)
        return {"checkin_exercises": value if ok else None}

    async def validate_checkin_trigger(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        ok = isinstance(value, str) and bool(value.strip())
        await _journal(tracker, "checkin_trigger", value, accepted=ok)
        return {"checkin_trigger": value.strip() if ok else None}

    async def validate_checkin_warning(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        ok = isinstance(value, bool)
        await _journal(tracker, "checkin_warning", value, accepted=ok)
        return {"checkin_warning": value if ok else None}

    async def explain(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, requested: str
    ) -> None:
        """Say what kind of answer each question needs."""
        hints = {
            "checkin_trend": CHECKIN_TREND_UNCLEAR,
            "checkin_exercises": CHECKIN_EXERCISES_UNCLEAR,
            "checkin_trigger": CHECKIN_TRIGGER_NEEDS_WORDS,
        }
        await super().explain(dispatcher, tracker, requested)
        if requested in hints and latest_intent(tracker) != "nlu_fallback":
            dispatcher.utter_message(text=hints[requested])


class AskCheckinWarning(Action):
    """The check-in's last question: the intake's warning-sign list, asked about since
    yesterday. Composed from the intake's screen (``utter_ask_red_flag_screen``), so the
    list is written once."""

    def name(self) -> str:
        return "action_ask_checkin_warning"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        screen = response("utter_ask_red_flag_screen")
        signs = screen.text.split("\n", 1)[1]
        dispatcher.utter_message(
            text=f"{CHECKIN_WARNING_LEAD}\n{signs}", buttons=screen.button_dicts()
        )
        return []


class ActionCheckinDone(Action):
    """Thanks the person, judges the trend (referral or progression), sends the weekly
    summary when it is due (the chart, then its text; not with a referral, which comes
    alone, and never while the plan is paused), offers the session, ends with a short
    lesson (unless one went out today, a referral was sent, or the summary took its
    place), and clears the answers."""

    def name(self) -> str:
        return "action_checkin_done"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        cid = tracker.sender_id
        pain = tracker.get_slot("checkin_pain")
        trend = tracker.get_slot("checkin_trend")
        clear: list[EventType] = [SlotSet(slot, None) for slot in CHECKIN_SLOTS]
        if pain is None:
            return clear
        if trend in CHECKIN_TREND_WORDS:
            logged = CHECKIN_LOGGED.format(
                pain=f"{float(pain):g}", trend=CHECKIN_TREND_WORDS[trend]
            )
        else:
            logged = CHECKIN_LOGGED_NO_TREND.format(pain=f"{float(pain):g}")
        dispatcher.utter_message(text=logged)
        today = await in_journal(_today, cid)
        if today is None:
            return clear
        local, tz = today
        await in_journal(checkins.complete_checkin, cid, local)
        if await red_flag_unresolved(tracker):
            dispatcher.utter_message(text=CHECKIN_PLAN_PAUSED)
            return clear
        baseline = tracker.get_slot("pain_score")
        verdict = await in_journal(
            review_checkin, cid, float(baseline) if baseline is not None else None, local, tz
        )
        if verdict is not None and verdict.message:
            dispatcher.utter_message(text=verdict.message)
        elif verdict is not None and verdict.outcome != "no_plan":
            dispatcher.utter_message(text=CHECKIN_KEEP_GOING)
        summary = None
        if verdict is not None and verdict.outcome not in ("no_plan", "referral"):
            summary = await in_journal(weekly_summary_after_checkin, cid, local)
        if summary:
            dispatcher.utter_message(json_message=CHART_MESSAGE)
            dispatcher.utter_message(text=summary)
        if verdict is not None and verdict.outcome != "no_plan":
            dispatcher.utter_message(text=SESSION_OFFER, buttons=SESSION_OFFER_BUTTONS)
        if verdict is not None and verdict.outcome not in ("no_plan", "referral") and not summary:
            lesson = await in_journal(lesson_after_checkin, cid, local, tz)
            if lesson:
                dispatcher.utter_message(text=lesson)
        return clear

