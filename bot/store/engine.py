"""Database engine and unit-of-work sessions.

The engine is created on first use (never at import time) and cached per URL;
every unit of work opens its own short-lived session through :func:`session_scope`. On a
SQLite file the connections stay open in a small pool (:func:`bot.settings.sqlite_file_pool`).

On PostgreSQL each process's pool is sized by BACKSTEP_DB_POOL_SIZE and
BACKSTEP_DB_MAX_OVERFLOW, and its connections carry ``application_name``
``backstep-<role>`` (:func:`bot.settings.set_role`: bot, actions, sender...), so that
``pg_stat_activity`` shows who holds how many.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from threading import Lock
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.future import create_engine
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import application_name, db_pool, get_settings, sqlite_file_pool

_engines: dict[str, Engine] = {}
_lock = Lock()
def connect_args(url: str, part: str | None = None) -> dict[str, Any]:
    """The driver's connection arguments: on PostgreSQL, the application name."""
    if make_url(url).get_backend_name() == "postgresql":
        return {"application_name": application_name(part)}
    return {}


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys on; write-ahead log (kept by the file, so Rasa's tracker store gets it
    too: a commit costs one sync instead of several); wait for a lock rather than fail."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def get_engine(url: str | None = None) -> Engine:
    """Return the (cached) engine for ``url``, defaulting to ``BACKSTEP_DB_URL``."""
    url = url or get_settings().db_url
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            parsed = make_url(url)
            if parsed.get_backend_name() == "sqlite" and parsed.database:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            if parsed.get_backend_name() == "sqlite":
                engine = create_engine(url, pool_pre_ping=True, **sqlite_file_pool(url))
                event.listen(engine, "connect", _configure_sqlite)
            else:
                size, overflow = db_pool()
                engine = create_engine(
                    url, pool_pre_ping=True, pool_size=size, max_overflow=overflow,
                    connect_args=connect_args(url),
                )
            _engines[url] = engine
        return engine


def dispose_engines() -> None:
    """Close every pooled connection (for tests and clean shutdown)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """One session per unit of work: commit on success, roll back on error."""
    factory = sessionmaker(bind=get_engine(url), future=True, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
