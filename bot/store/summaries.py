"""The weekly summaries sent to each person, and when (one unit of work per call).

A summary is recorded before it goes out (one per person and local day: the unique row
refuses a second), so two check-ins finishing at once cannot both send it. Every read is
scoped to one ``conversation_id``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError

from bot.store.engine import session_scope
from bot.store.journal import find_person, rows_of
from bot.store.models import WeeklySummary


@dataclass(frozen=True)
class SentSummary:
    """A weekly summary sent: the person's local day, what it said, and when."""

    local_date: date
    message: str
    created_at: datetime


def summaries_for(conversation_id: str, url: str | None = None) -> list[SentSummary]:
    """Every weekly summary sent to the person, oldest first."""
    with session_scope(url) as session:
        return [SentSummary(row.local_date, row.message, row.created_at)
                for row in rows_of(session, WeeklySummary, conversation_id)]


def record_summary(
    conversation_id: str, local_date: date, message: str, *, now: datetime | None = None,
    url: str | None = None,
) -> bool:
    """Claim the person's summary for ``local_date``; False when one is already recorded
    for that day (it is not sent again)."""
    try:
        with session_scope(url) as session:
            person = find_person(session, conversation_id, create=True)
            assert person is not None
            row = WeeklySummary(person_id=person.id, local_date=local_date, message=message)
            if now is not None:
                row.created_at = now
            session.add(row)
    except IntegrityError:
        return False
    return True
