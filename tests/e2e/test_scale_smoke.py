"""The scale-out cluster in miniature (``make bench-scale`` is the whole of it): HAProxy in
front of two replicas of ``backstep run`` in webhook mode and an action server, on a fresh
PostgreSQL database and Redis, with the Bot API emulator as Telegram and a pusher that
retries like Telegram. Three chats send three messages each at the same moment; then four
people go through the intake while one replica is killed with -9. Nothing may be lost or
taken in twice, no two turns of a chat may run at once, replies come in their turns'
order, and every intake ends with the right plan.

HAProxy must be installed (``.ci/run`` installs Debian's package): without it this test
fails rather than skips, so CI cannot lose it quietly.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from bench.processes import OUT, Processes
from bench.scale import scenarios
from bench.scale.cluster import Cluster, find_haproxy

pytestmark = [pytest.mark.model, pytest.mark.postgres]

#: A Redis database of its own (``make cluster`` and ``make bench-scale`` use 11).
REDIS_DB = 12


@pytest.fixture(scope="module")
def bench() -> Iterator[scenarios.Bench]:
    assert find_haproxy() is not None, "HAProxy is not installed: apt-get install haproxy"
    cluster = Cluster(Processes(), bots=2, actions=1, redis_db=REDIS_DB)
    try:
        cluster.start()
        yield scenarios.Bench(cluster)
    finally:
        cluster.stop()


def _failure(figures: dict[str, object]) -> str:
    return f"{figures}; logs in {OUT / 'scale'}"


def test_messages_to_one_chat_at_once_run_one_turn_at_a_time(bench: scenarios.Bench) -> None:
    figures = asyncio.run(scenarios.concurrent_messages(bench, chats=3, burst=3))
    assert figures["updates"] == 9
    assert figures["lost"] == 0 and figures["processed_twice"] == 0, _failure(figures)
    assert figures["chats_with_anomalies"] == 0, _failure(figures)
    assert figures["order_violations"] == 0, _failure(figures)
    assert len(figures["replicas"]) == 2, _failure(figures)  # both replicas took some


def test_a_replica_killed_mid_intake_loses_nothing(bench: scenarios.Bench) -> None:
    figures = asyncio.run(
        scenarios.kill_mid_intake(bench, chats=4, kill_at_s=4.0, restart=False)
    )
    assert figures["updates"] == 4 * len(scenarios.INTAKE)
    assert figures["lost"] == 0 and figures["processed_twice"] == 0, _failure(figures)
    assert figures["gave_up"] == 0, _failure(figures)
    assert figures["intakes_right_plan"] == "4/4", _failure(figures)
    assert figures["haproxy_down_s"] is not None, _failure(figures)
