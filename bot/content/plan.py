"""The plan: the step to do now, why, how, and the answers it rests on."""

from __future__ import annotations

from bot.content.advice import (
    FIND_DIRECTION,
    REGIMEN_HOW,
    REGIMEN_NAMES,
    SAFETY_NET,
    START_SLOWLY,
    STEP3,
    STEP4,
    STEP4_LATER,
    TIGHT_FIRST,
)
from bot.domain.programme import (
    ACUTE_MAX_DAYS,
    SUBACUTE_MAX_DAYS,
    Intake,
    Recommendation,
    duration_class,
)

_DIRECTION_WORDS = {
    "flexion": "bending forward makes the pain worse",
    "extension": "leaning back makes the pain worse",
    "both": "both bending forward and leaning back make the pain worse",
    "none": "no movement stands out as making the pain worse",
}

_REGIMEN_REASON = {
    "flexion_pain_mckenzie": "McKenzie exercises work in the opposite direction to the painful one",
    "leg_pain_mckenzie": "McKenzie exercises can help pain down the leg that comes from a disc",
    "extension_pain_stabilisation": (
        "stabilisation keeps your back in a comfortable neutral position instead of arching it"
    ),
    "both_directions_stabilisation": "a comfortable neutral position is the safe place to start",
    "no_direction_stabilisation": "building the core to hold a comfortable position suits you",
}


def format_days(days: float) -> str:
    """A human duration: "10 days", "3 weeks", "4 months", "2 years"."""
    days = round(days)
    if days < 14:
        return "1 day" if days == 1 else f"{days} days"
    if days < 60:
        weeks = round(days / 7)
        return f"{weeks} weeks"
    if days < 730:
        months = round(days / 30)
        return f"{months} months"
    return f"{round(days / 365)} years"


def format_duration(days: float) -> str:
    """The duration and its class: "3 weeks (acute: under 6 weeks)"."""
    kind = duration_class(days)
    bounds = {
        "acute": f"under {ACUTE_MAX_DAYS // 7} weeks",
        "subacute": f"{ACUTE_MAX_DAYS // 7} to {SUBACUTE_MAX_DAYS // 7} weeks",
        "chronic": f"over {SUBACUTE_MAX_DAYS // 7} weeks",
    }
    return f"{format_days(days)} ({kind}: {bounds[kind]})"


def format_score(score: float) -> str:
    """"6/10", or "6.5/10" for a half point."""
    return f"{score:g}/10"


def answers_summary(intake: Intake) -> str:
    """One line that repeats the answers the plan rests on."""
    tightness = (
        "back locked up or in spasm"
        if intake.spasm
        else ("tight muscles" if intake.flexibility == "tight" else "flexible enough")
    )
    leg = "pain spreads into a leg" if intake.leg_pain else "no pain in the legs"
    return (
        f"Your answers: {_DIRECTION_WORDS[intake.pain_direction]}; lasting "
        f"{format_duration(intake.pain_duration_days)}; {tightness}; pain "
        f"{format_score(intake.pain_score)}; {leg}."
    )


def _why(intake: Intake, rec: Recommendation) -> str:
    regimen_rule = rec.rule.split("+")[-1]
    said = [_DIRECTION_WORDS[intake.pain_direction]]
    if regimen_rule == "leg_pain_mckenzie":
        said.append("the pain goes down your leg")
    reasons = []
    if rec.step == 1:
        said.insert(
            0,
            "your back is locked up or in spasm"
            if intake.spasm
            else "your muscles feel tight",
        )
        reasons.append(TIGHT_FIRST.text)
    reasons.append(_REGIMEN_REASON[regimen_rule])
    return f"Why: you said {' and '.join(said)}, and {', then '.join(reasons)}."


def recommendation_message(intake: Intake, rec: Recommendation) -> str:
    """The plan: the step to do now first, why, how, Steps 3-4 and the safety net."""
    if rec.step == 1 and rec.next_regimen is not None:
        lead = (
            f"Step 1 now: {REGIMEN_NAMES[rec.regimen]}. "
            f"Then Step 2: {REGIMEN_NAMES[rec.next_regimen]}."
        )
    else:
        lead = f"Step 2 now: {REGIMEN_NAMES[rec.regimen]}."
    parts = [lead, _why(intake, rec), REGIMEN_HOW[rec.regimen].text]
    if rec.step == 1:
        parts.append(f"After that: {REGIMEN_HOW[rec.exercise_regimen].text}")
    if intake.pain_direction == "both":
        parts.append(FIND_DIRECTION.text)
    parts.append(START_SLOWLY.text)
    parts.append(STEP3.text)
    parts.append(STEP4.text if rec.aerobic else STEP4_LATER.text)
    parts.append(answers_summary(intake))
    parts.append(SAFETY_NET.text)
    return "\n\n".join(parts)
