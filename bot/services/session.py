"""The daily exercise session (/session), for any channel: today's exercises as cards with
buttons, each tap journaled, the end question, then what the progression makes of it.

Everything is reached from the person's own ``conversation_id``; a button's data names a
session and is honoured only if that session is this chat's and still open. A channel
sends each card its own way (Telegram: the animation with an inline keyboard; the
terminal: the text and where the picture was saved).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from bot.content import session_texts as words
from bot.content.advice import REGIMEN_NAMES
from bot.content.texts import NO_PLAN_YET, PLAN_PAUSED
from bot.domain import timing
from bot.domain.pause import plan_paused
from bot.domain.programme import Regimen
from bot.domain.progression import OUTCOMES, PainDuring, SessionResult, progress
from bot.exercises.library import AEROBIC, Exercise, Library, exercise_library
from bot.exercises.render import animation_path, draw_all, still_path
from bot.exercises.today import PlanToday, choose
from bot.services.exercise_status import current_level, finished
from bot.store import checkins, journal, outbox, sessions
from bot.store.sessions import PlannedItem, ResultRecord, SessionRecord

logger = logging.getLogger(__name__)

EXERCISE_PREFIX, END_PREFIX = "ex", "se"
_OUTCOME_CODES = {o[0]: o for o in OUTCOMES}  # d, p, s, h
_PAIN_CODES: dict[str, PainDuring] = {"b": "better", "s": "same", "w": "worse"}
_END_FIELDS = {"p": "pain_during", "l": "leg_pain_moved", "t": "stretched"}


@dataclass(frozen=True)
class Button:
    """A button: what it says and the data a tap sends back (at most 64 bytes)."""

    title: str
    data: str


@dataclass(frozen=True)
class Card:
    """One exercise as sent: its picture's exercise, the caption, the buttons (if any)."""

    exercise: Exercise
    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Question:
    """The end question, with its buttons."""

    text: str
    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class SessionReply:
    """What /session says: a line, then the cards, then the end question if it is due."""

    text: str
    cards: tuple[Card, ...] = ()
    question: Question | None = None


@dataclass(frozen=True)
class TapReply:
    """The answer to a tap: a short acknowledgement, messages, perhaps the next question;
    ``close`` when the tapped message's buttons should go."""

    ack: str
    messages: tuple[str, ...] = ()
    question: Question | None = None
    close: bool = True


def is_session_data(data: str) -> bool:
    """Whether a button's data belongs to the exercise session."""
    return data.startswith((f"{EXERCISE_PREFIX}:", f"{END_PREFIX}:"))


#: The intent and entity a session button sends back through Rasa (REST, the terminal).
TAP_INTENT, TAP_ENTITY = "start_session", "session_tap"


def tap_payload(data: str) -> str:
    """A button's data as a Rasa payload (``/start_session{"session_tap":"ex:4:1:d"}``),
    short enough for Telegram's 64 bytes of callback data."""
    return f"/{TAP_INTENT}{json.dumps({TAP_ENTITY: data}, separators=(',', ':'))}"


def tap_in(payload: str) -> str | None:
    """The button data in a payload made by :func:`tap_payload`, or None."""
    prefix = f"/{TAP_INTENT}{{"
    if not payload.startswith(prefix):
        return None
    try:
        value = json.loads(payload[len(prefix) - 1 :]).get(TAP_ENTITY)
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and is_session_data(value) else None


# --- /session --------------------------------------------------------------------------


def today_for(conversation_id: str, now: datetime | None = None) -> date:
    """The person's local day (their check-in zone, else the default)."""
    return timing.local_date(checkins.as_utc(now or checkins.utcnow()),
                             checkins.zone_of(conversation_id))


def start_session(conversation_id: str, *, now: datetime | None = None) -> SessionReply:
    """Today's session: a new one, the rest of one begun, or what today's came to."""
    recs = journal.recommendations_for(conversation_id)
    if not recs:
        return SessionReply(NO_PLAN_YET)
    outbox.flush_if_waiting()  # a red flag kept while the database was down pauses too
    if plan_paused([e.kind for e in journal.safety_events_for(conversation_id)]):
        return SessionReply(PLAN_PAUSED)
    library = exercise_library()
    today = today_for(conversation_id, now)
    record = sessions.session_on(conversation_id, today)
    if record is not None and record.status == sessions.COMPLETE:
        return SessionReply(words.SESSION_DONE_TODAY.format(message=record.message or ""))
    if record is not None:
        return _carry_on(record, library)
    latest = recs[-1]
    plan = PlanToday(latest.step, latest.regimen, latest.next_regimen, latest.aerobic)
    history = finished(conversation_id)
    week = 0
    if latest.aerobic:
        began = journal.run_start(recs, lambda r: r.aerobic)
        week = (today - timing.local_date(checkins.as_utc(began), checkins.zone_of(
            conversation_id))).days // 7
    chosen = choose(
        plan,
        current_level(history, plan.regimen),
        library,
        avoid=hurt_last_time(history, plan.regimen),
        aerobic_week=week,
    )
    record = sessions.create_session(
        conversation_id, today, step=chosen.step, regimen=chosen.regimen, level=chosen.level,
        items=[PlannedItem(i.exercise.id, i.minutes, i.days_per_week) for i in chosen.items],
    )
    return _opening(record, library)


