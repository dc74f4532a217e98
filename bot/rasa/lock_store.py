"""The per-chat conversation lock shared by several replicas: Rasa's ticket lock in Redis,
made atomic.

Rasa 3.6's open-source ``RedisLockStore`` keeps each conversation's tickets as one JSON
value and changes it by GET, change, SET: two processes that take a ticket at the same
moment can both get the same number (both then run the conversation at once, and Rasa's
SQL tracker store appends by event count, so the tracker is corrupted), and one that
finishes can delete a lock another has just taken a ticket on. Its safe successor is in
Rasa Pro only. :class:`AtomicRedisLockStore` keeps Rasa's key, value and ticket order, but
every read-change-write runs as one Redis optimistic transaction (WATCH the key, read,
change, MULTI/EXEC; redone when another process wrote the key in between), and the key
expires with its last ticket, so a killed process leaves nothing behind for ever.

Redis is called from a worker thread, never on the event loop (a replica's loop serves
every chat it holds, and one Redis call that waits must not stall them), and in as few
round trips as the ticket lock allows: taking a ticket tells at once whether it is the one
served (one transaction, no second read), a waiter's look is one read (plus the write
when a ticket has expired), and giving the ticket back is one transaction.

Chosen by :func:`bot.rasa.runtime.load_agent` when BACKSTEP_REDIS_URL is set; also usable
from endpoints.yml (``lock_store: {type: bot.rasa.lock_store.AtomicRedisLockStore, url:
redis://…}``, Rasa's documented hook for a custom lock store).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import rasa
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore

from bot.rasa.patches import PATCHED_RASA_VERSION

if TYPE_CHECKING:
    from rasa.utils.endpoints import EndpointConfig
    from redis import Redis
    from redis.client import Pipeline

logger = logging.getLogger(__name__)

#: Seconds a Redis call may take: a stalled Redis must fail a turn quickly (and Telegram
#: retries it), not hold the chat.
SOCKET_TIMEOUT = 2.0
#: The key outlives its last ticket by this many seconds (clock differences between hosts).
KEY_GRACE = 5.0


class AtomicRedisLockStore(RedisLockStore):
    """Rasa's Redis ticket lock with every change to a lock done atomically."""

    def __init__(
        self,
        endpoint_config: EndpointConfig | None = None,
        *,
        url: str | None = None,
        socket_timeout: float = SOCKET_TIMEOUT,
    ) -> None:
        if rasa.__version__ != PATCHED_RASA_VERSION:
            raise RuntimeError(
                f"AtomicRedisLockStore follows Rasa {PATCHED_RASA_VERSION}'s ticket lock "
                f"(rasa/core/lock_store.py); this is Rasa {rasa.__version__}: check it "
                "against that version before use."
            )
        import redis

        url = url or (endpoint_config.url if endpoint_config is not None else None)
        if not url:
            raise ValueError("AtomicRedisLockStore needs a redis:// URL")
        self.red: Redis = redis.Redis.from_url(url, socket_timeout=socket_timeout)
        self.key_prefix = "lock:"
        prefix = endpoint_config.kwargs.get("key_prefix") if endpoint_config else None
        if prefix:
            self._set_key_prefix(prefix)

    def _key(self, conversation_id: str) -> str:
        return self.key_prefix + conversation_id

    def _change(self, conversation_id: str, change: Callable[[TicketLock], Any]) -> Any:
        """Read the lock, ``change`` it, write it back (or delete it when no ticket is
        left), all in one optimistic transaction; what ``change`` returned."""
        key = self._key(conversation_id)

        def attempt(pipe: Pipeline) -> Any:
            raw = pipe.get(key)
            lock = (
                TicketLock.from_dict(json.loads(raw)) if raw else TicketLock(conversation_id)
            )
            result = change(lock)
            lock.remove_expired_tickets()
            pipe.multi()
            if lock.tickets:
                pipe.set(key, lock.dumps(), px=_ttl_ms(lock))
            else:
                pipe.delete(key)
            return result

        return self.red.transaction(attempt, key, value_from_callable=True)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncIterator[TicketLock]:
        """Rasa's ticket lock (a ticket, then a look every ``wait_time_in_seconds`` until
        it is the one served; :class:`LockError` when the lock expired meanwhile), with
        Redis called from a worker thread. The ticket is given back however the block
        ends, also when the task is cancelled while the ticket is being taken."""
        ticket, lock = await _finish_in_thread(
            lambda: self.take_ticket(conversation_id, lock_lifetime),
            undo=lambda taken: self.cleanup(conversation_id, taken[0]),
        )
        try:
            while lock is None or lock.is_locked(ticket):
                if lock is None:  # expired while waiting
                    raise LockError(
                        f"Could not acquire lock for conversation_id '{conversation_id}'."
                    )
                await asyncio.sleep(wait_time_in_seconds)
                lock = await asyncio.to_thread(self.look, conversation_id)
            yield lock
        finally:
            await _finish_in_thread(lambda: self.cleanup(conversation_id, ticket))

    def take_ticket(
        self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME
    ) -> tuple[int, TicketLock]:
        """:meth:`issue_ticket`, and the lock as it was left (the ticket is served when
        it is first), in one transaction."""

        def issue(lock: TicketLock) -> tuple[int, TicketLock]:
            return lock.issue_ticket(lock_lifetime), lock

        try:
            ticket, lock = self._change(conversation_id, issue)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error
        return int(ticket), lock

    def look(self, conversation_id: str) -> TicketLock | None:
        """A waiter's look: the lock, its expired tickets dropped (written back only when
        one has expired); None when it is gone."""
        lock = self.get_lock(conversation_id)
        if lock is not None and any(ticket.has_expired() for ticket in lock.tickets):
            self._change(conversation_id, lambda lock: None)
            lock = self.get_lock(conversation_id)
        return lock

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """A new ticket, numbered after every ticket still alive, atomically."""
        try:
            return int(self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime)))
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        """Drop expired tickets (the key goes with the last one). Waiters call this at each
        look, so it writes only when a ticket has expired."""
        lock = self.get_lock(conversation_id)
        if lock is not None and any(ticket.has_expired() for ticket in lock.tickets):
            self._change(conversation_id, lambda lock: None)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Remove ``ticket_number``; the key goes with the last ticket."""
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Done with ``ticket_number``: in one step, never deleting a ticket taken
        meanwhile (Rasa's version checks for waiters and deletes in two)."""
        self.finish_serving(conversation_id, ticket_number)

    def save_lock(self, lock: TicketLock) -> None:
        """Write ``lock`` whole (not used by the paths above), with its expiry."""
        if not lock.tickets:
            self.red.delete(self._key(lock.conversation_id))
            return
        self.red.set(self._key(lock.conversation_id), lock.dumps(), px=_ttl_ms(lock))

    def ping(self) -> bool:
        """Whether Redis answers (readiness)."""
        return bool(self.red.ping())


#: Tickets being given back for cancelled callers (kept referenced until done).
_undoing: set[asyncio.Future[Any]] = set()


async def _finish_in_thread(
    work: Callable[[], Any], undo: Callable[[Any], Any] | None = None
) -> Any:
    """``work()`` in a worker thread, awaited. A cancelled caller stops waiting, but the
    work still finishes, and then ``undo`` is given its result (a ticket taken for a
    caller that is gone is given back at once instead of holding the chat until it
    expires)."""
    future = asyncio.ensure_future(asyncio.to_thread(work))
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        if undo is not None:
            def after(done: asyncio.Future[Any]) -> None:
                if not done.cancelled() and done.exception() is None:
                    task = asyncio.ensure_future(asyncio.to_thread(undo, done.result()))
                    _undoing.add(task)
                    task.add_done_callback(_undoing.discard)

            future.add_done_callback(after)
        raise


def _ttl_ms(lock: TicketLock) -> int:
    """Milliseconds the key lives: until its last ticket expires, plus :data:`KEY_GRACE`."""
    last = max(ticket.expires for ticket in lock.tickets)
    return max(1, int((last - time.time() + KEY_GRACE) * 1000))
