"""The conversation store: the same rows as Rasa's own SQL tracker store, on both databases."""

from __future__ import annotations

import asyncio
from functools import cache
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text

from bot.rasa.tracker_store import BackstepTrackerStore, reusing
from bot.store.engine import dispose_engines, get_engine
from tests.support.paths import ROOT as PROJECT_ROOT
from tests.support.postgres import ThrowawayCluster, find_pg_bin


@cache
def _domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def _turn(text_: str, score: float) -> list[Any]:
    return [
        UserUttered(text_, {"name": "inform", "confidence": 0.9}),
        SlotSet("pain_score", score),
        ActionExecuted("utter_ask_leg_pain"),
        BotUttered("Does the pain spread down into either leg?"),
        ActionExecuted("action_listen"),
    ]


def _states(store: Any, sender: str) -> dict[str, Any]:
    tracker = asyncio.run(store.retrieve(sender))
    assert tracker is not None
    return dict(tracker.current_state())


def test_a_conversation_is_kept_as_rasa_keeps_it(db_url: str) -> None:
    """Two turns saved by Backstep's store, turn by turn: each event is stored once, and
    Rasa's own store reads back the very conversation Backstep's store does."""
    ours = BackstepTrackerStore(domain=_domain())
    rasas = SQLTrackerStore(domain=_domain(), host=db_url)
    first = _turn("about a 6", 6.0)
    asyncio.run(ours.save(DialogueStateTracker.from_events("anna", first, _domain().slots)))
    both = first + _turn("no, actually a 7", 7.0)
    tracker = DialogueStateTracker.from_events("anna", both, _domain().slots)
    asyncio.run(ours.save(tracker))
    with get_engine(db_url).connect() as conn:
        rows = conn.execute(
            text("SELECT type_name, intent_name, action_name FROM events "
                 "WHERE sender_id = 'anna' ORDER BY id")
        ).all()
    assert len(rows) == len(both)
    assert rows[0] == ("user", "inform", None) and rows[2] == ("action", None, "utter_ask_leg_pain")
    assert _states(ours, "anna") == _states(rasas, "anna")
    assert _states(ours, "anna")["slots"]["pain_score"] == 7.0
    # and what Rasa's store wrote, Backstep's reads
    asyncio.run(rasas.save(DialogueStateTracker.from_events("ben", first, _domain().slots)))
    assert _states(ours, "ben") == _states(rasas, "ben")
    assert asyncio.run(ours.retrieve("nobody")) is None
    ours.engine.dispose()
    rasas.engine.dispose()
    dispose_engines()


def _stored_rows(db_url: str, sender: str) -> list[tuple[Any, ...]]:
    with get_engine(db_url).connect() as conn:
        return [tuple(row) for row in conn.execute(
            text("SELECT type_name, intent_name, action_name FROM events "
                 "WHERE sender_id = :sender ORDER BY id"), {"sender": sender}
        )]


def test_saving_a_tracker_read_counts_nothing_and_stores_what_rasas_store_does(
    db_url: str,
) -> None:
    """A tracker read (or saved) by Backstep's store is saved again without counting its
    stored events in the database, and the rows are the ones Rasa's store writes for the
    same saves, a new session started in between included (after which it counts)."""
    ours = BackstepTrackerStore(domain=_domain())
    rasas = SQLTrackerStore(domain=_domain(), host=db_url)
    counts: list[str] = []
    real_query = ours._event_query

    def spy(session: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        counts.append(sender_id)
        return real_query(session, sender_id, fetch_events_from_all_sessions)

    ours._event_query = spy  # type: ignore[method-assign]
    new_session = [ActionExecuted("action_session_start"), SessionStarted(),
                   ActionExecuted("action_listen")]
    saves = [_turn("about a 6", 6.0), _turn("a 7", 7.0), new_session + _turn("a 5", 5.0),
             _turn("a 4", 4.0)]

    async def conversation(store: Any, sender: str) -> None:
        first = DialogueStateTracker.from_events(sender, saves[0], _domain().slots)
        await store.save(first)
        tracker = await store.retrieve(sender)
        for events in saves[1:]:
            for event in events:
                tracker.update(event)
            await store.save(tracker)

    asyncio.run(conversation(ours, "anna"))
    # one count for the tracker never read, one read, none for the read tracker's saves
    # until a new session started in the save before
    assert counts == ["anna", "anna", "anna"]
    asyncio.run(conversation(rasas, "ben"))
    assert _stored_rows(db_url, "anna") == _stored_rows(db_url, "ben")
    assert _states(ours, "anna") == _states(rasas, "ben") | {"sender_id": "anna"}
    ours.engine.dispose()
    rasas.engine.dispose()
    dispose_engines()


def test_a_turn_reads_its_conversation_once_and_never_on_the_event_loop(db_url: str) -> None:
    """A tracker handed over with ``reusing`` is the next read of its conversation (once;
    other conversations and later reads go to the database), and the database is read
    and written in a worker thread."""
    import threading

    store = BackstepTrackerStore(domain=_domain())
    threads: list[bool] = []
    for name in ("_read", "_write"):
        real = getattr(store, name)

        def spy(*args: Any, _real: Any = real) -> Any:
            threads.append(threading.current_thread() is threading.main_thread())
            return _real(*args)

        setattr(store, name, spy)

    async def turn() -> None:
        for sender, score in (("anna", 6.0), ("ben", 5.0)):
            events = _turn(f"a {score:.0f}", score)
            await store.save(DialogueStateTracker.from_events(sender, events, _domain().slots))
        read = await store.retrieve("anna")
        assert read is not None
        with reusing(read):
            assert await store.retrieve("ben") is not read  # another conversation: read
            assert await store.retrieve("anna") is read  # handed over, not read again
            again = await store.retrieve("anna")  # once only
            assert again is not None and again is not read
        assert await store.retrieve("anna") is not read

    asyncio.run(turn())
    assert threads and not any(threads)  # 2 writes, 4 reads: none on the loop's thread
    assert len(threads) == 6
    store.engine.dispose()
    dispose_engines()


def test_a_database_restarted_while_no_one_wrote_costs_no_turn() -> None:
    """The connections kept open from before a restart are dead; the first read after it
    gets a live one (Rasa's engine did not check, and that turn failed)."""
    if find_pg_bin() is None:
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed")
    with ThrowawayCluster() as pg:
        store = BackstepTrackerStore(domain=_domain(), host=pg.url)
        tracker = DialogueStateTracker.from_events("anna", _turn("about a 6", 6.0), _domain().slots)
        asyncio.run(store.save(tracker))
        assert _states(store, "anna")["slots"]["pain_score"] == 6.0  # a pooled connection
        pg.stop()
        pg.start()
        assert _states(store, "anna")["slots"]["pain_score"] == 6.0
        store.engine.dispose()
