"""The texts Backstep composes from a person's answers (static replies live in domain.yml).

Each piece of advice names the passage of the seed programme it rests on
(``seeds/step5-stretch-and-exercise.txt``); a test checks that every passage is there.
Safety contract: only urgent escalations start with 🚨 and only routine referrals with ⚠️.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import BadInput
from bot.rules import (
    ACUTE_MAX_DAYS,
    PAIN_UNDER_CONTROL,
    SUBACUTE_MAX_DAYS,
    Intake,
    Recommendation,
    Regimen,
    duration_class,
)

URGENT_MARK = "🚨"
REFERRAL_MARK = "⚠️"


@dataclass(frozen=True)
class Advice:
    """One piece of advice and the seed passage it is drawn from."""

    text: str
    source: str


REGIMEN_NAMES: dict[Regimen, str] = {
    Regimen.PASSIVE_STRETCHING: "passive stretching by a professional",
    Regimen.MCKENZIE: "McKenzie exercises",
    Regimen.STABILISATION: "lumbar stabilisation exercises",
}

REGIMEN_HOW: dict[Regimen, Advice] = {
    Regimen.PASSIVE_STRETCHING: Advice(
        "Ask a chiropractor, physiotherapist or trainer to stretch the tight muscles of your "
        "back, buttocks and legs for you while you lie still and let them do the work. Show "
        "them the routine first so they can check it suits you. It can take a few sessions, "
        "daily or every other day, until exercising feels comfortable.",
        "Start with passive stretching of tight muscles of the back, buttocks and legs",
    ),
    Regimen.MCKENZIE: Advice(
        "McKenzie exercises strengthen the muscles that arch your back backwards, the "
        "opposite of bending forward, to take pressure off the disc. A physiotherapist who "
        "watches you move can show you the right ones.",
        "They focus on strengthening the muscles that extend the back",
    ),
    Regimen.STABILISATION: Advice(
        "Find the position of your back that feels comfortable (a neutral spine), then train "
        "your core (tummy, back and hip muscles) to hold it, with exercises that get harder "
        "step by step.",
        "find a position of the spine that is comfortable (neutral spine)",
    ),
}

FIND_DIRECTION = Advice(
    "Because both directions hurt, ask a physiotherapist to watch you move and find which "
    "exercises your back needs.",
    "Knowing what to exercise requires some insight into what position is causing the pain",
)
START_SLOWLY = Advice(
    "Start slowly and build up only as far as your pain allows. Never work through pain.",
    "These exercises must begin slowly and increased",
)
STEP3 = Advice(
    "Step 3, every day: notice which activities, positions and times of day bring the pain "
    "on. Your daily check-ins with me are that journal.",
    "Start to notice activities, positions and the time of day that result in more back pain",
)
STEP4 = Advice(
    "Step 4: your pain is under control, so add aerobic exercise 3 to 6 times a week, 15 to "
    "40 minutes at a pace where you can still hold a conversation: brisk walking, light "
    "jogging, cycling or an elliptical trainer.",
    "Such exercises are usually performed for at least 15-40 minutes",
)
STEP4_LATER = Advice(
    f"Step 4, aerobic exercise, comes once your pain is down to {PAIN_UNDER_CONTROL}/10 or less.",
    "when back pain is under control",
)
SAFETY_NET = Advice(
    "If you are no better within a few days, or you get worse, make an appointment with a "
    "specialist.",
    "does not respond within a few days or gets worse",
)
TIGHT_FIRST = Advice(
    "tight muscles hold the back in a painful position, so they are stretched out first",
    "Tight muscles in spasm are a common reason that a painful back cannot be successfully",
)

#: Every passage of the seed the texts rest on (checked by a test).
ALL_ADVICE: tuple[Advice, ...] = (
    *REGIMEN_HOW.values(),
    FIND_DIRECTION,
    START_SLOWLY,
    STEP3,
    STEP4,
    STEP4_LATER,
    SAFETY_NET,
    TIGHT_FIRST,
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
    leg = "pain goes below the knee" if intake.leg_pain else "no pain below the knee"
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


BAD_INPUT_REPLIES: dict[BadInput, str] = {
    BadInput.EMPTY: "That message came through empty. No rush, answer whenever you're ready.",
    BadInput.EMOJI: "I can't read emoji or stickers, sorry. Could you answer in a few words, "
    "or tap one of the buttons?",
    BadInput.TOO_LONG: "Thank you for telling me all that; it's saved with your answers. "
    "I can only read short answers, though, so here is the question again.",
    BadInput.OTHER_LANGUAGE: "Sorry, I can only understand English for now. Could you answer "
    "in English?",
    BadInput.UNCLEAR: "Sorry, I didn't quite catch that.",
}

PAIN_SCORE_OUT_OF_RANGE = (
    "I need a number from 0 (no pain) to 10 (the worst pain you can imagine). "
    "You wrote {value}, so let's try once more."
)
DURATION_NEEDS_UNIT = "{value} what: days, weeks, months or years?"
PLAN_PAUSED = (
    "Your exercise plan is paused until a doctor or physiotherapist has checked the warning "
    "sign you told me about. Tell me once you have been assessed."
)
PLAN_RESUMED = (
    "Thank you, I'm glad you've been checked. Your exercise plan is back on: say \"my plan\" "
    "to see it, and follow what your clinician told you first."
)
ASSESSED_NOTHING_PAUSED = "Good to hear you've been checked. Nothing was paused, so carry on."
NO_PLAN_YET = "You don't have a plan yet: answer a few questions first and I'll suggest one."


@dataclass(frozen=True)
class Question:
    """An intake question with its buttons (title, payload)."""

    text: str
    buttons: tuple[tuple[str, str], ...] = ()


def _inform(**values: object) -> str:
    import json

    return "/inform" + json.dumps(values)


#: The intake questions, by the slot they fill.
QUESTIONS: dict[str, Question] = {
    "red_flag_screen": Question(
        "First, a quick safety check. Do you have any of these?\n"
        "- loss of bladder or bowel control, or trouble passing urine\n"
        "- numbness or tingling around your groin, genitals or bottom\n"
        "- weakness in your legs that is getting worse, or a foot that drags\n"
        "- fever, chills or night sweats\n"
        "- a recent bad fall or accident, or a fall or twist with osteoporosis or long-term "
        "steroids\n"
        "- a history of cancer, weight loss you can't explain, or constant pain that is worse "
        "at night",
        (
            ("None of these", "/deny"),
            ("Yes, at least one", '/red_flag{"red_flag": "unspecified"}'),
        ),
    ),
    "pain_direction": Question(
        "Which movement makes your back pain worse?",
        (
            ("Bending forward", _inform(pain_direction="flexion")),
            ("Leaning back", _inform(pain_direction="extension")),
            ("Both", _inform(pain_direction="both")),
            ("No clear direction", _inform(pain_direction="none")),
        ),
    ),
    "pain_duration_days": Question(
        'How long has this bout of back pain lasted? For example "ten days", "since March" '
        'or "about 3 months".'
    ),
    "flexibility": Question(
        "Do the muscles at the back of your legs, your buttocks or hips feel tight (say you "
        "can't touch your toes with straight knees), or is your back locked up or in spasm?",
        (
            ("Yes, they feel tight", _inform(flexibility="tight")),
            ("My back is locked up / in spasm", _inform(flexibility="tight", spasm=True)),
            ("No, I'm fairly flexible", _inform(flexibility="normal")),
        ),
    ),
    "pain_score": Question(
        "How bad is the pain right now, from 0 (no pain) to 10 (the worst you can imagine)?",
        tuple((str(n), _inform(pain_score=n)) for n in range(11)),
    ),
    "leg_pain": Question(
        "Does the pain travel down either leg, below the knee?",
        (("Yes", _inform(leg_pain=True)), ("No", _inform(leg_pain=False))),
    ),
}

INTAKE_HINT = (
    'Tip: tap a button or answer in a few words. Say "help" if you\'re stuck, or "bye" to '
    "pause; your answers so far are kept."
)
STARTING_OVER = "Sure, let's start over from the first question."
