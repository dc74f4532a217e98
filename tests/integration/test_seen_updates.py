"""A Telegram update is taken in once: its id is remembered for a week."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.store import updates


def test_an_update_id_is_new_once(db_url: str) -> None:
    assert updates.first_time(101) is True
    assert updates.first_time(101) is False
    assert updates.first_time(102) is True


def test_ids_older_than_a_week_are_forgotten(db_url: str) -> None:
    now = datetime(2026, 12, 5, 12, tzinfo=timezone.utc)
    updates.first_time(1, now=now - timedelta(days=8))
    updates.first_time(2, now=now - timedelta(days=1))
    assert updates.forget_old(now=now) == 1
    assert updates.first_time(1, now=now) is True  # forgotten: new again
    assert updates.first_time(2, now=now) is False
