"""Safety records that could not reach the database wait here until it is back.

A red flag or a crisis is journaled when it is escalated. If the database is down then,
the record is appended to a small file in the data directory (one JSON object per line,
flushed to disk, readable by its owner only) and written to the journal, with its
original time, by the next safety record or check-in round that finds the database up.
Only safety records go here: they are the ones that must never be lost.
"""

from __future__ import annotations

import datetime
import fcntl
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.settings import get_settings
from bot.store import journal

logger = logging.getLogger(__name__)

OUTBOX_NAME = "safety-outbox.jsonl"


def outbox_path() -> Path:
    """Where waiting safety records are kept (beside the SQLite journal by default)."""
    return get_settings().data_dir / OUTBOX_NAME


@contextmanager
def _locked() -> Iterator[Path]:
    """The outbox file, locked against the other processes (action server, connector)."""
    path = outbox_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield path
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            logger.error("An unreadable line in the safety outbox was kept aside.")
            _keep_aside(path, line)
    return records


def _keep_aside(path: Path, line: str) -> None:
    with open(path.with_suffix(".unreadable"), "a", encoding="utf-8") as spare:
        spare.write(line + "\n")


def _write(path: Path, records: list[dict[str, Any]]) -> None:
    """Replace the outbox with ``records`` (atomically; the file goes when it is empty)."""
    if not records:
        path.unlink(missing_ok=True)
        return
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def _store(record: dict[str, Any], url: str | None) -> None:
    journal.record_safety_event(
        record["conversation_id"], record["kind"], record.get("category"),
        record.get("raw_text"), url=url,
        created_at=datetime.datetime.fromisoformat(record["created_at"]),
    )


def flush(url: str | None = None) -> int:
    """Write the waiting records to the journal, oldest first; how many were written.
    Those that still fail stay, in order."""
    with _locked() as path:
        waiting = _read(path)
        if not waiting:
            return 0
        written = 0
        for i, record in enumerate(waiting):
            try:
                _store(record, url)
            except SQLAlchemyError:
                logger.warning("The journal is still unreachable; %d safety records wait.",
                               len(waiting) - i)
                _write(path, waiting[i:])
                return written
            written += 1
        _write(path, [])
        return written


def has_waiting() -> bool:
    """Whether a record waits in the outbox (a look at the file)."""
    return outbox_path().exists()


def flush_if_waiting(url: str | None = None) -> int:
    """:func:`flush` when a record waits (a look at the file, nothing more when none does):
    cheap enough to run before each message, so a record kept while the database was down
    reaches the journal as soon as it is back."""
    if not has_waiting():
        return 0
    return flush(url)


def record_safety_event(
    conversation_id: str, kind: str, category: str | None, raw_text: str | None,
    url: str | None = None,
) -> bool:
    """Journal a safety record now, or keep it in the outbox until the database is back.
    True when it reached the journal now."""
    record = {
        "conversation_id": conversation_id, "kind": kind, "category": category,
        "raw_text": raw_text,
        "created_at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
    }
    try:
        flush(url)
        _store(record, url)
        return True
    except SQLAlchemyError:
        logger.error("The journal is unreachable: a %s record waits in the outbox.", kind)
        with _locked() as path:
            _write(path, [*_read(path), record])
        return False


def forget(conversation_id: str) -> None:
    """Drop one person's waiting records (they asked to be erased)."""
    with _locked() as path:
        _write(path, [r for r in _read(path) if r.get("conversation_id") != conversation_id])


def waiting() -> int:
    """How many safety records wait for the database."""
    with _locked() as path:
        return len(_read(path))
