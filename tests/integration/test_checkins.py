"""Daily check-ins in the database: schedules, once-a-day delivery, answers and erasure.

Every test runs on SQLite and on PostgreSQL (the ``db_url`` fixture) and passes fixed,
aware UTC instants as ``now``. The days are in January 2025, away from any clock change.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from typing import Any

import pytest
from sqlalchemy import inspect, text

from bot.store import checkins, claims, erasure, journal, sessions, summaries
from bot.store import lessons as lessons_store
from bot.store.checkins import OPEN_WINDOW, ScheduleInfo
from bot.store.claims import Claim
from bot.store.engine import get_engine
from tests.support.paths import ROOT as PROJECT_ROOT
from tests.support.races import rival_before

EIGHT = time(8, 0)


def utc(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """An instant on ``day`` January 2025, in UTC."""
    return datetime(2025, 1, day, hour, minute, second, tzinfo=timezone.utc)


def jan(day: int) -> date:
    return date(2025, 1, day)


def claimed(batch: list[Claim]) -> list[tuple[str, date]]:
    """Who was claimed for which local day, sorted (the order of a batch is not promised)."""
    return sorted((c.conversation_id, c.local_date) for c in batch)


def claim_all(now: datetime, limit: int = 60) -> list[Claim]:
    """What a sender does: claim batch after batch until a batch comes back empty."""
    found: list[Claim] = []
    while batch := claims.claim_due(now, limit=limit):
        assert len(batch) <= limit
        found += batch
    return found


def send_all(batch: list[Claim], now: datetime) -> None:
    for claim in batch:
        claims.mark_sent(claim, now=now)


def statuses(conversation_id: str) -> list[tuple[date, str]]:
    return [(day.local_date, day.status) for day in checkins.checkins_for(conversation_id)]


# --- Schedules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "at", "tz", "first"),
    [
        (utc(15, 7), EIGHT, "UTC", utc(15, 8)),  # still ahead today: today
        (utc(15, 8, 0, 1), EIGHT, "UTC", utc(16, 8)),  # just passed: tomorrow
        (utc(15, 21), EIGHT, "UTC", utc(16, 8)),
        (utc(15, 1), EIGHT, "Asia/Kolkata", utc(15, 2, 30)),  # 8:00 in India is 2:30 UTC
        (utc(15, 3), EIGHT, "Asia/Kolkata", utc(16, 2, 30)),
        (utc(15, 1), EIGHT, "UTC+05:30", utc(15, 2, 30)),  # a fixed offset
        (utc(15, 12), time(20, 30), "America/New_York", utc(16, 1, 30)),  # today, local
        (utc(16, 2), time(20, 30), "America/New_York", utc(17, 1, 30)),  # 21:00 local: passed
    ],
)
def test_set_schedule_stores_the_time_zone_and_first_check_in(
    db_url: str, now: datetime, at: time, tz: str, first: datetime
) -> None:
    info = checkins.set_schedule("alice", at, tz, now=now)
    assert info == ScheduleInfo(at, tz, False, first)
    assert checkins.schedule_for("alice") == info
    # Never a check-in right after setting the time: only once its time comes.
    assert claims.claim_due(now) == []
    assert claims.claim_due(first - timedelta(seconds=1)) == []
    [claim] = claims.claim_due(first)
    assert claim.conversation_id == "alice"


def test_no_schedule_until_one_is_set(db_url: str) -> None:
    assert checkins.schedule_for("alice") is None
    assert checkins.person_zone("alice", "Europe/London") == "Europe/London"
    checkins.set_schedule("alice", EIGHT, "Asia/Tokyo", now=utc(15, 7))
    assert checkins.person_zone("alice", "Europe/London") == "Asia/Tokyo"


def test_changing_the_time_moves_the_next_check_in(db_url: str) -> None:
    checkins.set_schedule("alice", EIGHT, "UTC", now=utc(15, 7))
    info = checkins.set_schedule("alice", time(20, 0), "Europe/London", now=utc(15, 7, 30))
    assert info == ScheduleInfo(time(20, 0), "Europe/London", False, utc(15, 20))
    assert checkins.schedule_for("alice") == info
    assert claims.claim_due(utc(15, 8)) == []  # the old time is gone
    assert claimed(claims.claim_due(utc(15, 20))) == [("alice", jan(15))]


def test_a_new_time_later_the_same_day_does_not_send_a_second_check_in(db_url: str) -> None:
    checkins.set_schedule("alice", EIGHT, "UTC", now=utc(15, 7))
    send_all(claims.claim_due(utc(15, 8)), utc(15, 8))
    checkins.set_schedule("alice", time(20, 0), "UTC", now=utc(15, 9))
    assert claims.claim_due(utc(15, 20)) == []
    assert checkins.schedule_for("alice").next_due_at == utc(16, 20)  # type: ignore[union-attr]
    assert claimed(claims.claim_due(utc(16, 20))) == [("alice", jan(16))]


@pytest.mark.parametrize("bad_zone", ["Mars/Olympus", "", "UTC+15:00", "UTC+05:20", "localtime"])
def test_an_unknown_zone_is_refused_and_nothing_is_stored(db_url: str, bad_zone: str) -> None:
    with pytest.raises(ValueError):
        checkins.set_schedule("alice", EIGHT, bad_zone, now=utc(15, 7))
    assert checkins.schedule_for("alice") is None
    # A schedule already set is left as it was.
    before = checkins.set_schedule("bob", EIGHT, "UTC", now=utc(15, 7))
    with pytest.raises(ValueError):
        checkins.set_schedule("bob", time(21, 0), bad_zone, now=utc(15, 7))
    assert checkins.schedule_for("bob") == before


def test_pausing_stops_check_ins(db_url: str) -> None:
    checkins.set_schedule("alice", EIGHT, "UTC", now=utc(15, 7))
    info = checkins.set_paused("alice", True, now=utc(15, 7, 30))
    assert info is not None and info.paused
    assert checkins.schedule_for("alice") == info
    for moment in (utc(15, 8), utc(16, 8), utc(20, 8)):
        assert claims.claim_due(moment) == []
    assert checkins.checkins_for("alice") == []


@pytest.mark.parametrize(
    ("resumed", "next_due"),
    [
        (utc(17, 7), utc(17, 8)),  # before today's time: today's is sent
        (utc(17, 9), utc(18, 8)),  # after it: today's was missed while paused, not sent
    ],
)
def test_resuming_starts_from_the_next_time_ahead(
    db_url: str, resumed: datetime, next_due: datetime
) -> None:
    checkins.set_schedule("alice", EIGHT, "UTC", now=utc(15, 7))
    checkins.set_paused("alice", True, now=utc(15, 7, 30))
    info = checkins.set_paused("alice", False, now=resumed)
    assert info == ScheduleInfo(EIGHT, "UTC", False, next_due)
    assert claims.claim_due(resumed) == []  # no catch-up
    assert claims.claim_due(next_due - timedelta(minutes=1)) == []
    assert claimed(claims.claim_due(next_due)) == [("alice", next_due.date())]


def test_resuming_a_schedule_that_is_not_paused_changes_nothing(db_url: str) -> None:
    before = checkins.set_schedule("alice", EIGHT, "UTC", now=utc(15, 7))
    assert checkins.set_paused("alice", False, now=utc(15, 9)) == before


def test_pausing_without_a_schedule_returns_none(db_url: str) -> None:
    assert checkins.set_paused("nobody", True, now=utc(15, 7)) is None
    assert checkins.set_paused("nobody", False, now=utc(15, 7)) is None
    assert checkins.schedule_for("nobody") is None


# --- Once a day ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "again", [utc(15, 8), utc(15, 8, 1), utc(15, 12), utc(15, 23, 59, 59)]
)
def test_each_person_is_claimed_once_a_day(db_url: str, again: datetime) -> None:
    people = ["alice", "bob", "carol"]
    for person in people:
        checkins.set_schedule(person, EIGHT, "UTC", now=utc(15, 7))
    first = claims.claim_due(utc(15, 8))
    assert claimed(first) == [(person, jan(15)) for person in people]
    assert len({c.checkin_id for c in first}) == 3
    assert claims.claim_due(utc(15, 8)) == []  # claimed, being sent: nobody gets a second
    send_all(first, utc(15, 8, 0, 5))
    assert claims.claim_due(again) == []
    assert claims.pending_claims() == 0
    assert claimed(claims.claim_due(utc(16, 8))) == [(person, jan(16)) for person in people]


def test_a_person_who_checked_in_today_is_not_sent_the_scheduled_one(db_url: str) -> None:
    for person in ("alice", "bob"):
        checkins.set_schedule(person, EIGHT, "UTC", now=utc(15, 7))
    # Bob used /checkin at 7:30, before his check-in time.
    checkins.record_checkin_answer("bob", "checkin_pain", 4, "4", local_date=jan(15))
    assert claimed(claims.claim_due(utc(15, 8))) == [("alice", jan(15))]
    assert statuses("bob") == [(jan(15), "asked")]
    # Tomorrow he gets it as usual.
    assert claimed(claims.claim_due(utc(16, 8))) == [("alice", jan(16)), ("bob", jan(16))]


@pytest.mark.parametrize("limit", [1, 3, 6, 7, 60])
def test_batches_honour_the_limit_and_together_cover_everyone(db_url: str, limit: int) -> None:
    people = [f"person-{n}" for n in range(7)]
    for person in people:
        checkins.set_schedule(person, EIGHT, "UTC", now=utc(15, 7))
    sizes = []
    found: list[Claim] = []
    while batch := claims.claim_due(utc(15, 8), limit=limit):
        sizes.append(len(batch))
        found += batch
    assert sizes == [limit] * (7 // limit) + ([7 % limit] if 7 % limit else [])
    assert claimed(found) == [(person, jan(15)) for person in sorted(people)]


# --- Missed days ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("back", "sent_now", "next_due"),
    [
        (utc(17, 7), False, utc(17, 8)),  # back before today's time: wait for it
        (utc(17, 8), True, utc(18, 8)),
        (utc(17, 9), True, utc(18, 8)),  # back after it: today's goes out at once
        (utc(19, 23, 59), True, utc(20, 8)),  # down for days: only today's
    ],
)
def test_a_day_missed_while_the_bot_was_down_is_not_sent(
    db_url: str, back: datetime, sent_now: bool, next_due: datetime
) -> None:
    checkins.set_schedule("alice", EIGHT, "UTC", now=utc(15, 7))
    send_all(claims.claim_due(utc(15, 8)), utc(15, 8))
    # The bot was down all of the 16th (and from then until ``back``).
    today = back.date()
    assert claimed(claims.claim_due(back)) == ([("alice", today)] if sent_now else [])
    assert checkins.schedule_for("alice").next_due_at == next_due  # type: ignore[union-attr]
    if not sent_now:
        assert claimed(claims.claim_due(next_due)) == [("alice", today)]
    assert [day for day, _ in statuses("alice")] == [jan(15), today]


def test_after_a_day_down_every_batch_still_reaches_who_is_due(db_url: str) -> None:
    """Schedules missed yesterday whose time today is still ahead are looked at first (they
    are the oldest due); a batch made only of them must not look like "nothing due"."""
    waiting = [f"waiting-{n}" for n in range(3)]
    due = ["due-0", "due-1"]
    for person in waiting:
        checkins.set_schedule(person, time(10, 0), "UTC", now=utc(15, 7))
    for person in due:
        checkins.set_schedule(person, EIGHT, "UTC", now=utc(15, 7))
    send_all(claims.claim_due(utc(15, 8)), utc(15, 8))  # then down until 9:00 the next day
    found = claim_all(utc(16, 9), limit=2)
    assert claimed(found) == [(person, jan(16)) for person in due]
    send_all(found, utc(16, 9))
    assert claimed(claim_all(utc(16, 10), limit=2)) == [(p, jan(16)) for p in waiting]


# --- Time zones ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(14, 15, 59), []),
        (utc(14, 16), [("los-angeles", jan(14))]),  # 8:00 on the 14th in Los Angeles
        (utc(14, 18, 59), []),
        (utc(14, 19), [("auckland", jan(15))]),  # 8:00 on the 15th in Auckland
        (utc(15, 16), [("los-angeles", jan(15))]),
        (utc(15, 19), [("auckland", jan(16))]),
    ],
)
def test_each_person_gets_their_check_in_at_their_own_local_time(
    db_url: str, now: datetime, expected: list[tuple[str, date]]
) -> None:
    start = utc(14, 12)  # 4:00 on the 14th in Los Angeles, 1:00 on the 15th in Auckland
    checkins.set_schedule("auckland", EIGHT, "Pacific/Auckland", now=start)
    checkins.set_schedule("los-angeles", EIGHT, "America/Los_Angeles", now=start)
    # Everything due before ``now`` was sent on time.
    for moment in (utc(14, 16), utc(14, 19), utc(15, 16), utc(15, 19)):
        if moment < now:
            send_all(claims.claim_due(moment), moment)
    assert claimed(claims.claim_due(now)) == expected


# --- Undeliverable -----------------------------------------------------------------------
# (taking over a dead sender's claim, and fencing, are in test_claims.py)


def test_an_undeliverable_chat_pauses_the_schedule(db_url: str) -> None:
    for person in ("alice", "bob"):
        checkins.set_schedule(person, EIGHT, "UTC", now=utc(15, 7))
    by_person = {c.conversation_id: c for c in claims.claim_due(utc(15, 8))}
    assert claims.mark_undeliverable(by_person["alice"])  # alice blocked the bot
    assert claims.mark_sent(by_person["bob"], now=utc(15, 8))
    assert checkins.schedule_for("alice").paused  # type: ignore[union-attr]
    assert not checkins.schedule_for("bob").paused  # type: ignore[union-attr]
    assert statuses("alice") == [(jan(15), "failed")]
    assert claimed(claims.claim_due(utc(16, 8))) == [("bob", jan(16))]
    # an unknown check-in: nothing happens
    assert not claims.mark_undeliverable(Claim(10**6, "alice", jan(16), "unknown"))
    # Back in the chat, alice sets her time again: check-ins are on from then.
    info = checkins.set_schedule("alice", EIGHT, "UTC", now=utc(16, 9))
    assert info == ScheduleInfo(EIGHT, "UTC", False, utc(17, 8))
    assert claimed(claims.claim_due(utc(17, 8))) == [("alice", jan(17)), ("bob", jan(17))]


# --- Concurrency --------------------------------------------------------------------------


def test_two_senders_at_once_claim_each_person_exactly_once(db_url: str) -> None:
    people = [f"person-{n:03d}" for n in range(200)]
    for person in people:
        checkins.set_schedule(person, EIGHT, "UTC", now=utc(15, 7))
    start = threading.Barrier(2)
    results: list[list[Claim]] = [[], []]
    errors: list[BaseException] = []

    def sender(index: int) -> None:
        try:
            start.wait()
            results[index] = claim_all(utc(15, 8), limit=10)
        except BaseException as exc:  # reported below: a thread cannot fail the test
            errors.append(exc)

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    both = results[0] + results[1]
    counts = Counter(c.conversation_id for c in both)
    assert [who for who, n in counts.items() if n > 1] == []  # no duplicates
    assert sorted(counts) == people  # no one missed
    assert len({c.checkin_id for c in both}) == 200
    assert claims.pending_claims() == 200
    assert claims.claim_due(utc(15, 8)) == []


# --- Opening a sent check-in ------------------------------------------------------------


def _sent(person: str, at: time, tz: str, due: datetime) -> Claim:
    """A check-in for ``person`` at ``at`` in ``tz``, claimed and sent at ``due``."""
    checkins.set_schedule(person, at, tz, now=due - timedelta(hours=1))
    [claim] = claims.claim_due(due)
    claims.mark_sent(claim, now=due)
    return claim


def test_a_sent_check_in_is_opened_once(db_url: str) -> None:
    _sent("alice", EIGHT, "UTC", utc(15, 8))
    assert checkins.open_checkin("alice", now=utc(15, 9))
    assert not checkins.open_checkin("alice", now=utc(15, 9, 1))  # already open
    assert not checkins.open_checkin("nobody", now=utc(15, 9))


def test_two_messages_at_once_open_a_check_in_once(db_url: str) -> None:
    """The person's second message is handled (another replica, another thread) between
    the first one's look for an unopened check-in and its write."""
    _sent("alice", EIGHT, "UTC", utc(15, 8))
    rival: list[bool] = []
    with rival_before(
        get_engine(), "UPDATE checkins SET opened_at",
        lambda: rival.append(checkins.open_checkin("alice", now=utc(15, 9, 0, 1))),
    ) as fired:
        mine = checkins.open_checkin("alice", now=utc(15, 9))
    assert fired and rival == [True]
    assert mine is False  # the check-in is started in the conversation once, not twice


