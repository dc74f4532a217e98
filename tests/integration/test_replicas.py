"""Two replicas behind a load balancer, each with Backstep's own webhook server, sharing
Redis (the chat lock and the update leases) and PostgreSQL (updates already handled), and
sending to the Bot API emulator: a chat's turns never interleave, Telegram's retry of an
update still in hand gets 503 and one already handled is not handled again."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot import settings as settings_module
from bot.app.cli import main
from bot.rasa.lock_store import AtomicRedisLockStore
from bot.rasa.runtime import free_port
from bot.settings import SettingsError, get_settings
from bot.telegram.leases import UpdateLeases
from bot.telegram.once import add_once_only
from bot.telegram.receiving import start_receiving, stop_receiving
from bot.telegram.turns import App, use_lock_store
from bot.telegram.webhook import SECRET_HEADER, WebhookServer, readiness_checks
from tests.support.botapi import BotApiEmulator, EmulatorThread
from tests.support.redisdb import empty_redis

SECRET = "a-fixed-secret-of-the-deploy-0123456789"
PARTS = 3  # replies per turn, a second apart on Telegram (here a few milliseconds)


@pytest.fixture
def redis_url() -> Iterator[str]:
    with empty_redis(14) as url:
        yield url


@pytest.fixture
def on_postgresql(postgresql_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("BACKSTEP_DB_URL", postgresql_url)
    settings_module.get_settings.cache_clear()
    yield postgresql_url
    settings_module.get_settings.cache_clear()


def _update(update_id: int, chat_id: int, text: str) -> bytes:
    message = {
        "message_id": update_id, "date": int(time.time()), "text": text,
        "chat": {"id": chat_id, "type": "private", "first_name": "T"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "T"},
    }
    return json.dumps({"update_id": update_id, "message": message}).encode()


@dataclasses.dataclass
class Replica:
    application: App
    server: WebhookServer
    port: int
    handled: list[int]


@asynccontextmanager
async def replicas(
    emulator: BotApiEmulator, redis_url: str, count: int = 2, once_only: bool = False,
    lease_seconds: float = 30.0,
) -> AsyncIterator[list[Replica]]:
    """``count`` replicas; each answers a text with PARTS messages, pausing between them."""
    started: list[Replica] = []
    for number in range(count):
        application = (
            ApplicationBuilder().token("123456:REPLICA").base_url(emulator.base_url)
            .base_file_url(emulator.base_file_url).updater(None).concurrent_updates(True)
            .build()
        )
        handled: list[int] = []

        async def reply(update: Update, context: ContextTypes.DEFAULT_TYPE,
                        handled: list[int] = handled) -> None:
            assert update.message is not None and update.effective_chat is not None
            handled.append(update.update_id)
            for part in range(1, PARTS + 1):
                await context.bot.send_message(update.effective_chat.id,
                                               f"{update.message.text}:{part}")
                await asyncio.sleep(0.01)

        application.add_handler(MessageHandler(filters.TEXT, reply))
        if once_only:
            add_once_only(application)
        use_lock_store(application, AtomicRedisLockStore(url=redis_url))
        server = WebhookServer(
            application, path="/telegram", secret=SECRET,
            leases=UpdateLeases(redis_url, f"replica-{number}", seconds=lease_seconds),
        )
        port = free_port()
        await application.initialize()
        await server.start("127.0.0.1", port)
        started.append(Replica(application, server, port, handled))
    try:
        yield started
    finally:
        for replica in started:
            await replica.server.stop()
            await replica.application.shutdown()


async def _post(session: aiohttp.ClientSession, replica: Replica, body: bytes) -> int:
    async with session.post(
        f"http://127.0.0.1:{replica.port}/telegram", data=body,
        headers={SECRET_HEADER: SECRET, "Content-Type": "application/json"},
    ) as response:
        return response.status


async def test_one_chats_turns_never_interleave_across_replicas(redis_url: str) -> None:
    async with BotApiEmulator() as emulator, replicas(emulator, redis_url) as (one, two):
        chat, other = 501, 502
        bodies = [(one if n % 2 else two, _update(n, chat, f"m{n}")) for n in range(1, 9)]
        bodies += [(one, _update(100 + n, other, f"o{n}")) for n in range(1, 3)]
        async with aiohttp.ClientSession() as session:
            statuses = await asyncio.gather(*(_post(session, r, b) for r, b in bodies))
        texts = emulator.texts(chat)
    assert statuses == [200] * len(bodies)
    assert len(texts) == 8 * PARTS
    turns = [texts[i:i + PARTS] for i in range(0, len(texts), PARTS)]
    for turn in turns:  # each turn's replies together, in order
        name = turn[0].split(":")[0]
        assert turn == [f"{name}:{part}" for part in range(1, PARTS + 1)], texts
    assert len(one.handled) + len(two.handled) == 10
    assert one.handled and two.handled  # both replicas took turns of the chat


async def test_a_retry_in_hand_gets_503_and_a_handled_one_is_not_handled_again(
    redis_url: str, on_postgresql: str
) -> None:
    async with BotApiEmulator() as emulator, replicas(
        emulator, redis_url, once_only=True
    ) as (one, two):
        body = _update(7001, 503, "hello")
        emulator.hold("sendMessage", chat_id=503)
        async with aiohttp.ClientSession() as session:
            first = asyncio.create_task(_post(session, one, body))
            await emulator.wait_for_hold()
            retry_meanwhile = await _post(session, two, body)  # Telegram gave up waiting
            emulator.release()
            assert await first == 200
            retry_after = await _post(session, two, body)
    assert retry_meanwhile == 503
    assert retry_after == 200
    assert (one.handled, two.handled) == ([7001], [])
    assert emulator.texts(503) == [f"hello:{part}" for part in range(1, PARTS + 1)]


async def test_a_turn_longer_than_its_lease_is_still_handled_once(
    redis_url: str, on_postgresql: str
) -> None:
    """The retry takes the lapsed lease, waits for the chat's turn, then finds the update
    handled (the mark is written inside the turn)."""
    async with BotApiEmulator() as emulator, replicas(
        emulator, redis_url, once_only=True, lease_seconds=0.2
    ) as (one, two):
        body = _update(7003, 505, "slow")
        emulator.hold("sendMessage", chat_id=505)
        async with aiohttp.ClientSession() as session:
            first = asyncio.create_task(_post(session, one, body))
            await emulator.wait_for_hold()
            await asyncio.sleep(0.3)  # the lease has lapsed; the turn goes on
            retry = asyncio.create_task(_post(session, two, body))
            await asyncio.sleep(0.3)
            emulator.release()
            statuses = [await first, await retry]
    assert statuses == [200, 200]
    assert (one.handled, two.handled) == ([7003], [])
    assert emulator.texts(505) == [f"slow:{part}" for part in range(1, PARTS + 1)]


async def test_a_dead_replicas_lease_runs_out_and_another_handles_the_update(
    redis_url: str,
) -> None:
    async with BotApiEmulator() as emulator, replicas(emulator, redis_url) as (_, two):
        body = _update(7002, 504, "again")
        # a replica killed with -9 while handling it: its lease stays until it expires
        assert UpdateLeases(redis_url, "killed").take(7002, seconds=0.3)
        async with aiohttp.ClientSession() as session:
            assert await _post(session, two, body) == 503
            await asyncio.sleep(0.4)
            assert await _post(session, two, body) == 200
    assert two.handled == [7002]


async def test_health_and_readiness_for_the_load_balancer(redis_url: str) -> None:
    database_up = True
    async with BotApiEmulator() as emulator, replicas(emulator, redis_url, count=1) as [one]:
        one.server.readiness = readiness_checks(
            {"model": lambda: True, "database": lambda: database_up,
             "redis": AtomicRedisLockStore(url=redis_url).ping}
        )
        async with aiohttp.ClientSession() as session:
            base = f"http://127.0.0.1:{one.port}"
            async with session.get(f"{base}/healthz") as alive:
                assert alive.status == 200
            async with session.get(f"{base}/readyz") as ready:
                assert ready.status == 200
                assert (await ready.json())["checks"] == {
                    "model": True, "database": True, "redis": True}
            database_up = False
            async with session.get(f"{base}/readyz") as ready:
                assert ready.status == 503
                assert (await ready.json())["checks"]["database"] is False


async def test_replicas_never_register_the_webhook(redis_url: str) -> None:
    async with BotApiEmulator() as emulator:
        application = (
            ApplicationBuilder().token("123456:REPLICA").base_url(emulator.base_url)
            .base_file_url(emulator.base_file_url).updater(None).build()
        )
        settings = dataclasses.replace(
            get_settings(), telegram_webhook_url="https://backstep.example/telegram",
            telegram_webhook_secret=None, telegram_webhook_port=free_port(),
            telegram_webhook_set=False, redis_url=redis_url,
        )
        async with application:
            with pytest.raises(SettingsError, match="TELEGRAM_WEBHOOK_SECRET"):
                await start_receiving(application, settings)
            settings = dataclasses.replace(settings, telegram_webhook_secret=SECRET)
            assert (await start_receiving(application, settings)).startswith("webhook")
            await stop_receiving(application)
        assert emulator.sent(method="setWebhook") == []


def test_set_webhook_registers_it_once_with_the_fixed_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with EmulatorThread() as emulator:
        for key, value in {
            "TELEGRAM_BOT_TOKEN": "123456:DEPLOY", "TELEGRAM_API_BASE_URL": emulator.url,
            "TELEGRAM_WEBHOOK_URL": "https://backstep.example/telegram",
            "TELEGRAM_WEBHOOK_SECRET": SECRET,
        }.items():
            monkeypatch.setenv(key, value)
        settings_module.get_settings.cache_clear()
        try:
            assert main(["telegram", "set-webhook", "--max-connections", "10"]) == 0
        finally:
            settings_module.get_settings.cache_clear()
        [call] = emulator.sent(method="setWebhook")
    params: dict[str, Any] = call["params"]
    assert params["url"] == "https://backstep.example/telegram"
    assert params["secret_token"] == SECRET
    assert params["max_connections"] == 10
    assert "message" in params["allowed_updates"] and "callback_query" in params["allowed_updates"]
