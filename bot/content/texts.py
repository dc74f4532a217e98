"""What Backstep says that is not composed from a person's answers: questions, replies to
bad input, the check-in and schedule texts, the command menu and the data commands.

Every urgent escalation starts with :data:`URGENT_MARK`, every routine referral with
:data:`REFERRAL_MARK`, and nothing else uses either (a test checks every text).
"""

from __future__ import annotations

from dataclasses import dataclass

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
ASSESSED_NOTHING_PAUSED = "Good to hear you've been checked. Nothing was paused."
ASSESSED_NOTHING_PAUSED_PLAN = (
    "Good to hear you've been checked. Nothing was paused, so carry on with your plan: say "
    '"my plan" to see it again.'
)
NO_PLAN_YET = "You don't have a plan yet: answer a few questions first and I'll suggest one."
#: The button under a reply that leaves nothing else to do than to start the questions.
START_BUTTONS = [{"title": "Start the questions", "payload": "/start"}]


INTAKE_HINT = (
    'Tip: tap a button or answer in a few words. Say "help" if you\'re stuck, or "bye" to '
    "pause; your answers so far are kept."
)
#: The same, for a question that has no buttons (how long the bout has lasted).
INTAKE_HINT_TYPED = (
    "Tip: answer in a few words, like the examples in the question. Say \"help\" if you're "
    'stuck, or "bye" to pause; your answers so far are kept.'
)
STARTING_OVER = "Sure, let's start over from the first question."
#: Said when a question's second answer still could not be read and the form takes the
#: cautious answer instead of asking a third time (actions/forms.py, ``last_resorts``).
TAKEN_FOR_NOW: dict[str, str] = {
    "flexibility": (
        "I couldn't quite tell how loose those muscles are, so I'll count them as tight for "
        "now: the plan then starts gently, with stretching. You can change it when you see "
        "your answers."
    ),
    "spasm": (
        "I couldn't quite tell, so I'll take it that your back hasn't locked up for now. If it "
        "does go into spasm, just tell me and the plan will change."
    ),
}

# Daily check-ins (Step 3's journal): the questions, and choosing when they come.

#: The check-in's last question leads into the intake's warning-sign list (domain.yml).
CHECKIN_WARNING_LEAD = "Last one: since yesterday, have you had any of these warning signs?"
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

#: The time-zone question (its buttons, the configured default zone and UTC, come from
#: the settings; the time question is utter_ask_checkin_time in domain.yml).
SCHEDULE_TZ_QUESTION = (
    "And which time zone are you in? Tap it, or type your city (like Berlin or Chicago) or "
    "a UTC offset (like UTC+2)."
)
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
    ("session", "Today's exercises, with pictures"),
    ("plan", "Your current step and why"),
    ("history", "Your pain over time, as a chart"),
    ("time", "Change the check-in time or time zone"),
    ("pause", "Pause the daily check-ins"),
    ("resume", "Restart the daily check-ins"),
    ("export", "Your whole journal as a file"),
    ("handout", "A PDF summary for your practitioner"),
    ("learn", "A short lesson about your back"),
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
#: After the action server died during a turn (it has been started again).
PART_RESTARTED = (
    "Sorry, part of me had to restart just now, so I may not have taken in what you said. "
    "Please send it again."
)
#: The same, when the message may have named a warning sign: what to do about it now.
SOMETHING_WENT_WRONG_SIGNS = (
    "Sorry, something went wrong on my side and I couldn't read your message properly. "
    "Please send it again in a moment. In the meantime, if you have lost control of your "
    "bladder or bowels, have numbness around your groin or bottom, leg weakness that is "
    "getting worse, a fever with your back pain, or you had a bad fall, please get medical "
    "help today."
)
