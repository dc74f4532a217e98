"""The words of the daily exercise session (/session): each exercise's caption and buttons,
the end question, and what the progression tells the person, in numbers."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.progression import PainDuring, Progression

#: The buttons under each exercise, by outcome.
OUTCOME_TITLES = {"done": "Done", "partly": "Partly", "skip": "Skip", "hurt": "It hurt"}
#: The short answer to a tap (Telegram shows it briefly at the top of the chat).
OUTCOME_NOTED = {
    "done": "Noted: done.",
    "partly": "Noted: partly done.",
    "skip": "Noted: skipped.",
    "hurt": "Noted: it hurt. Leave that one for today.",
}
ANSWERED_BEFORE = "Already noted; your first answer counts."
STALE_BUTTON = (
    "That button belongs to a session that is over or not this chat's, so nothing was "
    "changed. Send /session for today's exercises."
)

SESSION_INTRO = (
    "Today's session: level {level} of {top} of your {regimen}, {count}. Do them in order, "
    "gently, and tap how each one went."
)
SESSION_INTRO_STRETCHING = (
    "Step 1 is stretching done for you by a professional. Here is the routine to show your "
    "physiotherapist, chiropractor or trainer: {count} stretches, your legs used as levers."
)
SESSION_INTRO_AEROBIC = "Step 4 as well: aerobic exercise, a little more each week."
SESSION_CARRY_ON = "Today's session so far: {answered} of {count} answered. Here is the rest."
SESSION_DONE_TODAY = (
    "You've done today's session. {message} The next one is tomorrow: send /session then."
)

#: The caption under each exercise's picture: name, what it is for, the dose, the steps.
CAPTION = "{name}\n{purpose}\n{dose}\n\n{steps}"
CAPTION_PRACTITIONER = "Done for you by your practitioner."
CAPTION_LEVEL = "Level {level}: {dose}"
AEROBIC_DOSE = "This week: {minutes} minutes, on {days} days"
AEROBIC_OTHERS = "Or instead: {names}."

PAIN_QUESTION = (
    "Last question: during the exercises, was your back pain better, the same or worse "
    "than before?"
)
PAIN_TITLES = {"better": "Better", "same": "Same", "worse": "Worse"}
LEG_QUESTION = (
    "And did any pain move down your leg (into the thigh, calf or foot) during the "
    "exercises?"
)
STRETCH_QUESTION = "Did you have a stretching session with your practitioner today?"
YES_NO_TITLES = {True: "Yes", False: "No"}

STRETCHED_YES = "Good: {count} with your practitioner so far. Keep the routine handy."
STRETCHED_NO = (
    "No problem: show them this routine at your next appointment ({count} with your "
    "practitioner so far)."
)

PAIN_WORDS: dict[PainDuring, str] = {"better": "better", "same": "the same", "worse": "worse"}
LEVEL_UP = "{sessions} done with pain no worse: moving you up to level {level} of {top}."
LEVEL_TOP = (
    "{sessions} done with pain no worse, and you're at the top level ({level} of {top}): "
    "keep going at this level."
)
LEVEL_STAY = (
    "{done} of {total} done, pain {pain} during the session. {to_go} done in full with pain "
    "no worse will move you up to level {next} (you're at level {level})."
)
LEVEL_STAY_TOP = (
    "{done} of {total} done, pain {pain} during the session. You stay at level {level}."
)
HURT_EXERCISES = "It hurt during {hurt} of {total}"
HURT_PAIN = "Your pain was worse during the session"
LEVEL_DOWN = (
    "{why}: back to level {level} of {top} for now. Go gently, and stop anything that hurts."
)
LEVEL_SWAP = (
    "{why}. You're at level 1, so next time I'll leave out what hurt where there's another "
    "exercise to do instead. If it keeps hurting, ask a physiotherapist to check how you do it."
)
LEG_STOP = (
    "You said the pain moved down your leg: stop the exercise that did that and tell your "
    "clinician before you carry on. You stay at level {level}; no moving up for now."
)

#: The check-in's closing line that offers the day's session.
SESSION_OFFER = "Today's exercises, with pictures: tap below, or send /session any time."
SESSION_OFFER_BUTTONS = [{"title": "Today's exercises", "payload": "/start_session"}]
#: Where the terminal chat put an exercise's picture.
PICTURE_SAVED = "(picture: {path})"
SESSION_KEPT = "Your answers so far are kept: send /session to carry on."


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 session``, ``3 sessions``."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def dose_words(
    hold_seconds: int | None,
    reps: int | None,
    sets: int | None,
    rest_seconds: int | None,
    per_side: bool,
) -> str:
    """A dose as a person reads it: ``10 times, hold 2 seconds each, 1 set, rest 1 minute``."""
    parts: list[str] = []
    if reps and reps > 1:
        parts.append(plural(reps, "time") + (" each side" if per_side else ""))
    if hold_seconds:
        each = " each time" if reps and reps > 1 else (" each side" if per_side else "")
        parts.append(f"hold {_duration(hold_seconds)}{each}")
    if sets and sets > 1:
        parts.append(plural(sets, "set"))
    if rest_seconds:
        parts.append(f"rest {_duration(rest_seconds)} between")
    return ", ".join(parts).capitalize()


def _duration(seconds: int) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return plural(seconds // 60, "minute")
    return plural(seconds, "second")


def caption(name: str, purpose: str, dose: str, steps: Sequence[str]) -> str:
    """An exercise's caption: its name, what it is for, the dose and numbered steps."""
    numbered = "\n".join(f"{i}. {step}" for i, step in enumerate(steps, start=1))
    return CAPTION.format(name=name, purpose=purpose, dose=dose, steps=numbered)


