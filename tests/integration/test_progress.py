"""After each check-in: a routine referral (⚠️) or the plan moved on, read from and kept in
the journal, on SQLite and PostgreSQL.

``journal.record_recommendation`` stamps the plan with the real time, and a step starts on
the local day of that stamp; the check-ins are dated in days after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.domain import timing
from bot.services.progress import review_checkin
from bot.store import checkins, journal
from bot.store.engine import session_scope
from bot.store.models import RecommendationRecord

TZ = "Europe/London"
ME = "chat-7"


@dataclass(frozen=True)
class Day:
    """One check-in, ``offset`` days after the step started."""

    offset: int
    pain: float
    trend: str | None = None
    exercises: str | None = None


def start_plan(
    *,
    step: int = 1,
    regimen: str = "passive_stretching",
    next_regimen: str | None = "mckenzie",
    aerobic: bool = False,
) -> date:
    """The intake recommendation; returns the local day the step started."""
    journal.record_recommendation(
        ME, step=step, regimen=regimen, next_regimen=next_regimen, aerobic=aerobic,
        rule="intake", message=f"Step {step} now",
    )
    latest = journal.recommendations_for(ME)[-1]
    return timing.local_date(checkins.as_utc(latest.created_at), TZ)


def check_in(started: date, day: Day) -> date:
    """Record the day's answers as the check-in form does; returns the day's date."""
    local = started + timedelta(days=day.offset)
    answers = {"checkin_pain": day.pain, "checkin_trend": day.trend}
    answers["checkin_exercises"] = day.exercises
    for slot, value in answers.items():
        if value is not None:
            checkins.record_checkin_answer(ME, slot, value, str(value), local_date=local)
    return local


def outcomes(started: date, days: list[Day], baseline: float) -> list[str]:
    """Check in day by day and review each one, as the bot does after the last answer."""
    return [
        review_checkin(ME, baseline, check_in(started, day), TZ).outcome for day in days
    ]


# --- Referrals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "expected", "reasons"),
    [
        (  # "worse" two days running
            [Day(0, 6, "worse"), Day(1, 6, "worse")],
            ["steady", "referral"],
            ("worse_two_days",),
        ),
        (  # pain 8 or more two days running
            [Day(0, 8, "same"), Day(1, 9, "same")],
            ["steady", "referral"],
            ("severe_two_days",),
        ),
        (  # above the intake pain three days running
            [Day(0, 7), Day(1, 7), Day(2, 7)],
            ["steady", "steady", "referral"],
            ("above_baseline",),
        ),
        (  # five days on the step and the pain not down by 2 points (or 30%)
            [Day(5, 5, "same")],
            ["referral"],
            ("no_improvement",),
        ),
        ([Day(4, 5, "same")], ["steady"], ()),  # four days: too early to tell
        ([Day(0, 6, "worse"), Day(2, 6, "worse")], ["steady", "steady"], ()),  # a day missed
    ],
)
def test_a_plan_that_is_not_working_leads_to_a_referral(
    db_url: str, days: list[Day], expected: list[str], reasons: tuple[str, ...]
) -> None:
    started = start_plan()
    assert outcomes(started, days, baseline=6) == expected
    stored = checkins.referrals_for(ME)
    if not reasons:
        assert stored == []
        return
    [referral] = stored
    assert referral.reasons == reasons
    assert referral.message.startswith("⚠️")
    # The plan is held where it is: no progression alongside a referral.
    assert len(journal.recommendations_for(ME)) == 1


def test_the_same_reason_the_next_day_is_not_repeated(db_url: str) -> None:
    started = start_plan()
    first = review_checkin(ME, 6, check_in(started, Day(0, 6, "worse", "yes")), TZ)
    second = review_checkin(ME, 6, check_in(started, Day(1, 6, "worse", "yes")), TZ)
    third = review_checkin(ME, 6, check_in(started, Day(2, 6, "worse", "yes")), TZ)
    assert (first.outcome, second.outcome, third.outcome) == ("steady", "referral", "hold")
    assert second.message is not None and second.message.startswith("⚠️")
    assert third.message is None
    [referral] = checkins.referrals_for(ME)
    assert referral.message == second.message
    # Three stretching sessions, but "worse" holds the plan: no Step 2 yet.
    assert [r.step for r in journal.recommendations_for(ME)] == [1]


# --- Moving the plan on -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "moves_on"),
    [
        ([Day(0, 5, "same", "yes"), Day(1, 5, "same", "yes"), Day(2, 5, "same", "yes")], True),
        ([Day(0, 6, "same", "yes"), Day(1, 6, "same", "yes"), Day(2, 6, "same", "yes")], True),
        ([Day(0, 5, "same", "yes"), Day(2, 5, "same", "yes"), Day(5, 4, "better", "yes")], True),
        ([Day(0, 5, "same", "yes"), Day(1, 5, "same", "yes"), Day(2, 7, "same", "yes")], False),
        ([Day(0, 5, "same", "yes"), Day(1, 5, "same", "yes"), Day(2, 5, "worse", "yes")], False),
        ([Day(0, 5, "same", "yes"), Day(1, 5, "same", "partly"), Day(2, 5, "same", "yes")], False),
        # Stretching before the step started does not count.
        ([Day(-1, 5, "same", "yes"), Day(0, 5, "same", "yes"), Day(1, 5, "same", "yes")], False),
    ],
)
def test_step_2_starts_after_three_stretching_sessions(
    db_url: str, days: list[Day], moves_on: bool
) -> None:
    started = start_plan()
    results = outcomes(started, days, baseline=6)
    assert results == ["steady", "steady", "progression" if moves_on else "steady"]
    history = journal.recommendations_for(ME)
    if not moves_on:
        assert [r.step for r in history] == [1]
        return
    intake, step2 = history
    assert (step2.step, step2.regimen, step2.next_regimen, step2.aerobic, step2.rule) == (
        2, "mckenzie", None, False, "start_step_2"
    )
    assert step2.message.startswith("Well done! Step 2 now: McKenzie exercises.")
    assert checkins.referrals_for(ME) == []


def test_the_progression_message_is_the_one_stored_and_not_repeated(db_url: str) -> None:
    started = start_plan(next_regimen="stabilisation")
    for offset in range(2):
        check_in(started, Day(offset, 5, "same", "yes"))
    verdict = review_checkin(ME, 6, check_in(started, Day(2, 5, "better", "yes")), TZ)
    assert verdict.outcome == "progression"
    assert verdict.message is not None and "lumbar stabilisation exercises" in verdict.message
    assert journal.recommendations_for(ME)[-1].message == verdict.message
    # On Step 2 now: another stretching day changes nothing.
    again = review_checkin(ME, 6, check_in(started, Day(3, 5, "same", "yes")), TZ)
    assert again.outcome == "steady"
    assert len(journal.recommendations_for(ME)) == 2


@pytest.mark.parametrize(
    ("pains", "offsets", "added"),
    [
        ([3, 2, 3], [0, 1, 2], True),
        ([1, 0, 0], [0, 1, 2], True),
        ([3, 4, 3], [0, 1, 2], False),
        ([3, 2, 3], [0, 1, 3], False),  # a day missed: not three running
    ],
)
def test_aerobic_exercise_is_added_after_three_days_at_3_or_less(
    db_url: str, pains: list[float], offsets: list[int], added: bool
) -> None:
    started = start_plan(step=2, regimen="mckenzie", next_regimen=None)
    days = [Day(offset, pain, "better") for offset, pain in zip(offsets, pains, strict=True)]
    assert outcomes(started, days, baseline=5) == [
        "steady", "steady", "progression" if added else "steady"
    ]
    latest = journal.recommendations_for(ME)[-1]
    assert latest.aerobic is added
    if added:
        assert (latest.step, latest.regimen, latest.rule) == (2, "mckenzie", "add_aerobic")
        assert "Step 4 added: aerobic exercise." in latest.message
        # Once added, it is not added again.
        next_day = check_in(started, Day(offsets[-1] + 1, 2, "better"))
        assert review_checkin(ME, 5, next_day, TZ).outcome == "steady"
        assert len(journal.recommendations_for(ME)) == 2


def test_step_2_and_aerobic_together(db_url: str) -> None:
    started = start_plan()
    days = [Day(0, 3, "better", "yes"), Day(1, 2, "better", "yes"), Day(2, 2, "same", "yes")]
    assert outcomes(started, days, baseline=6) == ["steady", "steady", "progression"]
    latest = journal.recommendations_for(ME)[-1]
    assert (latest.step, latest.regimen, latest.aerobic) == (2, "mckenzie", True)
    assert latest.rule == "start_step_2+add_aerobic"
    assert "Step 2 now" in latest.message and "Step 4 added" in latest.message


@pytest.mark.parametrize(
    ("first_step", "expected"),
    [
        (2, "referral"),  # Step 4 added to the same step: its clock keeps running (6 days)
        (1, "steady"),  # Step 2 started: a new clock (0 days on it)
    ],
)
def test_the_step_starts_with_its_first_recommendation(
    db_url: str, first_step: int, expected: str
) -> None:
    if first_step == 1:
        start_plan()
    else:
        start_plan(step=2, regimen="mckenzie", next_regimen=None)
    with session_scope() as session:  # given six days ago
        for rec in session.execute(select(RecommendationRecord)).scalars():
            rec.created_at = checkins.as_utc(rec.created_at) - timedelta(days=6)
    today = start_plan(step=2, regimen="mckenzie", next_regimen=None, aerobic=first_step == 2)
    # Pain 5 from 6 is not the 2-point drop that counts as improvement.
    verdict = review_checkin(ME, 6, check_in(today, Day(0, 5, "same")), TZ)
    assert verdict.outcome == expected
    reasons = [r.reasons for r in checkins.referrals_for(ME)]
    assert reasons == ([("no_improvement",)] if expected == "referral" else [])


# --- Without a plan ---------------------------------------------------------------------


def test_no_recommendation_means_no_plan_and_nothing_stored(db_url: str) -> None:
    today = date(2025, 1, 15)
    for offset in range(3):
        check_in(today, Day(offset, 9, "worse", "yes"))
    verdict = review_checkin(ME, 6, today + timedelta(days=2), TZ)
    assert verdict.outcome == "no_plan" and verdict.message is None
    assert checkins.referrals_for(ME) == []
    assert journal.recommendations_for(ME) == []


def test_no_intake_pain_means_no_plan(db_url: str) -> None:
    started = start_plan()
    for offset in range(2):
        check_in(started, Day(offset, 9, "worse"))
    verdict = review_checkin(ME, None, started + timedelta(days=1), TZ)
    assert verdict.outcome == "no_plan"
    assert checkins.referrals_for(ME) == []


def test_a_day_without_a_check_in_is_not_judged(db_url: str) -> None:
    started = start_plan()
    for offset in range(2):
        check_in(started, Day(offset, 9, "worse"))
    assert review_checkin(ME, 6, started + timedelta(days=2), TZ).outcome == "steady"
    assert checkins.referrals_for(ME) == []
