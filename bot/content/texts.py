"""What Backstep says that is not composed from a person's answers: questions, replies to
bad input, the check-in and schedule texts, the command menu and the data commands.

Every urgent escalation starts with :data:`URGENT_MARK`, every routine referral with
:data:`REFERRAL_MARK`, and nothing else uses either (a test checks every text).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.content.advice import CHECKIN_JOURNAL
from bot.domain.answers import BadInput

URGENT_MARK = "🚨"
REFERRAL_MARK = "⚠️"

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
#: Where the terminal chat put a file a data command made (/history, /export).
FILE_SAVED = "(saved as {path})"
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
