"""One Backstep per database, unless it is set up to run as several replicas.

Without BACKSTEP_REDIS_URL the conversation lock, the rate limit and long polling live in
one process; a second ``backstep run`` against the same database would answer the same
chats at the same time. :func:`single_instance` refuses it: on PostgreSQL a session-level
advisory lock held on a connection of its own for the life of the process, on SQLite an
exclusive ``flock`` on a file beside the database. Both go when the process does, however
it ends (a killed process's locks are released by the kernel and the database server; a
host that vanished is noticed by PostgreSQL's keepalives on that connection, about 25 s).
A lock still held is tried again for a few seconds, for the process just killed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.future import create_engine
from sqlalchemy.pool import NullPool

from bot.store.engine import connect_args

#: The advisory lock key a running instance holds on PostgreSQL ("bkstprun").
INSTANCE_LOCK = 0x626B73747072756E
#: How long a taken lock is tried again (its holder may have just died).
WAIT_S = 5.0
#: PostgreSQL drops the guard's connection this soon after its host stops answering.
KEEPALIVES = "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3"
MESSAGE = (
    "Another Backstep is running against this database ({where}). Stop it first; to run "
    "several, set BACKSTEP_REDIS_URL and use PostgreSQL (README: Running several replicas)."
)


class AlreadyRunning(RuntimeError):
    """Another instance holds the database."""


def lock_file(database: str) -> Path:
    """The file a SQLite database's instance lock is taken on."""
    return Path(f"{database}.lock")


@contextmanager
def single_instance(url: str, wait: float = WAIT_S) -> Iterator[None]:
    """Hold the database's instance lock while inside; :class:`AlreadyRunning` if another
    process still holds it after ``wait`` seconds."""
    parsed = make_url(url)
    where = parsed.render_as_string(hide_password=True)
    deadline = time.monotonic() + wait
    if parsed.get_backend_name() == "postgresql":
        with _advisory_lock(url, where, deadline):
            yield
    elif parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        with _file_lock(lock_file(str(parsed.database)), where, deadline):
            yield
    else:  # an in-memory database is nobody else's
        yield


def _until(deadline: float, attempt: Callable[[], bool], where: str) -> None:
    while not attempt():
        if time.monotonic() >= deadline:
            raise AlreadyRunning(MESSAGE.format(where=where))
        time.sleep(0.5)


@contextmanager
def _advisory_lock(url: str, where: str, deadline: float) -> Iterator[None]:
    engine = create_engine(
        url, poolclass=NullPool, isolation_level="AUTOCOMMIT",
        connect_args={**connect_args(url, "guard"), "options": KEEPALIVES},
    )
    try:
        with engine.connect() as conn:
            lock = text("SELECT pg_try_advisory_lock(:key)")

            def take() -> bool:
                return bool(conn.execute(lock, {"key": INSTANCE_LOCK}).scalar())

            _until(deadline, take, where)
            try:
                yield
            finally:
                # the database may have gone meanwhile, and the lock with its connection
                with contextlib.suppress(SQLAlchemyError):
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": INSTANCE_LOCK})
    finally:
        engine.dispose()


@contextmanager
def _file_lock(path: Path, where: str, deadline: float) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)

    def take() -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    try:
        _until(deadline, take, where)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)  # the lock goes with the last descriptor
