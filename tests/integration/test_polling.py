"""Long polling confirms an update only once it has been handled (a crash in between
gets it again), and keeps each chat's messages in order."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import Update
from telegram.ext import ApplicationBuilder, MessageHandler, filters

from bot.telegram.polling import poll
from tests.support.botapi import BotApiEmulator

TOKEN = "123456:POLLING"


async def test_an_update_is_confirmed_only_after_it_is_handled() -> None:
    release = asyncio.Event()
    started = asyncio.Event()
    handled: list[str] = []

    async def slow(update: Update, _: Any) -> None:
        assert update.message is not None
        started.set()
        await release.wait()
        handled.append(update.message.text or "")

    async with BotApiEmulator() as emu:
        app = ApplicationBuilder().token(TOKEN).base_url(emu.base_url).build()
        app.add_handler(MessageHandler(filters.TEXT, slow))
        stop = asyncio.Event()
        async with app:
            poller = asyncio.create_task(poll(app, stop, timeout=1))
            emu.push_text(7, "my back hurts")
            await asyncio.wait_for(started.wait(), timeout=10)
            await asyncio.sleep(0.3)
            # handling: not yet confirmed, so a crash now would get it again
            assert [u["update_id"] for u in emu.pending_updates()] != []
            release.set()
            for _ in range(100):
                if not emu.pending_updates():
                    break
                await asyncio.sleep(0.05)
            assert emu.pending_updates() == []
            stop.set()
            await poller
    assert handled == ["my back hurts"]


async def test_one_chats_messages_are_handled_in_the_order_they_came() -> None:
    order: list[str] = []

    async def record(update: Update, _: Any) -> None:
        assert update.message is not None
        text = update.message.text or ""
        await asyncio.sleep(0.2 if text == "first" else 0.0)  # the first is the slower
        order.append(text)

    async with BotApiEmulator() as emu:
        app = ApplicationBuilder().token(TOKEN).base_url(emu.base_url).build()
        app.add_handler(MessageHandler(filters.TEXT, record))
        emu.push_text(8, "first")
        emu.push_text(8, "second")
        stop = asyncio.Event()
        async with app:
            poller = asyncio.create_task(poll(app, stop, timeout=1))
            for _ in range(100):
                if len(order) == 2:
                    break
                await asyncio.sleep(0.05)
            stop.set()
            await poller
    assert order == ["first", "second"]


async def test_a_batch_whose_chat_lock_fails_is_fetched_again_not_lost() -> None:
    """The chat's lock cannot be had (Redis down in scale mode): the poller lives on and
    the update, not confirmed, is handled on the next fetch."""
    from rasa.core.lock_store import InMemoryLockStore, LockError

    from bot.telegram.turns import use_lock_store

    class FailsOnce(InMemoryLockStore):
        failed = False

        def issue_ticket(self, conversation_id: str, lock_lifetime: float = 60) -> int:
            if not self.failed:
                self.failed = True
                raise LockError("Redis is down")
            return super().issue_ticket(conversation_id, lock_lifetime)

    handled: list[str] = []

    async def record(update: Update, _: Any) -> None:
        assert update.message is not None
        handled.append(update.message.text or "")

    async with BotApiEmulator() as emu:
        app = ApplicationBuilder().token(TOKEN).base_url(emu.base_url).build()
        app.add_handler(MessageHandler(filters.TEXT, record))
        use_lock_store(app, FailsOnce())
        emu.push_text(9, "still there?")
        stop = asyncio.Event()
        async with app:
            poller = asyncio.create_task(poll(app, stop, timeout=1))
            for _ in range(100):
                if handled:
                    break
                await asyncio.sleep(0.05)
            stop.set()
            await poller
    assert handled == ["still there?"]
