"""Webhook mode: updates are accepted only with Telegram's secret-token header, and
answered only once handled."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import time
from typing import Any

import pytest
from telegram import Update
from telegram.ext import ApplicationBuilder, TypeHandler

from bot.rasa.runtime import free_port
from bot.settings import get_settings
from bot.telegram.receiving import start_receiving, stop_receiving
from tests.support.botapi import BotApiEmulator

SECRET = "s3cret-token-from-settings"


async def _post(port: int, body: bytes, headers: dict[str, str]) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    writer.write(
        (
            f"POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n{head}\r\n"
        ).encode()
        + body
    )
    await writer.drain()
    status_line = await reader.readline()
    writer.close()
    return int(status_line.split()[1])


async def test_webhook_answers_403_without_the_secret_and_handles_it_with() -> None:
    """What `backstep run` starts when TELEGRAM_WEBHOOK_URL is set."""
    received: list[Any] = []
    async with BotApiEmulator() as emulator:
        application = (
            ApplicationBuilder()
            .token("123456:WEBHOOK")
            .base_url(emulator.base_url)
            .base_file_url(emulator.base_file_url)
            .build()
        )

        async def record(update: Update, _: Any) -> None:
            received.append(update)

        application.add_handler(TypeHandler(Update, record))
        port = free_port()
        async with application:
            await application.start()
            assert application.updater is not None
            settings = dataclasses.replace(
                get_settings(),
                telegram_webhook_url="https://backstep.example/telegram",
                telegram_webhook_secret=SECRET,
                telegram_webhook_listen="127.0.0.1",
                telegram_webhook_port=port,
            )
            assert await start_receiving(application, settings) == f"webhook on port {port}"
            [set_webhook] = emulator.sent(method="setWebhook")
            assert set_webhook["params"]["secret_token"] == SECRET

            message = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": {"id": 42, "type": "private", "first_name": "Test"},
                "from": {"id": 42, "is_bot": False, "first_name": "Test"},
                "text": "hi",
            }
            body = json.dumps({"update_id": 1, "message": message}).encode()
            assert await _post(port, body, {}) == 403
            assert await _post(port, body, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}) == 403
            ok = await _post(port, body, {"X-Telegram-Bot-Api-Secret-Token": SECRET})
            assert ok == 200
            assert len(received) == 1  # handled before Telegram was answered
            await stop_receiving(application)
            await application.stop()
    assert len(received) == 1 and received[0].message.text == "hi"



async def test_an_update_that_cannot_be_read_is_not_logged_with_its_words(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PTB logs an update it cannot parse, whole; the person's words stay out of the log."""
    caplog.set_level(logging.DEBUG)
    async with BotApiEmulator() as emulator:
        application = (
            ApplicationBuilder().token("123456:WEBHOOK").base_url(emulator.base_url)
            .base_file_url(emulator.base_file_url).build()
        )
        port = free_port()
        async with application:
            await application.start()
            assert application.updater is not None
            settings = dataclasses.replace(
                get_settings(), telegram_webhook_url="https://backstep.example/telegram",
                telegram_webhook_secret=SECRET, telegram_webhook_listen="127.0.0.1",
                telegram_webhook_port=port,
            )
            await start_receiving(application, settings)
            broken = {"update_id": 7, "message": {"text": "my private words", "chat": "?"}}
            status = await _post(
                port, json.dumps(broken).encode(), {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            )
            await stop_receiving(application)
            await application.stop()
    assert status >= 400
    assert any("could not be read" in r.getMessage() for r in caplog.records)
    assert "my private words" not in caplog.text
