"""The answer journal: every answer and every recommendation, per conversation.

Each function is one unit of work with its own session. Every read is scoped to
one ``conversation_id``: a person's data is reachable only through their own chat.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.store.engine import session_scope
from bot.store.models import Answer, Person, RecommendationRecord, SafetyEvent, utcnow

MAX_RAW_TEXT = 10_000


@dataclass(frozen=True)
class JournalAnswer:
    """An answer as stored."""

    slot: str
    value: Any
    accepted: bool
    raw_text: str | None
    created_at: datetime


@dataclass(frozen=True)
class JournalRecommendation:
    """A recommendation as stored."""

    step: int
    regimen: str
    next_regimen: str | None
    aerobic: bool
    rule: str
    message: str
    created_at: datetime


@dataclass(frozen=True)
class JournalSafetyEvent:
    """A safety event as stored."""

    kind: str
    category: str | None
    raw_text: str | None
    created_at: datetime


def upgrade_database(url: str | None = None, revision: str = "head") -> None:
    """Bring the schema to the newest Alembic revision (or to ``revision``)."""
    from alembic import command
    from alembic.config import Config

    from bot.store.schema import script_location

    config = Config()
    config.set_main_option("script_location", script_location())
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logging"] = False
    command.upgrade(config, revision)


def find_person(
    session: Session, conversation_id: str, *, create: bool = False
) -> Person | None:
    """The person behind a conversation (created when ``create`` and not there yet)."""
    by_id = select(Person).where(Person.conversation_id == conversation_id)
    person = session.execute(by_id).scalar_one_or_none()
    if person is None and create:
        # Another writer may be creating the same person right now (the bot and the
        # sender, two replicas): whoever comes second finds the row instead of failing.
        insert = _insert_for(session.get_bind().dialect.name)
        session.execute(
            insert(Person.__table__)
            .values(conversation_id=conversation_id, created_at=utcnow())
            .on_conflict_do_nothing(index_elements=["conversation_id"])
        )
        person = session.execute(by_id).scalar_one()
    return person


def _insert_for(dialect: str) -> Callable[..., Any]:
    """The INSERT with ON CONFLICT of the database in use."""
    if dialect == "postgresql":
        return postgresql.insert
    return sqlite.insert


def _add(conversation_id: str, url: str | None, model: Any, **values: Any) -> None:
    """One unit of work: add a ``model`` row for the person (created on first use)."""
    with session_scope(url) as session:
        person = find_person(session, conversation_id, create=True)
        assert person is not None
        session.add(model(person_id=person.id, **values))


def record_answer(
    conversation_id: str,
    slot: str,
    value: Any,
    raw_text: str | None,
    *,
    accepted: bool = True,
    url: str | None = None,
) -> None:
    """Store one answer with its time, its value (JSON) and the raw text it came from."""
    if raw_text is not None:
        raw_text = raw_text[:MAX_RAW_TEXT]
    _add(
        conversation_id, url, Answer,
        slot=slot, value=json.dumps(value), accepted=accepted, raw_text=raw_text,
    )


def record_recommendation(
    conversation_id: str,
    *,
    step: int,
    regimen: str,
    next_regimen: str | None,
    aerobic: bool,
    rule: str,
    message: str,
    url: str | None = None,
) -> None:
    """Store a recommendation with the rule that chose it."""
    _add(
        conversation_id, url, RecommendationRecord,
        step=step, regimen=regimen, next_regimen=next_regimen, aerobic=aerobic, rule=rule,
        message=message,
    )


def record_safety_event(
    conversation_id: str,
    kind: str,
    category: str | None,
    raw_text: str | None,
    url: str | None = None,
    created_at: datetime | None = None,
) -> None:
    """Store a red flag, a crisis, or an all-clear (``kind``) with the words that raised it
    (at ``created_at``, for one that waited in the outbox, else now)."""
    when = {} if created_at is None else {"created_at": created_at}
    _add(
        conversation_id, url, SafetyEvent,
        kind=kind, category=category, raw_text=raw_text[:MAX_RAW_TEXT] if raw_text else raw_text,
        **when,
    )


def rows_of(session: Session, model: Any, conversation_id: str) -> list[Any]:
    """One person's rows of ``model``, oldest first (the only way rows are read)."""
    return list(
        session.execute(
            select(model)
            .join(Person)
            .where(Person.conversation_id == conversation_id)
            .order_by(model.created_at, model.id)
        ).scalars()
    )


def run_start(
    history: Sequence[JournalRecommendation], same: Callable[[JournalRecommendation], bool]
) -> datetime:
    """When the latest unbroken run of recommendations for which ``same`` holds began
    (e.g. the current step: ``lambda r: (r.step, r.regimen) == (now.step, now.regimen)``)."""
    started = history[-1].created_at
    for rec in reversed(history):
        if not same(rec):
            break
        started = rec.created_at
    return started


def answers_for(conversation_id: str, url: str | None = None) -> list[JournalAnswer]:
    """Every answer of one conversation, oldest first."""
    with session_scope(url) as session:
        return [
            JournalAnswer(r.slot, json.loads(r.value), r.accepted, r.raw_text, r.created_at)
            for r in rows_of(session, Answer, conversation_id)
        ]


def recommendations_for(
    conversation_id: str, url: str | None = None
) -> list[JournalRecommendation]:
    """Every recommendation of one conversation, oldest first."""
    with session_scope(url) as session:
        return [
            JournalRecommendation(
                r.step, r.regimen, r.next_regimen, r.aerobic, r.rule, r.message, r.created_at
            )
            for r in rows_of(session, RecommendationRecord, conversation_id)
        ]


def safety_events_for(conversation_id: str, url: str | None = None) -> list[JournalSafetyEvent]:
    """Every safety event of one conversation, oldest first."""
    with session_scope(url) as session:
        return [
            JournalSafetyEvent(r.kind, r.category, r.raw_text, r.created_at)
            for r in rows_of(session, SafetyEvent, conversation_id)
        ]
