"""Erasing a person: every journal row, their schedule, check-ins, exercise sessions,
lessons and weekly summaries, safety records waiting in the outbox, and Rasa's events.

What /delete does, on any channel (a test checks every table afterwards).
"""

from __future__ import annotations

from sqlalchemy import delete, inspect, text

from bot.store import outbox
from bot.store.engine import get_engine, session_scope
from bot.store.journal import find_person
from bot.store.models import (
    Answer,
    Checkin,
    ExerciseResult,
    ExerciseSession,
    LessonSent,
    Person,
    RecommendationRecord,
    Referral,
    SafetyEvent,
    Schedule,
    WeeklySummary,
)

#: Every table that holds something about a person (erased with them).
PERSON_TABLES = (
    Answer, RecommendationRecord, SafetyEvent, Schedule, Checkin, Referral, ExerciseResult,
    ExerciseSession, LessonSent, WeeklySummary,
)
#: Rasa's tracker-store table (events keyed by sender id, the chat id).
RASA_EVENTS_TABLE = "events"


def erase_person(conversation_id: str, url: str | None = None) -> bool:
    """Erase everything about one person: journal rows, schedule, and Rasa's events.

    Returns True when there was anything to erase.
    """
    erased = False
    outbox.forget(conversation_id)
    with session_scope(url) as session:
        person = find_person(session, conversation_id)
        if person is not None:
            for model in PERSON_TABLES:
                session.execute(delete(model).where(model.person_id == person.id))
            session.execute(delete(Person).where(Person.id == person.id))
            erased = True
        if inspect(get_engine(url)).has_table(RASA_EVENTS_TABLE):
            result = session.execute(
                text(f"DELETE FROM {RASA_EVENTS_TABLE} WHERE sender_id = :sender"),
                {"sender": conversation_id},
            )
            erased = erased or bool(result.rowcount)
    return erased