def test_a_claimed_but_unsent_check_in_is_not_opened(db_url: str) -> None:
    checkins.set_schedule("alice", EIGHT, "UTC", now=utc(15, 7))
    claims.claim_due(utc(15, 8))
    assert not checkins.open_checkin("alice", now=utc(15, 8, 1))


def test_a_check_in_started_with_checkin_is_not_opened(db_url: str) -> None:
    checkins.record_checkin_answer("alice", "checkin_pain", 5, "5", local_date=jan(15))
    assert not checkins.open_checkin("alice", now=utc(15, 9))


@pytest.mark.parametrize(
    ("after", "opened"),
    [
        (timedelta(minutes=1), True),
        (OPEN_WINDOW, True),
        (OPEN_WINDOW + timedelta(seconds=1), False),
        (timedelta(days=3), False),
    ],
)
def test_an_old_check_in_is_not_opened(db_url: str, after: timedelta, opened: bool) -> None:
    _sent("alice", EIGHT, "UTC", utc(15, 8))
    assert checkins.open_checkin("alice", now=utc(15, 8) + after) is opened


def test_answers_after_midnight_belong_to_the_check_in_s_day(db_url: str) -> None:
    # 23:50 in Kolkata on the 15th is 18:20 UTC; midnight there is 18:30 UTC.
    tz = "Asia/Kolkata"
    _sent("alice", time(23, 50), tz, utc(15, 18, 20))
    assert checkins.answer_date("alice", tz, now=utc(15, 18, 25)) == jan(15)  # today anyway
    assert checkins.answer_date("alice", tz, now=utc(15, 18, 35)) == jan(16)  # not opened
    after_midnight = utc(15, 18, 40)  # the reply comes at 00:10 on the 16th
    assert checkins.open_checkin("alice", now=after_midnight)
    assert checkins.answer_date("alice", tz, now=after_midnight) == jan(15)
    assert checkins.answer_date("alice", tz, now=utc(15, 23)) == jan(15)
    checkins.record_checkin_answer("alice", "checkin_pain", 6, "6", local_date=jan(15))
    checkins.complete_checkin("alice", jan(15), now=utc(15, 18, 45))
    # Closed: the next answers are the new day's.
    assert checkins.answer_date("alice", tz, now=utc(15, 18, 45)) == jan(16)
    [day] = checkins.checkins_for("alice")
    assert (day.local_date, day.status, day.pain) == (jan(15), "sent", 6)
    assert day.sent_at == utc(15, 18, 20)
    assert day.completed_at == utc(15, 18, 45)


