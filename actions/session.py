"""The daily exercise session from the conversation: "today's exercises" starts it, and a
tap on one of its buttons (``/start_session{"session_tap": "..."}``) is answered.

The session itself is :mod:`bot.services.session`; this action only turns its cards into
Rasa messages (text, the exercise's animation as an image, buttons), so that every
channel that speaks Rasa shows them: REST as image messages, Telegram as animations with
their keyboards (``bot.telegram``), the terminal as text and the picture's path.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from bot.content.texts import NO_PLAN_YET, SOMETHING_WENT_WRONG
from bot.services import session

logger = logging.getLogger(__name__)

def _buttons(buttons: tuple[session.Button, ...]) -> list[dict[str, Any]]:
    return [{"title": b.title, "payload": session.tap_payload(b.data)} for b in buttons]


def _picture(card: session.Card) -> str | None:
    """The card's animation as a file URI, or None when it cannot be drawn."""
    try:
        return session.animation_file(card).resolve().as_uri()
    except Exception:  # a picture that cannot be drawn must not cost the exercise
        logger.exception("The picture of %s could not be drawn.", card.exercise.id)
        return None


class ActionSession(Action):
    """Starts today's session, or answers a tap on one of its buttons."""

    def name(self) -> str:
        return "action_session"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        tap = next(tracker.get_latest_entity_values(session.TAP_ENTITY), None)
        try:
            if tap is not None:
                await self._answer(dispatcher, tracker.sender_id, str(tap))
                return []
            running = bool((tracker.active_loop or {}).get("name"))
            return await self._start(dispatcher, tracker.sender_id, running)
        except SQLAlchemyError:
            logger.exception("The exercise session failed.")
            dispatcher.utter_message(text=SOMETHING_WENT_WRONG)
            return []

    async def _start(
        self, dispatcher: CollectingDispatcher, who: str, intake_running: bool
    ) -> list[EventType]:
        reply = await asyncio.to_thread(session.start_session, who)
        if reply.text == NO_PLAN_YET and not intake_running:
            # "want to see what exercises can do" before any plan: the questions that lead
            # to one start now, with whatever the message said about the back
            dispatcher.utter_message(response="utter_welcome")
            return [FollowupAction("intake_form")]
        dispatcher.utter_message(text=reply.text)
        for card in reply.cards:
            picture = await asyncio.to_thread(_picture, card)
            dispatcher.utter_message(text=card.text, image=picture, buttons=_buttons(card.buttons))
        if reply.question is not None:
            dispatcher.utter_message(
                text=reply.question.text, buttons=_buttons(reply.question.buttons)
            )
        return []

    async def _answer(self, dispatcher: CollectingDispatcher, who: str, data: str) -> None:
        reply = await asyncio.to_thread(session.answer_tap, who, data)
        said = [reply.ack, *[m for m in reply.messages if m != reply.ack]]
        for text in said:
            dispatcher.utter_message(text=text)
        if reply.question is not None:
            dispatcher.utter_message(
                text=reply.question.text, buttons=_buttons(reply.question.buttons)
            )
