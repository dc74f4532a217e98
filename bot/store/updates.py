"""Telegram updates already taken in, so that one delivered twice (a webhook retry, a
restart before the offset was confirmed) is handled once."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from bot.store.engine import session_scope
from bot.store.models import SeenUpdate, utcnow

#: How long an update id is remembered (Telegram retries for a day at most).
KEEP_FOR = timedelta(days=7)


def first_time(update_id: int, url: str | None = None, now: datetime | None = None) -> bool:
    """Mark ``update_id`` as taken in; False if it already was (then leave it alone)."""
    try:
        with session_scope(url) as session:
            session.add(SeenUpdate(update_id=update_id, seen_at=now or utcnow()))
    except IntegrityError:
        return False
    return True


def forget_old(url: str | None = None, now: datetime | None = None) -> int:
    """Drop the ids older than :data:`KEEP_FOR`; how many went."""
    cutoff = (now or utcnow()) - KEEP_FOR
    with session_scope(url) as session:
        result = session.execute(delete(SeenUpdate).where(SeenUpdate.seen_at < cutoff))
        return int(result.rowcount or 0)
