"""/handout: a one- or two-page PDF for the person's practitioner, for any channel.

What goes in it is read here from the person's own journal (their conversation id only):
the intake answers, the warning-sign screen, the plan and its exercise level, the pain
chart, and the Step 3 pattern when there is one; :mod:`bot.services.handout_pdf` lays it
out. No plan yet (the intake was never finished) gets a kind message instead of a file.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.content import handout_texts as words
from bot.content import plan as plan_words
from bot.content.advice import REGIMEN_NAMES
from bot.content.responses import response
from bot.content.session_texts import plural
from bot.content.trend_messages import format_dates
from bot.domain.escalation import SCREEN_SLOT
from bot.domain.pause import plan_paused
from bot.domain.programme import Regimen
from bot.exercises.library import exercise_library
from bot.exercises.today import pick
from bot.services import history, insights
from bot.services.commands import Reply
from bot.services.exercise_status import current_level
from bot.services.history_data import is_number, local_day, read_journal
from bot.store import checkins, journal, sessions

#: The intake's answers in the order the handout lists them (spasm goes with tightness).
#: The chart's resolution in the PDF: sharp when printed.
CHART_DPI = 200
#: The person's own words are quoted from this many words on (not "no", not "6").
_QUOTED_WORDS = 3
_ANSWER_SLOTS = ("pain_direction", "pain_duration_days", "flexibility", "pain_score", "leg_pain")


@dataclass(frozen=True)
class AnswerRow:
    """One intake answer: the question, the answer, and the person's own words."""

    question: str
    answer: str
    words: str | None = None


@dataclass(frozen=True)
class Handout:
    """Everything the PDF shows, already in words (and the chart as a PNG)."""

    prepared: date
    screen: str
    screen_clear: bool
    screen_alerts: tuple[str, ...]
    screen_notes: tuple[str, ...]
    answers: tuple[AnswerRow, ...]
    plan: tuple[str, ...]
    chart_png: bytes | None
    chart_lines: tuple[str, ...]
    pattern: str | None


def step3_pattern(conversation_id: str) -> str | None:
    """The Step 3 pattern: one sentence on what goes with worse pain, from the journal
    ("On the 4 days they said sitting made it worse, their pain averaged 6.0; on the other
    5 days, 4.2."), or None while there is none (too few days, or no difference of a point
    or more): the handout then leaves the section out."""
    return insights.step3_pattern(conversation_id)


#: Where the handout gets its Step 3 line; tests and the insight work can replace it.
PATTERN_SOURCE: Callable[[str], str | None] = step3_pattern


def _latest_answers(conversation_id: str) -> dict[str, journal.JournalAnswer]:
    """Each slot's latest accepted answer (a corrected answer replaces the first)."""
    latest: dict[str, journal.JournalAnswer] = {}
    for answer in journal.answers_for(conversation_id):
        if answer.accepted:
            latest[answer.slot] = answer
    return latest


def _answer_text(slot: str, value: Any, spasm: bool) -> str:
    if slot == "pain_direction":
        return words.DIRECTION_ANSWERS.get(str(value), str(value))
    if slot == "pain_duration_days" and is_number(value):
        return plan_words.format_duration(float(value))
    if slot == "flexibility":
        return words.SPASM_ANSWER if spasm else words.FLEXIBILITY_ANSWERS.get(str(value),
                                                                               str(value))
    if slot == "pain_score" and is_number(value):
        return plan_words.format_score(float(value))
    if slot == "leg_pain" and isinstance(value, bool):
        return words.LEG_ANSWERS[value]
    return words.NOT_ANSWERED if value is None else str(value)


def _answer_rows(latest: dict[str, journal.JournalAnswer]) -> tuple[AnswerRow, ...]:
    spasm = bool(latest["spasm"].value) if "spasm" in latest else False
    rows = []
    said: set[str] = set()
    for slot in _ANSWER_SLOTS:
        answer = latest.get(slot)
        if answer is None:
            rows.append(AnswerRow(words.ANSWER_QUESTIONS[slot], words.NOT_ANSWERED))
            continue
        own = " ".join((answer.raw_text or "").split())
        quoted = None
        if len(own.split()) >= _QUOTED_WORDS and own.lower() not in said:
            quoted = own
            said.add(own.lower())
        rows.append(AnswerRow(words.ANSWER_QUESTIONS[slot],
                              _answer_text(slot, answer.value, spasm), quoted))
    return tuple(rows)


def _screen(
    conversation_id: str, latest: dict[str, journal.JournalAnswer], tz: str
) -> tuple[str, bool, tuple[str, ...], tuple[str, ...]]:
    """The screen's result, whether all is clear, the warning signs reported since (and
    the clinician's checks), and the notes under them."""
    answer = latest.get(SCREEN_SLOT)
    if answer is None:
        result, clear = words.SCREEN_NOT_ANSWERED, False
    else:
        day = format_dates([local_day(answer.created_at, tz)])
        clear = answer.value is False
        result = (words.SCREEN_CLEAR if clear else words.SCREEN_FLAGGED).format(day=day)
    alerts: list[str] = []
    notes: list[str] = []
    events = journal.safety_events_for(conversation_id)
    for event in events:  # a crisis (self-harm) is not the practitioner's to read here
        day = format_dates([local_day(event.created_at, tz)])
        if event.kind == "red_flag":
            category = words.RED_FLAG_CATEGORIES.get(event.category or "unspecified",
                                                     words.RED_FLAG_CATEGORIES["unspecified"])
            alerts.append(words.RED_FLAG_EVENT.format(day=day, category=category))
            clear = False
        elif event.kind == "assessed":
            alerts.append(words.ASSESSED_EVENT.format(day=day))
    if plan_paused([e.kind for e in events]):
        alerts.append(words.PLAN_STILL_PAUSED)
    days = checkins.checkins_for(conversation_id)
    flagged = [d.local_date for d in days if d.warning_signs]
    asked = [d for d in days if d.warning_signs is not None]
    if flagged:
        notes.append(words.CHECKIN_SIGNS_SOME.format(days=format_dates(flagged)))
    elif asked:
        notes.append(words.CHECKIN_SIGNS_NONE.format(count=plural(len(asked), "check-in")))
    signs = [line[2:].strip() for line in response("utter_ask_red_flag_screen").text.splitlines()
             if line.startswith("- ")]
    notes.append(words.SCREEN_ASKED.format(signs="; ".join(signs)))
    return result, clear, tuple(alerts), tuple(notes)


