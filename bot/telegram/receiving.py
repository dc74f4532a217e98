"""Taking updates from Telegram: a webhook when one is configured, else Backstep's own long
polling (:mod:`bot.telegram.polling`); and keeping the person's words out of PTB's logs of
what arrived."""

from __future__ import annotations

import asyncio
import logging
import secrets

from bot.settings import Settings, SettingsError
from bot.telegram.leases import UpdateLeases
from bot.telegram.polling import App, poll
from bot.telegram.webhook import Readiness, WebhookServer, register_webhook, webhook_path


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
    application: App,
    settings: Settings,
    stop: asyncio.Event | None = None,
    readiness: Readiness | None = None,
) -> str:
    """Start taking updates: a webhook when TELEGRAM_WEBHOOK_URL is set (Backstep's own
    server, :mod:`bot.telegram.webhook`: Telegram must send the secret token, anything else
    gets 403; ``readiness`` answers its /readyz), else long polling that confirms an update
    only once it is handled (:mod:`bot.telegram.polling`, until ``stop``). Says which.

    A single instance registers the webhook itself (with a new secret each start unless
    TELEGRAM_WEBHOOK_SECRET is set); with TELEGRAM_WEBHOOK_SET=0 (scale mode) it never does,
    and the fixed secret that ``backstep telegram set-webhook`` registered is required."""
    keep_update_data_out_of_logs()
    if settings.telegram_webhook_url:
        secret = settings.telegram_webhook_secret
        if settings.telegram_webhook_set:
            secret = secret or secrets.token_urlsafe(32)
        elif not secret:
            raise SettingsError(
                "TELEGRAM_WEBHOOK_SECRET must be set when replicas do not register the webhook "
                "(TELEGRAM_WEBHOOK_SET=0): the one `backstep telegram set-webhook` registered."
            )
        leases = (
            UpdateLeases(settings.redis_url, settings.instance_id) if settings.redis_url else None
        )
        server = WebhookServer(
            application, path=webhook_path(settings), secret=secret, leases=leases,
            **({"readiness": readiness} if readiness is not None else {}),
        )
        await server.start(settings.telegram_webhook_listen, settings.telegram_webhook_port)
        application.bot_data[WEBHOOK] = server
        if settings.telegram_webhook_set:  # listening first: Telegram may post at once
            await register_webhook(application.bot, settings, secret)
        return f"webhook on port {settings.telegram_webhook_port}"
    assert stop is not None, "long polling runs until a stop event"
    application.bot_data[POLLER] = asyncio.create_task(poll(application, stop))
    return "long polling"


#: Where the polling task and the webhook server are kept while they run (``bot_data``).
POLLER, WEBHOOK = "backstep.poller", "backstep.webhook"


async def stop_receiving(application: App) -> None:
    """Stop taking updates: the webhook server after the updates in hand, or the poller
    after its batch in hand."""
    poller = application.bot_data.pop(POLLER, None)
    if poller is not None:
        await poller
    server = application.bot_data.pop(WEBHOOK, None)
    if server is not None:
        await server.stop()
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
