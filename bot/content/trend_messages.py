"""What Backstep says after a check-in: a referral and its reasons, or the plan moved on."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.content.advice import (
    AEROBIC_ADDED,
    KEEP_EXERCISING,
    REFERRAL,
    REFERRAL_EXAMINATION,
    REFERRAL_KEEP_GENTLE,
    REFERRAL_WARNING_SIGNS,
    REGIMEN_HOW,
    REGIMEN_NAMES,
    START_SLOWLY,
    STEP2_AFTER_STRETCHING,
    STEP2_READY,
)
from bot.content.plan import format_days, format_score
from bot.content.texts import REFERRAL_MARK
from bot.domain.programme import (
    PAIN_UNDER_CONTROL,
)
from bot.domain.trends import (
    ABOVE_BASELINE,
    ADD_AEROBIC,
    NO_IMPROVEMENT,
    SEVERE_PAIN,
    SEVERE_TWO_DAYS,
    START_STEP_2,
    WORSE_TWO_DAYS,
    Progression,
    Reason,
    required_drop,
)

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _and(items: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def format_dates(days: Sequence[date]) -> str:
    """Check-in days as people say them: "Mon 3 and Tue 4 Nov", "Fri 31 Oct and Sat 1 Nov"."""
    words = []
    for i, day in enumerate(days):
        word = f"{_WEEKDAYS[day.weekday()]} {day.day}"
        last = i == len(days) - 1
        if last or (days[i + 1].month, days[i + 1].year) != (day.month, day.year):
            word += f" {_MONTHS[day.month - 1]}"
        words.append(word)
    return _and(words)


def _points(amount: float) -> str:
    return f"{amount:g} point" if amount == 1 else f"{amount:g} points"


def _scores(pains: Sequence[float]) -> str:
    return _and([format_score(p) for p in pains])


def reason_line(reason: Reason) -> str:
    """One referral reason, in numbers."""
    dates = format_dates(reason.days)
    started = format_score(reason.baseline)
    if reason.code == WORSE_TWO_DAYS:
        return f'you said "worse" on {dates}'
    if reason.code == ABOVE_BASELINE:
        return (
            f"your pain was {_scores(reason.pains)} at your last three check-ins ({dates}), "
            f"above the {started} you started at"
        )
    if reason.code == SEVERE_TWO_DAYS:
        return (
            f"your pain was {_scores(reason.pains)} on {dates}: "
            f"{SEVERE_PAIN}/10 or more two days running"
        )
    if reason.code == NO_IMPROVEMENT:
        pain = reason.pains[-1]
        drop = reason.baseline - pain
        if drop > 0:
            change = f"down {_points(drop)} from {started}"
        elif drop < 0:
            change = f"up {_points(-drop)} from {started}"
        else:
            change = f"the same as the {started} you started at"
        needed = required_drop(reason.baseline)
        target = (
            "a drop of 2 points"
            if needed >= 2
            else f"a drop of {_points(round(needed, 2))} (30% of {started})"
        )
        return (
            f"after {format_days(reason.days_on_step)} on Step {reason.step} your pain is "
            f"{format_score(pain)}, {change}; {target} would show the plan is working"
        )
    raise ValueError(f"not a referral reason: {reason.code}")


def referral_message(reasons: Sequence[Reason]) -> str:
    """The routine referral (⚠️): see a specialist, why in numbers, meanwhile, warning signs."""
    why = "\n".join(f"- {reason_line(reason)}" for reason in reasons)
    return "\n\n".join(
        [
            f"{REFERRAL_MARK} {REFERRAL.text} {REFERRAL_EXAMINATION.text}",
            f"Why I'm suggesting it:\n{why}",
            REFERRAL_KEEP_GENTLE.text,
            REFERRAL_WARNING_SIGNS.text,
        ]
    )


def progression_message(progression: Progression) -> str:
    """What moved on in the plan (Step 2 now, Step 4 added), why in numbers, and how."""
    plan = progression.plan
    parts = []
    for change in progression.changes:
        pain = change.pains[-1]
        compared = "down from" if pain < change.baseline else "no higher than"
        if change.code == START_STEP_2:
            parts += [
                f"Step 2 now: {REGIMEN_NAMES[plan.regimen]}.",
                f"Why: you've done the stretching on {change.sessions} days since Step 1 began, "
                f"and today your pain is {format_score(pain)}, {compared} the "
                f"{format_score(change.baseline)} you started at, and not getting worse. "
                f"{STEP2_READY.text} {STEP2_AFTER_STRETCHING.text}",
                REGIMEN_HOW[plan.regimen].text,
                START_SLOWLY.text,
            ]
        elif change.code == ADD_AEROBIC:
            parts += [
                "Step 4 added: aerobic exercise.",
                f"Why: your pain was {_scores(change.pains)} at your last three check-ins "
                f"({format_dates(change.days)}), {PAIN_UNDER_CONTROL}/10 or less, so it's "
                f"under control. {AEROBIC_ADDED.text}",
                KEEP_EXERCISING.text,
            ]
        else:
            raise ValueError(f"not a progression: {change.code}")
    return "Well done! " + "\n\n".join(parts)