def _regimen(code: str | None) -> str:
    try:
        return words.REGIMEN_SHORT[Regimen(code)]
    except ValueError:
        return str(code).replace("_", " ").capitalize()


def _plan_lines(conversation_id: str, tz: str) -> tuple[str, ...]:
    recs = journal.recommendations_for(conversation_id)
    latest = recs[-1]
    names = {r.value: n for r, n in REGIMEN_NAMES.items()}
    if latest.step == 1 and latest.next_regimen:
        lines = [words.PLAN_NOW_THEN.format(regimen=names.get(latest.regimen, latest.regimen),
                                            next=names.get(latest.next_regimen,
                                                           latest.next_regimen))]
    else:
        lines = [words.PLAN_NOW.format(step=latest.step,
                                       regimen=names.get(latest.regimen, latest.regimen))]
    began = journal.run_start(
        recs, lambda r: (r.step, r.regimen) == (latest.step, latest.regimen)
    )
    why = [words.PLAN_RULES[code] for code in latest.rule.split("+") if code in words.PLAN_RULES]
    day = format_dates([local_day(began, tz)])
    lines.append(words.PLAN_SINCE.format(day=day, why=" and ".join(why) or latest.rule))
    if latest.aerobic:
        added = journal.run_start(recs, lambda r: r.aerobic)
        lines.append(words.PLAN_AEROBIC.format(day=format_dates([local_day(added, tz)])))
    else:
        lines.append(words.PLAN_AEROBIC_LATER)
    exercise_regimen = latest.regimen if latest.step != 1 else None
    if exercise_regimen:
        library = exercise_library()
        done = [s for s in sessions.sessions_for(conversation_id)
                if s.status == sessions.COMPLETE and s.regimen == exercise_regimen]
        level = min(max(current_level(done, exercise_regimen), 1),
                    max(library.levels(exercise_regimen)))
        lines.append(words.PLAN_LEVEL.format(
            regimen=_regimen(exercise_regimen), level=level,
            top=max(library.levels(exercise_regimen)),
            sessions=len(done),
        ))
        names_now = ", ".join(e.name for e in pick(library, exercise_regimen, level))
        lines.append(words.PLAN_EXERCISES.format(names=names_now))
    referrals = checkins.referrals_for(conversation_id)
    if referrals:
        lines.append(words.PLAN_REFERRALS.format(
            days=format_dates([local_day(r.created_at, tz) for r in referrals])))
    return tuple(lines)


def _chart(conversation_id: str) -> tuple[bytes | None, tuple[str, ...]]:
    """The /history chart, untitled (the handout's heading names it), and its pain line."""
    data = read_journal(conversation_id, None)
    figure = history.history_figure(conversation_id)
    png = None
    if figure is not None:
        figure.axes[0].set_title("")
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=CHART_DPI)
        png = buffer.getvalue()
    start = plan_words.format_score(data.baseline) if data.baseline is not None else "-"
    if not data.pains:
        return png, (words.PAIN_NO_CHECKINS.format(start=start),)
    (first, _), (last, latest) = data.pains[0], data.pains[-1]
    count = (words.ONE_CHECKIN if len(data.pains) == 1 else
             words.CHECKINS_COUNTED.format(count=len(data.pains), first=format_dates([first])))
    line = words.PAIN_LINE.format(start=start, latest=plan_words.format_score(latest),
                                  day=format_dates([last]), count=count)
    return png, (line,)


def gather(conversation_id: str) -> Handout | None:
    """What the handout says about this person, or None when they have no plan yet."""
    if not journal.recommendations_for(conversation_id):
        return None
    tz = checkins.zone_of(conversation_id)
    latest = _latest_answers(conversation_id)
    screen, clear, alerts, notes = _screen(conversation_id, latest, tz)
    png, chart_lines = _chart(conversation_id)
    return Handout(
        prepared=local_day(checkins.utcnow(), tz),
        screen=screen,
        screen_clear=clear,
        screen_alerts=alerts,
        screen_notes=notes,
        answers=_answer_rows(latest),
        plan=_plan_lines(conversation_id, tz),
        chart_png=png,
        chart_lines=chart_lines,
        pattern=PATTERN_SOURCE(conversation_id),
    )


def make_handout(conversation_id: str) -> Reply:
    """/handout: the PDF with a caption, or a kind message when there is nothing to show."""
    from bot.services.handout_pdf import render_pdf

    data = gather(conversation_id)
    if data is None:
        return Reply(words.HANDOUT_NO_INTAKE)
    filename = words.HANDOUT_FILENAME.format(day=data.prepared.isoformat())
    return Reply(words.HANDOUT_CAPTION, render_pdf(data), filename)