def hurt_last_time(history: list[SessionRecord], regimen: str) -> frozenset[str]:
    """The exercises that hurt in the latest finished session of ``regimen`` (swapped out
    next time where the library has another)."""
    for record in reversed(history):
        if record.regimen == regimen:
            return frozenset(r.exercise_id for r in record.results if r.outcome == "hurt")
    return frozenset()


def _opening(record: SessionRecord, library: Library) -> SessionReply:
    cards = tuple(_card(record, r, library) for r in record.results)
    own = [r for r in record.results if library.get(r.exercise_id).regimen == record.regimen]
    if record.regimen == Regimen.PASSIVE_STRETCHING.value:
        text = words.SESSION_INTRO_STRETCHING.format(count=len(own))
    else:
        text = words.SESSION_INTRO.format(
            count=words.plural(len(own), "exercise"),
            regimen=REGIMEN_NAMES[Regimen(record.regimen)],
            level=record.level,
            top=max(library.levels(record.regimen)),
        )
    if len(own) < len(record.results):
        text = f"{text}\n{words.SESSION_INTRO_AEROBIC}"
    return SessionReply(text, cards, _next_question(record, library))


def _carry_on(record: SessionRecord, library: Library) -> SessionReply:
    """An open session asked for again: the cards not yet answered, or the end question."""
    waiting = [r for r in record.results if _answerable(r, library) and r.outcome is None]
    shown = [r for r in record.results if not _answerable(r, library)] + waiting
    answered = sum(_answerable(r, library) and r.outcome is not None for r in record.results)
    count = sum(_answerable(r, library) for r in record.results)
    text = words.SESSION_CARRY_ON.format(answered=answered, count=count)
    if not count:  # Step 1 without aerobic: the routine again, then its question
        return _opening(record, library)
    cards = tuple(_card(record, r, library) for r in sorted(shown, key=lambda r: r.position))
    return SessionReply(text, cards, _next_question(record, library))


def _answerable(result: ResultRecord, library: Library) -> bool:
    """Whether the person answers for this exercise (not one their practitioner does)."""
    return library.get(result.exercise_id).performed_by == "self"


def _card(record: SessionRecord, result: ResultRecord, library: Library) -> Card:
    exercise = library.get(result.exercise_id)
    dose = exercise.dose
    if exercise.regimen == AEROBIC:
        others = ", ".join(e.name for e in library.regimen(AEROBIC) if e.id != exercise.id)
        amount = words.AEROBIC_DOSE.format(minutes=result.minutes, days=result.days_per_week)
        dose_line = f"{amount}. {words.AEROBIC_OTHERS.format(names=others)}"
    else:
        amount = words.dose_words(
            dose.hold_seconds, dose.reps, dose.sets, dose.rest_seconds, dose.per_side
        )
        if exercise.performed_by == "practitioner":
            dose_line = f"{words.CAPTION_PRACTITIONER} {amount}."
        else:
            dose_line = words.CAPTION_LEVEL.format(level=exercise.level, dose=amount) + "."
    text = words.caption(exercise.name, exercise.purpose, dose_line, exercise.steps)
    buttons: tuple[Button, ...] = ()
    if exercise.performed_by == "self" and result.outcome is None:
        prefix = f"{EXERCISE_PREFIX}:{record.id}:{result.position}"
        buttons = tuple(Button(words.OUTCOME_TITLES[o], f"{prefix}:{o[0]}") for o in OUTCOMES)
    return Card(exercise, text, buttons)


def _end_fields(regimen: str) -> tuple[str, ...]:
    if regimen == Regimen.PASSIVE_STRETCHING.value:
        return ("stretched",)
    if regimen == Regimen.MCKENZIE.value:
        return ("pain_during", "leg_pain_moved")
    return ("pain_during",)


def _next_question(record: SessionRecord, library: Library) -> Question | None:
    """The end question due now: once every exercise the person does is answered."""
    if any(_answerable(r, library) and r.outcome is None for r in record.results):
        return None
    values = {"pain_during": record.pain_during, "leg_pain_moved": record.leg_pain_moved,
              "stretched": record.stretched}
    for field in _end_fields(record.regimen):
        if values[field] is None:
            return _question(record.id, field)
    return None


def _question(session_id: int, field: str) -> Question:
    code = {v: k for k, v in _END_FIELDS.items()}[field]
    prefix = f"{END_PREFIX}:{session_id}:{code}"
    if field == "pain_during":
        buttons = tuple(
            Button(words.PAIN_TITLES[v], f"{prefix}:{k}") for k, v in _PAIN_CODES.items()
        )
        return Question(words.PAIN_QUESTION, buttons)
    text = words.LEG_QUESTION if field == "leg_pain_moved" else words.STRETCH_QUESTION
    return Question(text, tuple(
        Button(words.YES_NO_TITLES[v], f"{prefix}:{'y' if v else 'n'}") for v in (True, False)
    ))


# --- taps ------------------------------------------------------------------------------


