"""Trend rules for the daily check-ins: when to refer (⚠️) and when to move the plan on.

Plain functions over plain data, like :mod:`bot.domain.programme`, read next to the seed programme
(``seeds/step5-stretch-and-exercise.txt``):

- "if your back condition does not respond within a few days or gets worse with these
  recommendations, make an appointment with a specialist for further evaluation" gives the
  routine referral and its four reasons;
- "These can take a few sessions to see the full benefits of stretching" and "Once the
  pain from tight muscles and spasm has been addressed with passive stretching, then the
  strengthening exercises can started" give the move from Step 1 to Step 2;
- "Start Aerobic Exercises (3-6 times a week) ... when back pain is under control" adds
  Step 4.

Check-ins are judged one per local day (the latest given for a day wins), and "running"
means on consecutive local days: a day without a check-in breaks a run.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date
from typing import Final, Literal

from bot.domain.programme import PAIN_UNDER_CONTROL, Recommendation, Regimen

TrendWord = Literal["better", "same", "worse"]
ExerciseWord = Literal["yes", "partly", "no"]

#: Referral reasons, in the order the message lists them.
WORSE_TWO_DAYS: Final = "worse_two_days"
ABOVE_BASELINE: Final = "above_baseline"
SEVERE_TWO_DAYS: Final = "severe_two_days"
NO_IMPROVEMENT: Final = "no_improvement"
#: Progression changes.
START_STEP_2: Final = "start_step_2"
ADD_AEROBIC: Final = "add_aerobic"
Code = Literal[
    "worse_two_days",
    "above_baseline",
    "severe_two_days",
    "no_improvement",
    "start_step_2",
    "add_aerobic",
]

#: Pain at or above this on two running days is a reason to refer.
SEVERE_PAIN = 8
#: Days on a step (step start to latest check-in) before a lack of improvement counts.
NO_IMPROVEMENT_DAYS = 5
#: A clinically important improvement: a drop of this many points ...
IMPROVEMENT_POINTS = 2
#: ... or of this percentage of the baseline, whichever is reached first.
IMPROVEMENT_PERCENT = 30
#: Check-ins with stretching done ("yes") on Step 1 before Step 2 can start.
STRETCHING_SESSIONS = 3
#: A reason referred on day d is not referred again before day d + 3.
REFERRAL_QUIET_DAYS = 3

_EPSILON = 1e-9


@dataclass(frozen=True)
class CheckinPoint:
    """One check-in: local day, pain 0-10, trend since yesterday, exercises done."""

    day: date
    pain: float
    trend: TrendWord | None = None
    exercises: ExerciseWord | None = None


@dataclass(frozen=True)
class PlanState:
    """The plan a person is on: intake pain, action step and regimens, Step 4, step start."""

    baseline_pain: float
    step: int
    regimen: Regimen
    next_regimen: Regimen | None
    aerobic: bool
    step_started: date

    @classmethod
    def start(cls, rec: Recommendation, baseline_pain: float, started: date) -> PlanState:
        """The plan as the intake recommendation sets it up, starting on ``started``."""
        return cls(baseline_pain, rec.step, rec.regimen, rec.next_regimen, rec.aerobic, started)


@dataclass(frozen=True)
class Reason:
    """A rule that fired, with the numbers behind it.

    ``days`` and ``pains`` are the check-ins the rule judged (oldest first); ``baseline``,
    ``step`` and ``days_on_step`` the plan at the time; ``sessions`` the Step 1 stretching
    sessions counted (only for ``start_step_2``).
    """

    code: Code
    days: tuple[date, ...]
    pains: tuple[float, ...]
    baseline: float
    step: int
    days_on_step: int
    sessions: int = 0

    @property
    def detail(self) -> str:
        """The numbers in plain words, for the journal."""
        pains = ", ".join(f"{p:g}" for p in self.pains)
        days = ", ".join(d.isoformat() for d in self.days)
        base = f"baseline {self.baseline:g}"
        if self.code == WORSE_TWO_DAYS:
            return f'"worse" on {days}'
        if self.code == ABOVE_BASELINE:
            return f"pain {pains} on {days}, above {base}"
        if self.code == SEVERE_TWO_DAYS:
            return f"pain {pains} on {days}, {SEVERE_PAIN} or more"
        if self.code == NO_IMPROVEMENT:
            return (
                f"pain {pains} after {self.days_on_step} days on step {self.step}, {base}; "
                f"needed a drop of {required_drop(self.baseline):g}"
            )
        if self.code == START_STEP_2:
            return (
                f"{self.sessions} stretching sessions in {self.days_on_step} days; pain {pains} "
                f"on {days}, not above {base}, not worse"
            )
        return f"pain {pains} on {days}, {PAIN_UNDER_CONTROL} or less"


@dataclass(frozen=True)
class Progression:
    """The new plan and the changes that made it, each with its numbers."""

    plan: PlanState
    changes: tuple[Reason, ...]


@dataclass(frozen=True)
class Review:
    """A day's verdict: referral reasons, the ones to tell now, or a progression.

    ``reasons`` are all of today's referral reasons (any of them holds the plan where it
    is); ``referral`` is what to send now (empty when every reason was referred within
    :data:`REFERRAL_QUIET_DAYS`); ``progression`` is only ever set when there are no reasons.
    """

    reasons: tuple[Reason, ...] = ()
    referral: tuple[Reason, ...] = ()
    progression: Progression | None = None


def one_per_day(checkins: Sequence[CheckinPoint]) -> list[CheckinPoint]:
    """The check-ins oldest day first, one per local day: the last given for a day wins."""
    latest: dict[date, CheckinPoint] = {}
    for point in checkins:
        latest[point.day] = point
    return [latest[day] for day in sorted(latest)]


def _running(points: Sequence[CheckinPoint], count: int) -> Sequence[CheckinPoint] | None:
    """The last ``count`` daily check-ins if they fall on consecutive days, else None."""
    last = points[-count:]
    if len(last) < count:
        return None
    # One check-in per day, oldest first: consecutive exactly when they span count - 1 days.
    if (last[-1].day - last[0].day).days != count - 1:
        return None
    return last


def required_drop(baseline: float) -> float:
    """The drop from baseline that counts as improvement: 2 points or 30%, the smaller."""
    return min(float(IMPROVEMENT_POINTS), baseline * IMPROVEMENT_PERCENT / 100)


def improved(baseline: float, pain: float) -> bool:
    """True when pain has dropped from baseline by >= 2 points or >= 30% of baseline."""
    drop = baseline - pain
    return drop > 0 and drop + _EPSILON >= required_drop(baseline)


def _reason(
    code: Code, plan: PlanState, points: Sequence[CheckinPoint], latest: date, sessions: int = 0
) -> Reason:
    return Reason(
        code=code,
        days=tuple(p.day for p in points),
        pains=tuple(p.pain for p in points),
        baseline=plan.baseline_pain,
        step=plan.step,
        days_on_step=(latest - plan.step_started).days,
        sessions=sessions,
    )


def referral_reasons(plan: PlanState, checkins: Sequence[CheckinPoint]) -> list[Reason]:
    """Why the plan does not seem to be working, judged at the latest check-in.

    - ``worse_two_days``: "worse" at the last two check-ins, on consecutive days;
    - ``above_baseline``: pain above the intake pain at the last three, on consecutive days;
    - ``severe_two_days``: pain >= 8 at the last two, on consecutive days;
    - ``no_improvement``: >= 5 days from the step's start to the latest check-in and the
      latest pain not down by 2 points or 30% of baseline. Pain at or under 3/10 is
      "under control" (it adds Step 4), so it never counts as a lack of improvement; with
      a baseline of 0-3 only getting worse (the other reasons) leads to a referral.
    """
    days = one_per_day(checkins)
    if not days:
        return []
    latest = days[-1]
    reasons = []
    two = _running(days, 2)
    three = _running(days, 3)
    if two and all(p.trend == "worse" for p in two):
        reasons.append(_reason(WORSE_TWO_DAYS, plan, two, latest.day))
    if three and all(p.pain > plan.baseline_pain for p in three):
        reasons.append(_reason(ABOVE_BASELINE, plan, three, latest.day))
    if two and all(p.pain >= SEVERE_PAIN for p in two):
        reasons.append(_reason(SEVERE_TWO_DAYS, plan, two, latest.day))
    if (
        (latest.day - plan.step_started).days >= NO_IMPROVEMENT_DAYS
        and latest.pain > PAIN_UNDER_CONTROL
        and not improved(plan.baseline_pain, latest.pain)
    ):
        reasons.append(_reason(NO_IMPROVEMENT, plan, [latest], latest.day))
    return reasons


def referral_due(
    reasons: Sequence[Reason],
    previous: Sequence[tuple[date, AbstractSet[str]]],
    today: date,
) -> list[Reason]:
    """The reasons to refer with today, or [] when no referral is due.

    A referral is due when one of today's reasons was not referred in the last 3 days
    (on ``today`` or the 2 days before), so a reason that persists is repeated every third
    day, not daily, while a new reason is referred at once. When due, all of today's
    reasons are returned, so the message gives the whole picture.
    """
    recent: set[str] = set()
    for day, codes in previous:
        if (today - day).days < REFERRAL_QUIET_DAYS:
            recent |= set(codes)
    if any(reason.code not in recent for reason in reasons):
        return list(reasons)
    return []


def progression(plan: PlanState, checkins: Sequence[CheckinPoint]) -> Progression | None:
    """The plan moved on at the latest check-in, or None when nothing changes.

    - ``start_step_2``: on Step 1 (passive stretching), stretching done ("yes") at >= 3
      check-ins since the step started, the latest pain not above baseline and the latest
      trend not "worse" -> the Step 2 regimen, starting on the latest check-in's day;
    - ``add_aerobic``: pain <= 3/10 at the last three check-ins, on consecutive days, and
      Step 4 not yet on -> Step 4 added.

    It does not look for referral reasons; :func:`review` holds progression back on a day
    that has any.
    """
    days = one_per_day(checkins)
    if not days:
        return None
    latest = days[-1]
    new = plan
    changes = []
    stretching = plan.step == 1 and plan.regimen is Regimen.PASSIVE_STRETCHING
    if stretching and plan.next_regimen is not None:
        sessions = [p for p in days if p.day >= plan.step_started and p.exercises == "yes"]
        if (
            len(sessions) >= STRETCHING_SESSIONS
            and latest.pain <= plan.baseline_pain
            and latest.trend != "worse"
        ):
            changes.append(_reason(START_STEP_2, plan, [latest], latest.day, len(sessions)))
            new = replace(
                new, step=2, regimen=plan.next_regimen, next_regimen=None, step_started=latest.day
            )
    three = _running(days, 3)
    if not plan.aerobic and three and all(p.pain <= PAIN_UNDER_CONTROL for p in three):
        changes.append(_reason(ADD_AEROBIC, plan, three, latest.day))
        new = replace(new, aerobic=True)
    return Progression(new, tuple(changes)) if changes else None


def review(
    plan: PlanState,
    checkins: Sequence[CheckinPoint],
    previous_referrals: Sequence[tuple[date, AbstractSet[str]]],
    today: date,
) -> Review:
    """Today's verdict on the check-ins up to ``today``: referral, progression or nothing.

    Only a day with a check-in is judged (without one there is nothing new, and a stale
    history would only repeat itself). Any referral reason holds the plan where it is, even
    when the referral itself is not repeated today.
    """
    history = [c for c in checkins if c.day <= today]
    if not history or max(c.day for c in history) != today:
        return Review()
    reasons = referral_reasons(plan, history)
    if reasons:
        return Review(tuple(reasons), tuple(referral_due(reasons, previous_referrals, today)))
    return Review(progression=progression(plan, history))