def progression_message(p: Progression) -> str:
    """What changed after a session, and why, in numbers."""
    sessions = plural(p.streak, "session")
    if p.change == "up":
        return LEVEL_UP.format(sessions=sessions, level=p.level, top=p.top_level)
    if p.change == "top":
        return LEVEL_TOP.format(sessions=sessions, level=p.level, top=p.top_level)
    if p.change == "stop":
        return LEG_STOP.format(level=p.level)
    if p.change in ("down", "swap"):
        why = (
            HURT_EXERCISES.format(hurt=p.hurt, total=plural(p.total, "exercise"))
            if p.hurt
            else HURT_PAIN
        )
        if p.change == "down":
            return LEVEL_DOWN.format(why=why, level=p.level, top=p.top_level)
        return LEVEL_SWAP.format(why=why)
    pain = PAIN_WORDS[p.pain] if p.pain else PAIN_WORDS["same"]
    done = {"done": p.done, "total": plural(p.total, "exercise"), "pain": pain}
    if p.level >= p.top_level:
        return LEVEL_STAY_TOP.format(**done, level=p.level)
    return LEVEL_STAY.format(
        **done, to_go=plural(p.to_go, "more session"), next=p.level + 1, level=p.level
    )


def stretched_message(stretched: bool, count: int) -> str:
    """Step 1's answer: how many stretching sessions with the practitioner so far."""
    template = STRETCHED_YES if stretched else STRETCHED_NO
    return template.format(count=plural(count, "stretching session"))

#: Where the person stands with their exercises, under /plan and in /history.
STATUS_NONE_YET = (
    "Your exercises: {regimen}, level {level} of {top}. No session yet: send /session for "
    "today's, with pictures."
)
STATUS = (
    "Your exercises: {regimen}, level {level} of {top}; {sessions} done, the last on {day}."
)
STATUS_STRETCHING = (
    "Stretching with your practitioner: {count} so far. Send /session for the routine to show "
    "them."
)
STATUS_CHANGE = "Last change, {day}: {message}"
STATUS_SESSION = "Send /session for today's exercises, with pictures."