def test_an_open_check_in_left_unanswered_stops_claiming_answers(db_url: str) -> None:
    _sent("alice", EIGHT, "UTC", utc(15, 8))
    assert checkins.open_checkin("alice", now=utc(15, 8, 5))
    assert checkins.answer_date("alice", "UTC", now=utc(16, 4)) == jan(15)
    assert checkins.answer_date("alice", "UTC", now=utc(16, 4, 6)) == jan(16)  # > OPEN_WINDOW


def test_complete_checkin_for_an_unknown_person_does_nothing(db_url: str) -> None:
    checkins.complete_checkin("nobody", jan(15), now=utc(15, 9))
    assert checkins.checkins_for("nobody") == []


# --- Check-in answers ------------------------------------------------------------------


def test_accepted_answers_land_on_the_day_rejected_ones_only_in_the_log(db_url: str) -> None:
    answers = [
        ("checkin_pain", 15, "15", False),
        ("checkin_pain", 6, "6", True),
        ("checkin_trend", "worse", "a bit worse", True),
        ("checkin_exercises", "maybe", "dunno", False),
        ("checkin_exercises", "partly", "some of them", True),
        ("checkin_trigger", "gardening", "I was gardening", True),
        ("checkin_warning", False, "no", True),
    ]
    for slot, value, raw, accepted in answers:
        checkins.record_checkin_answer(
            "alice", slot, value, raw, local_date=jan(15), accepted=accepted
        )
    [day] = checkins.checkins_for("alice")
    assert (day.local_date, day.status) == (jan(15), "asked")
    assert (day.pain, day.trend, day.exercises, day.trigger, day.warning_signs) == (
        6, "worse", "partly", "gardening", False
    )
    log = journal.answers_for("alice")
    assert [(a.slot, a.value, a.raw_text, a.accepted) for a in log] == [
        (slot, value, raw, accepted) for slot, value, raw, accepted in answers
    ]


