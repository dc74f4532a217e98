"""Today's exercises asked for in words, through Rasa as Backstep's channels collect it:
each exercise a message with its animation as an image and its buttons, each tap a
payload that Rasa hands back to the session, everything journaled."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from bot.content import session_texts as words
from bot.content.texts import NO_PLAN_YET
from bot.store import sessions
from tests.support.domain import domain_response
from tests.support.runtime import RasaRuntime
from tests.support.transports import InProcessTransport

pytestmark = pytest.mark.model

INTAKE = (
    "it hurts when I bend forward, for three weeks, I'm fairly flexible, pain 6/10, "
    "no leg pain"
)


@pytest.fixture
def rest(rasa_runtime: RasaRuntime) -> InProcessTransport:
    return InProcessTransport(rasa_runtime)


def _payload(message: dict[str, Any], title: str) -> str:
    return next(str(b["payload"]) for b in message["buttons"] if b["title"] == title)


def test_before_a_plan_the_questions_that_lead_to_one_start(rest: InProcessTransport) -> None:
    person = f"words-{uuid.uuid4().hex[:8]}"
    said = rest.send(person, "my lower back is sore, what exercises should I do today?")
    assert said[0]["text"] == domain_response("utter_welcome")
    assert said[-1]["text"] == domain_response("utter_ask_red_flag_screen")
    # the screen answered, the intake goes on; no plan, so no session
    said = rest.send(person, _payload(said[-1], "None of these"))
    assert said[-1]["text"] == domain_response("utter_ask_pain_direction")
    said = rest.send(person, "today's exercises please")
    assert said[0]["text"] == NO_PLAN_YET
    assert said[-1]["text"] == domain_response("utter_ask_pain_direction")


def test_today_s_exercises_in_words_then_taps_as_payloads(rest: InProcessTransport) -> None:
    person = f"words-{uuid.uuid4().hex[:8]}"
    screen = rest.send(person, "/start")[-1]
    rest.send(person, _payload(screen, "None of these"))
    said = rest.send(person, INTAKE)
    assert "McKenzie" in " ".join(str(m.get("text")) for m in said)
    # asked in the middle of choosing the check-in time, the session comes and the form
    # asks its question again
    during = rest.send(person, "what are my exercises for today then?")
    assert during[0]["text"].startswith("Today's session:")
    assert during[-1]["text"].startswith("I'll check in once a day")
    rest.send(person, _payload(during[-1], "Not now"))

    said = rest.send(person, "ok, give me today's exercises")
    # the session begun is carried on
    assert said[0]["text"] == words.SESSION_CARRY_ON.format(answered=0, count=1)
    # the exercise is one message: its words, its buttons and its animation
    [card] = [m for m in said if m.get("image")]
    image = card["image"]
    picture = Path(unquote(urlparse(image).path))
    assert image.startswith("file://") and picture.read_bytes().startswith(b"GIF89a")
    assert card["text"].startswith("Lying face down\n")
    assert [b["title"] for b in card["buttons"]] == ["Done", "Partly", "Skip", "It hurt"]

    said = rest.send(person, _payload(card, "Done"))
    assert [m.get("text") for m in said] == ["Noted: done.", words.PAIN_QUESTION]
    said = rest.send(person, _payload(said[-1], "Better"))
    assert [m.get("text") for m in said] == ["Better: noted.", words.LEG_QUESTION]
    said = rest.send(person, _payload(said[-1], "No"))
    assert said[0]["text"] == "No: noted."
    assert said[-1]["text"].startswith("1 of 1 exercise done, pain better during the session.")

    [stored] = sessions.sessions_for(person)
    assert (stored.status, stored.pain_during, stored.leg_pain_moved) == (
        "complete", "better", False
    )
    # the same button again changes nothing
    again = rest.send(person, _payload(card, "It hurt"))
    assert again[0]["text"] == words.STALE_BUTTON
    assert [r.outcome for r in sessions.sessions_for(person)[0].results] == ["done"]
