"""/export: a person's whole journal as a CSV file, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from bot.content import advice
from bot.content import history_labels as words
from bot.domain import zones
from bot.domain.insights import WEEK
from bot.exercises.library import exercise_library
from bot.services.history_data import (
    is_number,
    local_day,
    regimen_name,
)
from bot.store import checkins, journal, sessions, summaries

#: The export's kinds of row.
ANSWER, CHECKIN, RECOMMENDATION, REFERRAL, SAFETY, SESSION, SUMMARY = (
    "answer",
    "check-in",
    "recommendation",
    "referral",
    "safety",
    "exercise session",
    "weekly summary",
)
#: A cell of the person's own text starting with one of these is a formula to a spreadsheet.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A number this module wrote itself (a stored value), which may be negative.
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
#: Check-in rows that were never put to the person (claimed or failed delivery).
_UNASKED = (checkins.CLAIMED, checkins.FAILED)


# ----------------------------------------------------------------------------- export


def _text(value: str) -> str:
    """The person's own text, made safe from spreadsheet formulas (a leading apostrophe)."""
    if value.startswith(_FORMULA_STARTS) or value.lstrip().startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: str) -> str:
    """Last line of defence at writing time: only a plain number of ours may start with "-"."""
    if value.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _value(value: Any) -> str:
    """A stored value as a cell: numbers as numbers, yes/no, text made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return words.EXPORT_YES if value else words.EXPORT_NO
    if is_number(value):
        return _number(value)
    if isinstance(value, str):
        return _text(value)
    return _text(json.dumps(value, ensure_ascii=False))


def _utc(moment: datetime) -> str:
    return checkins.as_utc(moment).strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class _Row:
    at: datetime  # for sorting
    when_utc: str
    local_date: date
    kind: str
    item: str
    value: str
    detail: str


def _timed(moment: datetime, tz: str, kind: str, item: str, value: str, detail: str) -> _Row:
    moment = checkins.as_utc(moment)
    return _Row(moment, _utc(moment), local_day(moment, tz), kind, item, value, detail)


def _checkin_row(day: checkins.CheckinDay, tz: str) -> _Row | None:
    answers = {
        "trend": _value(day.trend),
        "exercises": _value(day.exercises),
        "trigger": day.trigger or "",  # inside the cell, after "trigger: ": not a formula
        "warning_signs": _value(day.warning_signs),
    }
    said = [f"{words.EXPORT_CHECKIN_FIELDS[k]}: {v}" for k, v in answers.items() if v]
    if day.pain is None and not said:
        if day.status in _UNASKED:
            return None
        said = [words.EXPORT_NOT_ANSWERED]
    moment = day.completed_at or day.sent_at
    if moment is not None:
        at, when = checkins.as_utc(moment), _utc(moment)
    else:  # no time kept for the day: it sorts at the end of that local day
        end = datetime.combine(day.local_date, time(23, 59, 59), tzinfo=zones.zone(tz))
        at, when = end.astimezone(timezone.utc), ""
    pain = _number(day.pain) if day.pain is not None else ""
    return _Row(at, when, day.local_date, CHECKIN, words.EXPORT_CHECKIN_ITEM, pain, "; ".join(said))


def _session_row(record: sessions.SessionRecord, tz: str) -> _Row:
    """An exercise session: each exercise's outcome, the end answers, what changed."""
    library = exercise_library()
    outcomes = []
    for result in record.results:
        name = library.get(result.exercise_id).name
        if result.minutes is not None:
            name = words.EXPORT_SESSION_MINUTES.format(name=name, minutes=result.minutes)
        outcomes.append(f"{name}: {result.outcome or words.EXPORT_SESSION_NOT_ANSWERED}")
    ends = {"pain_during": record.pain_during, "leg_pain_moved": record.leg_pain_moved,
            "stretched": record.stretched}
    said = [f"{words.EXPORT_SESSION_END[k]}: {_value(v)}" for k, v in ends.items() if v is not None]
    said.append(record.message or words.EXPORT_SESSION_OPEN)
    item = words.EXPORT_SESSION_ITEM.format(
        regimen=regimen_name(record.regimen, advice.REGIMEN_NAMES), level=record.level
    )
    moment = record.completed_at or record.created_at
    row = _timed(moment, tz, SESSION, item, "; ".join(outcomes), _text("\n".join(said)))
    return dataclasses.replace(row, local_date=record.local_date)


