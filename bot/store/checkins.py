"""Daily check-ins in the database: schedules, opening and answers, referrals.

Each function is one unit of work with its own session, and everything about a person
is reached through their ``conversation_id`` (the Telegram chat id). The time rules
(when a check-in is due, which local day it belongs to) are in :mod:`bot.domain.timing`;
claiming a due check-in for sending is in :mod:`bot.store.claims`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.domain import timing, zones
from bot.settings import get_settings
from bot.store.engine import session_scope
from bot.store.journal import find_person, rows_of
from bot.store.models import (
    Answer,
    Checkin,
    Person,
    Referral,
    Schedule,
)

#: A sent check-in still waiting for its first answer after this long is not reopened.
OPEN_WINDOW = timedelta(hours=20)
#: Check-in answers, by slot, and the column each is kept in.
CHECKIN_COLUMNS = {
    "checkin_pain": "pain",
    "checkin_trend": "trend",
    "checkin_exercises": "exercises",
    "checkin_trigger": "trigger",
    "checkin_warning": "warning_signs",
}
CLAIMED, SENT, FAILED, ASKED = "claimed", "sent", "failed", "asked"


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime (SQLite hands back naive ones, which are stored as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def utcnow() -> datetime:
    """Now, in UTC."""
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class ScheduleInfo:
    """A person's check-in schedule as stored."""

    at_time: time
    tz: str
    paused: bool
    next_due_at: datetime


@dataclass(frozen=True)
class CheckinDay:
    """One local day's check-in answers."""

    local_date: date
    status: str
    pain: float | None
    trend: str | None
    exercises: str | None
    trigger: str | None
    warning_signs: bool | None
    sent_at: datetime | None
    completed_at: datetime | None


@dataclass(frozen=True)
class ReferralInfo:
    """A routine referral given."""

    reasons: tuple[str, ...]
    message: str
    created_at: datetime


def schedule_info(row: Schedule) -> ScheduleInfo:
    """A schedule row as :class:`ScheduleInfo`."""
    hours, minutes = (int(part) for part in row.at_time.split(":"))
    return ScheduleInfo(time(hours, minutes), row.tz, bool(row.paused), as_utc(row.next_due_at))


def set_schedule(
    conversation_id: str,
    at: time,
    tz: str,
    *,
    now: datetime | None = None,
    url: str | None = None,
) -> ScheduleInfo:
    """Set (or change) the daily check-in time and zone; check-ins are on from now."""
    now = as_utc(now or utcnow())
    zones.zone(tz)  # refuse an unknown zone before storing it
    first = timing.first_due(now, at, tz)  # the intake itself was today's check-in
    with session_scope(url) as session:
        person = find_person(session, conversation_id, create=True)
        assert person is not None
        row = session.execute(
            select(Schedule).where(Schedule.person_id == person.id)
        ).scalar_one_or_none()
        if row is None:
            row = Schedule(person_id=person.id)
            session.add(row)
        row.at_time = f"{at.hour:02d}:{at.minute:02d}"
        row.tz = tz
        row.paused = False
        row.next_due_at = first
        session.flush()
        return schedule_info(row)


def schedule_for(conversation_id: str, url: str | None = None) -> ScheduleInfo | None:
    """The person's check-in schedule, or None when they haven't set one."""
    with session_scope(url) as session:
        row = session.execute(
            select(Schedule).join(Person).where(Person.conversation_id == conversation_id)
        ).scalar_one_or_none()
        return schedule_info(row) if row is not None else None


def set_paused(
    conversation_id: str, paused: bool, *, now: datetime | None = None, url: str | None = None
) -> ScheduleInfo | None:
    """Pause or resume check-ins; resuming starts from the next time ahead (no catch-up)."""
    now = as_utc(now or utcnow())
    with session_scope(url) as session:
        row = session.execute(
            select(Schedule).join(Person).where(Person.conversation_id == conversation_id)
        ).scalar_one_or_none()
        if row is None:
            return None
        if row.paused and not paused:
            row.next_due_at = timing.first_due(now, schedule_info(row).at_time, row.tz)
        row.paused = paused
        session.flush()
        return schedule_info(row)


def open_checkin(
    conversation_id: str, *, now: datetime | None = None, url: str | None = None
) -> bool:
    """Mark the sent, unanswered check-in as opened; True when there was one to open.

    The connector calls this on the person's next message, so the conversation can take
    the reply as the first check-in answer. Two messages at once open it once: the row is
    opened only while it is still unopened, and only the one that changed it gets True.
    """
    now = as_utc(now or utcnow())
    with session_scope(url) as session:
        person = find_person(session, conversation_id)
        if person is None:
            return False
        checkin = session.execute(
            select(Checkin.id, Checkin.sent_at)
            .where(
                Checkin.person_id == person.id,
                Checkin.status == SENT,
                Checkin.opened_at.is_(None),
            )
            .order_by(Checkin.local_date.desc())
            .limit(1)
        ).first()
        if checkin is None or checkin.sent_at is None:
            return False
        if as_utc(checkin.sent_at) < now - OPEN_WINDOW:
            return False
        opened = session.execute(
            update(Checkin)
            .where(Checkin.id == checkin.id, Checkin.opened_at.is_(None))
            .values(opened_at=now)
        )
        return bool(opened.rowcount)


