"""The summary under the /history chart: pain, plan, referrals, and Step 3's pattern."""

from __future__ import annotations

from datetime import date

from bot.content import advice, plan, trend_messages
from bot.content import history_labels as words
from bot.services.history_data import (
    Journal,
    local_day,
    regimen_name,
)
from bot.store import journal

# ---------------------------------------------------------------------------- summary


def _when(day: date) -> str:
    return trend_messages.format_dates([day])


def _pain_line(data: Journal) -> str:
    start = plan.format_score(data.baseline) if data.baseline is not None else None
    if not data.pains:
        return words.HISTORY_PAIN_NO_CHECKINS.format(start=start)
    (first, _), (last, latest) = data.pains[0], data.pains[-1]
    values = {
        "start": start,
        "latest": plan.format_score(latest),
        "day": _when(last),
        "count": words.HISTORY_CHECKINS.format(count=len(data.pains)),
        "first": _when(first),
    }
    if len(data.pains) == 1:
        template = words.HISTORY_PAIN_ONE if start else words.HISTORY_PAIN_NO_START_ONE
    else:
        template = words.HISTORY_PAIN_BOTH if start else words.HISTORY_PAIN_NO_START
    return template.format(**values)


def _plan_line(data: Journal) -> str:
    if not data.plan:
        return words.HISTORY_PLAN_NONE
    current = data.plan[-1]
    since = journal.run_start(
        data.plan, lambda r: (r.step, r.regimen) == (current.step, current.regimen)
    )
    parts = [
        words.HISTORY_PLAN.format(
            step=current.step,
            regimen=regimen_name(current.regimen, advice.REGIMEN_NAMES),
            day=_when(local_day(since, data.tz)),
        )
    ]
    if current.step == 1 and current.next_regimen:
        parts.append(
            words.HISTORY_PLAN_NEXT.format(
                regimen=regimen_name(current.next_regimen, advice.REGIMEN_NAMES)
            )
        )
    if current.aerobic:
        added = journal.run_start(data.plan, lambda r: r.aerobic)
        parts.append(words.HISTORY_PLAN_AEROBIC.format(day=_when(local_day(added, data.tz))))
    if data.paused_since is not None:
        parts.append(words.HISTORY_PLAN_PAUSED.format(day=_when(data.paused_since)))
    return "; ".join(parts) + "."


def _referral_line(data: Journal) -> str:
    if not data.referrals:
        return words.HISTORY_NO_REFERRAL
    latest = data.referrals[-1]
    reasons = [
        words.HISTORY_REASONS[code] for code in latest.reasons if code in words.HISTORY_REASONS
    ]
    why = f" ({'; '.join(reasons)})" if reasons else ""
    day = _when(local_day(latest.created_at, data.tz))
    count = len(data.referrals)
    if count == 1:
        return words.HISTORY_REFERRAL_ONCE.format(day=day, why=why)
    times = words.HISTORY_TWICE if count == 2 else words.HISTORY_MANY_TIMES.format(count=count)
    return words.HISTORY_REFERRAL_MANY.format(times=times, day=day, why=why)


def summary(data: Journal, step3: str) -> str:
    """Four lines: pain, plan, referrals, and ``step3`` (what goes with worse pain, from
    :mod:`bot.services.insights`)."""
    return "\n".join([_pain_line(data), _plan_line(data), _referral_line(data), step3])
