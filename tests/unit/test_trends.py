"""Check-in trends: when the plan is not working (refer) and when it moves on, table by table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.programme import Intake, Regimen, recommend
from bot.domain.trends import (
    CheckinPoint,
    PlanState,
    Reason,
    Review,
    one_per_day,
    progression,
    referral_due,
    referral_reasons,
    review,
)

MON = date(2025, 11, 3)  # a Monday; check-ins are given as days after it
MCK, STAB, STRETCH = Regimen.MCKENZIE, Regimen.STABILISATION, Regimen.PASSIVE_STRETCHING
WORSE, ABOVE = "worse_two_days", "above_baseline"
SEVERE, NO_IMP = "severe_two_days", "no_improvement"


def day(offset: int) -> date:
    return MON + timedelta(days=offset)


def c(offset: int, pain: float, trend: str | None = None, ex: str | None = None) -> CheckinPoint:
    """A check-in ``offset`` days after Monday 3 Nov."""
    return CheckinPoint(day(offset), pain, trend, ex)  # type: ignore[arg-type]


def step2(baseline: float, started: int = 0, aerobic: bool = False) -> PlanState:
    return PlanState(baseline, 2, MCK, None, aerobic, day(started))


def step1(baseline: float, started: int = 0, aerobic: bool = False) -> PlanState:
    return PlanState(baseline, 1, STRETCH, STAB, aerobic, day(started))


@pytest.mark.parametrize(
    ("plan", "checkins", "codes"),
    [
        # "worse" at the last two check-ins, on consecutive days.
        (step2(5), [c(0, 5, "worse"), c(1, 5, "worse")], [WORSE]),
        (step2(5), [c(0, 5, "worse"), c(1, 5, "same")], []),
        (step2(5), [c(0, 5, "same"), c(1, 5, "worse")], []),
        (step2(5), [c(0, 5, "worse"), c(1, 5, "worse"), c(2, 5, "better")], []),
        (step2(5), [c(0, 5, "worse"), c(2, 5, "worse")], []),  # a day missed: not running
        (step2(5), [c(1, 5, "worse"), c(1, 5, "worse")], []),  # same day twice counts once
        (step2(5), [c(0, 5, "worse"), c(1, 5, "better"), c(1, 5, "worse")], [WORSE]),  # latest
        (step2(5), [c(0, 5, "worse"), c(1, 5, "worse"), c(1, 5, "better")], []),
        (step2(5), [c(1, 5, "worse"), c(0, 5, "worse")], [WORSE]),  # given out of order
        # Pain above the intake baseline on the last three consecutive days.
        (step2(5), [c(0, 6), c(1, 7), c(2, 5.5)], [ABOVE]),
        (step2(5), [c(0, 6), c(1, 5), c(2, 6)], []),  # equal to baseline is not above
        (step2(5), [c(0, 6), c(1, 6)], []),  # only two days
        (step2(5), [c(0, 6), c(1, 6), c(3, 6)], []),  # a day missed
        (step2(5), [c(0, 6), c(1, 6), c(2, 6), c(3, 4)], []),  # only the last three count
        (step2(5), [c(0, 6), c(1, 4), c(1, 6), c(2, 6)], [ABOVE]),  # latest of day 1 is 6
        # Pain 8 or more on the last two consecutive days.
        (step2(9), [c(0, 8), c(1, 8)], [SEVERE]),
        (step2(9), [c(0, 8), c(1, 7.5)], []),
        (step2(9), [c(0, 7.5), c(1, 9)], []),
        (step2(9), [c(0, 9), c(2, 9)], []),  # a day missed
        (step2(9), [c(0, 9), c(1, 9), c(1, 7)], []),  # latest of day 1 is 7
        # At least 5 days on the step without a drop of 2 points or 30% from baseline.
        (step2(7), [c(4, 6)], []),  # 4 days on the step: too early to judge
        (step2(7), [c(5, 6)], [NO_IMP]),  # 5 days, down 1 point
        (step2(7), [c(5, 5)], []),  # exactly 2 points
        (step2(7), [c(5, 5.5)], [NO_IMP]),  # 1.5 points (21%)
        (step2(5), [c(5, 3.5)], []),  # exactly 30% (1.5 of 5)
        (step2(5), [c(5, 4)], [NO_IMP]),  # 20%
        (step2(10), [c(5, 8.5)], [NO_IMP]),  # 1.5 points (15%)
        (step2(6), [c(5, 7)], [NO_IMP]),  # got worse
        (step2(7, started=3), [c(0, 7), c(7, 7)], []),  # 4 days since the step started
        (step2(7, started=3), [c(0, 7), c(8, 7)], [NO_IMP]),
        (step2(7), [c(5, 6), c(5, 4)], []),  # latest of the day: down 3
        # Pain at or under 3/10 is under control, never "not improving" (baselines 0-3).
        (step2(4), [c(5, 3)], []),
        (step2(4), [c(5, 3.5)], [NO_IMP]),
        (step2(0), [c(5, 0)], []),
        (step2(1), [c(5, 1)], []),
        (step2(1), [c(9, 1)], []),
        (step2(3), [c(5, 3)], []),
        (step2(3), [c(5, 4)], [NO_IMP]),
        # ... but getting worse from a low baseline still counts.
        (step2(1), [c(0, 2), c(1, 2), c(2, 2)], [ABOVE]),
        (step2(0), [c(0, 1, "worse"), c(1, 1, "worse")], [WORSE]),
        # Several at once, in a fixed order.
        (step2(6), [c(3, 7, "same"), c(4, 8, "worse"), c(5, 8, "worse")],
         [WORSE, ABOVE, SEVERE, NO_IMP]),
        (step2(6), [], []),
    ],
)
def test_referral_reasons(plan: PlanState, checkins: list[CheckinPoint], codes: list[str]) -> None:
    assert [r.code for r in referral_reasons(plan, checkins)] == codes


def test_reasons_carry_the_numbers_that_triggered_them() -> None:
    plan = step2(6)
    reasons = referral_reasons(plan, [c(0, 3), c(3, 7, "same"), c(4, 8, "worse"),
                                      c(5, 8, "worse")])
    by_code: dict[str, Reason] = {r.code: r for r in reasons}
    assert by_code[WORSE].days == (day(4), day(5))
    assert by_code[ABOVE].days == (day(3), day(4), day(5))
    assert by_code[ABOVE].pains == (7, 8, 8)
    assert by_code[SEVERE].pains == (8, 8)
    assert (by_code[NO_IMP].pains, by_code[NO_IMP].days_on_step) == ((8,), 5)
    assert by_code[NO_IMP].detail == (
        "pain 8 after 5 days on step 2, baseline 6; needed a drop of 1.8"  # 30% of 6
    )
    assert by_code[ABOVE].detail == (
        "pain 7, 8, 8 on 2025-11-06, 2025-11-07, 2025-11-08, above baseline 6"
    )


def _reason(code: str) -> Reason:
    return Reason(code, (), (), 5, 2, 0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("today_codes", "previous", "due"),
    [
        ([WORSE], [], [WORSE]),
        ([], [], []),
        ([], [(-1, {WORSE})], []),
        ([WORSE], [(0, {WORSE})], []),  # a second check-in the same day
        ([WORSE], [(-1, {WORSE})], []),
        ([WORSE], [(-2, {WORSE})], []),
        ([WORSE], [(-3, {WORSE})], [WORSE]),  # 3 days on: repeated
        ([WORSE], [(-2, {ABOVE})], [WORSE]),  # a different reason was referred
        # A new reason is referred at once, with the others for the whole picture.
        ([WORSE, SEVERE], [(-1, {WORSE})], [WORSE, SEVERE]),
        ([SEVERE], [(-1, {WORSE, SEVERE})], []),
        ([WORSE, SEVERE], [(-2, {WORSE}), (-1, {SEVERE})], []),
        ([NO_IMP], [(-10, {NO_IMP}), (-3, {NO_IMP})], [NO_IMP]),
    ],
)
def test_referral_is_not_repeated_within_three_days(
    today_codes: list[str], previous: list[tuple[int, set[str]]], due: list[str]
) -> None:
    today = day(10)
    history = [(today + timedelta(days=offset), frozenset(codes)) for offset, codes in previous]
    reasons = [_reason(code) for code in today_codes]
    assert [r.code for r in referral_due(reasons, history, today)] == due


YES = "yes"


@pytest.mark.parametrize(
    ("plan", "checkins", "expected", "codes"),
    [
        # Step 1 -> Step 2: stretching done on 3 check-ins since the step started, pain not
        # above baseline, not getting worse; Step 2 starts on the day of the latest check-in.
        (step1(6), [c(0, 6, "same", YES), c(1, 5, "better", YES), c(2, 5, "same", YES)],
         (2, STAB, None, False, day(2)), ["start_step_2"]),
        (step1(6), [c(0, 6, None, YES), c(2, 6, None, YES), c(6, 6, "same", YES)],
         (2, STAB, None, False, day(6)), ["start_step_2"]),  # sessions needn't be in a row
        (step1(6), [c(0, 6, None, YES), c(1, 6, None, "partly"), c(2, 5, "better", YES)],
         None, []),  # "partly" is not a session
        (step1(6), [c(0, 6, None, YES), c(1, 6, None, "no"), c(2, 5, "better", YES)],
         None, []),
        (step1(6), [c(0, 6, None, YES), c(1, 6, None, YES), c(1, 6, None, YES)],
         None, []),  # the same day twice is one session
        (step1(6, started=1), [c(0, 6, None, YES), c(1, 6, None, YES), c(2, 5, "better", YES)],
         None, []),  # a session before the step started
        (step1(6), [c(0, 6, None, YES), c(1, 6, None, YES), c(2, 6.5, "same", YES)],
         None, []),  # latest pain above baseline
        (step1(6), [c(0, 6, None, YES), c(1, 6, None, YES), c(2, 6, "same", YES)],
         (2, STAB, None, False, day(2)), ["start_step_2"]),  # equal to baseline is fine
        (step1(6), [c(0, 6, None, YES), c(1, 5, None, YES), c(2, 5, "worse", YES)],
         None, []),  # getting worse today
        (step1(6), [c(0, 6, None, YES), c(1, 5, None, YES), c(2, 5, "worse", YES),
                    c(3, 5, "same", "no")],
         (2, STAB, None, False, day(3)), ["start_step_2"]),
        # Step 2 does not move on to Step 2 again.
        (step2(6), [c(0, 6, None, YES), c(1, 5, None, YES), c(2, 5, "better", YES)], None, []),
        # Pain <= 3/10 at three consecutive check-ins adds Step 4.
        (step2(6), [c(0, 3), c(1, 2), c(2, 3)], (2, MCK, None, True, day(0)), ["add_aerobic"]),
        (step2(6), [c(0, 3), c(1, 3.5), c(2, 3)], None, []),
        (step2(6), [c(0, 3), c(1, 2), c(3, 3)], None, []),  # a day missed
        (step2(6), [c(1, 3), c(2, 3)], None, []),
        (step2(6), [c(0, 3), c(1, 3), c(1, 4), c(2, 3)], None, []),  # latest of day 1 is 4
        (step2(6, aerobic=True), [c(0, 3), c(1, 2), c(2, 3)], None, []),  # already on
        # Both at once; Step 4 alone while still stretching.
        (step1(6), [c(0, 3, None, YES), c(1, 2, None, YES), c(2, 2, "better", YES)],
         (2, STAB, None, True, day(2)), ["start_step_2", "add_aerobic"]),
        (step1(6), [c(0, 3, None, YES), c(1, 2, None, "no"), c(2, 2, "better", YES)],
         (1, STRETCH, STAB, True, day(0)), ["add_aerobic"]),
        (step1(6), [], None, []),
    ],
)
def test_progression(
    plan: PlanState,
    checkins: list[CheckinPoint],
    expected: tuple[object, ...] | None,
    codes: list[str],
) -> None:
    result = progression(plan, checkins)
    if expected is None:
        assert result is None
        return
    assert result is not None
    new = result.plan
    assert (new.step, new.regimen, new.next_regimen, new.aerobic, new.step_started) == expected
    assert new.baseline_pain == plan.baseline_pain
    assert [r.code for r in result.changes] == codes


def test_progression_says_why_in_numbers() -> None:
    result = progression(
        step1(6), [c(0, 3, None, YES), c(1, 2, None, YES), c(2, 2, "better", YES)]
    )
    assert result is not None
    step_2, aerobic = result.changes
    assert (step_2.sessions, step_2.pains, step_2.baseline) == (3, (2,), 6)
    assert (aerobic.days, aerobic.pains) == ((day(0), day(1), day(2)), (3, 2, 2))


STEP_1_READY = [c(0, 8, "same", YES), c(1, 8, "same", YES), c(2, 8, "same", YES)]


@pytest.mark.parametrize(
    ("checkins", "previous", "today", "referral", "reasons", "moved_on"),
    [
        # Severe pain two days running: refer, and Step 2 waits despite 3 sessions.
        (STEP_1_READY, [], 2, [SEVERE], [SEVERE], False),
        # Referred yesterday: not repeated, and Step 2 still waits.
        (STEP_1_READY, [(1, {SEVERE})], 2, [], [SEVERE], False),
        # Without the severe days, the same sessions move the plan on.
        ([c(0, 8, "same", YES), c(1, 7, "same", YES), c(2, 7, "better", YES)], [], 2, [], [],
         True),
        # No check-in today: nothing new to judge.
        (STEP_1_READY, [], 3, [], [], False),
        # Check-ins after "today" are not looked at.
        (STEP_1_READY + [c(3, 2, "better", YES)], [], 2, [SEVERE], [SEVERE], False),
    ],
)
def test_review(
    checkins: list[CheckinPoint],
    previous: list[tuple[int, set[str]]],
    today: int,
    referral: list[str],
    reasons: list[str],
    moved_on: bool,
) -> None:
    plan = step1(9)
    history = [(day(offset), frozenset(codes)) for offset, codes in previous]
    result = review(plan, checkins, history, day(today))
    assert [r.code for r in result.referral] == referral
    assert [r.code for r in result.reasons] == reasons
    assert (result.progression is not None) == moved_on
    if moved_on:
        assert result.progression is not None
        assert result.progression.plan.step == 2


def test_review_of_a_quiet_day_is_empty() -> None:
    plan = step2(6)
    assert review(plan, [c(0, 5, "same", YES), c(1, 5, "same", YES)], [], day(1)) == Review()


def test_ten_days_from_stretching_to_aerobic() -> None:
    """A person who stretches, settles, exercises and gets pain under control."""
    intake = Intake("extension", 21, "tight", 6, False)
    plan = PlanState.start(recommend(intake), intake.pain_score, MON)
    assert (plan.step, plan.regimen, plan.next_regimen, plan.aerobic) == (1, STRETCH, STAB, False)
    pains = [6, 6, 5, 5, 4, 4, 3, 3, 2, 2]
    checkins: list[CheckinPoint] = []
    moves: list[tuple[int, str]] = []
    for offset, pain in enumerate(pains):
        checkins.append(c(offset, pain, "better" if offset else "same", YES))
        result = review(plan, checkins, [], day(offset))
        assert result.referral == ()
        if result.progression is not None:
            plan = result.progression.plan
            moves += [(offset, r.code) for r in result.progression.changes]
    assert moves == [(2, "start_step_2"), (8, "add_aerobic")]
    assert (plan.step, plan.regimen, plan.aerobic, plan.step_started) == (2, STAB, True, day(2))


def test_one_per_day_keeps_the_latest_of_each_day_in_day_order() -> None:
    points = one_per_day([c(2, 4), c(0, 5), c(2, 6), c(1, 7)])
    assert [(p.day, p.pain) for p in points] == [(day(0), 5), (day(1), 7), (day(2), 6)]


def test_pain_that_does_not_improve_is_referred_every_third_day() -> None:
    """Day 5 on Step 2 at 6/10 from 7/10: refer, then again on day 8 and day 11."""
    plan = step2(7)
    checkins: list[CheckinPoint] = []
    referred: list[tuple[date, frozenset[str]]] = []
    for offset in range(12):
        checkins.append(c(offset, 6, "same", YES))
        result = review(plan, checkins, referred, day(offset))
        assert result.progression is None
        if result.referral:
            referred.append((day(offset), frozenset(r.code for r in result.referral)))
    assert referred == [(day(5), {NO_IMP}), (day(8), {NO_IMP}), (day(11), {NO_IMP})]
