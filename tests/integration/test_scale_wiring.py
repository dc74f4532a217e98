"""Scale mode's wiring: the conversation lock in Redis and the shared rate limit are
chosen by BACKSTEP_REDIS_URL; with nothing set, the in-memory lock and local limits stay."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa.core.lock_store import LockStore

from bot import settings as settings_module
from bot.rasa import runtime
from bot.rasa.lock_store import AtomicRedisLockStore
from bot.telegram.ratelimit import rate_limiter_for
from bot.telegram.shared_budget import RedisBudget
from tests.support.redisdb import empty_redis

PG = "postgresql+psycopg2://postgres@127.0.0.1:5432/backstep"


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """load_agent with Rasa's loading replaced: what endpoints it was given."""
    seen: dict[str, Any] = {}

    async def fake_load_agent(model_path: str, endpoints: Any) -> Any:
        seen["lock_store"] = LockStore.create(endpoints.lock_store)
        seen["action"] = endpoints.action
        return type("Agent", (), {"tracker_store": None, "processor": None})()

    import rasa.core.agent

    monkeypatch.setattr(rasa.core.agent, "load_agent", fake_load_agent)
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    seen["model"] = model
    yield seen
    settings_module.get_settings.cache_clear()


@pytest.mark.parametrize("scale", [False, True])
async def test_the_lock_store_and_limiter_follow_backstep_redis_url(
    captured: dict[str, Any], monkeypatch: pytest.MonkeyPatch, scale: bool
) -> None:
    with empty_redis(13) as url:
        monkeypatch.delenv("BACKSTEP_REDIS_URL", raising=False)
        if scale:
            monkeypatch.setenv("BACKSTEP_DB_URL", PG)
            monkeypatch.setenv("BACKSTEP_REDIS_URL", url)
        settings_module.get_settings.cache_clear()
        await runtime.load_agent(captured["model"], "http://actions:5055/webhook", {"X": "y"})
        store = captured["lock_store"]
        assert isinstance(store, AtomicRedisLockStore) is scale
        assert type(store).__name__ == ("AtomicRedisLockStore" if scale else "InMemoryLockStore")
        assert captured["action"].url == "http://actions:5055/webhook"
        limiter = rate_limiter_for(settings_module.get_settings())
        assert isinstance(limiter._budget, RedisBudget) is scale  # noqa: SLF001
