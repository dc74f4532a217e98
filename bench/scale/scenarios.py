"""The conversation scenarios on a running cluster (:class:`bench.scale.cluster.Cluster`):
messages to one chat at once, a replica killed mid-intake, a rolling restart, Redis paused.

Each returns its figures (JSON-ready) with ``passed`` (its target met) and ``target``.
Telegram is played by :class:`bench.scale.pusher.Pusher` (retries like Telegram's).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

import redis
from sqlalchemy.engine import Engine

from bench.processes import log, percentile
from bench.scale.checks import ChatCheck, check_chat, engine_for, tracker_events
from bench.scale.cluster import REDIS_HOST, REDIS_PORT, Cluster, EmulatorControl
from bench.scale.pusher import Delivery, Pusher
from bot.store import journal

JSON = dict[str, Any]
#: An intake typed (no taps), from /start to the check-in time question.
INTAKE = (
    "/start",
    "none of those",
    "bending forward",
    "about three weeks",
    "No, I'm fairly flexible",
    "6",
    "No",
)
#: What the journal must hold after :data:`INTAKE`: the plan is built from these.
EXPECTED = {
    "pain_direction": "flexion",
    "pain_duration_days": 21.0,
    "flexibility": "normal",
    "pain_score": 6.0,
    "leg_pain": False,
}
#: Five answers to the intake's question on movement, sent to one chat at the same moment.
BURST = ("bending forward", "about three weeks", "I'm fairly flexible", "pain 6/10", "no leg pain")
_chats = itertools.count(830_000_001)


@dataclass
class Bench:
    """What the scenarios share: the cluster and a reader of its database."""

    cluster: Cluster
    engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        self.engine = engine_for(self.cluster.db_url)

    def pusher(self) -> Pusher:
        return Pusher(self.cluster.webhook_url, self.cluster.secret, self.cluster.emulator_url)

    @staticmethod
    def new_chats(count: int) -> list[int]:
        return [next(_chats) for _ in range(count)]


def plan_ok(bench: Bench, chat: int) -> bool:
    """The intake's answers are the ones given, once each, and one plan was made."""
    key = str(chat)
    url = bench.cluster.db_url
    answers = journal.answers_for(key, url=url)
    for slot, value in EXPECTED.items():
        accepted = [a.value for a in answers if a.slot == slot and a.accepted]
        if set(accepted) != {value}:
            return False
    return len(journal.recommendations_for(key, url=url)) == 1


def judge(
    bench: Bench, by_chat: dict[int, list[Delivery]], since: dict[int, int] | None = None
) -> JSON:
    """Lost, processed twice, anomalies and order for every chat; latencies; give-ups."""
    since = since or {}
    checks: list[ChatCheck] = [
        check_chat(bench.engine, bench.cluster.emulator_url, chat, done, since.get(chat, 0))
        for chat, done in by_chat.items()
    ]
    deliveries = [d for done in by_chat.values() for d in done]
    seconds = [d.seconds for d in deliveries if d.delivered]
    statuses: dict[str, int] = {}
    for delivery in deliveries:
        for attempt in delivery.attempts:
            key = str(attempt.status) if attempt.status is not None else str(attempt.error)
            statuses[key] = statuses.get(key, 0) + 1
    return {
        "chats": len(by_chat),
        "updates": len(deliveries),
        "lost": sum(len(c.lost) for c in checks),
        "processed_twice": sum(len(c.twice) for c in checks),
        "chats_with_anomalies": sum(1 for c in checks if c.anomalies),
        "anomalies": [f"{c.chat}: {a}" for c in checks for a in c.anomalies][:10],
        "order_violations": sum(c.order_violations for c in checks),
        "unmatched_replies": sum(c.unmatched_replies for c in checks),
        "gave_up": sum(1 for d in deliveries if not d.delivered),
        "retried": sum(1 for d in deliveries if d.retried),
        "statuses": statuses,
        "replicas": sorted({a.replica for d in deliveries for a in d.attempts if a.replica}),
        "p50_s": round(percentile(seconds, 50), 2) if seconds else None,
        "p95_s": round(percentile(seconds, 95), 2) if seconds else None,
    }


