"""Exercise sessions in the database: one per person and local day, each exercise's outcome,
the end answer and what the progression made of it.

Each function is one unit of work with its own session, and everything is reached through
the person's ``conversation_id``: a session id from a button is looked up only among the
sessions of the chat the tap came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.store.checkins import as_utc, utcnow
from bot.store.engine import session_scope
from bot.store.journal import find_person, rows_of
from bot.store.models import ExerciseResult, ExerciseSession, Person

OPEN, COMPLETE = "open", "complete"
#: The end answers, by the column each is kept in.
END_FIELDS = ("pain_during", "leg_pain_moved", "stretched")
Recorded = Literal["recorded", "answered_before", "finished", "unknown"]


@dataclass(frozen=True)
class ResultRecord:
    """One exercise of a session as stored."""

    position: int
    exercise_id: str
    minutes: int | None
    days_per_week: int | None
    outcome: str | None


@dataclass(frozen=True)
class SessionRecord:
    """A session as stored, with its exercises in order."""

    id: int
    local_date: date
    step: int
    regimen: str
    level: int
    status: str
    pain_during: str | None
    leg_pain_moved: bool | None
    stretched: bool | None
    change: str | None
    next_level: int | None
    message: str | None
    created_at: datetime
    completed_at: datetime | None
    results: tuple[ResultRecord, ...]


@dataclass(frozen=True)
class PlannedItem:
    """An exercise to store in a new session (aerobic: with minutes and days a week)."""

    exercise_id: str
    minutes: int | None = None
    days_per_week: int | None = None


def _record(session: Session, row: ExerciseSession) -> SessionRecord:
    results = session.execute(
        select(ExerciseResult)
        .where(ExerciseResult.session_id == row.id)
        .order_by(ExerciseResult.position)
    ).scalars()
    return SessionRecord(
        id=row.id,
        local_date=row.local_date,
        step=row.step,
        regimen=row.regimen,
        level=row.level,
        status=row.status,
        pain_during=row.pain_during,
        leg_pain_moved=row.leg_pain_moved,
        stretched=row.stretched,
        change=row.change,
        next_level=row.next_level,
        message=row.message,
        created_at=as_utc(row.created_at),
        completed_at=as_utc(row.completed_at) if row.completed_at else None,
        results=tuple(
            ResultRecord(r.position, r.exercise_id, r.minutes, r.days_per_week, r.outcome)
            for r in results
        ),
    )


def _own(session: Session, conversation_id: str, session_id: int) -> ExerciseSession | None:
    """The session ``session_id`` if it belongs to ``conversation_id``, else None."""
    return session.execute(
        select(ExerciseSession)
        .join(Person)
        .where(Person.conversation_id == conversation_id, ExerciseSession.id == session_id)
    ).scalar_one_or_none()


def _on(session: Session, conversation_id: str, local_date: date) -> ExerciseSession | None:
    return session.execute(
        select(ExerciseSession)
        .join(Person)
        .where(
            Person.conversation_id == conversation_id, ExerciseSession.local_date == local_date
        )
    ).scalar_one_or_none()


def create_session(
    conversation_id: str,
    local_date: date,
    *,
    step: int,
    regimen: str,
    level: int,
    items: Sequence[PlannedItem],
    url: str | None = None,
) -> SessionRecord:
    """Store the day's session with its exercises unanswered; if the day already has one
    (two taps at once), that one is returned unchanged."""
    for attempt in range(2):
        try:
            with session_scope(url) as session:
                existing = _on(session, conversation_id, local_date)
                if existing is not None:
                    return _record(session, existing)
                person = find_person(session, conversation_id, create=True)
                assert person is not None
                row = ExerciseSession(
                    person_id=person.id, local_date=local_date, step=step, regimen=regimen,
                    level=level, status=OPEN,
                )
                session.add(row)
                session.flush()
                for position, item in enumerate(items):
                    session.add(
                        ExerciseResult(
                            person_id=person.id, session_id=row.id, position=position,
                            exercise_id=item.exercise_id, minutes=item.minutes,
                            days_per_week=item.days_per_week,
                        )
                    )
                session.flush()
                return _record(session, row)
        except IntegrityError:
            if attempt == 1:
                raise
    raise AssertionError("unreachable")


def session_on(
    conversation_id: str, local_date: date, url: str | None = None
) -> SessionRecord | None:
    """The person's session of ``local_date``, if there is one."""
    with session_scope(url) as session:
        row = _on(session, conversation_id, local_date)
        return _record(session, row) if row is not None else None


def session_of(
    conversation_id: str, session_id: int, url: str | None = None
) -> SessionRecord | None:
    """The session ``session_id``, only if it is this person's."""
    with session_scope(url) as session:
        row = _own(session, conversation_id, session_id)
        return _record(session, row) if row is not None else None


def sessions_for(conversation_id: str, url: str | None = None) -> list[SessionRecord]:
    """Every session of one person, oldest first."""
    with session_scope(url) as session:
        rows = sorted(
            rows_of(session, ExerciseSession, conversation_id), key=lambda r: (r.local_date, r.id)
        )
        return [_record(session, row) for row in rows]


def record_outcome(
    conversation_id: str,
    session_id: int,
    position: int,
    outcome: str,
    *,
    now: datetime | None = None,
    url: str | None = None,
) -> tuple[Recorded, SessionRecord | None]:
    """Store how one exercise went, once: ``unknown`` when the session or the exercise is
    not this person's, ``finished`` when the session is over, ``answered_before`` when the
    exercise already has an outcome (the first tap counts). With the session as it is now."""
    with session_scope(url) as session:
        row = _own(session, conversation_id, session_id)
        if row is None:
            return "unknown", None
        result = session.execute(
            select(ExerciseResult).where(
                ExerciseResult.session_id == row.id, ExerciseResult.position == position
            )
        ).scalar_one_or_none()
        if result is None:
            return "unknown", _record(session, row)
        if row.status != OPEN:
            return "finished", _record(session, row)
        if result.outcome is not None:
            return "answered_before", _record(session, row)
        result.outcome = outcome
        result.answered_at = as_utc(now or utcnow())
        session.flush()
        return "recorded", _record(session, row)


def record_end_answer(
    conversation_id: str,
    session_id: int,
    field: str,
    value: str | bool,
    url: str | None = None,
) -> SessionRecord | None:
    """Store an end answer (``pain_during``, ``leg_pain_moved`` or ``stretched``) of an open
    session of this person's; None when there is no such open session."""
    if field not in END_FIELDS:
        raise ValueError(f"no end answer {field!r}")
    with session_scope(url) as session:
        row = _own(session, conversation_id, session_id)
        if row is None or row.status != OPEN:
            return None
        setattr(row, field, value)
        session.flush()
        return _record(session, row)


def complete_session(
    conversation_id: str,
    session_id: int,
    *,
    change: str | None,
    next_level: int,
    message: str,
    now: datetime | None = None,
    url: str | None = None,
) -> bool:
    """Close an open session with what the progression made of it; False if it was not
    open (already completed by another tap)."""
    with session_scope(url) as session:
        row = _own(session, conversation_id, session_id)
        if row is None:
            return False
        result = session.execute(
            update(ExerciseSession)
            .where(ExerciseSession.id == row.id, ExerciseSession.status == OPEN)
            .values(
                status=COMPLETE, change=change, next_level=next_level, message=message,
                completed_at=as_utc(now or utcnow()),
            )
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)
