"""Backstep vs Rasa's starter assistant: training time, cold start, memory and latency.

Then the exercise pictures and the daily session (:mod:`bench.pictures`: drawing cold and
cached, a session's cost per check-in), and the check-in broadcast (:mod:`bench.broadcast`):
10,000 due check-ins sent through the local Bot API emulator, messages per second and
exactly one message per person, also when the sender is stopped or killed half-way and
started again.

Run from the repository root with ``make bench`` (or ``.venv/bin/python -m bench.run``).
Everything it makes goes under ``build/bench/``; the tables go to stdout and the same
figures to ``build/bench/results.json``. It exits 0 when every figure was measured (even
if a target is missed) and 1 when something could not be measured.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench.processes import (
    BIN,
    OUT,
    ROOT,
    MeasurementError,
    Processes,
    child_env,
    log,
    post_json,
    terminate_as_interrupt,
    tree_rss_mb,
)
from bench.report import report
from bench.safety_eval import HELDOUT, evaluate, evaluate_heldout
from bench.serving import (
    BACKSTEP_MODEL,
    STARTER_DIR,
    Bot,
    backstep_endpoints,
    measure_servers,
    prepare_starter,
    start_action_server,
    train_backstep,
)

BROADCAST_PEOPLE = 10_000  # bench.broadcast.PEOPLE (not imported here: it imports this module)
BROADCAST_PEOPLE_QUICK = 600


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="bench.run", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 5 conversations, no training measurement"
    )
    parser.add_argument(
        "--reuse-starter-training",
        action="store_true",
        help="reuse the starter's recorded training time instead of retraining it in this run "
        "(ratios are only fair when both are trained in the same run)",
    )
    parser.add_argument(
        "--conversations",
        type=int,
        default=None,
        help="scripted conversations per bot (default 20, 5 with --quick)",
    )
    parser.add_argument(
        "--model",
        type=Path,
        default=None,
        help="Backstep model to serve (default models/backstep.tar.gz)",
    )
    parser.add_argument(
        "--broadcast-people",
        type=int,
        default=None,
        help=f"check-ins due in the broadcast runs (default {BROADCAST_PEOPLE:,}, "
        f"{BROADCAST_PEOPLE_QUICK} with --quick)",
    )
    parser.add_argument(
        "--no-broadcast", action="store_true", help="leave out the broadcast runs (~17 min)"
    )
    return parser.parse_args(argv)


def run(
    args: argparse.Namespace,
    procs: Processes,
    starter: dict[str, Any],
    backstep: dict[str, Any],
    broadcast: dict[str, Any],
) -> None:
    """Measure everything, filling in the starter's, Backstep's and the broadcast's figures."""
    conversations = args.conversations or (5 if args.quick else 20)
    if not args.quick:
        backstep["train_s"], backstep["train_cpu_s"] = train_backstep(procs)
        log(f"Backstep trained in {backstep['train_s']:.1f} s")

    retrain_starter = not args.reuse_starter_training and not args.quick
    starter_model, record = prepare_starter(procs, retrain_starter)
    starter.update((key, record.get(key)) for key in ("train_s", "train_cpu_s", "train_how"))
    starter["model"] = str(starter_model.relative_to(ROOT))

    # Both cold starts then find the shared libraries (TensorFlow, Rasa) in the page cache.
    procs.run(
        [str(BIN / "python"), "-c", "import tensorflow, rasa.core.run"],
        "prime.log",
        ROOT,
        child_env(),
    )

    starter_bot = Bot(
        "starter",
        STARTER_DIR,
        starter_model,
        STARTER_DIR / "endpoints.yml",
        STARTER_DIR / "credentials.yml",
        child_env(),
        starter,
    )
    model = args.model or BACKSTEP_MODEL
    if not model.exists() and (OUT / "train" / "backstep.tar.gz").exists():
        model = OUT / "train" / "backstep.tar.gz"
    if not model.exists():
        raise MeasurementError(f"no Backstep model at {model}; run `make train` first")
    backstep["model"] = str(model.resolve().relative_to(ROOT))
    db_path = OUT / "backstep.sqlite3"
    for stale in OUT.glob("backstep.sqlite3*"):
        stale.unlink()
    env = child_env(BACKSTEP_DB_URL=f"sqlite:///{db_path}")
    procs.run([str(BIN / "backstep"), "db", "upgrade"], "db_upgrade.log", ROOT, env)
    action_port, action_proc = start_action_server(procs, env)
    backstep_bot = Bot(
        "backstep",
        ROOT,
        model,
        backstep_endpoints(action_port),
        ROOT / "credentials.yml",
        env,
        backstep,
    )
    bots = [starter_bot, backstep_bot]
    try:
        # side by side, in turns: the latency ratio holds on a machine doing other work
        _, backstep_url = measure_servers(procs, bots, conversations)
        measure_safety(backstep_url, backstep)
        backstep["rss_action_server_mb"] = tree_rss_mb(action_proc.pid)
    finally:
        for bot in bots:
            if bot.proc is not None:
                procs.stop(bot.proc)
        procs.stop(action_proc)

    from bench import pictures

    backstep["pictures"] = pictures.measure()
    # the red-flag matcher alone, in this process, with no server running beside it
    from bench.red_flag_verdicts import matcher_cost

    log("backstep: red-flag matcher's CPU cost per message on the safety texts")
    backstep["matcher_cost"] = matcher_cost(rounds=1 if args.quick else 3)

    if not args.no_broadcast:
        from bench.broadcast import measure

        people = args.broadcast_people or (
            BROADCAST_PEOPLE_QUICK if args.quick else BROADCAST_PEOPLE
        )
        broadcast.update(measure(procs, people))


