"""A Telegram update is handled once and never lost: its id is remembered, for a week,
only once every handler has run."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from telegram import Update
from telegram.ext import ApplicationBuilder, MessageHandler, filters

from bot.store import updates
from bot.telegram.once import add_once_only
from tests.support.botapi import BotApiEmulator
from tests.support.botapi import updates as fake_updates

TOKEN = "123456:ONCE"


def test_an_update_id_is_remembered_once_handled(db_url: str) -> None:
    assert updates.handled_before(101) is False
    updates.remember(101)
    updates.remember(101)  # a second mark changes nothing
    assert updates.handled_before(101) is True
    assert updates.handled_before(102) is False


def test_ids_older_than_a_week_are_forgotten(db_url: str) -> None:
    now = datetime(2026, 12, 5, 12, tzinfo=timezone.utc)
    updates.remember(1, now=now - timedelta(days=8))
    updates.remember(2, now=now - timedelta(days=1))
    assert updates.forget_old(now=now) == 1
    assert updates.handled_before(1) is False  # forgotten: new again
    assert updates.handled_before(2) is True


class Killed(BaseException):
    """The process dying in the middle of a handler (nothing after it runs)."""


async def test_an_update_the_process_died_on_is_handled_when_it_comes_again(
    db_url: str,
) -> None:
    handled: list[str] = []
    die_once = [True]

    async def answer(update: Update, _: Any) -> None:
        if die_once:
            die_once.pop()
            raise Killed
        assert update.message is not None
        handled.append(update.message.text or "")

    async with BotApiEmulator() as emu:
        app = ApplicationBuilder().token(TOKEN).base_url(emu.base_url).build()
        app.add_handler(MessageHandler(filters.TEXT, answer))
        add_once_only(app)
        sent = fake_updates.text_update(7, "no, none of those")
        sent["message"].update(message_id=1, date=1_764_000_000)  # the emulator adds these
        update = Update.de_json({"update_id": 901, **sent}, app.bot)
        async with app:
            with pytest.raises(Killed):
                await app.process_update(update)  # killed mid-handler: not remembered
            assert handled == [] and updates.handled_before(901) is False
            await app.process_update(update)  # Telegram hands it over again after a restart
            assert handled == ["no, none of those"]
            await app.process_update(update)  # and once handled, a repeat is dropped
            assert handled == ["no, none of those"]