def test_a_rejected_answer_alone_makes_no_check_in_day(db_url: str) -> None:
    checkins.record_checkin_answer(
        "alice", "checkin_pain", 42, "42", local_date=jan(15), accepted=False
    )
    assert checkins.checkins_for("alice") == []
    [answer] = journal.answers_for("alice")
    assert (answer.value, answer.accepted) == (42, False)


def test_answers_go_to_their_own_day_and_the_latest_wins(db_url: str) -> None:
    checkins.record_checkin_answer("alice", "checkin_pain", 7, "7", local_date=jan(15))
    checkins.record_checkin_answer("alice", "checkin_pain", 5, "5", local_date=jan(16))
    checkins.record_checkin_answer("alice", "checkin_pain", 4, "4, sorry", local_date=jan(16))
    checkins.record_checkin_answer("bob", "checkin_pain", 9, "9", local_date=jan(16))
    assert [(d.local_date, d.pain) for d in checkins.checkins_for("alice")] == [
        (jan(15), 7), (jan(16), 4)
    ]
    assert [(d.local_date, d.pain) for d in checkins.checkins_for("bob")] == [(jan(16), 9)]


def test_answers_to_a_scheduled_check_in_land_on_its_row(db_url: str) -> None:
    _sent("alice", EIGHT, "UTC", utc(15, 8))
    checkins.record_checkin_answer("alice", "checkin_pain", 3, "3", local_date=jan(15))
    [day] = checkins.checkins_for("alice")
    assert (day.status, day.pain, day.sent_at) == ("sent", 3, utc(15, 8))


