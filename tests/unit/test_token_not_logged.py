"""The bot's token is in every Bot API URL; httpx logs each request's URL at INFO. With
Backstep's logging set up, a Bot API call at INFO leaves no token in the log."""

from __future__ import annotations

import logging

import httpx
import pytest

from bot.rasa.runtime import quiet_third_party_logs

TOKEN = "123456:SECRET-TOKEN-abc"


def test_a_bot_api_call_logs_no_token(caplog: pytest.LogCaptureFixture) -> None:
    quiet_third_party_logs()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"ok": True}))
    with caplog.at_level(logging.INFO), httpx.Client(transport=transport) as client:
        client.post(f"https://api.telegram.org/bot{TOKEN}/getUpdates")
    assert TOKEN not in caplog.text