def answer_date(
    conversation_id: str, tz: str, *, now: datetime | None = None, url: str | None = None
) -> date:
    """The local day check-in answers belong to: the day of the check-in being answered
    (one sent at 11:50 pm and answered after midnight is still that day's), else today."""
    now = as_utc(now or utcnow())
    with session_scope(url) as session:
        opened = session.execute(
            select(Checkin.local_date, Checkin.opened_at)
            .join(Person)
            .where(
                Person.conversation_id == conversation_id,
                Checkin.opened_at.is_not(None),
                Checkin.completed_at.is_(None),
            )
            .order_by(Checkin.opened_at.desc())
            .limit(1)
        ).first()
    if opened is not None and as_utc(opened.opened_at) >= now - OPEN_WINDOW:
        return opened.local_date
    return timing.local_date(now, tz)


def zone_of(conversation_id: str, url: str | None = None) -> str:
    """The person's time zone: their schedule's, else the configured default."""
    return person_zone(conversation_id, zones.default_zone(get_settings().default_tz), url)


def person_zone(conversation_id: str, default_tz: str, url: str | None = None) -> str:
    """The person's time zone: their schedule's, else the default."""
    info = schedule_for(conversation_id, url)
    return info.tz if info is not None else default_tz


def record_checkin_answer(
    conversation_id: str,
    slot: str,
    value: Any,
    raw_text: str | None,
    *,
    local_date: date,
    accepted: bool = True,
    url: str | None = None,
) -> None:
    """Store one check-in answer: in the answer log, and (if accepted) on the day's row."""
    column = CHECKIN_COLUMNS[slot]
    for attempt in range(2):
        try:
            with session_scope(url) as session:
                person = find_person(session, conversation_id, create=True)
                assert person is not None
                session.add(
                    Answer(
                        person_id=person.id, slot=slot, value=json.dumps(value),
                        accepted=accepted, raw_text=raw_text[:10_000] if raw_text else raw_text,
                    )
                )
                if not accepted:
                    return
                checkin = session.execute(
                    select(Checkin).where(
                        Checkin.person_id == person.id, Checkin.local_date == local_date
                    )
                ).scalar_one_or_none()
                if checkin is None:
                    checkin = Checkin(person_id=person.id, local_date=local_date, status=ASKED)
                    session.add(checkin)
                setattr(checkin, column, value)
                return
        except IntegrityError:
            if attempt == 1:
                raise
    return


def complete_checkin(
    conversation_id: str, local_date: date, *, now: datetime | None = None, url: str | None = None
) -> None:
    """The day's check-in questions are all answered."""
    with session_scope(url) as session:
        person = find_person(session, conversation_id)
        if person is None:
            return
        session.execute(
            update(Checkin)
            .where(Checkin.person_id == person.id, Checkin.local_date == local_date)
            .values(completed_at=as_utc(now or utcnow()))
        )


def checkins_for(conversation_id: str, url: str | None = None) -> list[CheckinDay]:
    """Every check-in day of one person, oldest first."""
    with session_scope(url) as session:
        rows = sorted(
            rows_of(session, Checkin, conversation_id), key=lambda r: (r.local_date, r.id)
        )
        return [
            CheckinDay(
                r.local_date, r.status, r.pain, r.trend, r.exercises, r.trigger,
                r.warning_signs,
                as_utc(r.sent_at) if r.sent_at else None,
                as_utc(r.completed_at) if r.completed_at else None,
            )
            for r in rows
        ]


def record_referral(
    conversation_id: str, reasons: tuple[str, ...], message: str, url: str | None = None
) -> None:
    """Store a routine referral with the reason codes that triggered it."""
    with session_scope(url) as session:
        person = find_person(session, conversation_id, create=True)
        assert person is not None
        session.add(Referral(person_id=person.id, reasons=",".join(reasons), message=message))


def referrals_for(conversation_id: str, url: str | None = None) -> list[ReferralInfo]:
    """Every routine referral of one person, oldest first."""
    with session_scope(url) as session:
        return [
            ReferralInfo(tuple(r.reasons.split(",")), r.message, as_utc(r.created_at))
            for r in rows_of(session, Referral, conversation_id)
        ]
