"""Long polling that confirms an update only after it has been handled.

PTB's own updater confirms each batch (the next getUpdates offset) as soon as it has
fetched it, before any handler ran: a process killed with -9 while it handles a message
loses that message for good. Here the offset moves past a batch only when every update in
it has been handled, so after a crash Telegram hands the batch over again; what was
already handled is dropped by its update_id (:mod:`bot.telegram.once`). Within a batch each
chat's updates are handled in the order they came, different chats side by side, each
in its chat's turn (:mod:`bot.telegram.turns`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.telegram.turns import handle_update

logger = logging.getLogger(__name__)

#: Seconds a getUpdates call waits for something to arrive.
POLL_TIMEOUT = 30
#: Seconds to wait after a failed getUpdates before the next try (doubling, up to a minute).
RETRY_FIRST, RETRY_MAX = 1.0, 60.0

App = Application[Any, Any, Any, Any, Any, Any]


async def handle_batch(application: App, updates: Sequence[Update]) -> None:
    """Handle ``updates``: each chat's in order, chats side by side; returns (or raises the
    first failure) when all are done."""
    by_chat: dict[int | None, list[Update]] = defaultdict(list)
    for update in updates:
        chat = update.effective_chat
        by_chat[chat.id if chat else None].append(update)

    async def in_order(batch: list[Update]) -> None:
        for update in batch:
            await handle_update(application, update)

    # every chat's updates finish before a failure is raised (a batch fetched again must not
    # find one of them still in hand)
    results = await asyncio.gather(
        *(in_order(batch) for batch in by_chat.values()), return_exceptions=True
    )
    for result in results:
        if isinstance(result, BaseException):
            raise result


async def poll(application: App, stop: asyncio.Event, timeout: int = POLL_TIMEOUT) -> None:
    """Fetch, handle, then confirm, until ``stop`` is set (the batch in hand is finished)."""
    offset: int | None = None
    retry = RETRY_FIRST
    while not stop.is_set():
        fetch = asyncio.create_task(
            application.bot.get_updates(
                offset=offset, timeout=timeout, allowed_updates=Update.ALL_TYPES
            )
        )
        stopping = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if fetch not in done:
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await fetch
            break
        stopping.cancel()
        try:
            updates = fetch.result()
        except TelegramError as error:
            logger.warning("getUpdates failed (%s); trying again in %.0f s.",
                           type(error).__name__, retry)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=retry)
            retry = min(retry * 2, RETRY_MAX)
            continue
        if updates:
            try:
                await handle_batch(application, updates)
            except Exception as error:  # a chat's lock could not be had (Redis is down)
                logger.error("A batch could not be handled (%s); fetching it again in %.0f s.",
                             type(error).__name__, retry)
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=retry)
                retry = min(retry * 2, RETRY_MAX)
                continue  # not confirmed: handled updates in it are dropped as repeats
            offset = max(offset or 0, *(u.update_id + 1 for u in updates))
        retry = RETRY_FIRST
    if offset is not None:  # confirm the last batch, so a restart does not fetch it again
        with contextlib.suppress(TelegramError):
            await application.bot.get_updates(offset=offset, timeout=0)
