"""S0, the conversation lock store alone: three processes take and release the lock of
one conversation, back to back, through Rasa's ``LockStore.create`` (the hook
``endpoints.yml`` uses), and count the times two of them were inside at once.

Each holder INCRs a Redis counter on entering (a value above 1 is an overlap) and DECRs
it on leaving. Run for Rasa 3.6's stock ``redis`` lock store and for Backstep's atomic one.

A worker is ``python -m bench.scale.lockstore --worker TYPE --db N --rounds R``; it prints
one JSON line of its figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from typing import Any

from bench.processes import BIN, ROOT, child_env, percentile

#: Rasa's stock lock store, then Backstep's (the class ``endpoints.yml`` would name).
STOCK = "redis"
ATOMIC = "bot.rasa.lock_store.AtomicRedisLockStore"
CONVERSATION = "s0-one-chat"
COUNTER = "bench:s0:inside"
PROCESSES = 3
ROUNDS = 300
#: A ticket's lifetime: a lost or duplicated ticket stalls its waiters this long at most.
LIFETIME_S = 5.0
#: Each worker stops after this long, done or not (a stalled run is a result too).
BUDGET_S = 60.0
#: A wait longer than this counts as a stall.
STALL_S = 1.0


async def worker(store_type: str, db: int, rounds: int) -> dict[str, Any]:
    """Take the lock ``rounds`` times; overlaps seen, errors, latencies."""
    import redis
    from rasa.core.lock_store import LockError, LockStore
    from rasa.utils.endpoints import EndpointConfig

    store = LockStore.create(
        EndpointConfig(url="127.0.0.1", type=store_type, port=6379, db=db, socket_timeout=2)
    )
    red = redis.Redis("127.0.0.1", 6379, db=db)
    counts = {"rounds": 0, "overlaps": 0, "lock_errors": 0, "hung": 0}
    waits: list[float] = []

    async def take_turns() -> None:
        for _ in range(rounds):
            began = time.perf_counter()
            counts["rounds"] += 1
            try:
                async with store.lock(
                    CONVERSATION, lock_lifetime=LIFETIME_S, wait_time_in_seconds=0.005
                ):
                    waits.append(time.perf_counter() - began)
                    if red.incr(COUNTER) > 1:
                        counts["overlaps"] += 1
                    await asyncio.sleep(0.001)
                    red.decr(COUNTER)
            except LockError:
                counts["lock_errors"] += 1

    try:
        await asyncio.wait_for(take_turns(), BUDGET_S)
    except asyncio.TimeoutError:
        counts["hung"] = 1  # a lock never granted, or the rounds not done in the budget
    return {
        **counts,
        "stalls": sum(1 for w in waits if w > STALL_S),
        "wait_p50_ms": 1000 * percentile(waits, 50) if waits else None,
        "wait_p95_ms": 1000 * percentile(waits, 95) if waits else None,
    }


def measure(
    store_type: str, db: int, processes: int = PROCESSES, rounds: int = ROUNDS
) -> dict[str, Any]:
    """``processes`` workers at once on one conversation; their figures summed."""
    import redis

    red = redis.Redis("127.0.0.1", 6379, db=db)
    red.flushdb()
    cmd = [str(BIN / "python"), "-m", "bench.scale.lockstore", "--worker", store_type]
    cmd += ["--db", str(db), "--rounds", str(rounds)]
    env = child_env(PYTHONPATH=str(ROOT))
    began = time.perf_counter()
    children = [
        subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(processes)
    ]
    results, failures = [], []
    for child in children:
        out, err = child.communicate(timeout=BUDGET_S + 120)
        if child.returncode == 0:
            results.append(json.loads(out.decode().strip().splitlines()[-1]))
        else:
            failures.append(err.decode(errors="replace").strip().splitlines()[-1:])
    red.flushdb()
    p95s = [r["wait_p95_ms"] for r in results if r["wait_p95_ms"] is not None]
    return {
        "store": store_type,
        "processes": processes,
        "rounds": sum(r["rounds"] for r in results),
        "overlaps": sum(r["overlaps"] for r in results),
        "lock_errors": sum(r["lock_errors"] for r in results),
        "stalls": sum(r["stalls"] for r in results),
        "hung_workers": sum(r["hung"] for r in results),
        "wait_p95_ms": round(max(p95s), 1) if p95s else None,
        "seconds": round(time.perf_counter() - began, 1),
        "failed_workers": failures,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.scale.lockstore")
    parser.add_argument("--worker", required=True, help="lock store type")
    parser.add_argument("--db", type=int, required=True)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(worker(args.worker, args.db, args.rounds))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
