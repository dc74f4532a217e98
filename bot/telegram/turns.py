"""One chat's turn at a time, over processing and sending.

Every update is handled while its chat's conversation lock is held: the Rasa agent's lock
store (in memory for one instance; in Redis for several replicas,
:mod:`bot.rasa.lock_store`). The lock is taken before the first handler and released after
the last, so a turn's replies are all sent before the chat's next turn starts (replies of
two turns never interleave, even when two replicas take a chat's two messages), and
commands that do not go through Rasa (/pause, /delete, /session…) take their turn too.
Code inside the turn that asks for the chat's lock again (:func:`chat_lock`) gets it at
once instead of waiting for itself.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import Application

if TYPE_CHECKING:
    from rasa.core.lock_store import LockStore

App = Application[Any, Any, Any, Any, Any, Any]

#: Where the application keeps the lock store (``application.bot_data``).
LOCK_STORE = "backstep.lock_store"
#: Seconds between looks at a lock another turn holds (Rasa's default is a whole second).
POLL_EVERY = 0.05

_held: ContextVar[frozenset[str]] = ContextVar("backstep_chat_locks_held", default=frozenset())


def use_lock_store(application: App, lock_store: LockStore) -> None:
    """Make every update of ``application`` take its chat's lock in ``lock_store``."""
    application.bot_data[LOCK_STORE] = lock_store


def holding(chat_id: str) -> bool:
    """Whether this task is inside ``chat_id``'s turn (holds its lock)."""
    return chat_id in _held.get()


@asynccontextmanager
async def chat_lock(lock_store: LockStore, chat_id: str) -> AsyncIterator[None]:
    """Hold ``chat_id``'s conversation lock (at once if this turn holds it already)."""
    if holding(chat_id):
        yield
        return
    async with lock_store.lock(chat_id, wait_time_in_seconds=POLL_EVERY):
        token = _held.set(_held.get() | {chat_id})
        try:
            yield
        finally:
            _held.reset(token)


async def handle_update(application: App, update: Update) -> None:
    """Run every handler for ``update`` inside its chat's turn (an update without a chat,
    or an application without a lock store, runs as it is)."""
    lock_store = application.bot_data.get(LOCK_STORE)
    chat = update.effective_chat
    if lock_store is None or chat is None:
        await application.process_update(update)
        return
    async with chat_lock(lock_store, str(chat.id)):
        await application.process_update(update)
