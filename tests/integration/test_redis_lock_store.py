"""The conversation lock shared by replicas (:mod:`bot.rasa.lock_store`), on a real Redis:
three processes taking turns on one conversation never overlap; the key does not outlive
its tickets; Rasa's documented hook builds it from endpoints.yml."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import EndpointConfig

from bench.lock_store import run
from bot.rasa.lock_store import AtomicRedisLockStore
from tests.support.redisdb import empty_redis

CONVERSATION = "4242"
PROCESSES, TURNS = 3, 100


@pytest.fixture
def redis_url() -> Iterator[str]:
    with empty_redis(13) as url:
        yield url


def test_three_processes_on_one_conversation_never_overlap(redis_url: str) -> None:
    """S0 of the scale-out bench (Rasa's stock store gives overlaps and lost tickets)."""
    result = run("atomic", redis_url, processes=PROCESSES, turns=TURNS)
    assert (result.overlaps, result.lock_errors) == (0, 0)
    assert result.completed == PROCESSES * TURNS
    assert redis.Redis.from_url(redis_url).keys("lock:*") == []  # nothing left behind


def test_tickets_are_served_in_order_and_the_key_expires_with_them(redis_url: str) -> None:
    store = AtomicRedisLockStore(url=redis_url)
    first = store.issue_ticket(CONVERSATION, lock_lifetime=2)
    second = store.issue_ticket(CONVERSATION, lock_lifetime=2)
    assert (first, second) == (0, 1)
    lock = store.get_lock(CONVERSATION)
    assert lock is not None and not lock.is_locked(first) and lock.is_locked(second)
    ttl = store.red.pttl("lock:" + CONVERSATION)
    assert 2_000 < ttl <= 7_000  # the last ticket's lifetime and a few seconds' grace
    store.cleanup(CONVERSATION, first)
    lock = store.get_lock(CONVERSATION)
    assert lock is not None and not lock.is_locked(second)
    store.cleanup(CONVERSATION, second)
    assert store.get_lock(CONVERSATION) is None


def test_a_finished_turn_never_deletes_a_ticket_taken_meanwhile(redis_url: str) -> None:
    """Rasa's cleanup checks for waiters, then deletes: a ticket taken in between was
    deleted with the key, and its holder failed with LockError."""
    store = AtomicRedisLockStore(url=redis_url)
    mine = store.issue_ticket(CONVERSATION)
    theirs = store.issue_ticket(CONVERSATION)
    store.cleanup(CONVERSATION, mine)
    lock = store.get_lock(CONVERSATION)
    assert lock is not None and [t.number for t in lock.tickets] == [theirs]


def test_rasa_builds_it_from_an_endpoints_entry(redis_url: str) -> None:
    config = EndpointConfig(
        url=redis_url, type="bot.rasa.lock_store.AtomicRedisLockStore", key_prefix="backstep"
    )
    store = LockStore.create(config)
    assert isinstance(store, AtomicRedisLockStore)
    assert store.key_prefix == "backstep:lock:"
    assert store.ping()


def test_another_rasa_version_is_refused(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rasa

    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="3.6.21"):
        AtomicRedisLockStore(url=redis_url)


async def test_a_dead_holders_ticket_expires_and_the_next_turn_goes_ahead(
    redis_url: str,
) -> None:
    """A replica killed with -9 never releases its ticket: the chat waits for it to expire."""
    import time

    store = AtomicRedisLockStore(url=redis_url)
    store.issue_ticket(CONVERSATION, lock_lifetime=0.5)  # the dead replica's turn
    asked = time.monotonic()
    async with store.lock(CONVERSATION, lock_lifetime=5, wait_time_in_seconds=0.05):
        waited = time.monotonic() - asked
    assert 0.4 <= waited < 2.0
    assert store.get_lock(CONVERSATION) is None
