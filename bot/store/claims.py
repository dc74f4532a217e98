"""Check-in delivery claims: each due check-in is claimed, sent once, and marked.

A check-in row per person and local day (unique) is written with status ``claimed``, then
the message goes out and the row becomes ``sent``. A sender that dies between the two
leaves a claim that another sender takes over once the claim is older than
:data:`CLAIM_LEASE` (still the same local day).

The lease is measured with the database's clock (:mod:`bot.store.clock`), never the
sender's, and each claim carries a new token: the sender renews its lease just before
sending and marks the row with its token, so a sender whose claim was taken over cannot
mark it (it is told, and counts a possible duplicate). A definite "not sent" (a 429)
releases the claim at once.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, tuple_, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from bot.domain import timing
from bot.store.checkins import CLAIMED, FAILED, SENT, as_utc, schedule_info, utcnow
from bot.store.clock import db_now
from bot.store.engine import session_scope
from bot.store.models import Checkin, Person, Schedule

logger = logging.getLogger(__name__)

#: A claim older than this (by the database's clock), never marked sent, is taken to
#: belong to a sender that died.
CLAIM_LEASE = timedelta(seconds=60)


@dataclass(frozen=True)
class Claim:
    """A check-in claimed for sending: whom to send it to, which row to mark, and the
    token that proves the claim is still this sender's."""

    checkin_id: int
    conversation_id: str
    local_date: date
    token: str


def claimer_id() -> str:
    """Who holds a claim: this host and process."""
    return f"{socket.gethostname()}:{os.getpid()}"[:255]


def _new_claim_values() -> dict[str, Any]:
    return {"claim_token": uuid.uuid4().hex, "claimed_by": claimer_id(), "claimed_at": db_now()}


def _claim_batch(session: Session, now: datetime, limit: int) -> list[Claim]:
    claims: list[Claim] = []
    # Claims left by a sender that died, still for the person's current local day; the
    # lease is the database's clock against the database's clock. (A claim written by a
    # release before 0008, still running during a rolling upgrade, has only created_at.)
    stale = session.execute(
        select(Checkin, Person.conversation_id, Schedule.tz)
        .join(Person, Checkin.person_id == Person.id)
        .join(Schedule, Schedule.person_id == Person.id)
        .where(
            Checkin.status == CLAIMED,
            func.coalesce(Checkin.claimed_at, Checkin.created_at)
            <= db_now(-CLAIM_LEASE.total_seconds()),
        )
        .order_by(Checkin.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Checkin)
    ).all()
    for checkin, conversation_id, tz in stale:
        if checkin.local_date == timing.local_date(now, tz):
            # taken over: a new token, so the sender that had it can no longer mark it
            values = _new_claim_values()
            for column, value in values.items():
                setattr(checkin, column, value)
            claims.append(
                Claim(checkin.id, conversation_id, checkin.local_date, values["claim_token"])
            )
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
            info = schedule_info(row)
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
            values = _new_claim_values()
            checkin = Checkin(
                person_id=row.person_id, local_date=decision.local_date, status=CLAIMED,
                created_at=now, **values,
            )
            session.add(checkin)
            session.flush()
            claims.append(
                Claim(checkin.id, conversation_id, decision.local_date, values["claim_token"])
            )
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


def _held(claim: Claim) -> Any:
    """The claim's row, as long as it is still this claim (same token)."""
    return update(Checkin).where(
        Checkin.id == claim.checkin_id, Checkin.claim_token == claim.token
    )


def renew_claims(batch: list[Claim], *, url: str | None = None) -> set[int]:
    """Renew the leases of a batch just before sending it (one unit of work); the ids of
    the check-ins still held. The others were lost (taken over, or no longer waiting to be
    sent) and must not be sent."""
    if not batch:
        return set()
    mine = tuple_(Checkin.id, Checkin.claim_token).in_([(c.checkin_id, c.token) for c in batch])
    with session_scope(url) as session:
        # Lock the rows in id order first, as every writer of several claims does: two
        # multi-row updates that lock in scan order can deadlock each other on PostgreSQL.
        session.execute(select(Checkin.id).where(mine).order_by(Checkin.id).with_for_update())
        session.execute(
            update(Checkin)
            .where(mine, Checkin.status == CLAIMED)
            .values(claimed_at=db_now())
            .execution_options(synchronize_session=False)
        )
        held = session.execute(select(Checkin.id).where(mine, Checkin.status == CLAIMED))
        return {checkin_id for (checkin_id,) in held}


def release_claim(claim: Claim, *, url: str | None = None) -> bool:
    """Nothing was sent (a 429, say): let any sender claim it again at once."""
    with session_scope(url) as session:
        result = session.execute(
            _held(claim)
            .where(Checkin.status == CLAIMED)
            .values(claimed_at=db_now(-CLAIM_LEASE.total_seconds()))
        )
        return bool(result.rowcount)


def _lost(claim: Claim, what: str) -> None:
    logger.warning(
        "Check-in %s %s after lease loss (claim taken over by another sender): "
        "a possible duplicate", claim.checkin_id, what,
    )


def mark_sent(claim: Claim, *, now: datetime | None = None, url: str | None = None) -> bool:
    """The check-in message went out. False (logged "sent after lease loss") when the
    claim had been taken over by another sender meanwhile: that one may send it too."""
    with session_scope(url) as session:
        result = session.execute(
            _held(claim).values(status=SENT, sent_at=as_utc(now or utcnow()))
        )
        if result.rowcount:
            return True
    _lost(claim, "sent")
    return False


def mark_undeliverable(claim: Claim, *, url: str | None = None) -> bool:
    """Telegram refused the chat for good (blocked, deleted): stop sending to it. False
    when the claim had been taken over meanwhile (its new holder decides)."""
    with session_scope(url) as session:
        result = session.execute(_held(claim).values(status=FAILED))
        if not result.rowcount:
            _lost(claim, "found undeliverable")
            return False
        session.execute(
            update(Schedule)
            .where(
                Schedule.person_id
                == select(Checkin.person_id)
                .where(Checkin.id == claim.checkin_id)
                .scalar_subquery()
            )
            .values(paused=True)
            .execution_options(synchronize_session=False)
        )
        return True
