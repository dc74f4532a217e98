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


async def test_a_free_lock_is_taken_in_one_transaction_and_given_back(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Taking a free chat's lock costs one transaction (the ticket says it is served, no
    second read), and the event loop is not where Redis is called."""
    import threading

    store = AtomicRedisLockStore(url=redis_url)
    loop_thread = threading.get_ident()
    reads: list[bool] = []
    real_get = store.get_lock

    def get_lock(conversation_id: str) -> object:
        reads.append(threading.get_ident() == loop_thread)
        return real_get(conversation_id)

    monkeypatch.setattr(store, "get_lock", get_lock)
    changes: list[bool] = []
    real_change = store._change

    def change(*args: object) -> object:
        changes.append(threading.get_ident() == loop_thread)
        return real_change(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_change", change)
    async with store.lock(CONVERSATION, wait_time_in_seconds=0.05):
        assert real_get(CONVERSATION) is not None
    assert reads == [] and changes == [False, False]  # take, give back: both off the loop
    assert real_get(CONVERSATION) is None


async def test_a_waiter_is_served_after_the_holder_and_a_cancelled_one_gives_back(
    redis_url: str,
) -> None:
    import asyncio

    store = AtomicRedisLockStore(url=redis_url)
    order: list[str] = []
    holder_in = asyncio.Event()

    async def turn(name: str, hold: float) -> None:
        async with store.lock(CONVERSATION, wait_time_in_seconds=0.02):
            order.append(name + " in")
            holder_in.set()
            await asyncio.sleep(hold)
            order.append(name + " out")

    first = asyncio.create_task(turn("first", 0.2))
    await holder_in.wait()
    second = asyncio.create_task(turn("second", 0))
    cancelled = asyncio.create_task(turn("cancelled", 0))
    await asyncio.sleep(0.05)
    cancelled.cancel()
    await asyncio.gather(first, second, cancelled, return_exceptions=True)
    assert order == ["first in", "first out", "second in", "second out"]
    await asyncio.sleep(0.1)  # the cancelled waiter's ticket is given back
    assert store.get_lock(CONVERSATION) is None
