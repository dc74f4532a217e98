"""Questions about the programme: answered from the seed, or passed to a clinician."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import latest_text
from bot.content.questions import programme_questions
from bot.nlu.topics import best_topic


def answer_programme_question(dispatcher: CollectingDispatcher, text: str) -> None:
    """Say the programme's answer to the question ``text`` asks."""
    questions = programme_questions()
    dispatcher.utter_message(text=questions.answer(best_topic(text, questions.cues())))


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
