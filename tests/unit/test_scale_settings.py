"""Scale-mode settings: unset means one instance exactly as before; Redis needs PostgreSQL."""

from __future__ import annotations

import pytest

from bot.app.cli import main
from bot.settings import SettingsError, load_settings

PG = "postgresql+psycopg2://postgres@127.0.0.1:5432/backstep"
SCALE_KEYS = (
    "BACKSTEP_REDIS_URL", "BACKSTEP_ACTION_URL", "BACKSTEP_INSTANCE_ID", "TELEGRAM_WEBHOOK_SET",
)


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in SCALE_KEYS:
        monkeypatch.delenv(key, raising=False)


def test_nothing_set_is_one_instance_that_registers_its_own_webhook() -> None:
    settings = load_settings()
    assert not settings.scale_mode
    assert settings.redis_url is None and settings.action_url is None
    assert settings.telegram_webhook_set is True
    assert settings.instance_id.endswith(f":{__import__('os').getpid()}")


@pytest.mark.parametrize(
    ("env", "scale", "webhook_set", "action_url"),
    [
        ({"BACKSTEP_REDIS_URL": "redis://r:6379/1"}, True, False, None),
        ({"BACKSTEP_REDIS_URL": "redis://r/1", "TELEGRAM_WEBHOOK_SET": "1"}, True, True, None),
        ({"TELEGRAM_WEBHOOK_SET": "0"}, False, False, None),
        ({"BACKSTEP_ACTION_URL": "http://actions:5055/webhook"}, False, True,
         "http://actions:5055/webhook"),
    ],
)
def test_scale_mode_settings(
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str], scale: bool, webhook_set: bool, action_url: str | None,
) -> None:
    monkeypatch.setenv("BACKSTEP_DB_URL", PG)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = load_settings()
    assert settings.scale_mode is scale
    assert settings.telegram_webhook_set is webhook_set
    assert settings.action_url == action_url


def test_instance_id_can_be_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSTEP_INSTANCE_ID", "bot-2")
    assert load_settings().instance_id == "bot-2"


def test_redis_with_sqlite_is_refused_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BACKSTEP_DB_URL", "sqlite:///var/x.sqlite3")
    monkeypatch.setenv("BACKSTEP_REDIS_URL", "redis://127.0.0.1:6379/13")
    with pytest.raises(SettingsError, match="PostgreSQL"):
        load_settings()
    from bot import settings as settings_module

    settings_module.get_settings.cache_clear()
    try:
        assert main(["db", "upgrade"]) == 2
    finally:
        settings_module.get_settings.cache_clear()
    assert "BACKSTEP_DB_URL is SQLite" in capsys.readouterr().err


def test_a_bad_webhook_set_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SET", "yes")
    with pytest.raises(SettingsError, match="TELEGRAM_WEBHOOK_SET"):
        load_settings()
