"""Taking updates from Telegram: a webhook when one is configured, else Backstep's own long
polling (:mod:`bot.telegram.polling`); and keeping the person's words out of PTB's logs of
what arrived."""

from __future__ import annotations

import asyncio
import logging
import secrets
from urllib.parse import urlparse

from telegram import Update

from bot.settings import Settings
from bot.telegram.polling import App, poll


class _WithoutUpdateData(logging.Filter):
    """PTB's webhook logs what Telegram sent (at DEBUG, and all of an update it cannot
    parse at CRITICAL): the person's words. The record stays, its data does not."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and "data" in str(record.msg).lower():
            count = len(record.args) if isinstance(record.args, tuple) else 1
            record.args = ("[not logged]",) * count
        return True


#: The logger of PTB's updater and webhook handler.
PTB_UPDATER_LOGGER = "telegram.ext.Updater"


def keep_update_data_out_of_logs() -> None:
    """Install :class:`_WithoutUpdateData` once."""
    logger_ = logging.getLogger(PTB_UPDATER_LOGGER)
    if not any(isinstance(f, _WithoutUpdateData) for f in logger_.filters):
        logger_.addFilter(_WithoutUpdateData())


async def start_receiving(
    application: App, settings: Settings, stop: asyncio.Event | None = None
) -> str:
    """Start taking updates: a webhook when TELEGRAM_WEBHOOK_URL is set (Telegram must
    send the secret token; anything else gets 403), else long polling that confirms an
    update only once it is handled (:mod:`bot.telegram.polling`, until ``stop``). Says
    which."""
    updater = application.updater
    assert updater is not None
    keep_update_data_out_of_logs()
    if settings.telegram_webhook_url:
        secret = settings.telegram_webhook_secret or secrets.token_urlsafe(32)
        await updater.start_webhook(
            listen=settings.telegram_webhook_listen,
            port=settings.telegram_webhook_port,
            url_path=urlparse(settings.telegram_webhook_url).path.lstrip("/"),
            webhook_url=settings.telegram_webhook_url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
        )
        return f"webhook on port {settings.telegram_webhook_port}"
    assert stop is not None, "long polling runs until a stop event"
    application.bot_data[POLLER] = asyncio.create_task(poll(application, stop))
    return "long polling"


#: Where the polling task is kept while it runs (``application.bot_data``).
POLLER = "backstep.poller"


async def stop_receiving(application: App) -> None:
    """Stop taking updates: the webhook server, or the poller after its batch in hand."""
    poller = application.bot_data.pop(POLLER, None)
    if poller is not None:
        await poller
    elif application.updater is not None and application.updater.running:
        await application.updater.stop()
