"""Rasa's SQL tracker store, pointed at Backstep's own database (``BACKSTEP_DB_URL``).

Named in endpoints.yml, so that `rasa run`, `rasa shell`, the terminal chat and the
Telegram connector all keep conversations in the same place as the journal. It reads
and writes the same rows as Rasa's, with SQLAlchemy Core instead of one ORM object per
event: a turn reads and writes a few dozen events, and the objects were most of its cost.

The database is read and written in a worker thread, never on the event loop: a replica's
loop serves every chat it holds, and a query waiting for a busy PostgreSQL must not stall
them all. A turn that has read its conversation already (to look for a message that came
again, :mod:`bot.rasa.redelivery`) hands that tracker to the model's read of it
(:func:`reusing`), so a turn reads its conversation once.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import sessionmaker

from bot.rasa import patches
from bot.settings import application_name, get_settings, sqlite_file_pool

#: A tracker read in this turn, for the turn's next read of the same conversation (a
#: list, so that taking it is seen by every task of the turn).
_handed: ContextVar[list[DialogueStateTracker] | None] = ContextVar(
    "backstep_tracker_handed", default=None
)


@contextmanager
def reusing(tracker: DialogueStateTracker | None) -> Iterator[None]:
    """Inside this block, the next :meth:`BackstepTrackerStore.retrieve` of ``tracker``'s
    conversation returns ``tracker`` instead of reading it again (once; later reads go to
    the database). Only for a caller that holds the conversation's lock and has not
    changed ``tracker``: nothing can have written the conversation since it was read."""
    token = _handed.set([tracker] if tracker is not None else [])
    try:
        yield
    finally:
        _handed.reset(token)


def _take_handed(sender_id: str) -> DialogueStateTracker | None:
    handed = _handed.get()
    if handed and handed[0].sender_id == sender_id:
        return handed.pop()
    return None


#: How many events of its latest session the database holds, for the tracker a store read
#: or wrote last of each conversation (by sender id: that tracker, weakly, and the number).
StoredCounts = dict[str, tuple["weakref.ref[DialogueStateTracker]", int]]


def _stored_count(stored: StoredCounts, tracker: DialogueStateTracker) -> int | None:
    """The number remembered for this very tracker object, if any."""
    entry = stored.get(tracker.sender_id)
    return entry[1] if entry is not None and entry[0]() is tracker else None


def _remember(stored: StoredCounts, tracker: DialogueStateTracker, count: int | None) -> None:
    """Remember (or, with None, forget) what the database holds of ``tracker``."""
    sender_id = tracker.sender_id
    if count is None:
        stored.pop(sender_id, None)
        return

    def gone(ref: weakref.ref[DialogueStateTracker]) -> None:
        entry = stored.get(sender_id)
        if entry is not None and entry[0] is ref:
            del stored[sender_id]

    stored[sender_id] = (weakref.ref(tracker, gone), count)


class BackstepTrackerStore(SQLTrackerStore):
    """An :class:`SQLTrackerStore` whose URL defaults to Backstep's database."""

    engine: Engine

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        **kwargs: Any,
    ) -> None:
        patches.apply()
        self._stored: StoredCounts = {}
        url = host if host and "://" in host else get_settings().db_url
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            # Rasa retries forever while the file cannot be created.
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        self._ping_before_use(url)

    def _ping_before_use(self, url: str) -> None:
        """Rasa's engine hands out pooled connections untested: after the database was
        restarted the first turn got a dead one, failed, and the person's message was
        answered with an apology. Checked first (as :mod:`bot.store.engine` does), a dead
        connection is replaced before the turn."""
        self.engine.dispose()
        # Rasa's pool (SQL_POOL_SIZE / SQL_MAX_OVERFLOW, 50 / 100 unless set), its
        # connections named backstep-<role>-tracker on PostgreSQL
        kwargs = create_engine_kwargs(url)
        # on a SQLite file, connections kept open (a new one per read and write cost ~3 ms)
        kwargs.update(sqlite_file_pool(url))
        if make_url(url).get_backend_name() == "postgresql":
            kwargs["connect_args"] = {
                **kwargs.get("connect_args", {}), "application_name": application_name("tracker")
            }
        self.engine = create_engine(url, pool_pre_ping=True, **kwargs)
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session's tracker; the one handed over by :func:`reusing`, if any."""
        handed = _take_handed(sender_id)
        if handed is not None:
            return handed
        return await self._retrieve(sender_id, fetch_events_from_all_sessions=False)

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        """As Rasa's: the events of the latest session (or all), read as data, not objects,
        in a worker thread."""
        return await asyncio.to_thread(self._read, sender_id, fetch_events_from_all_sessions)

    def _read(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            query = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
            ).with_entities(self.SQLEvent.data)
            events = [json.loads(data) for (data,) in query.all()]
        if self.domain and events:
            tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
            if not fetch_events_from_all_sessions and len(tracker.events) == len(events):
                _remember(self._stored, tracker, len(events))
            return tracker
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        """As Rasa's: the events not stored yet, in one statement, in a worker thread (the
        turn waits for it, so the tracker does not change meanwhile)."""
        await self.stream_events(tracker)
        await asyncio.to_thread(self._write, tracker)

    def _write(self, tracker: DialogueStateTracker) -> None:
        """The events after those of the latest session stored, as Rasa's store finds them
        (it counts them in the database each save); counted only for a tracker this store
        has not read or written: a read knows how many it read, and a write adds those it
        wrote unless one starts a new session (the count then starts again from there)."""
        with self.session_scope() as session:
            stored = _stored_count(self._stored, tracker)
            if stored is None:
                stored = self._event_query(
                    session, tracker.sender_id, fetch_events_from_all_sessions=False
                ).count()
            new = list(itertools.islice(tracker.events, stored, len(tracker.events)))
            rows = []
            for event in new:
                data = event.as_dict()
                rows.append({
                    "sender_id": tracker.sender_id,
                    "type_name": event.type_name,
                    "timestamp": data.get("timestamp"),
                    "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
                    "action_name": data.get("name"),
                    "data": json.dumps(data),
                })
            if rows:
                session.execute(self.SQLEvent.__table__.insert(), rows)
            session.commit()
        starts_a_session = any(isinstance(event, SessionStarted) for event in new)
        _remember(self._stored, tracker, None if starts_a_session else stored + len(new))
