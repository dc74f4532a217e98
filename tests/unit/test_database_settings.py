"""The database's share of scale mode: migrating at start, and pool sizes, from the
environment."""

from __future__ import annotations

import pytest

from bot import settings

REDIS = "redis://127.0.0.1:6379/1"


@pytest.mark.parametrize(
    ("redis", "migrate", "expected"),
    [
        (None, None, True),  # one instance, nothing set: migrates at start, as always
        (REDIS, None, False),  # replicas: `backstep db upgrade` runs once, before them
        (REDIS, "1", True),
        (None, "0", False),
        (None, "false", False),
        (REDIS, "yes", True),
        (None, "", True),
    ],
)
def test_migrating_at_start_is_on_for_one_instance_and_off_for_replicas(
    monkeypatch: pytest.MonkeyPatch, redis: str | None, migrate: str | None, expected: bool
) -> None:
    for name, value in (("BACKSTEP_REDIS_URL", redis), ("BACKSTEP_MIGRATE_ON_START", migrate)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert settings.migrate_on_start() is expected


@pytest.mark.parametrize(
    ("size", "overflow", "expected"),
    [(None, None, (5, 10)), ("3", "2", (3, 2)), ("1", None, (1, 10))],
)
def test_the_pool_size_of_a_process(
    monkeypatch: pytest.MonkeyPatch, size: str | None, overflow: str | None,
    expected: tuple[int, int],
) -> None:
    for name, value in (("BACKSTEP_DB_POOL_SIZE", size), ("BACKSTEP_DB_MAX_OVERFLOW", overflow)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert settings.db_pool() == expected
