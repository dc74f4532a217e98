"""The data commands, for any channel: pause and resume check-ins, history, export, delete.

Each takes the conversation id (a person's data is reachable only from their own chat)
and returns what to say, and a file where there is one; the channel sends it its own way
(Telegram as a photo or a document, the terminal as a file on disk).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.content.texts import (
    CHECKINS_NOT_SET,
    CHECKINS_PAUSED,
    CHECKINS_RESUMED,
    DELETE_DONE,
    DELETE_NOTHING,
    EXPORT_DOCUMENT_CAPTION,
)
from bot.domain import clock, zones
from bot.services import export, history
from bot.store import checkins, erasure

HISTORY_FILENAME = "backstep-history.png"


@dataclass(frozen=True)
class Reply:
    """What a command says, with a file to send when it has one."""

    text: str
    file: bytes | None = None
    filename: str | None = None


def pause_checkins(conversation_id: str, *, paused: bool) -> Reply:
    """/pause (``paused``) or /resume: the daily check-ins, and when the next one comes."""
    info = checkins.set_paused(conversation_id, paused)
    if info is None:
        return Reply(CHECKINS_NOT_SET)
    when = {"time": clock.describe_time(info.at_time), "zone": zones.describe_zone(info.tz)}
    return Reply((CHECKINS_PAUSED if paused else CHECKINS_RESUMED).format(**when))


def show_history(conversation_id: str) -> Reply:
    """/history: the pain chart (when there is anything to draw) under its summary."""
    report = history.history_report(conversation_id)
    if report.png is None:
        return Reply(report.summary)
    return Reply(report.summary, report.png, HISTORY_FILENAME)


def export_journal(conversation_id: str) -> Reply:
    """/export: the whole journal as a CSV file."""
    return Reply(
        EXPORT_DOCUMENT_CAPTION,
        export.export_csv(conversation_id),
        export.export_filename(conversation_id),
    )


def delete_everything(conversation_id: str) -> Reply:
    """/delete, once confirmed: erase the journal, the schedule and the conversation."""
    return Reply(DELETE_DONE if erasure.erase_person(conversation_id) else DELETE_NOTHING)