def _by_chat(deliveries: list[Delivery]) -> dict[int, list[Delivery]]:
    found: dict[int, list[Delivery]] = {}
    for delivery in deliveries:
        found.setdefault(delivery.chat, []).append(delivery)
    return found


async def settle(bench: Bench, quiet_s: float = 2.0, limit_s: float = 60.0) -> None:
    """Until the emulator has had no new message for ``quiet_s`` seconds (at most
    ``limit_s``): scale mode answers after replying, but today's webhook answers first."""
    control = EmulatorControl(bench.cluster.emulator_url)
    began = last_change = time.monotonic()
    seen = -1
    while time.monotonic() - last_change < quiet_s and time.monotonic() - began < limit_s:
        total = int((await asyncio.to_thread(control.stats))["total"])
        if total != seen:
            seen, last_change = total, time.monotonic()
        await asyncio.sleep(0.25)


def _intakes_done(bench: Bench, chats: list[int]) -> int:
    return sum(1 for chat in chats if plan_ok(bench, chat))


# --- S1: five messages to one chat at once --------------------------------------------------


async def concurrent_messages(bench: Bench, chats: int = 30, burst: int = len(BURST)) -> JSON:
    """``chats`` chats at the intake's question on movement; each sends ``burst`` messages
    of :data:`BURST` at once, all chats together, spread over the replicas by HAProxy."""
    people = bench.new_chats(chats)
    async with bench.pusher() as pusher:
        await asyncio.gather(*(pusher.conversation(c, INTAKE[:2]) for c in people))
        await settle(bench)
        since = {c: len(tracker_events(bench.engine, c)) for c in people}
        log(f"S1: {chats} chats x {burst} messages at once")
        done = await pusher.burst([(c, text) for text in BURST[:burst] for c in people])
        await settle(bench)
    figures = judge(bench, _by_chat(done), since)
    figures["target"] = "0 lost, 0 twice, 0 tracker anomalies, 0 reply-order violations"
    figures["passed"] = not (
        figures["lost"] or figures["processed_twice"] or figures["chats_with_anomalies"]
        or figures["order_violations"]
    )
    return figures


# --- S2: kill -9 of one replica mid-intake ---------------------------------------------------


async def _time_to_down(cluster: Cluster, name: str, since: float) -> float | None:
    """Seconds from ``since`` until HAProxy marks replica ``name`` down (None: not in 30 s)."""
    while time.monotonic() - since < 30:
        status = await asyncio.to_thread(cluster.backends)
        if status.get(name, "").startswith("DOWN"):
            return round(time.monotonic() - since, 1)
        await asyncio.sleep(0.1)
    return None


async def kill_mid_intake(
    bench: Bench, chats: int = 20, kill_at_s: float = 10.0, restart: bool = True
) -> JSON:
    """``chats`` intakes, a message every 1.5 s each; replica 2 killed with -9 at
    ``kill_at_s`` and left dead; then (``restart``) started again for what follows."""
    cluster = bench.cluster
    victim = cluster.replicas[1]
    people = bench.new_chats(chats)
    async with bench.pusher() as pusher:
        running = asyncio.gather(*(pusher.conversation(c, INTAKE, 1.5) for c in people))
        await asyncio.sleep(kill_at_s)
        log(f"S2: kill -9 {victim.name}")
        killed = time.monotonic()
        cluster.kill(victim)
        down_s = await _time_to_down(cluster, victim.name, killed)
        await running
        await settle(bench)
    figures = judge(bench, _by_chat(pusher.deliveries))
    figures["haproxy_down_s"] = down_s
    figures["intakes_right_plan"] = f"{_intakes_done(bench, people)}/{chats}"
    figures["target"] = "0 lost, 0 twice, every intake ends with the right plan"
    figures["passed"] = (
        not figures["lost"] and not figures["processed_twice"]
        and _intakes_done(bench, people) == chats
    )
    if restart:
        log(f"S2: starting {victim.name} again")
        await asyncio.to_thread(cluster.start_replica, victim)
        await asyncio.to_thread(cluster.wait_balanced, len(cluster.replicas))
    return figures