# --- Referrals --------------------------------------------------------------------------


def test_referrals_are_kept_per_person_with_their_reasons(db_url: str) -> None:
    checkins.record_referral("alice", ("worse_two_days", "above_baseline"), "⚠️ see someone")
    checkins.record_referral("alice", ("no_improvement",), "⚠️ again")
    assert [(r.reasons, r.message) for r in checkins.referrals_for("alice")] == [
        (("worse_two_days", "above_baseline"), "⚠️ see someone"),
        (("no_improvement",), "⚠️ again"),
    ]
    assert checkins.referrals_for("bob") == []


# --- Erasure ----------------------------------------------------------------------------

KEYS = ("person_id", "conversation_id", "sender_id")


@cache
def _domain() -> Any:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def _save_tracker(db_url: str, sender: str) -> None:
    """A conversation in Rasa's own tracker store (its ``events`` table), as the bot keeps it:
    the store writes to BACKSTEP_DB_URL, which the ``db_url`` fixture points at this test's."""
    from rasa.shared.core.events import SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.rasa.tracker_store import BackstepTrackerStore

    store = BackstepTrackerStore(domain=_domain())
    assert str(store.engine.url) == db_url
    tracker = DialogueStateTracker.from_events(
        sender, [UserUttered("my back hurts"), SlotSet("pain_score", 6)]
    )
    asyncio.run(store.save(tracker))
    store.engine.dispose()


