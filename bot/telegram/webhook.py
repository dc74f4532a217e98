"""Backstep's own webhook server: Telegram is answered only once its update is handled.

PTB's built-in webhook answers 200 as soon as an update is queued, so a replica killed
with -9 loses the updates it had accepted, and it calls setWebhook at every start. Here a
small aiohttp app (the PTB Application is built with ``updater(None)``) serves:

* ``POST <path>``: the secret header must match (else 403); the update's lease is taken in
  scale mode (taken by another replica: 503, Telegram retries); the update is handled in its
  chat's turn (:mod:`bot.telegram.turns`); 200 only after that. A failure answers 500, so
  Telegram sends it again.
* ``GET /healthz``: the process is alive. ``GET /readyz``: it can take updates (model loaded,
  database, Redis and action server reachable), for a load balancer's health check.

The webhook is registered with Telegram by :func:`register_webhook`: at start by a single
instance (TELEGRAM_WEBHOOK_SET=1), else once by ``backstep telegram set-webhook``.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from telegram import Bot, Update

from bot.settings import Settings
from bot.telegram.leases import UpdateLeases
from bot.telegram.turns import App, handle_update

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: What readiness checks return: each check's name and whether it passed.
Readiness = Callable[[], Awaitable[dict[str, bool]]]
#: Telegram's default for concurrent webhook connections.
DEFAULT_MAX_CONNECTIONS = 40


async def _alive() -> dict[str, bool]:
    return {}


class WebhookServer:
    """The webhook route and the health routes for ``application``."""

    def __init__(
        self,
        application: App,
        *,
        path: str,
        secret: str,
        leases: UpdateLeases | None = None,
        readiness: Readiness = _alive,
    ) -> None:
        self.application = application
        self.path = "/" + path.lstrip("/")
        self.secret = secret.encode()
        self.leases = leases
        self.readiness = readiness
        self._runner: web.AppRunner | None = None

    def app(self) -> web.Application:
        """The aiohttp application (tests may serve it themselves)."""
        app = web.Application()
        app.add_routes([
            web.post(self.path, self.telegram),
            web.get("/healthz", self.healthz),
            web.get("/readyz", self.readyz),
        ])
        return app

    async def start(self, host: str, port: int) -> None:
        """Listen on ``host``:``port``."""
        runner = web.AppRunner(self.app(), access_log=None, shutdown_timeout=30)
        await runner.setup()
        await web.TCPSite(runner, host, port).start()
        self._runner = runner

    async def stop(self) -> None:
        """Finish the updates in hand (up to 30 s), then close."""
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def telegram(self, request: web.Request) -> web.Response:
        """One update from Telegram: 200 once handled; 403, 400, 503 or 500 otherwise."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            return web.Response(status=403)
        try:
            data = await request.json()
            update = Update.de_json(data, self.application.bot)
        except Exception as error:
            # never the update itself: it holds the person's words
            logger.warning("An update could not be read: %s", type(error).__name__)
            return web.Response(status=400)
        if update is None:
            return web.Response(status=400)
        leased = False
        if self.leases is not None:
            try:
                leased = await asyncio.to_thread(self.leases.take, update.update_id)
            except Exception as error:  # Redis unreachable: Telegram tries again later
                logger.error("Could not lease update %d: %s", update.update_id,
                             type(error).__name__)
                return web.Response(status=503)
            if not leased:
                logger.info("Update %d is being handled by another replica.", update.update_id)
                return web.Response(status=503, headers={"Retry-After": "5"})
        try:
            await handle_update(self.application, update)
        except Exception as error:
            logger.error("Update %d failed (%s); Telegram will send it again.",
                         update.update_id, type(error).__name__)
            return web.Response(status=500)
        finally:
            if leased and self.leases is not None:
                try:
                    await asyncio.to_thread(self.leases.release, update.update_id)
                except Exception as error:  # it expires by itself
                    logger.warning("Could not release update %d: %s", update.update_id,
                                   type(error).__name__)
        return web.Response(status=200)

    async def healthz(self, request: web.Request) -> web.Response:
        """Alive."""
        return web.json_response({"ok": True})

    async def readyz(self, request: web.Request) -> web.Response:
        """Ready for updates: 200 when every check passes, else 503 with the checks."""
        try:
            checks = await self.readiness()
        except Exception as error:
            checks = {type(error).__name__: False}
        ok = all(checks.values())
        return web.Response(
            status=200 if ok else 503, content_type="application/json",
            text=json.dumps({"ok": ok, "checks": checks}),
        )


async def register_webhook(
    bot: Bot,
    settings: Settings,
    secret: str,
    *,
    max_connections: int = DEFAULT_MAX_CONNECTIONS,
    drop_pending_updates: bool = False,
) -> None:
    """Tell Telegram where to send updates, with the secret it must send back and every
    kind of update Backstep handles."""
    assert settings.telegram_webhook_url, "TELEGRAM_WEBHOOK_URL is not set"
    await bot.set_webhook(
        url=settings.telegram_webhook_url,
        secret_token=secret,
        max_connections=max_connections,
        allowed_updates=Update.ALL_TYPES,
        drop_pending_updates=drop_pending_updates,
    )


def webhook_path(settings: Settings) -> str:
    """The path the webhook listens on: that of TELEGRAM_WEBHOOK_URL."""
    from urllib.parse import urlparse

    assert settings.telegram_webhook_url
    return urlparse(settings.telegram_webhook_url).path or "/"


def readiness_checks(checks: dict[str, Callable[[], Any]]) -> Readiness:
    """A readiness probe running each blocking check in a thread (2 s each at most); a
    check passes when it returns truthy without raising."""

    async def one(check: Callable[[], Any]) -> bool:
        try:
            return bool(await asyncio.wait_for(asyncio.to_thread(check), timeout=2.0))
        except Exception:
            return False

    async def probe() -> dict[str, bool]:
        results = await asyncio.gather(*(one(check) for check in checks.values()))
        return dict(zip(checks, results, strict=True))

    return probe