# --- S5: rolling restart ---------------------------------------------------------------------


async def rolling_restart(bench: Bench, every_s: float = 3.0) -> JSON:
    """Each replica in turn: SIGTERM, started again, ready and back in HAProxy before the
    next. Meanwhile a new intake starts every ``every_s`` seconds."""
    cluster = bench.cluster
    people: list[int] = []
    restarts: list[JSON] = []
    async with bench.pusher() as pusher:

        async def traffic(stop: asyncio.Event) -> None:
            running = []
            while not stop.is_set():
                [chat] = bench.new_chats(1)
                people.append(chat)
                running.append(asyncio.create_task(pusher.conversation(chat, INTAKE, 1.0)))
                await asyncio.sleep(every_s)
            await asyncio.gather(*running)

        stop = asyncio.Event()
        load = asyncio.create_task(traffic(stop))
        await asyncio.sleep(5)
        for replica in cluster.replicas:
            log(f"S5: restarting {replica.name}")
            began = time.monotonic()
            code = await asyncio.to_thread(cluster.terminate, replica)
            await asyncio.to_thread(cluster.start_replica, replica)
            await asyncio.to_thread(cluster.wait_balanced, len(cluster.replicas))
            restarts.append({replica.name: {"exit": code, "s": round(time.monotonic() - began)}})
        stop.set()
        await load
        await settle(bench)
    figures = judge(bench, _by_chat(pusher.deliveries))
    figures["restarts"] = restarts
    figures["intakes_right_plan"] = f"{_intakes_done(bench, people)}/{len(people)}"
    figures["target"] = "0 lost, 0 twice, 0 given up, every intake ends with the right plan"
    figures["passed"] = (
        not figures["lost"] and not figures["processed_twice"] and not figures["gave_up"]
        and _intakes_done(bench, people) == len(people)
    )
    return figures


# --- S6: Redis paused --------------------------------------------------------------------------


async def redis_paused(
    bench: Bench, chats: int = 10, pause_at_s: float = 4.0, pause_s: float = 5.0
) -> JSON:
    """``chats`` intakes; Redis stops answering every client (``CLIENT PAUSE ... ALL``) for
    ``pause_s`` seconds at ``pause_at_s``."""
    people = bench.new_chats(chats)
    async with bench.pusher() as pusher:
        running = asyncio.gather(*(pusher.conversation(c, INTAKE, 1.0) for c in people))
        await asyncio.sleep(pause_at_s)
        log(f"S6: CLIENT PAUSE {pause_s * 1000:.0f} ALL")
        paused = time.monotonic()
        redis.Redis(REDIS_HOST, REDIS_PORT).client_pause(int(pause_s * 1000), all=True)
        await running
        await settle(bench)
    resumed = paused + pause_s
    touched = [
        d for d in pusher.deliveries
        if d.attempts and d.attempts[0].started < resumed and d.attempts[-1].ended > paused
    ]
    figures = judge(bench, _by_chat(pusher.deliveries))
    figures["non_2xx_during_pause"] = sum(
        1 for d in touched for a in d.attempts
        if paused <= a.started <= resumed and not (a.status and 200 <= a.status < 300)
    )
    figures["recovered_s_after_pause"] = (
        round(max(0.0, max(d.attempts[-1].ended for d in touched) - resumed), 1)
        if touched else None
    )
    figures["intakes_right_plan"] = f"{_intakes_done(bench, people)}/{chats}"
    figures["target"] = "0 tracker anomalies, 0 lost, recovers by itself"
    figures["passed"] = (
        not figures["chats_with_anomalies"] and not figures["lost"]
        and _intakes_done(bench, people) == chats
    )
    return figures
