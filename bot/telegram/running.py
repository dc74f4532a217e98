"""Running Backstep on Telegram until SIGINT/SIGTERM: the model, the action server (a
private child, or the pool at BACKSTEP_ACTION_URL), the Application, receiving updates,
the check-in sender; and what /readyz checks."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from bot.domain import zones
from bot.services import session
from bot.settings import Settings
from bot.telegram.app import build_application, register_commands
from bot.telegram.receiving import start_receiving, stop_receiving
from bot.telegram.upkeep import send_due_forever
from bot.telegram.webhook import Readiness, readiness_checks

if TYPE_CHECKING:
    from rasa.core.agent import Agent


async def serve(settings: Settings) -> None:
    """Run Backstep on Telegram until SIGINT/SIGTERM: long polling, or a webhook if set.

    The action server is a private child, or the pool at BACKSTEP_ACTION_URL when set."""
    import signal

    from bot.rasa.runtime import (
        ActionServer,
        external_action_headers,
        load_agent,
        quiet_third_party_logs,
    )

    quiet_third_party_logs()
    zones.default_zone(settings.default_tz)  # a wrong setting stops us here, not at 7 a.m.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    actions: ActionServer | None = None
    if settings.action_url:
        action_url, headers = settings.action_url, external_action_headers()
    else:
        actions = ActionServer()
        actions.spawn()  # it starts while the model loads: a restart after a crash is quicker
        action_url, headers = actions.url, actions.headers
    try:
        agent, _ = await asyncio.gather(
            load_agent(settings.model_path, action_url, headers),
            asyncio.to_thread(actions.wait_ready) if actions else asyncio.sleep(0),
        )
        application = build_application(settings, agent, actions)
        async with application:
            await application.start()
            await register_commands(application)
            mode = await start_receiving(
                application, settings, stop, readiness(agent, action_url)
            )
            print(f"Backstep is running on Telegram ({mode}). Ctrl+C stops it.", flush=True)
            sender = asyncio.create_task(send_due_forever(application, stop))
            drawing = asyncio.create_task(asyncio.to_thread(session.draw_pictures))
            await stop.wait()
            await sender  # finishes the batch in flight: nothing claimed is left unsent
            drawing.cancel()
            await stop_receiving(application)
            await application.stop()
    finally:
        if actions is not None:
            actions.stop()


def readiness(agent: Agent, action_url: str) -> Readiness:
    """/readyz: the model is loaded, and the database, the action server and (in scale
    mode) Redis answer."""
    import urllib.request

    from sqlalchemy import text

    from bot.store.engine import session_scope

    def database() -> bool:
        with session_scope() as db:
            db.execute(text("SELECT 1"))
        return True

    def action_server() -> bool:
        health = action_url.rsplit("/", 1)[0] + "/health"
        with urllib.request.urlopen(health, timeout=2) as response:
            return bool(response.status == 200)

    checks: dict[str, Any] = {
        "model": agent.is_ready, "database": database, "action_server": action_server,
    }
    ping = getattr(agent.lock_store, "ping", None)
    if ping is not None:
        checks["redis"] = ping
    return readiness_checks(checks)
