"""Each process's PostgreSQL connections are bounded by its settings and named by its role,
so that 3 replicas and 2 action servers stay inside the server's connection budget and
``pg_stat_activity`` shows who holds what."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot import settings
from bot.rasa.tracker_store import BackstepTrackerStore
from bot.store.engine import dispose_engines, get_engine


@pytest.fixture
def as_action_server() -> Iterator[None]:
    settings.set_role("actions")
    yield
    settings.set_role("cli")


def names_connected(url: str) -> list[str]:
    """The application names of the sessions connected to ``url``'s database, but this one."""
    with get_engine(url).connect() as conn:
        rows = conn.execute(text(
            "SELECT application_name FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ))
        return sorted(name for (name,) in rows)


def test_the_bot_engine_holds_at_most_its_pool_and_overflow(
    postgresql_url: str, monkeypatch: pytest.MonkeyPatch, as_action_server: None
) -> None:
    dispose_engines()
    monkeypatch.setenv("BACKSTEP_DB_POOL_SIZE", "2")
    monkeypatch.setenv("BACKSTEP_DB_MAX_OVERFLOW", "1")
    engine = get_engine(postgresql_url)
    engine.pool._timeout = 0.5  # noqa: SLF001 - wait half a second, not 30, for the 4th
    held = [engine.connect() for _ in range(3)]
    try:
        with pytest.raises(PoolTimeout):
            engine.connect()
        name = held[0].execute(text("SELECT current_setting('application_name')")).scalar()
        assert name == "backstep-actions"
    finally:
        for conn in held:
            conn.close()


def test_rasas_tracker_store_uses_its_own_pool_settings_and_name(
    postgresql_url: str, monkeypatch: pytest.MonkeyPatch, as_action_server: None
) -> None:
    monkeypatch.setenv("SQL_POOL_SIZE", "2")
    monkeypatch.setenv("SQL_MAX_OVERFLOW", "0")
    store = BackstepTrackerStore(host=postgresql_url)
    try:
        assert store.engine.pool.size() == 2  # type: ignore[attr-defined]
        with store.engine.connect() as conn:
            name = conn.execute(text("SELECT current_setting('application_name')")).scalar()
        assert name == "backstep-actions-tracker"
        assert "backstep-actions-tracker" in names_connected(postgresql_url)
    finally:
        store.engine.dispose()
