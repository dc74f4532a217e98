"""Each Telegram update handled once, and none lost: an update is remembered by its
update_id only after every handler has run, so one delivered again because the process
died while handling it (the poller had not confirmed it) is handled, and one delivered again
after it was handled (a webhook retry, a restart after the work but before the confirming
fetch) is dropped before any handler. When the database cannot say, the update is handled:
a rare double beats a lost message."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes, TypeHandler

from bot.store import updates as seen_updates

logger = logging.getLogger(__name__)

#: Handler groups: the check before every other handler, the mark after all of them (a
#: group of its own: in a group only the first handler that matches runs).
BEFORE, AFTER = -1, 1_000


async def drop_repeats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before any handler: an update already handled is dropped."""
    try:
        handled = await asyncio.to_thread(seen_updates.handled_before, update.update_id)
    except SQLAlchemyError:
        logger.warning("Could not check update %d for a repeat.", update.update_id)
        return
    if handled:
        logger.info("Update %d came again; it was handled already.", update.update_id)
        raise ApplicationHandlerStop


async def remember_handled(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """After every handler (also after one that failed and was answered with an
    apology): the update is done."""
    try:
        await asyncio.to_thread(seen_updates.remember, update.update_id)
    except SQLAlchemyError:
        logger.warning("Could not remember update %d as handled.", update.update_id)


def add_once_only(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Wrap the application's handlers in the check and the mark."""
    application.add_handler(TypeHandler(Update, drop_repeats), group=BEFORE)
    application.add_handler(TypeHandler(Update, remember_handled), group=AFTER)
