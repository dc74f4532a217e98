"""Check-in delivery claims: leased on the database's clock, fenced by a claim token.

Every test runs on SQLite and on PostgreSQL (the ``db_url`` fixture). The callers pass
fixed instants of January 2025 as ``now`` (which days are due); the lease is measured by
the database's own clock, so "time passing" for a lease is written into the database
(:func:`age_claims`), and a caller's ``now`` far from the database's clock stands for a
sender whose clock is wrong.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone

import pytest
from sqlalchemy import select, update
from telegram.error import Forbidden, RetryAfter, TimedOut

from bot.store import checkins, claims
from bot.store.claims import CLAIM_LEASE, Claim
from bot.store.clock import db_now
from bot.store.engine import session_scope
from bot.store.models import Checkin
from bot.telegram.broadcast import send_due

EIGHT = time(8, 0)
DUE = datetime(2025, 1, 15, 8, 0, tzinfo=timezone.utc)


def age_claims(by: timedelta) -> None:
    """As if every claim had been taken (or last renewed) ``by`` ago, by the database's clock."""
    with session_scope() as session:
        # in id order, like every writer of several claims (no deadlock with a renewal)
        session.execute(
            select(Checkin.id)
            .where(Checkin.claimed_at.is_not(None))
            .order_by(Checkin.id)
            .with_for_update()
        )
        session.execute(
            update(Checkin)
            .where(Checkin.claimed_at.is_not(None))
            .values(claimed_at=db_now(-by.total_seconds()))
        )


def renewed(claim: Claim) -> bool:
    """Whether renewing ``claim``'s lease found it still held."""
    return claims.renew_claims([claim]) == {claim.checkin_id}


def statuses() -> list[str]:
    return [day.status for day in checkins.checkins_for("alice")]


def one_claim(at: time = EIGHT, claimed: datetime = DUE) -> Claim:
    checkins.set_schedule("alice", at, "UTC", now=claimed - timedelta(hours=1))
    [claim] = claims.claim_due(claimed)
    return claim


@pytest.mark.parametrize(
    ("aged", "taken_over"),
    [
        (timedelta(0), False),
        (CLAIM_LEASE - timedelta(seconds=2), False),
        (CLAIM_LEASE + timedelta(seconds=1), True),
        (timedelta(hours=10), True),  # still the same local day
    ],
)
def test_a_claim_is_taken_over_once_its_lease_ran_out_on_the_database_clock(
    db_url: str, aged: timedelta, taken_over: bool
) -> None:
    first = one_claim()  # ... and its sender stalled or died
    age_claims(aged)
    retry = claims.claim_due(DUE)
    assert [c.checkin_id for c in retry] == ([first.checkin_id] if taken_over else [])
    if taken_over:
        [second] = retry
        assert second.token != first.token
        assert claims.claim_due(DUE) == []  # the new holder's lease is fresh
        assert claims.pending_claims() == 1


def test_a_sender_whose_claim_was_taken_over_can_neither_send_nor_mark_it(db_url: str) -> None:
    old = one_claim()
    age_claims(CLAIM_LEASE * 2)
    [new] = claims.claim_due(DUE)
    assert not renewed(old)  # checked just before sending: the old one stops
    assert renewed(new)
    assert claims.mark_sent(new, now=DUE)
    # had the old one sent anyway (renewed, then stalled past its lease): not marked by it
    assert not claims.mark_sent(old, now=DUE)
    assert not claims.mark_undeliverable(old)
    assert statuses() == ["sent"]
    assert not checkins.schedule_for("alice").paused  # type: ignore[union-attr]


def test_a_holder_past_its_lease_but_not_taken_over_still_marks_its_send(db_url: str) -> None:
    claim = one_claim()
    age_claims(CLAIM_LEASE * 2)  # slow, but nobody else came
    assert claims.mark_sent(claim, now=DUE)
    assert claims.claim_due(DUE) == []
    assert statuses() == ["sent"]


def test_renewing_keeps_the_claim_from_being_taken_over(db_url: str) -> None:
    claim = one_claim()
    age_claims(CLAIM_LEASE - timedelta(seconds=2))
    assert renewed(claim)
    assert claims.claim_due(DUE) == []


