"""S0 of the scale-out bench: the conversation lock alone. Three processes take turns on one
conversation through the real lock store classes; each holder counts who else is inside
(a Redis counter), so overlapping turns are counted exactly.

    python -m bench.lock_store [--turns 500] [--redis redis://127.0.0.1:6379/13]

Runs Rasa 3.6's stock ``RedisLockStore`` and Backstep's ``AtomicRedisLockStore``; the
Redis database given is emptied before and after each run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import statistics
import time
from dataclasses import asdict, dataclass
from urllib.parse import urlparse

import redis

CONVERSATION = "4242"


@dataclass
class LockRun:
    """What one run of ``processes`` × ``turns`` measured."""

    store: str
    processes: int
    turns: int
    completed: int
    overlaps: int
    lock_errors: int
    p50_ms: float
    p95_ms: float
    seconds: float


def make_store(kind: str, url: str) -> object:
    """The lock store called ``kind`` ("stock" or "atomic") on ``url``."""
    if kind == "atomic":
        from bot.rasa.lock_store import AtomicRedisLockStore

        return AtomicRedisLockStore(url=url)
    from rasa.core.lock_store import RedisLockStore

    parts = urlparse(url)
    return RedisLockStore(
        host=parts.hostname or "127.0.0.1", port=parts.port or 6379,
        db=int(parts.path.lstrip("/") or 0),
    )


#: Seconds a ticket lives: a lost ticket (stock store) stalls its holder this long.
LIFETIME = 5.0
#: Seconds a run may take; turns not started by then are not taken.
DEADLINE = 60.0


def take_turns(kind: str, url: str, turns: int, start: float) -> tuple[int, int, int, list[float]]:
    """One process: ``turns`` times lock the conversation and count who else is inside
    (until :data:`DEADLINE`); (overlaps, lock errors or stuck turns, turns completed,
    seconds to get the lock)."""
    store = make_store(kind, url)
    counter = redis.Redis.from_url(url)
    overlaps = errors = done = 0
    waits: list[float] = []

    async def one_turn() -> None:
        nonlocal overlaps, done
        asked = time.perf_counter()
        async with store.lock(  # type: ignore[attr-defined]
            CONVERSATION, lock_lifetime=LIFETIME, wait_time_in_seconds=0.001
        ):
            waits.append(time.perf_counter() - asked)
            if counter.incr("inside") != 1:
                overlaps += 1
            await asyncio.sleep(0)
            counter.decr("inside")
            done += 1

    async def run() -> None:
        nonlocal errors
        for _ in range(turns):
            if time.time() > start + DEADLINE:
                break
            try:
                await asyncio.wait_for(one_turn(), timeout=2 * LIFETIME)
            except Exception:  # LockError, a lock deleted under the holder, or stuck
                errors += 1
                counter.set("inside", 0)

    time.sleep(max(0.0, start - time.time()))  # all processes start together
    asyncio.run(run())
    return overlaps, errors, done, waits


def run(kind: str, url: str, processes: int = 3, turns: int = 500) -> LockRun:
    """``processes`` processes × ``turns`` turns on one conversation with store ``kind``."""
    client = redis.Redis.from_url(url)
    client.flushdb()
    start = time.time() + 1.0
    try:
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            results = pool.starmap(take_turns, [(kind, url, turns, start)] * processes)
    finally:
        client.flushdb()
    waits = sorted(w for r in results for w in r[3]) or [0.0]
    return LockRun(
        store=kind, processes=processes, turns=turns,
        completed=sum(r[2] for r in results), overlaps=sum(r[0] for r in results),
        lock_errors=sum(r[1] for r in results),
        p50_ms=round(statistics.median(waits) * 1000, 2),
        p95_ms=round(waits[int(0.95 * (len(waits) - 1))] * 1000, 2),
        seconds=round(time.time() - start, 2),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=500)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/13")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()}")
    for kind in ("stock", "atomic"):
        print(json.dumps(asdict(run(kind, args.redis, args.processes, args.turns))))


if __name__ == "__main__":
    main()