def _fill(db_url: str, person: str) -> None:
    """Something of ``person`` in every table that keeps anything about people."""
    journal.record_answer(person, "pain_score", 6, "6")
    journal.record_recommendation(
        person, step=1, regimen="passive_stretching", next_regimen="mckenzie", aerobic=False,
        rule="tight_stretch_first", message="Step 1 now",
    )
    journal.record_safety_event(person, "red_flag", "cauda_equina", "numb")
    checkins.set_schedule(person, EIGHT, "UTC", now=utc(15, 7))
    claims.claim_due(utc(15, 8))
    checkins.record_checkin_answer(person, "checkin_pain", 5, "5", local_date=jan(16))
    checkins.record_referral(person, ("worse_two_days",), "⚠️")
    record = sessions.create_session(
        person, jan(16), step=2, regimen="mckenzie", level=1,
        items=[sessions.PlannedItem("prone_lying")],
    )
    sessions.record_outcome(person, record.id, 0, "done")
    lessons_store.record_lesson(person, "core_mast")
    summaries.record_summary(person, jan(16), "Your week, ...")
    _save_tracker(db_url, person)


def _person_id(db_url: str, person: str) -> int:
    with get_engine(db_url).connect() as conn:
        return int(
            conn.execute(
                text("SELECT id FROM people WHERE conversation_id = :c"), {"c": person}
            ).scalar_one()
        )


