"""Shared fixtures: a fresh journal database on SQLite or PostgreSQL for each test."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.future import create_engine

from bot import settings
from bot.store import engine, journal
from tests.support.runtime import RasaRuntime

POSTGRES_ADMIN_URL = os.environ.get(
    "BACKSTEP_TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    """A migrated, empty SQLite journal in a temporary folder."""
    url = f"sqlite:///{tmp_path / 'journal.sqlite3'}"
    journal.upgrade_database(url)
    return url


@pytest.fixture
def empty_postgresql_url() -> Iterator[str]:
    """A new PostgreSQL database with no schema at all (not migrated), dropped afterwards."""
    name = f"backstep_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        engine.dispose_engines()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgresql_url(empty_postgresql_url: str) -> str:
    """A migrated, empty PostgreSQL database, dropped afterwards."""
    journal.upgrade_database(empty_postgresql_url)
    return empty_postgresql_url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each journal test runs on both databases; BACKSTEP_DB_URL points at the one in use."""
    url = str(request.getfixturevalue(f"{request.param}_url"))
    monkeypatch.setenv("BACKSTEP_DB_URL", url)
    settings.get_settings.cache_clear()
    yield url  # type: ignore[misc]
    settings.get_settings.cache_clear()


@pytest.fixture(scope="session")
def rasa_runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RasaRuntime]:
    """Loaded once per test session (~30 s); every test talks as a person of its own."""
    from bot.rasa.runtime import ActionServer, load_agent, quiet_third_party_logs

    quiet_third_party_logs()
    db_url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'backstep.sqlite3'}"
    mp = pytest.MonkeyPatch()
    mp.setenv("BACKSTEP_DB_URL", db_url)
    settings.get_settings.cache_clear()
    journal.upgrade_database(db_url)
    loop = asyncio.new_event_loop()
    log = Path(tmp_path_factory.mktemp("logs")) / "action-server.log"
    with ActionServer(log_path=log) as server:
        agent = loop.run_until_complete(
            load_agent(settings.get_settings().model_path, server.url, server.headers)
        )
        yield RasaRuntime(loop, agent, db_url, server)
    loop.close()
    mp.undo()
    settings.get_settings.cache_clear()