def test_a_batch_renewed_tells_which_claims_are_still_held(db_url: str) -> None:
    for person in ("alice", "bob", "carol"):
        checkins.set_schedule(person, EIGHT, "UTC", now=DUE - timedelta(hours=1))
    batch = claims.claim_due(DUE)
    bob = next(c for c in batch if c.conversation_id == "bob")
    carol = next(c for c in batch if c.conversation_id == "carol")
    assert claims.mark_sent(carol, now=DUE)  # no longer waiting to be sent
    stale_bob = Claim(bob.checkin_id, "bob", bob.local_date, "an older token")
    others = [c for c in batch if c.conversation_id != "bob"]
    held = claims.renew_claims([*others, stale_bob])
    assert held == {c.checkin_id for c in batch if c.conversation_id == "alice"}
    assert claims.renew_claims([]) == set()


def test_a_claim_sent_is_never_taken_over_or_renewed(db_url: str) -> None:
    claim = one_claim()
    assert claims.mark_sent(claim, now=DUE)
    age_claims(CLAIM_LEASE * 10)
    assert claims.claim_due(DUE) == []
    assert not renewed(claim)


def test_a_released_claim_is_claimed_again_at_once_and_the_releaser_is_fenced(
    db_url: str,
) -> None:
    old = one_claim()
    assert claims.release_claim(old)  # a 429: certainly not sent
    [again] = claims.claim_due(DUE)
    assert again.checkin_id == old.checkin_id and again.token != old.token
    assert not claims.release_claim(old)
    assert not renewed(old)


@pytest.mark.parametrize(
    ("caller_clock", "aged", "taken_over"),
    [
        # a sender whose clock runs ten hours ahead does not take a fresh claim
        (DUE + timedelta(hours=10), timedelta(0), False),
        (DUE + timedelta(minutes=5), timedelta(0), False),
        # nor does one ten minutes behind keep a stale claim from being taken over
        (DUE - timedelta(minutes=10), CLAIM_LEASE * 2, True),
        (DUE, CLAIM_LEASE * 2, True),
    ],
)
def test_the_callers_clock_does_not_move_the_lease(
    db_url: str, caller_clock: datetime, aged: timedelta, taken_over: bool
) -> None:
    first = one_claim()
    age_claims(aged)
    retry = claims.claim_due(caller_clock)
    assert [c.checkin_id for c in retry] == ([first.checkin_id] if taken_over else [])


@pytest.mark.parametrize(
    ("at", "claimed", "next_day"),
    [
        (EIGHT, DUE, datetime(2025, 1, 16, 7, tzinfo=timezone.utc)),
        # claimed a minute before midnight, looked at just after it
        (
            time(23, 59, 30),
            datetime(2025, 1, 15, 23, 59, 30, tzinfo=timezone.utc),
            datetime(2025, 1, 16, 0, 0, 31, tzinfo=timezone.utc),
        ),
    ],
)
def test_a_dead_claim_from_a_previous_day_is_not_resent(
    db_url: str, at: time, claimed: datetime, next_day: datetime
) -> None:
    claim = one_claim(at, claimed)
    assert claim.local_date == date(2025, 1, 15)
    age_claims(CLAIM_LEASE + timedelta(seconds=1))
    assert claims.claim_due(next_day) == []
    assert statuses() == ["failed"]
    assert claims.pending_claims() == 0