def _rows_by_table(db_url: str, person: str, person_id: int) -> dict[str, int]:
    """How many rows of ``person`` (whose people.id is ``person_id``) each table holds, for
    every table of the schema with a person_id, conversation_id or sender_id column."""
    engine = get_engine(db_url)
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            columns = {c["name"] for c in inspect(engine).get_columns(table)}
            for column in KEYS:
                if column in columns:
                    key = person_id if column == "person_id" else person
                    counts[table] = counts.get(table, 0) + conn.execute(
                        text(f"SELECT count(*) FROM {table} WHERE {column} = :key"),
                        {"key": key},
                    ).scalar_one()
    return counts


def test_erasing_a_person_removes_them_from_every_table(db_url: str) -> None:
    people = ("alice", "bob")
    for person in people:
        _fill(db_url, person)
    ids = {person: _person_id(db_url, person) for person in people}
    before = {person: _rows_by_table(db_url, person, ids[person]) for person in people}
    assert set(before["alice"]) >= {
        "people", "answers", "recommendations", "safety_events", "schedules", "checkins",
        "referrals", "events", "exercise_sessions", "exercise_results", "lessons_sent",
        "weekly_summaries",
    }
    for person, counts in before.items():
        empty = [table for table, n in counts.items() if n == 0]
        assert empty == [], f"{person} has no rows in {empty}: fill them in _fill"

    assert erasure.erase_person("alice")

    after = _rows_by_table(db_url, "alice", ids["alice"])
    assert after == dict.fromkeys(before["alice"], 0)
    assert _rows_by_table(db_url, "bob", ids["bob"]) == before["bob"]  # bob's stays intact
    assert checkins.schedule_for("bob") is not None
    assert not erasure.erase_person("alice")  # nothing left


def test_erasing_someone_known_only_to_rasa_removes_their_conversation(db_url: str) -> None:
    _save_tracker(db_url, "carol")
    assert erasure.erase_person("carol")
    with get_engine(db_url).connect() as conn:
        assert conn.execute(
            text("SELECT count(*) FROM events WHERE sender_id = 'carol'")
        ).scalar_one() == 0


def test_erasing_an_unknown_person_returns_false(db_url: str) -> None:
    assert not erasure.erase_person("nobody")  # no events table yet
    _fill(db_url, "bob")
    assert not erasure.erase_person("nobody")
    assert checkins.schedule_for("bob") is not None
