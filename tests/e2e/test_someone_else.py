"""Someone else's emergency, through the trained model: urgent advice about them, and the
conversation about the writer goes on after it."""

from __future__ import annotations

import pytest

from bot.content.texts import URGENT_MARK
from bot.store import journal
from tests.e2e.test_conversations import QUESTION, Person, asks
from tests.support.domain import domain_response
from tests.support.runtime import RasaRuntime

pytestmark = pytest.mark.model

FOR_THEM = domain_response("utter_red_flag_other", other_red_flag="fracture")


@pytest.fixture
def person(rasa_runtime: RasaRuntime) -> Person:
    return Person(rasa_runtime)


def test_a_relatives_fall_gets_advice_about_them_then_the_intake_starts(person: Person) -> None:
    replies = person.say("my nan slipped on the stairs this morning and her back is agony")
    assert replies[0] == FOR_THEM
    assert "them" in replies[0] and "ambulance" in replies[0]
    # nothing is journaled or paused for the writer
    assert journal.safety_events_for(person.id) == []
    assert asks(person.say("/start"), "red_flag_screen")
    assert asks(person.say("none of these"), "pain_direction")


def test_in_the_middle_of_the_intake_the_question_comes_again(person: Person) -> None:
    person.say("/start")
    person.say("no")
    replies = person.say("sorry, my husband just told me he can't feel between his legs")
    assert replies[0].startswith(URGENT_MARK) and "them" in replies[0]
    assert replies[0] != QUESTION["pain_direction"]
    assert asks(replies, "pain_direction")
    assert asks(person.say("bending forward"), "pain_duration_days")


def test_the_writers_own_sign_is_still_the_writers(person: Person) -> None:
    replies = person.say("my wife noticed I've been dragging my left foot since Monday")
    assert replies[0].startswith(URGENT_MARK)
    assert "them" not in replies[0].split(".")[0]
    [event] = journal.safety_events_for(person.id)
    assert event.category == "neuro_deficit"


def test_what_is_said_of_them_answers_nothing_about_the_writer(person: Person) -> None:
    person.say("/start")
    person.say("no")
    replies = person.say("my husband's back hurts when he bends forward and he can't feel "
                         "between his legs")
    assert replies[0].startswith(URGENT_MARK)
    assert asks(replies, "pain_direction")  # the writer's question, again
    assert all(a.slot != "pain_direction" for a in journal.answers_for(person.id))
    assert asks(person.say("leaning back"), "pain_duration_days")
