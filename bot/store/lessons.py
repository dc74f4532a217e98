"""Which short lessons a person has been sent, and when (one unit of work per call).

Every read is scoped to one ``conversation_id``: a person's data is reachable only
through their own chat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.store.engine import session_scope
from bot.store.journal import find_person, rows_of
from bot.store.models import LessonSent


@dataclass(frozen=True)
class SentLesson:
    """A lesson sent: its id and when."""

    lesson_id: str
    created_at: datetime


def lessons_sent(conversation_id: str, url: str | None = None) -> list[SentLesson]:
    """Every lesson sent to the person, oldest first."""
    with session_scope(url) as session:
        return [SentLesson(row.lesson_id, row.created_at)
                for row in rows_of(session, LessonSent, conversation_id)]


def record_lesson(
    conversation_id: str, lesson_id: str, *, now: datetime | None = None,
    url: str | None = None,
) -> None:
    """Note that a lesson was sent (the person is created on first use)."""
    with session_scope(url) as session:
        person = find_person(session, conversation_id, create=True)
        assert person is not None
        row = LessonSent(person_id=person.id, lesson_id=lesson_id)
        if now is not None:
            row.created_at = now
        session.add(row)
