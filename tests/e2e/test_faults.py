"""Faults the person must never feel as silence or as a lost warning, simulated in this
process: the database that holds the conversation goes down in the middle of it, and comes
back; a message comes again after its turn was run. (The same faults done to real
processes: ``test_fault_suite.py``.)"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from bot import settings
from bot.content.texts import SOMETHING_WENT_WRONG, SOMETHING_WENT_WRONG_SIGNS, URGENT_MARK
from bot.rasa.runtime import respond
from bot.rasa.tracker_store import BackstepTrackerStore
from bot.store import journal, outbox
from tests.support.domain import domain_response
from tests.support.runtime import RasaRuntime
from tests.support.transports import InProcessTransport

pytestmark = pytest.mark.model


def _down(*args: Any, **kwargs: Any) -> Any:
    raise OperationalError("SELECT ...", None, ConnectionRefusedError("database down"))


@contextmanager
def database_down(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The conversation's database refuses every connection until the block ends."""
    with monkeypatch.context() as patch:
        patch.setattr(BackstepTrackerStore, "session_scope", _down)
        yield


@pytest.fixture
def transport(rasa_runtime: RasaRuntime, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[InProcessTransport]:
    monkeypatch.setenv("BACKSTEP_DATA_DIR", str(tmp_path))
    settings.get_settings.cache_clear()
    yield InProcessTransport(rasa_runtime)
    settings.get_settings.cache_clear()


def _texts(replies: list[dict[str, Any]]) -> list[str]:
    return [str(r.get("text") or "") for r in replies]


def test_a_red_flag_while_the_database_is_down_still_gets_its_escalation(
    transport: InProcessTransport, rasa_runtime: RasaRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = f"fault-{uuid.uuid4().hex[:8]}"
    transport.send(person, "hi, my lower back hurts")
    with database_down(monkeypatch):
        said = _texts(transport.send(person, "since today I can't feel my bum, I wet myself"))
    assert said[0].startswith(URGENT_MARK)
    assert "emergency" in said[0]
    # journaled (or waiting for the journal), never lost
    outbox.flush(url=rasa_runtime.db_url)
    kinds = [e.kind for e in journal.safety_events_for(person, url=rasa_runtime.db_url)]
    assert "red_flag" in kinds


def test_an_ordinary_message_while_the_database_is_down_gets_a_plain_apology(
    transport: InProcessTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = f"fault-{uuid.uuid4().hex[:8]}"
    with database_down(monkeypatch):
        assert _texts(transport.send(person, "it hurts when I bend over")) == [
            SOMETHING_WENT_WRONG
        ]
        # a possible warning sign is not silently cleared
        assert _texts(transport.send(person, "I might have a bit of a temperature?")) == [
            SOMETHING_WENT_WRONG_SIGNS
        ]
        # someone else's emergency still gets the advice about them
        said = _texts(transport.send(person, "my grandad fell in the garden, his back is agony"))
        assert said == [
            domain_response("utter_red_flag_other", other_red_flag="fracture"),
            SOMETHING_WENT_WRONG,
        ]


def test_when_the_database_is_back_the_conversation_goes_on_where_it_was(
    transport: InProcessTransport, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = f"fault-{uuid.uuid4().hex[:8]}"
    transport.send(person, "/start")
    transport.send(person, "no, none of those")
    before = transport.state(person)["slots"]
    assert before["requested_slot"] == "pain_direction"
    with database_down(monkeypatch):
        transport.send(person, "bending forward")
    # the message during the outage was not handled on an empty conversation: the intake
    # is where it was, and the answer can be given again
    after = transport.state(person)["slots"]
    assert after["requested_slot"] == "pain_direction"
    assert after["red_flag_screen"] == before["red_flag_screen"]
    transport.send(person, "bending forward")
    assert transport.state(person)["slots"]["pain_direction"] == "flexion"


def test_invisible_marks_inside_words_do_not_hide_a_red_flag(
    transport: InProcessTransport,
) -> None:
    person = f"fault-{uuid.uuid4().hex[:8]}"
    hidden = "I can\u2019t control my bl\u200badder and my gro\u202ein is numb"
    said = _texts(transport.send(person, hidden))
    assert said[0].startswith(URGENT_MARK)


def test_a_message_that_comes_again_after_its_turn_gets_that_turns_replies(
    transport: InProcessTransport, rasa_runtime: RasaRuntime
) -> None:
    """The process died after the turn was saved but before its replies went out: the
    message comes again with the same id, and gets the replies it never got, not a second
    turn (which read "bending forward" as how long the pain had lasted)."""
    person = f"fault-{uuid.uuid4().hex[:8]}"
    transport.send(person, "/start")
    transport.send(person, "no, none of those")

    def say(text: str, message_id: str) -> list[dict[str, Any]]:
        return rasa_runtime.loop.run_until_complete(
            respond(rasa_runtime.agent, text, person, message_id=message_id)
        )

    first = say("bending forward", "telegram-7001")
    assert _texts(first) == [domain_response("utter_ask_pain_duration_days")]
    assert say("bending forward", "telegram-7001") == first  # buttons and all
    state = transport.state(person)
    assert state["slots"]["requested_slot"] == "pain_duration_days"
    users = [e for e in state["events"] if e["event"] == "user"]
    assert [e["text"] for e in users].count("bending forward") == 1
    assert [a.slot for a in journal.answers_for(person, url=rasa_runtime.db_url)].count(
        "pain_direction"
    ) == 1
    # a new message (another id) is a new turn
    assert _texts(say("about three weeks", "telegram-7002")) == [
        domain_response("utter_ask_flexibility")
    ]
