"""A person's journal as /history and /export read it: their answers, check-ins, plan
changes, referrals and warning signs, on their own local days.

Everything is read through the conversation-scoped journal functions
(:mod:`bot.store.journal`, :mod:`bot.store.checkins`), so a person only ever sees their own
data. Dates are the person's local days (their check-in time zone, else the default one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.content import history_labels as words
from bot.domain import timing
from bot.domain.programme import Regimen
from bot.store import checkins, journal


@dataclass(frozen=True)
class Journal:
    """What the chart and the summary need, read once."""

    tz: str
    baseline: float | None
    baseline_day: date | None
    pains: list[tuple[date, float]]
    plan: list[journal.JournalRecommendation]
    referrals: list[checkins.ReferralInfo]
    red_flags: list[date]
    paused_since: date | None


@dataclass
class Marks:
    """The vertical markers of one day on the chart."""

    labels: list[str] = field(default_factory=list)
    step: bool = False
    referral: bool = False
    red_flag: bool = False


def local_day(moment: datetime, tz: str) -> date:
    return timing.local_date(checkins.as_utc(moment), tz)


def read_journal(conversation_id: str, url: str | None) -> Journal:
    tz = checkins.zone_of(conversation_id, url)
    baseline: float | None = None
    baseline_day: date | None = None
    for answer in journal.answers_for(conversation_id, url):
        if answer.slot == "pain_score" and answer.accepted and is_number(answer.value):
            baseline, baseline_day = float(answer.value), local_day(answer.created_at, tz)
    pains = [
        (day.local_date, float(day.pain))
        for day in checkins.checkins_for(conversation_id, url)
        if day.pain is not None
    ]
    red_flags: list[date] = []
    paused_since: date | None = None
    for event in journal.safety_events_for(conversation_id, url):
        if event.kind == "red_flag":
            red_flags.append(local_day(event.created_at, tz))
            paused_since = paused_since or red_flags[-1]
        elif event.kind == "assessed":
            paused_since = None
    return Journal(
        tz=tz,
        baseline=baseline,
        baseline_day=baseline_day,
        pains=pains,
        plan=journal.recommendations_for(conversation_id, url),
        referrals=checkins.referrals_for(conversation_id, url),
        red_flags=red_flags,
        paused_since=paused_since,
    )


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def regimen_name(code: str, names: dict[Regimen, str]) -> str:
    try:
        return names[Regimen(code)]
    except (ValueError, KeyError):
        return code.replace("_", " ")


def plan_changes(data: Journal) -> list[tuple[date, str]]:
    """Each day the plan changed, with its chart label ("Step 2: McKenzie", "Step 4 added")."""
    changes = []
    previous: journal.JournalRecommendation | None = None
    for rec in data.plan:
        moved = previous is None or (rec.step, rec.regimen) != (previous.step, previous.regimen)
        aerobic = rec.aerobic and (previous is None or not previous.aerobic)
        labels = []
        if moved:
            labels.append(
                words.HISTORY_STEP_LABEL.format(
                    step=rec.step, regimen=regimen_name(rec.regimen, words.HISTORY_REGIMEN_SHORT)
                )
            )
        if aerobic:
            labels.append(words.HISTORY_STEP4_LABEL)
        if labels:
            changes.append((local_day(rec.created_at, data.tz), " + ".join(labels)))
        previous = rec
    return changes
