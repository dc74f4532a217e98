"""Two replicas of the real bot (the trained model, its actions) in scale mode, each with
its own webhook server, sharing the conversation lock in Redis: a chat's messages posted
to both at once are each taken in once, and what the person receives follows the
conversation's own order, turn by turn (no interleaving)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from typing import Any

import aiohttp
import pytest
from rasa.shared.core.events import BotUttered, UserUttered

from bot.rasa.lock_store import AtomicRedisLockStore
from bot.rasa.runtime import free_port
from bot.settings import get_settings
from bot.telegram.app import build_application
from bot.telegram.delivery import messages_of_turn
from bot.telegram.receiving import start_receiving, stop_receiving
from bot.telegram.webhook import SECRET_HEADER
from tests.support.botapi import BotApiEmulator
from tests.support.redisdb import empty_redis
from tests.support.runtime import RasaRuntime

pytestmark = pytest.mark.model

SECRET = "the-deploys-fixed-secret-0123456789abcdef"
CHAT = 730_000_001
#: Update ids no other test of the session uses (handled ids are remembered in the journal).
FIRST_UPDATE = 730_000_001


def _update(update_id: int, text: str) -> bytes:
    message = {
        "message_id": update_id, "date": int(time.time()), "text": text,
        "chat": {"id": CHAT, "type": "private", "first_name": "T"},
        "from": {"id": CHAT, "is_bot": False, "first_name": "T"},
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return json.dumps({"update_id": update_id, "message": message}).encode()


def test_a_chats_messages_to_two_replicas_at_once(rasa_runtime: RasaRuntime) -> None:
    agent = rasa_runtime.agent
    in_memory = agent.lock_store

    async def scenario(redis_url: str) -> tuple[list[int], list[str], list[Any]]:
        shared = AtomicRedisLockStore(url=redis_url)
        agent.lock_store = shared
        assert agent.processor is not None
        agent.processor.lock_store = shared
        async with BotApiEmulator() as emulator:
            ports = [free_port(), free_port()]
            apps = []
            for port in ports:
                settings = dataclasses.replace(
                    get_settings(), telegram_token="123456:SCALE",
                    telegram_api_base_url=emulator.url,
                    telegram_webhook_url="https://backstep.example/telegram",
                    telegram_webhook_secret=SECRET, telegram_webhook_port=port,
                    telegram_webhook_set=False, redis_url=redis_url,
                )
                application = build_application(settings, agent)
                await application.initialize()
                await application.start()
                await start_receiving(application, settings)
                apps.append(application)
            try:
                async with aiohttp.ClientSession() as session:

                    async def post(port: int, update_id: int, text: str) -> int:
                        async with session.post(
                            f"http://127.0.0.1:{port}/telegram", data=_update(update_id, text),
                            headers={SECRET_HEADER: SECRET,
                                     "Content-Type": "application/json"},
                        ) as response:
                            return response.status

                    first = [await post(ports[0], FIRST_UPDATE, "/start")]
                    words = ["None of these", "bending forward", "about three weeks",
                             "pretty flexible"]
                    rest = await asyncio.gather(*(
                        post(ports[n % 2], FIRST_UPDATE + 1 + n, text)
                        for n, text in enumerate(words)
                    ))
                texts = emulator.texts(CHAT)
            finally:
                for application in apps:
                    await stop_receiving(application)
                    await application.stop()
                    await application.shutdown()
        tracker = await agent.tracker_store.retrieve(str(CHAT))
        return first + list(rest), texts, list(tracker.events) if tracker else []

    try:
        with empty_redis(13) as url:
            statuses, texts, events = rasa_runtime.loop.run_until_complete(scenario(url))
    finally:
        agent.lock_store = in_memory
        if agent.processor is not None:
            agent.processor.lock_store = in_memory
    assert statuses == [200] * 5
    taken = [e.message_id for e in events if isinstance(e, UserUttered)]
    assert sorted(taken) == [f"telegram-{FIRST_UPDATE + n}" for n in range(5)]  # each once
    turns: list[list[dict[str, Any]]] = []
    for event in events:
        if isinstance(event, UserUttered):
            turns.append([])
        elif isinstance(event, BotUttered) and turns:
            turns[-1].append({"text": event.text, "buttons": event.data.get("buttons")})
    # each turn's texts as one message, turn by turn, in the conversation's order
    said = [m["text"] for turn in turns for m in messages_of_turn(turn) if m.get("text")]
    assert texts == said
