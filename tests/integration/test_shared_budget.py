"""The whole bot's sending budget in Redis (scale mode), as several replicas share it:
30 messages a second in all, one a second per chat, broadcasts leave room for replies, and
one replica's 429 pauses every replica."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest
from telegram.ext import ExtBot

from bot.telegram.ratelimit import BackstepRateLimiter
from bot.telegram.shared_budget import RedisBudget, SharedLimits, bulk_sends
from tests.support.botapi import BotApiEmulator
from tests.support.redisdb import empty_redis

BOT = "123456"


@pytest.fixture
def redis_url() -> Iterator[str]:
    with empty_redis(14) as url:
        yield url


def _replicas(url: str, count: int = 3, limits: SharedLimits | None = None) -> list[RedisBudget]:
    return [RedisBudget(url, BOT, f"replica-{n}", limits) for n in range(count)]


def _busiest(times: list[float], window: float) -> int:
    times = sorted(times)
    return max(
        sum(1 for t in times[i:] if t - start < window) for i, start in enumerate(times)
    )


async def _admit_all(budgets: list[RedisBudget], sends: int, chat: object = None,
                     bulk: bool = False) -> list[float]:
    admitted: list[float] = []

    async def one(budget: RedisBudget, n: int) -> None:
        await budget.admit(chat if chat is not None else None, 1, bulk)
        admitted.append(time.monotonic())

    await asyncio.gather(*(one(budgets[n % len(budgets)], n) for n in range(sends)))
    return admitted


async def test_three_replicas_start_at_most_30_messages_a_second(redis_url: str) -> None:
    start = time.monotonic()
    admitted = await _admit_all(_replicas(redis_url), 75)
    assert len(admitted) == 75
    assert _busiest(admitted, 0.9) <= 30  # a little short of 1 s: the client's timing jitters
    assert max(admitted) - start >= 1.9  # 75 sends need three windows


async def test_one_chat_gets_one_message_per_interval_whichever_replica_sends(
    redis_url: str,
) -> None:
    budgets = _replicas(redis_url, limits=SharedLimits(per_chat_interval=0.3))
    admitted = sorted(await _admit_all(budgets, 4, chat=777))
    gaps = [b - a for a, b in zip(admitted, admitted[1:], strict=False)]
    assert min(gaps) >= 0.25, gaps


async def test_a_broadcast_leaves_room_for_replies(redis_url: str) -> None:
    budgets = _replicas(redis_url, limits=SharedLimits(overall_per_second=30, bulk_per_second=10))
    broadcast = asyncio.create_task(_admit_all(budgets, 25, bulk=True))
    await asyncio.sleep(0.2)  # the broadcast has used its share of this second
    asked = time.monotonic()
    await budgets[0].admit(4242)
    reply_wait = time.monotonic() - asked
    bulk_times = await broadcast
    assert reply_wait < 0.15
    assert _busiest(bulk_times, 0.9) <= 10


async def test_a_429_seen_by_one_replica_pauses_all(redis_url: str) -> None:
    one, two, _ = _replicas(redis_url)
    await one.pause(0.5)
    asked = time.monotonic()
    await two.admit(99)
    assert time.monotonic() - asked >= 0.4


async def test_two_replicas_sending_through_the_emulator_get_no_429(redis_url: str) -> None:
    """Each replica alone would send at 30 a second: together, 60, and Telegram says 429."""
    async with BotApiEmulator() as emulator:
        emulator.enforce_limits()
        bots = [
            ExtBot(f"{BOT}:REPLICA", base_url=emulator.base_url,
                   base_file_url=emulator.base_file_url,
                   rate_limiter=BackstepRateLimiter(budget=budget, max_retries=0))
            for budget in _replicas(redis_url, count=2)
        ]
        for bot in bots:
            await bot.initialize()
        try:
            with bulk_sends():  # a broadcast: 25 a second at most
                await asyncio.gather(*(
                    bots[n % 2].send_message(1000 + n, f"check-in {n}") for n in range(70)
                ))
        finally:
            for bot in bots:
                await bot.shutdown()
        stats = emulator.stats()
    assert stats["rejected_429"] == 0
    assert stats["max_in_1s"] <= 30
    assert len(emulator.sent(method="sendMessage")) == 70
