"""The texts Backstep composes from a person's answers (static replies live in domain.yml).

Each piece of advice names the passage of the seed programme it rests on
(``seeds/step5-stretch-and-exercise.txt``); a test checks that every passage is there.
Safety contract: only urgent escalations start with 🚨 and only routine referrals with ⚠️.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.domain.answers import BadInput
from bot.domain.programme import (
    ACUTE_MAX_DAYS,
    PAIN_UNDER_CONTROL,
    SUBACUTE_MAX_DAYS,
    Intake,
    Recommendation,
    Regimen,
    duration_class,
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
CHECKIN_JOURNAL = Advice(
    "Each day's answers build the journal of Step 3, so we can spot which activities, "
    "positions and times of day bring your pain on.",
    "You may even have to take some notes (journal) about what you actually do each day",
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
    CHECKIN_JOURNAL,
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

# Daily check-ins (Step 3's journal): the questions, and choosing when they come.

#: The check-in questions, by the slot they fill.
CHECKIN_QUESTIONS: dict[str, Question] = {
    "checkin_pain": Question(
        "Daily check-in. How bad is your back pain right now, from 0 (no pain) to 10 (the "
        "worst you can imagine)?",
        tuple((str(n), _inform(pain_score=n)) for n in range(11)),
    ),
    "checkin_trend": Question(
        "Compared with yesterday, is it better, about the same, or worse?",
        (
            ("Better", _inform(checkin_trend="better")),
            ("About the same", _inform(checkin_trend="same")),
            ("Worse", _inform(checkin_trend="worse")),
        ),
    ),
    "checkin_exercises": Question(
        "Did you do your exercises (or your stretching session) since the last check-in?",
        (
            ("Yes", _inform(checkin_exercises="yes")),
            ("Partly", _inform(checkin_exercises="partly")),
            ("No", _inform(checkin_exercises="no")),
        ),
    ),
    "checkin_trigger": Question(
        "What made it worse today: an activity, a position or a time of day? Tap one or tell "
        "me in your own words.",
        (
            ("Sitting", _inform(checkin_trigger="sitting")),
            ("Bending or lifting", _inform(checkin_trigger="bending or lifting")),
            ("Standing or walking", _inform(checkin_trigger="standing or walking")),
            ("Lying in bed", _inform(checkin_trigger="lying in bed")),
            ("Mornings", _inform(checkin_trigger="mornings")),
            ("Evenings", _inform(checkin_trigger="evenings")),
            ("Nothing in particular", _inform(checkin_trigger="nothing in particular")),
        ),
    ),
    "checkin_warning": Question(
        "Last one: since yesterday, have you had any of these warning signs?\n"
        + QUESTIONS["red_flag_screen"].text.split("\n", 1)[1],
        QUESTIONS["red_flag_screen"].buttons,
    ),
}
CHECKIN_TREND_WORDS = {"better": "better than", "same": "about the same as", "worse": "worse than"}
CHECKIN_LOGGED = "Thanks, that's in your journal: pain {pain}/10, {trend} yesterday."
CHECKIN_LOGGED_NO_TREND = "Thanks, that's in your journal: pain {pain}/10."
CHECKIN_KEEP_GOING = "Keep going with your plan (say \"my plan\" to see it). Same time tomorrow."
CHECKIN_PLAN_PAUSED = (
    "Your exercise plan stays paused until a clinician has checked the warning sign you told "
    "me about; tell me once you've been assessed."
)
CHECKIN_TRIGGER_NEEDS_WORDS = (
    "Tell me in a few words what made it worse (for example \"sitting at my desk\"), or tap "
    "\"Nothing in particular\"."
)
CHECKIN_TREND_UNCLEAR = "Is it better, about the same, or worse than yesterday?"
CHECKIN_EXERCISES_UNCLEAR = "Did you do them: yes, partly, or no?"

SCHEDULE_QUESTIONS: dict[str, Question] = {
    "checkin_time": Question(
        "I'll check in once a day with a few quick questions. "
        + CHECKIN_JOURNAL.text
        + " What time suits you? Tap one or type a time, like 8:30pm.",
        (
            ("7:00", _inform(checkin_time="07:00")),
            ("8:00", _inform(checkin_time="08:00")),
            ("12:30", _inform(checkin_time="12:30")),
            ("18:00", _inform(checkin_time="18:00")),
            ("20:00", _inform(checkin_time="20:00")),
            ("21:30", _inform(checkin_time="21:30")),
            ("Not now", "/deny"),
        ),
    ),
    # The default zone's button is added by the action (it comes from the settings).
    "checkin_tz": Question(
        "And which time zone are you in? Tap it, or type your city (like Berlin or Chicago) or "
        "a UTC offset (like UTC+2)."
    ),
}
SCHEDULE_TIME_UNCLEAR = (
    "I couldn't read that as a time of day. Try something like 7:30, 8am or 8:30pm."
)
SCHEDULE_TIME_MERIDIEM = "{hour} in the morning or in the evening? Say {hour}am or {hour}pm."
SCHEDULE_TZ_UNCLEAR = (
    "I don't know that time zone. Type a big city near you (like Madrid or Toronto) or an "
    "offset from UTC (like UTC+2 or UTC-5)."
)
SCHEDULE_SAVED = (
    "Done: I'll check in every day at {time}, {zone}. Send /time to change it and /pause to "
    "stop the check-ins for a while."
)
SCHEDULE_UNCHANGED = "Your check-in stays at {time}, {zone}."

# Telegram: the command menu, data commands, and messages Backstep can't read.

#: The command menu (setMyCommands): command, description.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Answer the questions and get your plan"),
    ("checkin", "Do today's check-in now"),
    ("plan", "Your current step and why"),
    ("history", "Your pain over time, as a chart"),
    ("time", "Change the check-in time or time zone"),
    ("pause", "Pause the daily check-ins"),
    ("resume", "Restart the daily check-ins"),
    ("export", "Your whole journal as a file"),
    ("delete", "Delete everything about you"),
    ("help", "What Backstep can do"),
)
CHECKINS_NOT_SET = "You haven't chosen a check-in time yet. Send /time to set one."
CHECKINS_PAUSED = (
    "Daily check-ins are paused. Send /resume whenever you want them back; you can still "
    "check in any time with /checkin."
)
CHECKINS_RESUMED = "Daily check-ins are back on: the next one comes at {time}, {zone}."
EXPORT_DOCUMENT_CAPTION = (
    "Your Backstep journal: every answer, check-in, plan and referral. You could show it to "
    "your physiotherapist or doctor."
)


@dataclass(frozen=True)
class Confirmation:
    """A question with a yes and a no button."""

    text: str
    yes: str
    no: str


DELETE_CONFIRM = Confirmation(
    "Delete everything I know about you: your answers, check-ins, plan, check-in time and "
    "our conversation? This can't be undone.",
    "Yes, delete everything",
    "No, keep it",
)
DELETE_DONE = (
    "Done: everything about you has been deleted and check-ins have stopped. If you ever "
    "want to start again, send /start."
)
DELETE_NOTHING = "There was nothing stored about you, so there was nothing to delete."
DELETE_CANCELLED = "OK, nothing was deleted."
UNSUPPORTED_MESSAGE = (
    "Sorry, I can only read text and button taps, not stickers, photos, voice messages, "
    "files or locations. Could you type it for me?"
)
EDITED_MESSAGE = (
    "I only read new messages, so I didn't see that edit. If you meant to change an answer, "
    "please send it again as a new message."
)
GROUP_CHAT = (
    "I work in private chats only, because your back-pain journal is personal. Open a chat "
    "with me directly to get started."
)
UNKNOWN_COMMAND = "I don't know that command. Send /help to see what I can do."
SOMETHING_WENT_WRONG = (
    "Sorry, something went wrong on my side and I couldn't answer that. Please try again in "
    "a moment; what you told me before is safe."
)


# Check-in trends

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
ALL_ADVICE = (*ALL_ADVICE, *TREND_ADVICE)

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


# History and export

HISTORY_TITLE = "Your back pain, day by day"
HISTORY_PAIN_AXIS = "pain (0-10)"
HISTORY_PAIN_POINTS = "pain at check-in"
HISTORY_START_LABEL = "start: {score}"
HISTORY_STEP_LABEL = "Step {step}: {regimen}"
HISTORY_STEP4_LABEL = "Step 4 added"
HISTORY_PLAN_CHANGE = "plan change"
HISTORY_REFERRAL_LABEL = "specialist suggested"
HISTORY_RED_FLAG_LABEL = "warning sign"
#: Short regimen names for the chart's labels.
HISTORY_REGIMEN_SHORT: dict[Regimen, str] = {
    Regimen.PASSIVE_STRETCHING: "stretching",
    Regimen.MCKENZIE: "McKenzie",
    Regimen.STABILISATION: "stabilisation",
}
HISTORY_NOTHING_YET = (
    "There's nothing to show yet: your chart starts with your first pain score. Say "
    "\"check in\" or send /checkin to tell me how your back is today, and I'll draw it from "
    "there."
)
HISTORY_PAIN_BOTH = (
    "Pain: {start} at the start, {latest} at your latest check-in ({day}); {count} since "
    "{first}."
)
HISTORY_PAIN_ONE = "Pain: {start} at the start, {latest} at your first check-in ({day})."
HISTORY_PAIN_NO_START = "Pain: {latest} at your latest check-in ({day}); {count} since {first}."
HISTORY_PAIN_NO_START_ONE = "Pain: {latest} at your first check-in ({day})."
HISTORY_PAIN_NO_CHECKINS = (
    "Pain: {start} at the start; no check-ins yet (say \"check in\" or send /checkin)."
)
HISTORY_CHECKINS = "{count} check-ins"
HISTORY_PLAN_NONE = "Plan: none yet; answer a few questions and I'll suggest one."
HISTORY_PLAN = "Plan: Step {step}, {regimen}, since {day}"
HISTORY_PLAN_NEXT = "{regimen} (Step 2) come next"
HISTORY_PLAN_AEROBIC = "Step 4 (aerobic) added {day}"
HISTORY_PLAN_PAUSED = "paused since {day} until a clinician has checked the warning sign"
HISTORY_NO_REFERRAL = "No specialist referral so far."
HISTORY_REFERRAL_ONCE = "Specialist suggested: once, on {day}{why}."
HISTORY_REFERRAL_MANY = "Specialist suggested: {times}, most recently on {day}{why}."
HISTORY_TWICE = "twice"
HISTORY_MANY_TIMES = "{count} times"
#: Each referral reason in a few words, for the summary.
HISTORY_REASONS: dict[str, str] = {
    WORSE_TWO_DAYS: "worse two days running",
    ABOVE_BASELINE: "pain above your start for 3 days",
    SEVERE_TWO_DAYS: f"pain {SEVERE_PAIN}/10 or more two days running",
    NO_IMPROVEMENT: "no clear improvement on your step",
}
EXPORT_COLUMNS = ("when_utc", "local_date", "kind", "item", "value", "detail")
EXPORT_FILENAME = "backstep-journal-{day}.csv"
EXPORT_YES = "yes"
EXPORT_NO = "no"
EXPORT_NOT_ACCEPTED = "not accepted"
EXPORT_CHECKIN_ITEM = "daily check-in"
EXPORT_NOT_ANSWERED = "sent, not answered"
#: The check-in day's answers, as the export's detail names them.
EXPORT_CHECKIN_FIELDS = {
    "trend": "trend",
    "exercises": "exercises",
    "trigger": "trigger",
    "warning_signs": "warning signs",
}
EXPORT_STEP = "Step {step}"
EXPORT_THEN = "then {regimen}"
EXPORT_AEROBIC = "Step 4 (aerobic)"
EXPORT_RULE = "rule: {rule}"
