"""After each check-in: judge the trend, and refer or move the plan on (and journal it).

The rules are :mod:`bot.domain.trends`; this module only reads what they need from the journal
and writes back what they decide. No Rasa, no Telegram.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.content.trend_messages import progression_message, referral_message
from bot.domain import timing
from bot.domain.programme import Regimen
from bot.domain.trends import CheckinPoint, PlanState, review
from bot.store import checkins, journal

Outcome = Literal["referral", "progression", "hold", "steady", "no_plan"]


@dataclass(frozen=True)
class Verdict:
    """What the check-in led to, and the message that says so (None: nothing to add)."""

    outcome: Outcome
    message: str | None = None


def plan_state(
    conversation_id: str, baseline_pain: float, tz: str, url: str | None = None
) -> PlanState | None:
    """The plan the person is on now (the latest recommendation), or None without one."""
    history = journal.recommendations_for(conversation_id, url)
    if not history:
        return None
    current = history[-1]
    started = journal.run_start(
        history, lambda rec: (rec.step, rec.regimen) == (current.step, current.regimen)
    )
    return PlanState(
        baseline_pain=baseline_pain,
        step=current.step,
        regimen=Regimen(current.regimen),
        next_regimen=Regimen(current.next_regimen) if current.next_regimen else None,
        aerobic=current.aerobic,
        step_started=timing.local_date(checkins.as_utc(started), tz),
    )


def points(conversation_id: str, url: str | None = None) -> list[CheckinPoint]:
    """The check-ins with a pain score, as the trend rules read them."""
    return [
        CheckinPoint(
            day.local_date,
            day.pain,
            day.trend if day.trend in ("better", "same", "worse") else None,  # type: ignore[arg-type]
            day.exercises if day.exercises in ("yes", "partly", "no") else None,  # type: ignore[arg-type]
        )
        for day in checkins.checkins_for(conversation_id, url)
        if day.pain is not None
    ]


def review_checkin(
    conversation_id: str,
    baseline_pain: float | None,
    today: date,
    tz: str,
    url: str | None = None,
) -> Verdict:
    """Judge today's check-in; store and return a referral or a progression."""
    if baseline_pain is None:
        return Verdict("no_plan")
    plan = plan_state(conversation_id, baseline_pain, tz, url)
    if plan is None:
        return Verdict("no_plan")
    previous = [
        (timing.local_date(r.created_at, tz), frozenset(r.reasons))
        for r in checkins.referrals_for(conversation_id, url)
    ]
    result = review(plan, points(conversation_id, url), previous, today)
    if result.referral:
        message = referral_message(result.referral)
        codes = tuple(reason.code for reason in result.referral)
        checkins.record_referral(conversation_id, codes, message, url)
        return Verdict("referral", message)
    if result.reasons:
        return Verdict("hold")  # referred for these reasons recently: no repeat today
    if result.progression is not None:
        new = result.progression.plan
        message = progression_message(result.progression)
        journal.record_recommendation(
            conversation_id,
            step=new.step,
            regimen=new.regimen.value,
            next_regimen=new.next_regimen.value if new.next_regimen else None,
            aerobic=new.aerobic,
            rule="+".join(change.code for change in result.progression.changes),
            message=message,
            url=url,
        )
        return Verdict("progression", message)
    return Verdict("steady")
