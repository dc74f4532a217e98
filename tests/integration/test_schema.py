"""Migrations run once: upgrades started together wait for each other (PostgreSQL advisory
lock), and ``backstep run`` told not to migrate refuses a schema older than its code."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import text
from sqlalchemy.future import create_engine

from bot.store import journal
from bot.store.schema import MIGRATION_LOCK, StaleSchema, require_current, revisions
from tests.support.paths import ROOT

#: The revision before the newest (the schema an older release left behind).
OLDER = "0007"


def backstep(*args: str, **env: str) -> subprocess.Popen[str]:
    """The ``backstep`` command as a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "bot.app.cli", *args],
        cwd=ROOT, env={**os.environ, **env}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def waiting_for_the_migration_lock(url: str) -> int:
    """How many sessions wait for the migration lock right now."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                " AND ((classid::bigint << 32) | objid::bigint) = :key"
            ), {"key": MIGRATION_LOCK}).scalar_one())
    finally:
        engine.dispose()


def test_three_upgrades_started_together_on_a_new_database_all_succeed(
    empty_postgresql_url: str,
) -> None:
    """Three `backstep db upgrade` (three replicas, a job) are held at the lock until all
    three wait, then let go at the same instant: each exits 0, the schema is made once."""
    url = empty_postgresql_url
    holder = create_engine(url, isolation_level="AUTOCOMMIT")
    with holder.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        upgrades = [backstep("db", "upgrade", BACKSTEP_DB_URL=url) for _ in range(3)]
        deadline = time.monotonic() + 60
        while waiting_for_the_migration_lock(url) < 3:
            assert all(p.poll() is None for p in upgrades), [p.communicate() for p in upgrades]
            assert time.monotonic() < deadline, "the upgrades did not wait for the lock"
            time.sleep(0.2)
        conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
    holder.dispose()
    outputs = [p.communicate(timeout=120) for p in upgrades]
    assert [p.returncode for p in upgrades] == [0, 0, 0], outputs
    current, head = revisions(url)
    assert current == head
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    engine.dispose()


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_replica_that_may_not_migrate_refuses_an_older_schema(
    database: str, request: pytest.FixtureRequest, tmp_path: object
) -> None:
    if database == "sqlite":
        url = f"sqlite:///{tmp_path}/older.sqlite3"
    else:
        url = str(request.getfixturevalue("empty_postgresql_url"))
    journal.upgrade_database(url, OLDER)
    with pytest.raises(StaleSchema, match="backstep db upgrade"):
        require_current(url)
    run = backstep(
        "run", BACKSTEP_DB_URL=url, TELEGRAM_BOT_TOKEN="123:TEST", BACKSTEP_MIGRATE_ON_START="0"
    )
    out, err = run.communicate(timeout=120)
    assert run.returncode == 1, (out, err)
    assert f"schema is at revision {OLDER}" in err
    assert "Run `backstep db upgrade` once" in err
    assert revisions(url)[0] == OLDER  # it changed nothing
    journal.upgrade_database(url)
    require_current(url)  # once upgraded, it would start


def test_an_empty_database_is_stale_too(empty_postgresql_url: str) -> None:
    with pytest.raises(StaleSchema, match="none"):
        require_current(empty_postgresql_url)
