"""``make bench-scale`` (``python -m bench.scale [--scenarios a,b] [--people N] [--readme]``):
Backstep as several replicas on one machine, tried scenario by scenario.

Scenarios, in the order they run (``--scenarios`` picks some by name):

* ``lockstore``: S0, the conversation lock store alone (:mod:`bench.lock_store`: Rasa's
  stock one, then Backstep's);
* ``concurrent``: S1, 30 chats x 5 messages at once over 3 replicas;
* ``kill``: S2, kill -9 of a replica mid-intake, Telegram-style retries;
* ``broadcast``: S3, 10,000 check-ins by 3 workers with the shared limiter, and S4, 50
  people talking to the replicas meanwhile (``replies``);
* ``broadcast-kill``: S3 with one worker killed half way;
* ``rolling``: S5, a rolling restart under traffic;
* ``redis-pause``: S6, Redis paused for 5 s.

PostgreSQL connections are sampled all along. A scenario that fails its target is
reported as such; one that cannot run to its end is reported with its error, and the
others still run. Figures go to ``build/bench/scale.json`` and ``scale.md``; ``--readme``
puts the table in the README. Exit code 1 when a scenario failed or did not run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Coroutine
from dataclasses import asdict
from typing import Any

from bench import lock_store
from bench.processes import OUT, ROOT, MeasurementError, Processes, log, terminate_as_interrupt
from bench.scale import broadcast, report, scenarios
from bench.scale.cluster import Cluster
from bench.scale.resources import PEAK_TARGET, ConnectionSampler, load_average, versions

JSON = dict[str, Any]
NEEDS_NO_CLUSTER = ("lockstore",)
#: S0's Redis database (the cluster's own, before the cluster starts).
LOCK_STORE_REDIS = "redis://127.0.0.1:6379/11"
ORDER = ("lockstore", "concurrent", "kill", "broadcast", "broadcast-kill", "rolling", "redis-pause")


def _fresh_database(cluster: Cluster, label: str) -> str:
    """A new empty database beside the cluster's, dropped with it at the end."""
    import psycopg2

    from bench.scale.cluster import POSTGRES_ADMIN_URL

    name = f"{cluster.database}_{label}"
    connection = psycopg2.connect(POSTGRES_ADMIN_URL)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    cluster.extra_databases.append(name)
    return f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}"


def plan(
    bench: scenarios.Bench, people: int
) -> dict[str, Callable[[], Coroutine[Any, Any, JSON]]]:
    """Each cluster scenario as a coroutine factory."""
    cluster = bench.cluster
    return {
        "concurrent": lambda: scenarios.concurrent_messages(bench),
        "kill": lambda: scenarios.kill_mid_intake(bench),
        "broadcast": lambda: broadcast.broadcast(
            bench, _fresh_database(cluster, "a"), people, talkers=50
        ),
        "broadcast-kill": lambda: broadcast.broadcast(
            bench, _fresh_database(cluster, "b"), people, kill=True
        ),
        "rolling": lambda: scenarios.rolling_restart(bench),
        "redis-pause": lambda: scenarios.redis_paused(bench),
    }


def run(chosen: list[str], people: int, procs: Processes) -> JSON:
    """The chosen scenarios; their figures, the connection peaks, load and versions."""
    results: JSON = {
        "started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "versions": versions(),
        "scenarios": {},
        "load": {},
        "pg_target": PEAK_TARGET,
    }
    scenarios_ = results["scenarios"]

    def attempt(name: str, body: Callable[[], JSON]) -> None:
        before = load_average()
        sampler.scenario = name
        began = time.perf_counter()
        try:
            scenarios_[name] = body()
        except Exception as error:  # noqa: BLE001 - reported as that scenario's result
            log(f"{name} did not run to its end: {error}")
            traceback.print_exc()
            scenarios_[name] = {"error": f"{type(error).__name__}: {error}"[:300]}
        scenarios_[name]["seconds_total"] = round(time.perf_counter() - began)
        results["load"][name] = f"{before} → {load_average()}"
        log(f"{name}: {json.dumps(scenarios_[name])[:400]}")

    with ConnectionSampler() as sampler:
        if "lockstore" in chosen:
            attempt("lockstore-stock", lambda: _lock_store("stock"))
            attempt("lockstore", lambda: _lock_store("atomic"))
        wanted = [name for name in chosen if name not in NEEDS_NO_CLUSTER]
        if wanted:
            cluster = Cluster(procs)
            try:
                sampler.scenario = "cluster start"
                cluster.start()
                bench = scenarios.Bench(cluster)
                coroutines = plan(bench, people)
                for name in wanted:
                    start = coroutines[name]
                    attempt(name, lambda start=start: asyncio.run(start()))  # type: ignore[misc]
                    if name == "broadcast" and "replies" in scenarios_.get(name, {}):
                        scenarios_["replies"] = scenarios_[name].pop("replies")
            except MeasurementError as error:
                scenarios_["cluster"] = {"error": str(error)}
            finally:
                cluster.stop()
        results["pg_peak"] = max(
            sampler.peaks.values(), key=lambda p: p["peak"], default={"peak": 0, "held": {}}
        )
        results["pg_peaks"] = sampler.peaks
    return results


def _lock_store(kind: str) -> JSON:
    """S0 (:mod:`bench.lock_store`): 3 processes x 300 turns on one conversation."""
    figures: JSON = asdict(lock_store.run(kind, LOCK_STORE_REDIS, processes=3, turns=300))
    if kind == "atomic":
        figures["target"] = "0 overlaps, 0 lock errors"
        figures["passed"] = figures["overlaps"] == 0 and figures["lock_errors"] == 0
    else:
        figures["target"] = "(Rasa 3.6's own, for comparison)"
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.scale", description=__doc__.split("\n")[0])
    parser.add_argument("--scenarios", default=",".join(ORDER), help=", ".join(ORDER))
    parser.add_argument("--people", type=int, default=10_000, help="check-ins in S3 (10,000)")
    parser.add_argument("--readme", action="store_true", help="write the table to the README")
    args = parser.parse_args(argv)
    chosen = [name.strip() for name in args.scenarios.split(",") if name.strip()]
    if unknown := set(chosen) - set(ORDER):
        print(f"unknown scenarios {sorted(unknown)}; known: {', '.join(ORDER)}", file=sys.stderr)
        return 2
    os.chdir(ROOT)
    (OUT / "scale").mkdir(parents=True, exist_ok=True)
    procs = Processes()
    with terminate_as_interrupt():
        try:
            results = run([n for n in ORDER if n in chosen], args.people, procs)
        except KeyboardInterrupt:
            log("interrupted; stopping every process started")
            procs.stop_all()
            return 130
    name = "scale"
    results = report.merged(results, OUT / f"{name}.json")
    print(report.text_table(results))
    table = report.markdown(results)
    (OUT / f"{name}.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    (OUT / f"{name}.md").write_text(table + "\n")
    marker = "bench-scale"
    if args.readme and not report.write_readme(ROOT / "README.md", table, marker):
        log(f"README.md has no {marker} markers; the table is in build/bench/{name}.md")
    failed = [
        name for name, figures in results["scenarios"].items()
        if "error" in figures or figures.get("passed") is False
    ]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
