"""The advice Backstep gives, each piece with the passage of the seed it rests on.

``seeds/step5-stretch-and-exercise.txt`` is the programme; a test checks that every
passage named here is in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.programme import (
    PAIN_UNDER_CONTROL,
    Regimen,
)


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

REFERRAL = Advice(
    "Your plan doesn't seem to be working for your back yet, so please book an appointment "
    "with a specialist: a physiotherapist, a sports or musculoskeletal doctor, or your GP.",
    "make an appointment with a specialist for further evaluation",
)
REFERRAL_EXAMINATION = Advice(
    "They can examine you and watch you move, and find the stretches and exercises that suit "
    "your back.",
    "a skillful medical professional, who can examine and watch you move",
)
REFERRAL_KEEP_GENTLE = Advice(
    "Until then, keep doing the gentle parts of your plan that don't hurt, only as far as "
    "your pain allows, and leave out anything that makes it worse. Keep checking in with me "
    "every day.",
    "there is no point to working through the pain",
)
REFERRAL_WARNING_SIGNS = Advice(
    "A few rare problems don't get better with exercise. Get urgent help straight away (an "
    "emergency department, or call emergency services) if you notice numbness around your "
    "groin, genitals or bottom, trouble controlling your bladder or bowels, or weakness in "
    "your legs that is getting worse.",
    "relatively rare, problems that are not going to respond to exercise",
)
STEP2_READY = Advice(
    "The stretching has had a few sessions to work and your back is settling, so it's time "
    "for the exercises that keep it in a comfortable position.",
    "These can take a few sessions to see the full benefits of stretching",
)
STEP2_AFTER_STRETCHING = Advice(
    "Now that the tight muscles have been stretched out, the strengthening can start.",
    "Once the pain from tight muscles and spasm has been addressed with passive stretching, "
    "then the strengthening exercises can started",
)
AEROBIC_ADDED = Advice(
    "Add aerobic exercise 3 to 6 times a week, 15 to 40 minutes at a pace where you can "
    "still hold a conversation: brisk walking, light jogging, cycling or an elliptical "
    "trainer. It keeps you fit and helps stop the pain coming back.",
    "Start Aerobic Exercises (3-6 times a week) to increase and maintain fitness, when back "
    "pain is under control to prevent further occurrences of pain",
)
KEEP_EXERCISING = Advice(
    "Keep your back exercises going too: back pain often returns when they stop.",
    "it is common for back pain to return when the exercises are stopped",
)

#: The check-in trend texts' seed passages, added to those the traceability test checks.
TREND_ADVICE: tuple[Advice, ...] = (
    REFERRAL,
    REFERRAL_EXAMINATION,
    REFERRAL_KEEP_GENTLE,
    REFERRAL_WARNING_SIGNS,
    STEP2_READY,
    STEP2_AFTER_STRETCHING,
    AEROBIC_ADDED,
    KEEP_EXERCISING,
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
    *TREND_ADVICE,
)

#: Advice written in domain.yml (Rasa sends it by itself): the response, and its passage.
RESPONSE_PASSAGES: dict[str, str] = {
    "utter_ask_checkin_time": (
        "You may even have to take some notes (journal) about what you actually do each day"
    ),
}
