"""Without BACKSTEP_REDIS_URL one Backstep runs per database: a second ``backstep run``
against it exits with a clear message (PostgreSQL advisory lock, SQLite file lock)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from bot.store.guard import AlreadyRunning, single_instance
from tests.support.paths import ROOT

REFUSED = "Another Backstep is running against this database"

#: A process that holds the database's instance lock until it is killed.
HOLDER = (
    "import sys, time\n"
    "from bot.store.guard import single_instance\n"
    "with single_instance(sys.argv[1], wait=0):\n"
    "    print('held', flush=True)\n"
    "    time.sleep(600)\n"
)


def test_a_second_instance_is_refused_until_the_first_has_gone(db_url: str) -> None:
    with single_instance(db_url, wait=0):
        with pytest.raises(AlreadyRunning, match=REFUSED) as refused, single_instance(
            db_url, wait=0
        ):
            pass
        assert "BACKSTEP_REDIS_URL" in str(refused.value)
    with single_instance(db_url, wait=0):  # the first stopped: the next may start
        pass


def test_another_database_is_not_held(db_url: str, tmp_path: object) -> None:
    with single_instance(db_url, wait=0), single_instance(f"sqlite:///{tmp_path}/other.sqlite3"):
        pass


def test_a_second_backstep_run_exits_with_the_reason(db_url: str) -> None:
    """The lock is held by another process; `backstep run` (Telegram mode) stops before
    loading anything, saying why."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db_url], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        env = {**os.environ, "BACKSTEP_DB_URL": db_url, "TELEGRAM_BOT_TOKEN": "123:TEST"}
        env.pop("BACKSTEP_REDIS_URL", None)
        began = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "bot.app.cli", "run"], cwd=ROOT, env=env,
            capture_output=True, text=True, timeout=120,
        )
        assert second.returncode == 1, second.stderr
        assert REFUSED in second.stderr
        assert time.monotonic() - began < 60  # refused at once (after a short wait), no model load
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_of_a_killed_instance_is_free_for_the_next(db_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db_url], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(AlreadyRunning), single_instance(db_url, wait=0):
        pass
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with single_instance(db_url):  # within the few seconds a killed holder's lock may take
        pass
