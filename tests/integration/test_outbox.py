"""A safety record made while the database is down waits in the outbox and reaches the
journal, with its own time, once the database is back; erasure reaches it too."""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from bot import settings
from bot.store import journal, outbox
from bot.store.erasure import erase_person

#: Nothing listens on port 1: the database is down.
DOWN = "postgresql+psycopg2://postgres@127.0.0.1:1/backstep"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACKSTEP_DATA_DIR", str(tmp_path))
    settings.get_settings.cache_clear()
    yield tmp_path  # type: ignore[misc]
    settings.get_settings.cache_clear()


def test_a_red_flag_made_while_the_database_is_down_is_journaled_when_it_returns(
    db_url: str,
) -> None:
    stored = outbox.record_safety_event("alice", "red_flag", "cauda_equina", "numb", url=DOWN)
    assert stored is False
    assert journal.safety_events_for("alice", url=db_url) == []
    assert outbox.waiting() == 1
    made = datetime.fromisoformat(json.loads(outbox.outbox_path().read_text())["created_at"])
    time.sleep(0.05)

    assert outbox.flush(url=db_url) == 1

    [event] = journal.safety_events_for("alice", url=db_url)
    assert (event.kind, event.category, event.raw_text) == ("red_flag", "cauda_equina", "numb")
    assert event.created_at.replace(tzinfo=event.created_at.tzinfo or timezone.utc) == made
    assert outbox.waiting() == 0
    assert not outbox.outbox_path().exists()


def test_records_wait_in_order_and_the_next_record_flushes_them_first(db_url: str) -> None:
    outbox.record_safety_event("alice", "red_flag", "fracture", "fell", url=DOWN)
    outbox.record_safety_event("alice", "assessed", None, "GP saw me", url=DOWN)
    assert outbox.flush(url=DOWN) == 0  # still down: both stay
    assert outbox.waiting() == 2

    assert outbox.record_safety_event("alice", "red_flag", "infection", "fever", url=db_url)

    assert [e.kind for e in journal.safety_events_for("alice", url=db_url)] == [
        "red_flag", "assessed", "red_flag",
    ]


def test_the_waiting_file_is_readable_by_its_owner_only(db_url: str) -> None:
    outbox.record_safety_event("alice", "crisis", "crisis", "dark thoughts", url=DOWN)
    assert outbox.outbox_path().stat().st_mode & 0o077 == 0


def test_erasing_a_person_drops_their_waiting_records(db_url: str) -> None:
    outbox.record_safety_event("alice", "red_flag", "fracture", "fell", url=DOWN)
    outbox.record_safety_event("bob", "red_flag", "fracture", "slipped", url=DOWN)

    erase_person("alice", url=db_url)
    outbox.flush(url=db_url)

    assert journal.safety_events_for("alice", url=db_url) == []
    assert [e.raw_text for e in journal.safety_events_for("bob", url=db_url)] == ["slipped"]


def test_flush_if_waiting_looks_at_the_file_only_when_nothing_waits(db_url: str) -> None:
    # nothing waits: the database is not even asked (it is down here, and nothing fails)
    assert outbox.flush_if_waiting(url=DOWN) == 0
    outbox.record_safety_event("alice", "red_flag", "cauda_equina", "numb", url=DOWN)
    assert outbox.flush_if_waiting(url=DOWN) == 0  # still down: it waits on
    assert outbox.flush_if_waiting(url=db_url) == 1
    assert [e.kind for e in journal.safety_events_for("alice", url=db_url)] == ["red_flag"]


def test_before_each_update_a_record_that_waits_is_journaled_and_none_costs_a_thread(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """land_waiting_safety_records: nothing waiting, no thread is asked (a look at the
    file on the loop); a record waiting reaches the journal before the update goes on."""
    import asyncio

    from bot.telegram import upkeep

    threads: list[object] = []
    real_to_thread = asyncio.to_thread

    async def counting(func: Any, *args: Any, **kwargs: Any) -> Any:
        threads.append(func)
        return await real_to_thread(func, *args, **kwargs)

    monkeypatch.setattr(upkeep.asyncio, "to_thread", counting)
    asyncio.run(upkeep.land_waiting_safety_records(object(), None))  # type: ignore[arg-type]
    assert threads == []
    outbox.record_safety_event("alice", "red_flag", "cauda_equina", "numb", url=DOWN)
    asyncio.run(upkeep.land_waiting_safety_records(object(), None))  # type: ignore[arg-type]
    assert threads == [outbox.flush_if_waiting]
    assert [e.kind for e in journal.safety_events_for("alice", url=db_url)] == ["red_flag"]
