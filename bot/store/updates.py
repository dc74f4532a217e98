"""Telegram updates already handled, so that one delivered twice (a webhook retry, a
restart before the offset was confirmed) is handled once (:mod:`bot.telegram.once`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from bot.store.engine import session_scope
from bot.store.models import SeenUpdate, utcnow

#: How long an update id is remembered (Telegram retries for a day at most).
KEEP_FOR = timedelta(days=7)


def handled_before(update_id: int, url: str | None = None) -> bool:
    """Whether ``update_id`` was handled already."""
    with session_scope(url) as session:
        return session.get(SeenUpdate, update_id) is not None


def remember(update_id: int, url: str | None = None, now: datetime | None = None) -> None:
    """Mark ``update_id`` as handled (once; a second mark changes nothing)."""
    try:
        with session_scope(url) as session:
            session.add(SeenUpdate(update_id=update_id, seen_at=now or utcnow()))
    except IntegrityError:
        pass


def forget_old(url: str | None = None, now: datetime | None = None) -> int:
    """Drop the ids older than :data:`KEEP_FOR`; how many went."""
    cutoff = (now or utcnow()) - KEEP_FOR
    with session_scope(url) as session:
        result = session.execute(delete(SeenUpdate).where(SeenUpdate.seen_at < cutoff))
        return int(result.rowcount or 0)