def measure_safety(url: str, backstep: dict[str, Any]) -> None:
    """The safety corpus and every held-out set, end to end over REST (into ``backstep``)."""
    log("backstep: safety corpus, end to end over REST")
    backstep["safety"] = evaluate(post_json, url)
    log("backstep: held-out safety sets, end to end over REST")
    backstep["safety_heldout"] = [evaluate_heldout(post_json, url, p) for p in HELDOUT]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table, write results.json; the exit code."""
    args = parse_args(argv)
    os.chdir(ROOT)
    OUT.mkdir(parents=True, exist_ok=True)
    procs = Processes()
    started = time.perf_counter()
    procs.sample_others()
    starter: dict[str, Any] = {}
    backstep: dict[str, Any] = {}
    broadcast: dict[str, Any] = {}
    failure = None
    with terminate_as_interrupt():
        try:
            run(args, procs, starter, backstep, broadcast)
        except MeasurementError as error:
            failure = str(error)
            log(f"FAILED: {failure}")
        except KeyboardInterrupt:
            log("interrupted; stopping every process started")
            return 130
        finally:
            procs.stop_all()
    table, checks = report(starter, backstep)
    print(table)
    if backstep.get("pictures"):
        from bench.pictures import table as pictures_table

        print(f"\n{pictures_table(backstep['pictures'])}")
    if broadcast:
        from bench.broadcast import table as broadcast_table

        print(f"\n{broadcast_table(broadcast)}")
        checks.update((f"broadcast_{name}", ok) for name, ok in broadcast["checks"].items())
    others_cpu, busiest = procs.others_summary()
    if others_cpu > 0.05 * (time.perf_counter() - started):
        print(f"\nnoisy: other processes used {others_cpu:.0f} CPU-seconds meanwhile, e.g.")
        print("\n".join(f"  {line}" for line in busiest))
    results = {
        "when": datetime.datetime.now().isoformat(timespec="seconds"),
        "rasa": version("rasa"),
        "cpus": os.cpu_count(),
        "other_processes_cpu_s": round(others_cpu, 1),
        "other_processes_busiest": busiest,
        "quick": args.quick,
        "starter": starter,
        "backstep": backstep,
        "broadcast": broadcast or None,
        "targets_met": checks,
        "failure": failure,
        "total_s": round(time.perf_counter() - started, 1),
    }
    (OUT / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(
        f"\nresults: {(OUT / 'results.json').relative_to(ROOT)}; logs: build/bench/*.log; "
        f"{results['total_s']:.0f} s in all"
    )
    return 1 if failure else 0


if __name__ == "__main__":
    # Run as bench.run, not __main__: bench.broadcast imports bench.run, and one copy of this
    # module means one MeasurementError class (the one main() catches).
    from bench.run import main as bench_main

    sys.exit(bench_main())