def _rows(conversation_id: str, url: str | None) -> list[_Row]:
    tz = checkins.zone_of(conversation_id, url)
    rows = []
    for answer in journal.answers_for(conversation_id, url):
        value = _value(answer.value)
        if not answer.accepted:
            value = f"{value} ({words.EXPORT_NOT_ACCEPTED})" if value else words.EXPORT_NOT_ACCEPTED
        rows.append(
            _timed(answer.created_at, tz, ANSWER, answer.slot, value, _text(answer.raw_text or ""))
        )
    for day in checkins.checkins_for(conversation_id, url):
        row = _checkin_row(day, tz)
        if row is not None:
            rows.append(row)
    for rec in journal.recommendations_for(conversation_id, url):
        plan = [regimen_name(rec.regimen, advice.REGIMEN_NAMES)]
        if rec.next_regimen:
            plan.append(
                words.EXPORT_THEN.format(
                    regimen=regimen_name(rec.next_regimen, advice.REGIMEN_NAMES)
                )
            )
        if rec.aerobic:
            plan.append(words.EXPORT_AEROBIC)
        detail = words.EXPORT_RULE.format(rule=rec.rule) + "\n" + rec.message
        rows.append(
            _timed(
                rec.created_at,
                tz,
                RECOMMENDATION,
                words.EXPORT_STEP.format(step=rec.step),
                "; ".join(plan),
                _text(detail),
            )
        )
    for referral in checkins.referrals_for(conversation_id, url):
        rows.append(
            _timed(
                referral.created_at,
                tz,
                REFERRAL,
                words.HISTORY_REFERRAL_LABEL,
                ", ".join(referral.reasons),
                _text(referral.message),
            )
        )
    for event in journal.safety_events_for(conversation_id, url):
        rows.append(
            _timed(
                event.created_at,
                tz,
                SAFETY,
                event.kind,
                _text(event.category or ""),
                _text(event.raw_text or ""),
            )
        )
    for record in sessions.sessions_for(conversation_id, url):
        rows.append(_session_row(record, tz))
    for sent in summaries.summaries_for(conversation_id, url):
        week = words.EXPORT_SUMMARY_WEEK.format(
            first=(sent.local_date - timedelta(days=WEEK - 1)).isoformat(),
            last=sent.local_date.isoformat(),
        )
        row = _timed(sent.created_at, tz, SUMMARY, week, "", _text(sent.message))
        rows.append(dataclasses.replace(row, local_date=sent.local_date))
    rows.sort(key=lambda row: row.at)  # stable: same-time rows keep their journal order
    return rows


def export_csv(conversation_id: str, url: str | None = None) -> bytes:
    """The whole journal as CSV (UTF-8 with BOM, for Excel), one row per item, by time."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(words.EXPORT_COLUMNS)
    for row in _rows(conversation_id, url):
        cells = (
            row.when_utc,
            row.local_date.isoformat(),
            row.kind,
            row.item,
            row.value,
            row.detail,
        )
        writer.writerow([_cell(cell) for cell in cells])
    return out.getvalue().encode("utf-8-sig")


def export_filename(
    conversation_id: str, *, url: str | None = None, today: date | None = None
) -> str:
    """The export's file name, dated with the person's local day (no chat id in it)."""
    if today is None:
        today = local_day(checkins.utcnow(), checkins.zone_of(conversation_id, url))
    return words.EXPORT_FILENAME.format(day=today.isoformat())
