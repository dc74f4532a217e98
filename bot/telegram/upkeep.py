"""What the running bot does besides answering: every minute, the check-ins that are due
(after the safety records that waited for the database, and forgetting old update ids);
before each update, the safety records that waited, as soon as the database is back."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from telegram.ext import Application, ContextTypes

from bot.store import outbox
from bot.store import updates as seen_updates
from bot.telegram.broadcast import send_due

logger = logging.getLogger(__name__)

#: How often the running bot looks for due check-ins.
SEND_DUE_EVERY = 60.0
#: The handler group of :func:`land_waiting_safety_records`: before every other one.
FIRST = -2


async def send_due_forever(
    application: Application[Any, Any, Any, Any, Any, Any], stop: asyncio.Event
) -> None:
    """Every minute, send the check-ins that are due (one run at a time), after any safety
    records that waited for the database."""
    while not stop.is_set():
        try:
            # safety records kept while the database was down go in first
            await asyncio.to_thread(outbox.flush)
            await asyncio.to_thread(seen_updates.forget_old)
            report = await send_due(application.bot, stop=stop)
            if report.sent or report.undeliverable:
                logger.info(
                    "Check-ins sent: %d, undeliverable: %d, sent after lease loss: %d",
                    report.sent, report.undeliverable, report.sent_after_lease_loss,
                )
        except Exception:  # a bad minute must not stop tomorrow's check-ins
            logger.exception("Sending due check-ins failed; trying again in a minute.")
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=SEND_DUE_EVERY)


async def land_waiting_safety_records(update: object, _: ContextTypes.DEFAULT_TYPE) -> None:
    """Before each update: safety records kept while the database was down are journaled
    as soon as it is back (not at the next minute's round), before anything reads them
    (/plan, /session and /history show the plan paused)."""
    try:
        if not outbox.has_waiting():
            return  # the usual case: one look at a file, not worth a thread's round trip
        await asyncio.to_thread(outbox.flush_if_waiting)
    except (SQLAlchemyError, OSError) as error:
        logger.error("Could not journal the waiting safety records: %s", type(error).__name__)
