"""The whole bot's sending budget in Redis (scale mode), as several replicas share it:
30 messages a second in all and one a second per chat as Telegram counts them (on arrival,
however late a send arrives), replies before the broadcast, and one replica's 429 pauses
every replica."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from bot.telegram.ratelimit import BackstepRateLimiter
from bot.telegram.shared_budget import Admission, RedisBudget, SharedLimits, bulk_sends
from tests.support.botapi import BotApiEmulator
from tests.support.paths import ROOT
from tests.support.redisdb import empty_redis

BOT = "123456"


@pytest.fixture
def redis_url() -> Iterator[str]:
    with empty_redis(14) as url:
        yield url


def _replicas(url: str, count: int = 3, limits: SharedLimits | None = None) -> list[RedisBudget]:
    return [RedisBudget(url, BOT, f"replica-{n}", limits) for n in range(count)]


async def _send(budget: RedisBudget, chat: int | None, round_trip: float, bulk: bool = False,
                ) -> tuple[float, float]:
    """A message through ``budget`` whose answer takes ``round_trip``: (started, answered)."""
    admission = await budget.admit(chat, 1, bulk)
    while admission is not None and admission.chat:
        await asyncio.sleep(admission.wait)
        admission = await budget.admit(chat, 1, bulk)
    assert admission is not None
    started = time.monotonic()
    await asyncio.sleep(round_trip)
    answered = time.monotonic()
    await budget.answered(chat, admission.members)
    return started, answered


async def test_a_place_is_held_from_the_start_until_a_second_after_the_answer(
    redis_url: str,
) -> None:
    """Telegram counts a message when it arrives, some time between its start and its
    answer: so when any message starts, fewer than 30 others may have been answered within
    the last second or still be on their way."""
    budgets = _replicas(redis_url)
    began = time.monotonic()
    sends = await asyncio.gather(
        *(_send(budgets[n % 3], 5000 + n, 0.2) for n in range(75))
    )
    # the places held at each start (seen from here, a little inside the budget's own
    # times: started after Redis admitted, answered before Redis heard of it)
    held = [sum(1 for s, a in sends if s <= t < a + 1.0) for t, _ in sends]
    assert max(held) <= 30
    # 30 places, each held for 1.2 s: 75 sends need two full turns and a start in the third
    assert max(s for s, _ in sends) - began >= 2 * 1.2


async def test_one_chat_gets_its_next_message_a_second_after_the_answer_whichever_replica(
    redis_url: str,
) -> None:
    budgets = _replicas(redis_url, limits=SharedLimits(per_chat_interval=0.3))
    sends = sorted(await asyncio.gather(*(_send(b, 777, 0.1) for b in budgets * 2)))
    gaps = [later[0] - earlier[1] for earlier, later in zip(sends, sends[1:], strict=False)]
    assert min(gaps) >= 0.29, gaps  # from one's answer to the next one's start


async def _fill_with_answered_sends(broadcast: Any, count: int) -> None:
    """``count`` check-ins admitted and answered at once: the budget's places taken."""
    for n in range(count):
        admission = await broadcast.admit(9000 + n, bulk=True)
        assert admission is not None
        broadcast.mark_answered(9000 + n, admission.members)


async def test_a_reply_is_booked_at_once_for_the_next_place_that_frees(redis_url: str) -> None:
    """No asking again (late on a busy machine): the place is the reply's, not the
    broadcast's, from the moment it asks."""
    limits = SharedLimits(overall_per_second=3)  # one start every 1/3 s
    broadcast, replies = _replicas(redis_url, count=2, limits=limits)
    await _fill_with_answered_sends(broadcast, 3)
    booked = replies.try_admit(42, ticket="reply-1")
    assert booked.admitted and 0.1 < booked.wait <= 1.0  # when the first answer is 1 s old
    time.sleep(booked.wait + 0.05)
    assert not broadcast.try_admit(9100, bulk=True).admitted  # that place was the reply's
    replies.mark_answered(42, booked.members)
    asked = time.monotonic()
    assert await broadcast.admit(9101, bulk=True) is not None
    assert time.monotonic() - asked < 0.6  # then the broadcast goes on at the next place


async def test_a_waiting_reply_gets_the_next_free_place_before_the_broadcast(
    redis_url: str,
) -> None:
    """A reply not booked (its place is further off than it may book) leaves a mark."""
    limits = SharedLimits(  # one start every 1/3 s
        overall_per_second=3, mark_grace=0.3, reply_booking_horizon=0.04
    )
    broadcast, replies = _replicas(redis_url, count=2, limits=limits)
    await _fill_with_answered_sends(broadcast, 3)
    first_try = replies.try_admit(42, ticket="reply-1")
    assert first_try.wait > 0.1 and not first_try.chat  # full until the first answer is 1 s old
    time.sleep(first_try.wait + 0.05)  # one place is free again
    assert broadcast.try_admit(9100, bulk=True).wait > 0  # a reply is waiting: not yours
    assert replies.try_admit(42, ticket="reply-1") == Admission(0.0, members=("reply-1:1",))
    asked = time.monotonic()
    assert await broadcast.admit(9101, bulk=True) is not None
    assert time.monotonic() - asked < 0.6  # then the broadcast goes on at the next place


