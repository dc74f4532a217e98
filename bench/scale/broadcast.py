"""S3 and S4: 10,000 check-ins sent by three ``backstep checkins send-due`` workers at once,
sharing the rate limit through Redis; again with one worker killed half way; and the
replicas answering people meanwhile.

The people are written by :func:`bench.broadcast.populate` into a database of their own
(the replicas' sender loops, on the cluster's database, never see them); the emulator the
replicas talk to counts every message, 429s and the busiest second.
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import time
import urllib.request
from typing import Any, cast

from sqlalchemy import func, select

from bench.broadcast import (
    AFTER_LEASE,
    NOW,
    RATE_TARGET,
    Emulator,
    Run,
    Sender,
    populate,
    tally,
)
from bench.processes import log, percentile
from bench.scale.cluster import Cluster, EmulatorControl
from bench.scale.pusher import Delivery
from bench.scale.scenarios import INTAKE, Bench, _by_chat, judge, settle
from bot.store import claims
from bot.store.checkins import CLAIMED
from bot.store.engine import dispose_engines, session_scope
from bot.store.models import Checkin, Person

JSON = dict[str, Any]
WORKERS = 3
#: What each person in S4 says: an intake, the check-in time, and a little more.
CHAT = (*INTAKE, "8am", "thanks", "what is my plan?")
REPLY_P95_TARGET_S = 2.0


def in_flight_of(url: str, pid: int, delivered: dict[str, int]) -> int:
    """Claims of the sender ``pid`` (on this host) whose message the emulator accepted but
    that are not marked sent: each goes out twice once taken over."""
    holder = f"{socket.gethostname()}:{pid}"
    with session_scope(url) as session:
        chats = session.execute(
            select(Person.conversation_id)
            .join(Checkin)
            .where(Checkin.status == CLAIMED, Checkin.claimed_by == holder)
        ).scalars()
        return sum(1 for chat in chats if delivered.get(chat))


def broadcast_rates(
    emulator_url: str, chats: list[str]
) -> tuple[int, float | None, float | None, int]:
    """Messages the emulator accepted for the people of the broadcast (not the replies to
    people talking meanwhile), their rate from the first to the last, the rate of every
    message the bot sent in that time, replies included (the budget they share), and how
    many replies went out inside the broadcast (S4 measures nothing without them)."""
    wanted = set(chats)
    with urllib.request.urlopen(
        f"{emulator_url}/_emulator/calls?method=sendMessage", timeout=120
    ) as answer:
        calls = [c for c in json.loads(answer.read()) if c["status"] == 200]
    times = [c["monotonic"] for c in calls if c["chat"] in wanted]
    if len(times) < 2 or times[-1] <= times[0]:
        return len(times), None, None, 0
    span = times[-1] - times[0]
    every = sum(1 for c in calls if times[0] <= c["monotonic"] <= times[-1])
    return len(times), (len(times) - 1) / span, (every - 1) / span, every - len(times)


#: S4's people start talking once the broadcast has sent this many (about a second of it),
#: so that every reply competes with it.
FLOWING = 30


async def _once_flowing(emulator: EmulatorControl, timeout: float = 120.0) -> None:
    """Return once the emulator has accepted :data:`FLOWING` messages."""
    deadline = time.monotonic() + timeout
    while await asyncio.to_thread(lambda: emulator.stats()["total"]) < FLOWING:
        if time.monotonic() > deadline:
            raise TimeoutError("the broadcast did not start")
        await asyncio.sleep(0.2)


def claim_counts(url: str) -> JSON:
    with session_scope(url) as session:
        rows = session.execute(select(Checkin.status, func.count()).group_by(Checkin.status))
        return {status: int(n) for status, n in rows}


async def _replies(
    bench: Bench, chats: int, emulator: EmulatorControl | None = None
) -> list[Delivery]:
    """``chats`` people talking to the replicas (:data:`CHAT`, a message a second each),
    once the broadcast flows (``emulator``)."""
    people = bench.new_chats(chats)
    if emulator is not None:
        await _once_flowing(emulator)
    async with bench.pusher() as pusher:
        await asyncio.gather(*(pusher.conversation(c, CHAT, 1.0) for c in people))
    await settle(bench)  # today's webhook answers first and replies later
    return pusher.deliveries


async def broadcast(
    bench: Bench, database_url: str, people: int = 10_000, kill: bool = False,
    talkers: int = 0,
) -> JSON:
    """One run: ``people`` check-ins due, :data:`WORKERS` senders with the shared limiter;
    ``kill``: the first is killed with -9 at half, the others finish, and a fresh sender
    takes its claims over once their lease has run out (by the database's clock).
    ``talkers``: that many people talk to the replicas meanwhile (S4)."""
    cluster: Cluster = bench.cluster
    emulator = EmulatorControl(cluster.emulator_url)
    log(f"S3: {people} check-ins into a database of their own")
    chats = await asyncio.to_thread(populate, database_url, people)
    emulator.reset()
    env = cluster.env(BACKSTEP_DB_URL=database_url, BACKSTEP_LOG_LEVEL="WARNING")
    run = Run("B" if kill else "A", "one worker killed at half" if kill else "clean", people)
    notes: JSON = {}
    began = time.perf_counter()
    senders = [
        Sender(cluster.procs, env, NOW, f"scale/sender{i + 1}.log") for i in range(WORKERS)
    ]
    talking = asyncio.create_task(_replies(bench, talkers, emulator)) if talkers else None
    if kill:
        victim = senders[0]
        control = cast(Emulator, emulator)
        at = await asyncio.to_thread(victim.signal_after, control, people // 2, signal.SIGKILL)
        killed = time.monotonic()
        run.senders.append(await asyncio.to_thread(victim.wait, 60.0))
        others = [await asyncio.to_thread(s.wait) for s in senders[1:]]
        run.senders.extend(others)
        delivered = emulator.stats()["per_chat"]
        notes["killed_at_delivered"] = at
        notes["in_flight_at_kill"] = in_flight_of(database_url, victim.proc.pid, delivered)
        notes["claims_left_before_takeover"] = claims.pending_claims(database_url)
        wait = killed + claims.CLAIM_LEASE.total_seconds() + 1 - time.monotonic()
        log(f"S3-B: waiting {max(0.0, wait):.0f} s for the dead worker's leases")
        await asyncio.sleep(max(0.0, wait))
        takeover = Sender(cluster.procs, env, AFTER_LEASE, "scale/sender-takeover.log")
        run.senders.append(await asyncio.to_thread(takeover.wait))
    else:
        for sender in senders:
            run.senders.append(await asyncio.to_thread(sender.wait))
    run.seconds = time.perf_counter() - began
    tally(run, chats, emulator.stats(), database_url)
    run.delivered, run.msg_per_s, all_per_s, inside = broadcast_rates(
        cluster.emulator_url, chats
    )
    figures: JSON = {
        "people": people,
        "workers": WORKERS,
        "delivered": run.delivered,
        "exactly_one": run.exactly_one,
        "duplicates": run.duplicates,
        "missing": run.missing,
        "msg_per_s": round(run.msg_per_s, 1) if run.msg_per_s else None,
        "all_msg_per_s": round(all_per_s, 1) if all_per_s else None,
        "max_in_1s": run.max_in_1s,
        "rejected_429": run.rejected_429,
        "seconds": round(run.seconds),
        "rows": claim_counts(database_url),
        "senders": [s["exit"] for s in run.senders],
        **notes,
    }
    if kill:
        figures["target"] = "0 missing; duplicates = the killed worker's in-flight sends"
        figures["passed"] = run.missing == 0 and run.duplicates <= notes["in_flight_at_kill"]
    else:
        # The rate is the bot's: S4's replies share Telegram's 30 a second with the
        # broadcast (about 800 messages: all inside it, 30 a second leaves it 27.8).
        figures["target"] = (
            f"exactly one each, >= {RATE_TARGET:.0f} msg/s with the replies, <= 5 429s"
        )
        # exactly one for each person of the broadcast (the replies to S4's people go to
        # other chats, which Run.exactly_once counts as unexpected)
        each_once = run.exactly_one == people and not (run.duplicates or run.missing)
        figures["passed"] = (
            each_once and (all_per_s or 0) >= RATE_TARGET and run.rejected_429 <= 5
        )
    if talking is not None:
        deliveries = await talking
        replies = judge(bench, _by_chat(deliveries))
        seconds = [d.seconds for d in deliveries if d.delivered]
        figures["replies"] = {
            "chats": talkers,
            "updates": len(deliveries),
            "p50_s": round(percentile(seconds, 50), 2) if seconds else None,
            "p95_s": round(percentile(seconds, 95), 2) if seconds else None,
            "lost": replies["lost"],
            "gave_up": replies["gave_up"],
            "inside_broadcast": inside,
            "target": f"p95 <= {REPLY_P95_TARGET_S:.0f} s, the replies inside the broadcast",
            # a reply sent before or after the broadcast competes with nothing
            "passed": bool(seconds) and percentile(seconds, 95) <= REPLY_P95_TARGET_S
            and inside >= 0.9 * len(deliveries),
        }
    dispose_engines()
    return figures
