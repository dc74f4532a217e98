"""After an interruption the conversation goes on where it was, with every detail kept.

A clarifying safety question answered "no", asked before the intake started or in its
middle; the same hedged words said again; a new sign or a plain red flag after a "no"; a
two-part question answered by half; an answer added to with the next one.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from bot.content.texts import URGENT_MARK
from tests.support.runtime import RasaRuntime
from tests.support.scripted_user import is_clarifying_question
from tests.support.transports import InProcessTransport

pytestmark = pytest.mark.model

HEDGED = "i think my legs might be getting a bit weaker?"
OTHER_HEDGED = "not sure but my groin might be a bit numb"


class Chat:
    """One new person's conversation: what the bot said last, and what it holds."""

    def __init__(self, runtime: RasaRuntime) -> None:
        self.transport = InProcessTransport(runtime)
        self.id = f"interrupt-{uuid.uuid4().hex[:10]}"
        self.said: list[str] = []

    def say(self, text: str) -> list[str]:
        self.said = [str(r.get("text") or "") for r in self.transport.send(self.id, text)]
        return self.said

    @property
    def slots(self) -> dict[str, Any]:
        return dict(self.transport.state(self.id).get("slots") or {})

    def asks_about(self, slot: str) -> bool:
        state = self.transport.state(self.id)
        loop = (state.get("active_loop") or {}).get("name")
        return loop == "intake_form" and self.slots.get("requested_slot") == slot

    def clarifies(self) -> bool:
        return any(is_clarifying_question(t) for t in self.said)


@pytest.fixture
def chat(rasa_runtime: RasaRuntime) -> Chat:
    return Chat(rasa_runtime)


def test_a_no_before_the_intake_starts_it_with_the_details_already_given(chat: Chat) -> None:
    chat.say("it hurts when i bend forward, about 3 weeks now. " + HEDGED)
    assert chat.clarifies()
    chat.say("no")
    assert chat.asks_about("red_flag_screen"), chat.said
    assert chat.slots["pain_direction"] == "flexion"
    assert chat.slots["pain_duration_days"] == 21
    chat.say("none of these")
    assert chat.asks_about("flexibility"), "direction and duration are not asked again"


def test_a_no_in_the_middle_of_the_intake_goes_back_to_its_question(chat: Chat) -> None:
    chat.say("/start")
    chat.say("none of these")
    assert chat.asks_about("pain_direction")
    chat.say("bending forward hurts. " + HEDGED)
    assert chat.clarifies()
    chat.say("no")
    assert chat.slots["pain_direction"] == "flexion", "the answer beside the hedge is kept"
    assert chat.asks_about("pain_duration_days")


def test_the_same_hedged_words_are_not_asked_about_twice(chat: Chat) -> None:
    chat.say("/start")
    chat.say("none of these")
    chat.say(HEDGED)
    assert chat.clarifies()
    chat.say("no")
    chat.say(HEDGED)
    assert not chat.clarifies(), chat.said
    assert not any(t.startswith(URGENT_MARK) for t in chat.said)
    assert chat.asks_about("pain_direction")


def test_a_new_sign_after_a_no_is_asked_about(chat: Chat) -> None:
    chat.say(HEDGED)
    chat.say("no")
    chat.say(OTHER_HEDGED)
    assert chat.clarifies(), chat.said


def test_a_plain_red_flag_after_a_no_escalates(chat: Chat) -> None:
    chat.say(HEDGED)
    chat.say("no")
    replies = chat.say("i wet myself this morning and didn't feel it")
    assert replies[0].startswith(URGENT_MARK)


def test_a_no_that_speaks_of_something_else_answers_the_check_only(chat: Chat) -> None:
    chat.say("/start")
    chat.say("none of these")
    chat.say("bending forward hurts")
    assert chat.asks_about("pain_duration_days")
    chat.say(HEDGED)
    assert chat.clarifies()
    chat.say("no, been off the booze since August, that's all")
    assert chat.slots.get("pain_duration_days") is None, "a start said of the booze is no answer"
    assert chat.asks_about("pain_duration_days"), chat.said
    chat.say("no, my legs are fine. The pain has been there three weeks")
    assert chat.slots["pain_duration_days"] == 21


def test_a_no_that_explains_changes_no_answer_already_given(chat: Chat) -> None:
    chat.say("/start")
    chat.say("none of these")
    chat.say("bending forward hurts")
    chat.say("3 weeks")
    chat.say("I can touch my toes easily")
    assert chat.slots["flexibility"] == "normal"
    chat.say(HEDGED)
    assert chat.clarifies()
    chat.say("no, I meant my back is stiff, my legs are not weak")
    assert chat.slots["flexibility"] == "normal", "an explanation is no new answer"
    assert chat.asks_about("pain_score"), chat.said


def test_thanks_before_anything_has_started_says_what_comes_next(chat: Chat) -> None:
    said = " ".join(chat.say("/thank"))
    assert "start" in said.lower()  # not a bare "you're welcome" that ends on nothing
    chat.say("/start")
    assert chat.asks_about("red_flag_screen")
    said = " ".join(chat.say("/thank"))
    assert said.startswith("You're welcome") and "say \"start\"" not in said



def test_half_an_answer_is_kept_and_only_the_other_half_asked(chat: Chat) -> None:
    chat.say("/start")
    chat.say("none of these")
    chat.say("bending forward hurts")
    chat.say("3 weeks")
    said = " ".join(chat.say("it has never locked up or gone into spasm"))
    assert chat.slots["spasm"] is False
    assert "didn't quite catch" not in said
    assert chat.asks_about("flexibility") and "hasn't locked up" in said
    assert "or is your back locked up" not in said  # the half already answered
    chat.say("they feel tight")
    assert chat.slots["flexibility"] == "tight" and chat.slots["spasm"] is False
    assert chat.asks_about("pain_score"), chat.said


def test_a_direction_added_with_the_next_answer_makes_it_both(chat: Chat) -> None:
    chat.say("/start")
    chat.say("none of these")
    chat.say("bending forward hurts")
    assert chat.slots["pain_direction"] == "flexion"
    chat.say("3 weeks. Oh and I forgot, standing for long brings it on too")
    assert chat.slots["pain_direction"] == "both"
    assert chat.slots["pain_duration_days"] == 21
    chat.say("I can touch my toes")
    assert chat.slots["pain_direction"] == "both", "kept"


def test_an_answer_after_a_question_of_ones_own_is_taken(chat: Chat) -> None:
    chat.say("/start")
    chat.say("none of these")
    chat.say("bending forward hurts")
    chat.say("3 weeks")
    chat.say("they feel tight")
    chat.say("5")
    assert chat.asks_about("leg_pain")
    said = " ".join(chat.say("Should I worry about that? Anyway, no, it stays in my back"))
    assert chat.slots["leg_pain"] is False, chat.said
    assert "didn't quite catch" not in said
    assert not chat.asks_about("leg_pain"), chat.said
