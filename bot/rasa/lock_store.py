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

Chosen by :func:`bot.rasa.runtime.load_agent` when BACKSTEP_REDIS_URL is set; also usable
from endpoints.yml (``lock_store: {type: bot.rasa.lock_store.AtomicRedisLockStore, url:
redis://…}``, Rasa's documented hook for a custom lock store).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
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

#: Seconds a Redis call may take: the calls are synchronous inside the event loop, so a
#: stalled Redis must fail a turn quickly (and Telegram retries it), not freeze the replica.
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


def _ttl_ms(lock: TicketLock) -> int:
    """Milliseconds the key lives: until its last ticket expires, plus :data:`KEY_GRACE`."""
    last = max(ticket.expires for ticket in lock.tickets)
    return max(1, int((last - time.time() + KEY_GRACE) * 1000))