def _senders(count: int, people: int, *, steal_leases: bool) -> tuple[Counter[str], int]:
    """``count`` senders at once, each: claim a batch, renew its leases just before
    "sending" each claim still held (recorded), then mark it. With ``steal_leases`` every
    lease runs out while the senders are mid-batch, so claims are taken over under them.
    Returns the sends per person and how many marks were refused (sent after lease loss)."""
    sent: Counter[str] = Counter()
    refused = 0
    guard = threading.Lock()
    start = threading.Barrier(count)
    errors: list[BaseException] = []

    def sender() -> None:
        nonlocal refused
        try:
            start.wait()
            while batch := claims.claim_due(DUE, limit=7):
                held = claims.renew_claims(batch)
                for claim in batch:
                    if claim.checkin_id not in held:
                        continue  # taken over: the new holder sends it
                    with guard:
                        sent[claim.conversation_id] += 1
                    if steal_leases:
                        age_claims(CLAIM_LEASE * 2)
                    if not claims.mark_sent(claim, now=DUE):
                        with guard:
                            refused += 1
        except BaseException as exc:  # reported below: a thread cannot fail the test
            errors.append(exc)

    for n in range(people):
        checkins.set_schedule(f"p{n:03d}", EIGHT, "UTC", now=DUE - timedelta(hours=1))
    threads = [threading.Thread(target=sender) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert errors == []
    return sent, refused


def test_three_senders_send_each_check_in_exactly_once(db_url: str) -> None:
    sent, refused = _senders(3, 60, steal_leases=False)
    assert sorted(sent) == [f"p{n:03d}" for n in range(60)]
    assert set(sent.values()) == {1}
    assert refused == 0
    assert claims.pending_claims() == 0


def test_when_leases_run_out_mid_send_every_duplicate_is_counted(db_url: str) -> None:
    sent, refused = _senders(3, 30, steal_leases=True)
    assert sorted(sent) == [f"p{n:03d}" for n in range(30)]  # nobody missed
    duplicates = sum(n - 1 for n in sent.values())
    # each second send of a check-in follows a take-over that fenced the first sender
    assert duplicates <= refused
    assert claims.pending_claims() == 0


class _Telegram:
    """A bot whose sendMessage answers as given: ``None`` accepted, else raises it."""

    def __init__(self, answer: Exception | None) -> None:
        self.answer = answer
        self.sent: list[int] = []

    async def send_message(self, chat_id: int, **_: object) -> None:
        if self.answer is not None:
            raise self.answer
        self.sent.append(chat_id)


@pytest.mark.parametrize(
    ("answer", "status", "claimable_at_once"),
    [
        (None, "sent", False),
        (RetryAfter(5), "claimed", True),  # a 429 is a definite "not sent": released
        (TimedOut(), "claimed", False),  # maybe sent: the lease must run out first
        (Forbidden("blocked"), "failed", False),
    ],
)
def test_what_a_send_did_decides_what_happens_to_its_claim(
    db_url: str, answer: Exception | None, status: str, claimable_at_once: bool
) -> None:
    checkins.set_schedule("700000001", EIGHT, "UTC", now=DUE - timedelta(hours=1))
    bot = _Telegram(answer)
    asyncio.run(send_due(bot, DUE))  # type: ignore[arg-type]
    assert [day.status for day in checkins.checkins_for("700000001")] == [status]
    assert bool(claims.claim_due(DUE)) is claimable_at_once


def test_a_claim_left_by_the_release_before_claim_tokens_is_taken_over(db_url: str) -> None:
    """During a rolling upgrade a replica of the older release claims without a token or
    claimed_at, then dies: its claim is taken over by its created_at."""
    first = one_claim()
    with session_scope() as session:
        session.execute(
            update(Checkin).values(
                claim_token=None, claimed_by=None, claimed_at=None, created_at=db_now(-3600)
            )
        )
    [retry] = claims.claim_due(DUE)
    assert retry.checkin_id == first.checkin_id
    assert claims.mark_sent(retry, now=DUE)


def test_a_send_whose_claim_was_taken_over_meanwhile_is_counted(db_url: str) -> None:
    """The message took longer than the lease (a long flood wait) and another sender took
    the claim over: the send is reported as a possible duplicate, and the row is left to
    the new holder."""
    checkins.set_schedule("700000001", EIGHT, "UTC", now=DUE - timedelta(hours=1))
    taken_over: list[Claim] = []

    class Slow(_Telegram):
        async def send_message(self, chat_id: int, **_: object) -> None:
            age_claims(CLAIM_LEASE * 2)
            taken_over.extend(claims.claim_due(DUE))
            self.sent.append(chat_id)

    report = asyncio.run(send_due(Slow(None), DUE))  # type: ignore[arg-type]
    assert (report.sent, report.sent_after_lease_loss) == (1, 1)
    assert len(taken_over) == 1
    assert [day.status for day in checkins.checkins_for("700000001")] == ["claimed"]
    assert claims.mark_sent(taken_over[0], now=DUE)