async def _through(
    limiter: BackstepRateLimiter, chat: int, round_trip: float, bulk: bool = False
) -> tuple[float, float]:
    """A message through a replica's limiter, answered after ``round_trip``:
    (asked, started)."""
    asked = time.monotonic()
    times: list[float] = []

    async def call(*args: object, **kwargs: object) -> bool:
        times.append(time.monotonic())
        await asyncio.sleep(round_trip)
        return True

    data = {"chat_id": chat, "text": "hello"}
    if bulk:
        with bulk_sends():
            await limiter.process_request(call, (), {}, "sendMessage", data, None)
    else:
        await limiter.process_request(call, (), {}, "sendMessage", data, None)
    return asked, times[0]


async def test_replies_during_a_broadcast_wait_for_one_place_not_for_the_broadcast(
    redis_url: str,
) -> None:
    """Four replicas broadcast, a fifth replies to five people one after the other."""
    limiters = [BackstepRateLimiter(budget=budget) for budget in _replicas(redis_url, 5)]
    broadcast = [
        asyncio.create_task(_through(limiters[n % 4], 6000 + n, 0.05, bulk=True))
        for n in range(120)
    ]
    await asyncio.sleep(1.3)  # the broadcast has filled every place
    replies = [await _through(limiters[4], 100 + n, 0.05) for n in range(5)]
    bulk = await asyncio.gather(*broadcast)
    waits = [started - asked for asked, started in replies]
    assert max(waits) < 0.2, waits  # about one place's turn (1/30 s), not the broadcast's
    assert max(started for _, started in bulk) > replies[-1][1] + 0.5  # it was going on


async def test_replies_to_many_people_at_once_wait_side_by_side_not_in_a_line(
    redis_url: str,
) -> None:
    """Four replicas broadcast, a fifth replies to fifteen people at the same moment: the
    replies take the next fifteen places (one every 1/30 s), the broadcast none of them."""
    limiters = [BackstepRateLimiter(budget=budget) for budget in _replicas(redis_url, 5)]
    broadcast = [
        asyncio.create_task(_through(limiters[n % 4], 7000 + n, 0.05, bulk=True))
        for n in range(150)
    ]
    await asyncio.sleep(1.3)  # the broadcast has filled every place
    replies = await asyncio.gather(*(_through(limiters[4], 200 + n, 0.05) for n in range(15)))
    bulk = await asyncio.gather(*broadcast)
    asked = min(a for a, _ in replies)
    last = max(started for _, started in replies)
    assert last - asked < 15 / 30 + 0.25, [round(s - asked, 2) for _, s in replies]
    between = [s for _, s in bulk if asked + 0.1 < s < last]  # once every reply was marked
    assert len(between) <= 2, len(between)


async def test_a_reserve_keeps_places_out_of_the_broadcasts_reach(redis_url: str) -> None:
    limits = SharedLimits(overall_per_second=5, reserved_for_replies=2)
    [budget] = _replicas(redis_url, count=1, limits=limits)
    for n in range(3):
        assert await budget.admit(n, bulk=True) is not None
    time.sleep(0.25)  # past the pacing (one start every 1/5 s)
    assert budget.try_admit(3, bulk=True).wait == 1.0  # 3 of 5 in flight: full for it
    for chat in (98, 99):
        assert await budget.admit(chat) is not None  # but not for replies
    time.sleep(0.25)
    assert budget.try_admit(97).wait == 1.0


async def test_a_429_seen_by_one_replica_pauses_all(redis_url: str) -> None:
    one, two, _ = _replicas(redis_url)
    await one.pause(0.5)
    asked = time.monotonic()
    await two.admit(99)
    assert time.monotonic() - asked >= 0.4


async def test_three_sending_processes_with_late_sends_get_no_429(redis_url: str) -> None:
    """Three replicas, each a process of its own, send 40 messages at once (each alone would
    go at 30 a second: together 90) and 2 to one shared chat; every send is held up 0 to
    150 ms on its way, as on a busy machine. Telegram's limits, as it counts them on
    arrival, hold: no 429."""
    async with BotApiEmulator() as emulator:
        emulator.enforce_limits()
        processes = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-m", "tests.support.limited_sender", redis_url, emulator.url,
                f"replica-{n}", str(10_000 + 100 * n), "40", "555", "2",
                cwd=ROOT, stdout=asyncio.subprocess.PIPE,
            )
            for n in range(3)
        ]
        outputs = [await process.communicate() for process in processes]
        stats = emulator.stats()
        shared_chat = [r["monotonic"] for r in emulator.sent(555)]
    assert [p.returncode for p in processes] == [0, 0, 0]
    assert [json.loads(out) for out, _ in outputs] == [{"refused_429": 0}] * 3
    assert stats["rejected_429"] == 0
    assert stats["total"] == 3 * 42 and stats["max_in_1s"] <= 30
    assert len(shared_chat) == 6
    assert min(b - a for a, b in zip(shared_chat, shared_chat[1:], strict=False)) >= 1.0