def answer_tap(conversation_id: str, data: str, *, now: datetime | None = None) -> TapReply:
    """A tap on an exercise's button or on the end question; anything forged or stale gets
    a kind reply and changes nothing."""
    parts = data.split(":")
    try:
        prefix, session_id, which, value = parts[0], int(parts[1]), parts[2], parts[3]
        if len(parts) != 4:
            raise ValueError(data)
    except (IndexError, ValueError):
        return _stale()
    if prefix == EXERCISE_PREFIX and value in _OUTCOME_CODES and which.isdigit():
        return _exercise_tap(conversation_id, session_id, int(which), _OUTCOME_CODES[value], now)
    if prefix == END_PREFIX and which in _END_FIELDS:
        return _end_tap(conversation_id, session_id, _END_FIELDS[which], value, now)
    return _stale()


def _stale() -> TapReply:
    return TapReply(words.STALE_BUTTON, (words.STALE_BUTTON,))


def _exercise_tap(
    conversation_id: str, session_id: int, position: int, outcome: str, now: datetime | None
) -> TapReply:
    library = exercise_library()
    status, record = sessions.record_outcome(conversation_id, session_id, position, outcome,
                                             now=now)
    if status in ("unknown", "finished") or record is None:
        return _stale()
    if status == "answered_before":
        return TapReply(words.ANSWERED_BEFORE)
    return TapReply(words.OUTCOME_NOTED[outcome], question=_next_question(record, library))


def _end_tap(
    conversation_id: str, session_id: int, field: str, code: str, now: datetime | None
) -> TapReply:
    library = exercise_library()
    record = sessions.session_of(conversation_id, session_id)
    if record is None or record.status != sessions.OPEN:
        return _stale()
    value: str | bool
    if field == "pain_during" and code in _PAIN_CODES:
        value = _PAIN_CODES[code]
    elif field != "pain_during" and code in ("y", "n"):
        value = code == "y"
    else:
        return _stale()
    due = _next_question(record, library)
    if due is None:  # the exercises are not all answered: no real button asks this yet
        return _stale()
    expected = {v: k for k, v in _END_FIELDS.items()}[field]
    if not due.buttons[0].data.startswith(f"{END_PREFIX}:{session_id}:{expected}:"):
        return TapReply(words.ANSWERED_BEFORE)  # an earlier question tapped again
    updated = sessions.record_end_answer(conversation_id, session_id, field, value)
    if updated is None:
        return _stale()
    question = _next_question(updated, library)
    if question is not None:
        return TapReply(_noted(field, value), question=question)
    message, change, level = _outcome(conversation_id, updated, library)
    if not sessions.complete_session(conversation_id, session_id, change=change,
                                     next_level=level, message=message, now=now):
        return TapReply(words.ANSWERED_BEFORE)
    return TapReply(_noted(field, value), (message,))


def _noted(field: str, value: str | bool) -> str:
    if field == "pain_during":
        return f"{words.PAIN_TITLES[str(value)]}: noted."
    return f"{words.YES_NO_TITLES[bool(value)]}: noted."


def _outcome(
    conversation_id: str, record: SessionRecord, library: Library
) -> tuple[str, str | None, int]:
    """The message, the change and the next level for a session whose answers are in."""
    finished = [
        s for s in sessions.sessions_for(conversation_id)
        if s.status == sessions.COMPLETE and s.regimen == record.regimen and s.id != record.id
    ]
    if record.regimen == Regimen.PASSIVE_STRETCHING.value:
        count = sum(bool(s.stretched) for s in finished) + bool(record.stretched)
        return words.stretched_message(bool(record.stretched), count), None, record.level
    results = [_result(s, library) for s in finished] + [_result(record, library)]
    step = progress(
        results,
        max(library.levels(record.regimen)),
        mckenzie=record.regimen == Regimen.MCKENZIE.value,
    )
    return words.progression_message(step), step.change, step.level


def _result(record: SessionRecord, library: Library) -> SessionResult:
    """A stored session as the progression reads it: the regimen's own exercises only
    (the aerobic option does not move the level)."""
    outcomes = tuple(
        r.outcome for r in record.results
        if r.outcome in OUTCOMES and library.get(r.exercise_id).regimen == record.regimen
    )
    return SessionResult(
        level=record.level,
        outcomes=outcomes,
        pain=record.pain_during,  # type: ignore[arg-type]
        leg_pain_moved=bool(record.leg_pain_moved),
    )


# --- pictures --------------------------------------------------------------------------


def draw_pictures() -> None:
    """Every exercise's pictures into the cache, ahead of the first session that needs them
    (a picture that cannot be drawn is drawn, or reported, when a session asks for it)."""
    try:
        draw_all(exercise_library().exercises)
    except Exception:
        logger.exception("Drawing the exercise pictures ahead of time failed.")


def animation_file(card: Card) -> Path:
    """The card's exercise as a looping GIF (Telegram's sendAnimation), drawn if not cached."""
    return animation_path(card.exercise)


def picture_file(card: Card) -> Path:
    """The card's exercise as a PNG still (start and end side by side), drawn if not cached."""
    return still_path(card.exercise)
