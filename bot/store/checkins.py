"""Daily check-ins in the database: schedules, once-a-day delivery claims, answers, referrals.

Each function is one unit of work with its own session, and everything about a person
is reached through their ``conversation_id`` (the Telegram chat id). The time rules
(when a check-in is due, which local day it belongs to) are in :mod:`bot.domain.timing`.

Delivery is claimed before it is sent: a check-in row per person and local day (unique)
is written with status ``claimed``, then the message goes out and the row becomes
``sent``. A sender that dies between the two leaves a claim that another sender takes
over once the claim is older than :data:`CLAIM_LEASE` (still the same local day).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

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

#: A claim older than this, never marked sent, is taken to belong to a sender that died.
CLAIM_LEASE = timedelta(seconds=60)
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
class Claim:
    """A check-in claimed for sending: whom to send it to and which row to mark."""

    checkin_id: int
    conversation_id: str
    local_date: date


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


def _info(row: Schedule) -> ScheduleInfo:
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
        return _info(row)


def schedule_for(conversation_id: str, url: str | None = None) -> ScheduleInfo | None:
    """The person's check-in schedule, or None when they haven't set one."""
    with session_scope(url) as session:
        row = session.execute(
            select(Schedule).join(Person).where(Person.conversation_id == conversation_id)
        ).scalar_one_or_none()
        return _info(row) if row is not None else None


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
            row.next_due_at = timing.first_due(now, _info(row).at_time, row.tz)
        row.paused = paused
        session.flush()
        return _info(row)


def _claim_batch(session: Session, now: datetime, limit: int) -> list[Claim]:
    claims: list[Claim] = []
    # Claims left by a sender that died, still for the person's current local day.
    stale = session.execute(
        select(Checkin, Person.conversation_id, Schedule.tz)
        .join(Person, Checkin.person_id == Person.id)
        .join(Schedule, Schedule.person_id == Person.id)
        .where(Checkin.status == CLAIMED, Checkin.created_at <= now - CLAIM_LEASE)
        .order_by(Checkin.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Checkin)
    ).all()
    for checkin, conversation_id, tz in stale:
        if checkin.local_date == timing.local_date(now, tz):
            checkin.created_at = now  # renew the lease: this sender has it now
            claims.append(Claim(checkin.id, conversation_id, checkin.local_date))
        else:
            checkin.status = FAILED  # that day is over; tomorrow's comes as usual
    # Schedules missed on an earlier day whose time today is still ahead are due but send
    # nothing; look further until the batch is full, so that a batch of only those does not
    # look like "nothing due" to the sender while others are due now. Every schedule looked
    # at is moved past ``now``, so it is not selected again.
    while len(claims) < limit:
        due = session.execute(
            select(Schedule, Person.conversation_id)
            .join(Person, Schedule.person_id == Person.id)
            .where(Schedule.paused.is_(False), Schedule.next_due_at <= now)
            .order_by(Schedule.next_due_at, Schedule.id)
            .limit(max(limit - len(claims), 0))
            .with_for_update(skip_locked=True, of=Schedule)
        ).all()
        if not due:
            break
        for row, conversation_id in due:
            info = _info(row)
            decision = timing.decide(now, info.at_time, info.tz, info.next_due_at)
            row.next_due_at = decision.next_due_utc
            if not decision.send or decision.local_date is None:
                continue
            exists = session.execute(
                select(Checkin.id).where(
                    Checkin.person_id == row.person_id, Checkin.local_date == decision.local_date
                )
            ).first()
            if exists is not None:
                continue  # already checked in today (/checkin), or already claimed
            checkin = Checkin(
                person_id=row.person_id, local_date=decision.local_date, status=CLAIMED,
                created_at=now,
            )
            session.add(checkin)
            session.flush()
            claims.append(Claim(checkin.id, conversation_id, decision.local_date))
    return claims


def claim_due(
    now: datetime | None = None, *, limit: int = 60, url: str | None = None
) -> list[Claim]:
    """Claim up to ``limit`` check-ins due at ``now`` (one unit of work).

    Moves each due schedule to its next day. Safe with several senders: PostgreSQL skips
    rows another sender has locked, SQLite serialises writers, and the unique (person,
    day) row refuses a second claim (the batch is then retried).
    """
    now = as_utc(now or utcnow())
    for attempt in range(5):
        try:
            with session_scope(url) as session:
                return _claim_batch(session, now, limit)
        except (IntegrityError, OperationalError):
            if attempt == 4:
                raise
    return []


def pending_claims(url: str | None = None) -> int:
    """How many claimed check-ins are not yet marked sent (by anyone)."""
    with session_scope(url) as session:
        return len(session.execute(select(Checkin.id).where(Checkin.status == CLAIMED)).all())


def mark_sent(checkin_id: int, *, now: datetime | None = None, url: str | None = None) -> None:
    """The check-in message went out."""
    with session_scope(url) as session:
        session.execute(
            update(Checkin)
            .where(Checkin.id == checkin_id)
            .values(status=SENT, sent_at=as_utc(now or utcnow()))
        )


def mark_undeliverable(checkin_id: int, *, url: str | None = None) -> None:
    """Telegram refused the chat for good (blocked, deleted): stop sending to it."""
    with session_scope(url) as session:
        checkin = session.get(Checkin, checkin_id)
        if checkin is None:
            return
        checkin.status = FAILED
        session.execute(
            update(Schedule).where(Schedule.person_id == checkin.person_id).values(paused=True)
        )


def open_checkin(
    conversation_id: str, *, now: datetime | None = None, url: str | None = None
) -> bool:
    """Mark the sent, unanswered check-in as opened; True when there was one to open.

    The connector calls this on the person's next message, so the conversation can take
    the reply as the first check-in answer.
    """
    now = as_utc(now or utcnow())
    with session_scope(url) as session:
        person = find_person(session, conversation_id)
        if person is None:
            return False
        checkin = session.execute(
            select(Checkin)
            .where(
                Checkin.person_id == person.id,
                Checkin.status == SENT,
                Checkin.opened_at.is_(None),
            )
            .order_by(Checkin.local_date.desc())
            .limit(1)
        ).scalar_one_or_none()
        if checkin is None or checkin.sent_at is None:
            return False
        if as_utc(checkin.sent_at) < now - OPEN_WINDOW:
            return False
        checkin.opened_at = now
        return True


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
