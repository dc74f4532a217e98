"""The journal's tables. Alembic (``migrations/``) owns the schema; keep both in step."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeMeta, declared_attr, registry

mapper_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """Declarative base (the typed form of ``declarative_base()`` in SQLAlchemy 1.4)."""

    __abstract__ = True
    registry = mapper_registry
    metadata = mapper_registry.metadata
    __init__ = mapper_registry.constructor


def utcnow() -> datetime:
    """Timezone-aware current time in UTC."""
    return datetime.now(timezone.utc)


class Row:
    """Every journal row: an id and the time it was written."""

    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class PersonRow(Row):
    """A row that belongs to one person (and goes when they are erased)."""

    @declared_attr
    def person_id(cls) -> Column:  # noqa: N805
        return Column(
            Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True
        )


class Person(Row, Base):
    """Someone talking to Backstep; ``conversation_id`` is the Rasa sender id (the chat id)."""

    __tablename__ = "people"

    conversation_id = Column(String(255), nullable=False, unique=True)


class Answer(PersonRow, Base):
    """One answer given in a conversation: the slot it filled, the value and the raw text."""

    __tablename__ = "answers"

    slot = Column(String(64), nullable=False)
    value = Column(Text, nullable=True)
    accepted = Column(Boolean, nullable=False, default=True)
    raw_text = Column(Text, nullable=True)


class RecommendationRecord(PersonRow, Base):
    """A recommendation given: the step to do now, its regimen and the rule that chose it."""

    __tablename__ = "recommendations"

    step = Column(Integer, nullable=False)
    regimen = Column(String(64), nullable=False)
    next_regimen = Column(String(64), nullable=True)
    aerobic = Column(Boolean, nullable=False, default=False)
    rule = Column(String(64), nullable=False)
    message = Column(Text, nullable=False)


class SafetyEvent(PersonRow, Base):
    """A red flag, a crisis, or the clinician's all-clear that resumes the plan."""

    __tablename__ = "safety_events"

    kind = Column(String(32), nullable=False)
    category = Column(String(32), nullable=True)
    raw_text = Column(Text, nullable=True)


class Schedule(PersonRow, Base):
    """A person's daily check-in: local time, time zone, and the next instant it is due."""

    __tablename__ = "schedules"
    __table_args__ = (UniqueConstraint("person_id", name="uq_schedules_person_id"),)

    at_time = Column(String(5), nullable=False)  # "HH:MM", local time
    tz = Column(String(64), nullable=False)  # IANA key or "UTC+05:30"
    paused = Column(Boolean, nullable=False, default=False)
    next_due_at = Column(DateTime(timezone=True), nullable=False, index=True)


class Checkin(PersonRow, Base):
    """One local day's check-in: its delivery (claimed, then sent) and the answers given.

    The unique (person, local day) pair is what makes a check-in go out once a day.
    """

    __tablename__ = "checkins"
    __table_args__ = (
        UniqueConstraint("person_id", "local_date", name="uq_checkins_person_id_local_date"),
    )

    local_date = Column(Date, nullable=False)
    status = Column(String(16), nullable=False)  # claimed, sent, failed, asked (by /checkin)
    sent_at = Column(DateTime(timezone=True), nullable=True)
    opened_at = Column(DateTime(timezone=True), nullable=True)
    pain = Column(Float, nullable=True)
    trend = Column(String(8), nullable=True)
    exercises = Column(String(8), nullable=True)
    trigger = Column(Text, nullable=True)
    warning_signs = Column(Boolean, nullable=True)
    completed_at = Column(DateTime(timezone=True), nullable=True)
    #: A new token for each claim and take-over: marking sent or undeliverable needs it.
    claim_token = Column(String(32), nullable=True)
    #: The process holding the claim (host:pid), and when it last took or renewed the
    #: lease, by the database's clock (:func:`bot.store.clock.db_now`).
    claimed_by = Column(String(255), nullable=True)
    claimed_at = Column(DateTime(timezone=True), nullable=True)


class Referral(PersonRow, Base):
    """A routine referral (⚠️): the trend reasons that triggered it and the message sent."""

    __tablename__ = "referrals"

    reasons = Column(String(255), nullable=False)  # reason codes, comma-separated
    message = Column(Text, nullable=False)


class ExerciseSession(PersonRow, Base):
    """One local day's exercise session: what it was, the end answer, what changed.

    ``status`` is ``open`` until the end question is answered, then ``complete``; ``change``,
    ``next_level`` and ``message`` say what the progression made of it.
    """

    __tablename__ = "exercise_sessions"
    __table_args__ = (
        UniqueConstraint(
            "person_id", "local_date", name="uq_exercise_sessions_person_id_local_date"
        ),
    )

    local_date = Column(Date, nullable=False)
    step = Column(Integer, nullable=False)
    regimen = Column(String(64), nullable=False)
    level = Column(Integer, nullable=False)
    status = Column(String(16), nullable=False)
    pain_during = Column(String(8), nullable=True)  # better, same, worse
    leg_pain_moved = Column(Boolean, nullable=True)  # McKenzie's end question
    stretched = Column(Boolean, nullable=True)  # Step 1's end question
    change = Column(String(8), nullable=True)
    next_level = Column(Integer, nullable=True)
    message = Column(Text, nullable=True)
    completed_at = Column(DateTime(timezone=True), nullable=True)


class ExerciseResult(PersonRow, Base):
    """One exercise of a session, in its place: done, partly, skip or hurt (unanswered: None)."""

    __tablename__ = "exercise_results"
    __table_args__ = (
        UniqueConstraint("session_id", "position", name="uq_exercise_results_session_id_position"),
    )

    session_id = Column(
        Integer,
        ForeignKey("exercise_sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    position = Column(Integer, nullable=False)
    exercise_id = Column(String(64), nullable=False)
    minutes = Column(Integer, nullable=True)  # aerobic: today's minutes
    days_per_week = Column(Integer, nullable=True)  # aerobic: this week's days
    outcome = Column(String(8), nullable=True)
    answered_at = Column(DateTime(timezone=True), nullable=True)


class SeenUpdate(Base):
    """A Telegram update already taken in: its id and when (no one's data; kept a week)."""

    __tablename__ = "seen_updates"

    update_id = Column(BigInteger, primary_key=True, autoincrement=False)
    seen_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)


class LessonSent(PersonRow, Base):
    """A short lesson sent to the person (by its id in ``bot/content/lessons.yml``)."""

    __tablename__ = "lessons_sent"

    lesson_id = Column(String(64), nullable=False)


class WeeklySummary(PersonRow, Base):
    """A weekly summary sent after a check-in: the person's local day and what it said
    (one a day at most; :mod:`bot.domain.insights` spaces them a week apart)."""

    __tablename__ = "weekly_summaries"
    __table_args__ = (
        UniqueConstraint(
            "person_id", "local_date", name="uq_weekly_summaries_person_id_local_date"
        ),
    )

    local_date = Column(Date, nullable=False)
    message = Column(Text, nullable=False)
