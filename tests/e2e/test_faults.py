"""Faults the person must never feel as silence or as a lost warning: the database that
holds the conversation goes down in the middle of it, and comes back."""

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
