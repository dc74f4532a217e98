"""Questions about the programme are answered from it, in and out of the intake."""

from __future__ import annotations

import uuid

import pytest

from bot.content.questions import programme_questions
from tests.support.domain import domain_responses
from tests.support.runtime import RasaRuntime
from tests.support.transports import InProcessTransport

pytestmark = pytest.mark.model


def _chat(runtime: RasaRuntime) -> tuple[InProcessTransport, str]:
    return InProcessTransport(runtime), f"question-{uuid.uuid4().hex[:10]}"


def _texts(replies: list[dict[str, object]]) -> list[str]:
    return [str(r.get("text") or "") for r in replies]


def test_a_question_before_the_intake_is_answered_and_says_what_next(
    rasa_runtime: RasaRuntime,
) -> None:
    transport, sender = _chat(rasa_runtime)
    said = _texts(transport.send(sender, "is swimming ok for my back?"))
    topics = {t.name: t.answer for t in programme_questions().topics}
    assert said[0] == topics["activity"]
    assert said[-1] in domain_responses("utter_what_next")
    assert not any(s in domain_responses("utter_out_of_scope") for s in said)


def test_a_question_in_the_intake_is_answered_and_the_question_asked_again(
    rasa_runtime: RasaRuntime,
) -> None:
    transport, sender = _chat(rasa_runtime)
    transport.send(sender, "/start")
    transport.send(sender, "none of these")
    said = _texts(transport.send(sender, "how often should i do the exercises?"))
    topics = {t.name: t.answer for t in programme_questions().topics}
    assert said[0] == topics["how_often"]
    state = transport.state(sender)
    assert state["active_loop"]["name"] == "intake_form"
    assert state["slots"]["requested_slot"] == "pain_direction"


def test_a_dictated_question_with_weekdays_answers_no_question_of_the_intake(
    rasa_runtime: RasaRuntime,
) -> None:
    """No question mark, a habit's weekdays: the question is answered, the duration is
    asked again and stays unset."""
    transport, sender = _chat(rasa_runtime)
    transport.send(sender, "/start")
    transport.send(sender, "none of these")
    transport.send(sender, "bending forward")
    said = _texts(transport.send(
        sender, "I play bowls with the club on a Monday and Friday is it ok to carry on with that"
    ))
    topics = {t.name: t.answer for t in programme_questions().topics}
    assert said[0] == topics["activity"]
    state = transport.state(sender)
    assert state["slots"]["pain_duration_days"] is None
    assert state["slots"]["requested_slot"] == "pain_duration_days"


@pytest.mark.parametrize(
    ("answers", "message", "slot", "value", "next_slot"),
    [
        # the answer, then a question in the same message: both kept, the form goes on
        ([], "twelve days. is cycling to work still ok?", "pain_duration_days", 12, "flexibility"),
        ([], "it started last Monday. will swimming help?", "pain_duration_days", None,
         "flexibility"),
        (["12 days"], "i can reach my toes fine. should i keep up yoga?", "flexibility",
         "normal", "pain_score"),
    ],
)
def test_an_answer_then_a_question_keeps_the_answer_and_answers_the_question(
    rasa_runtime: RasaRuntime,
    answers: list[str],
    message: str,
    slot: str,
    value: object,
    next_slot: str,
) -> None:
    transport, sender = _chat(rasa_runtime)
    for text in ["/start", "none of these", "bending forward", *answers]:
        transport.send(sender, text)
    said = _texts(transport.send(sender, message))
    topics = {t.answer for t in programme_questions().topics}
    assert said[0] in topics, "the question is answered"
    state = transport.state(sender)
    assert state["slots"][slot] is not None and value in (None, state["slots"][slot])
    assert state["slots"]["requested_slot"] == next_slot, "the answer is not asked for again"
