"""Serving an assistant over Rasa's REST channel and timing it: Backstep and the starter.

Backstep runs with its action server and a SQLite journal of its own; the starter is
Rasa's ``rasa init`` assistant, created once under ``build/bench/starter``.
"""

from __future__ import annotations

import datetime
import json
import secrets
import shutil
import statistics
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

from bench.processes import (
    BIN,
    OUT,
    REQUEST_TIMEOUT_S,
    ROOT,
    MeasurementError,
    Processes,
    child_env,
    free_port,
    log,
    percentile,
    post_json,
    tree_rss_mb,
    wait_until,
)
from bot.rasa.action_server import TOKEN_ENV, TOKEN_HEADER

STARTER_DIR = OUT / "starter"
STARTER_TRAIN_RECORD = OUT / "starter_train.json"
BACKSTEP_MODEL = ROOT / "models" / "backstep.tar.gz"

SCRIPTS: dict[str, list[str]] = {
    "starter": ["hi", "I am sad", "yes", "great", "bye", "are you a bot?", "hello", "I'm happy"],
    "backstep": [
        "hi",
        "/start",
        "no",  # the safety screen comes first
        "it hurts when I bend forward",
        "about three weeks",
        "my hamstrings are tight",
        "6",
        "no",
        "what's my plan?",
    ],
}
WARMUP_CONVERSATIONS = 2


@dataclass
class Bot:
    """How to serve one assistant, and what was measured about it."""

    name: str
    cwd: Path
    model: Path
    endpoints: Path
    credentials: Path
    env: dict[str, str]
    results: dict[str, Any] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None


def newest_model(folder: Path) -> Path | None:
    """The most recent ``*.tar.gz`` in ``folder``, if any."""
    models = sorted(folder.glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    return models[-1] if models else None


def prepare_starter(procs: Processes, retrain: bool) -> tuple[Path, dict[str, Any]]:
    """Create (once) and optionally retrain the starter; its model and training record."""
    model = newest_model(STARTER_DIR / "models")
    if model is None:
        shutil.rmtree(STARTER_DIR, ignore_errors=True)
        STARTER_DIR.mkdir(parents=True)  # rasa init wants an existing, empty folder
        log("creating the starter assistant (rasa init --no-prompt, trains it too)")
        cmd = [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(STARTER_DIR)]
        wall, cpu = procs.run(cmd, "starter_init.log", OUT, child_env())
        how = "rasa init --no-prompt (scaffold + first training)"
        model = newest_model(STARTER_DIR / "models")
        if model is None:
            raise MeasurementError(f"rasa init made no model; see {OUT / 'starter_init.log'}")
    elif retrain:
        log("training the starter (rasa train --force)")
        cmd = [str(BIN / "rasa"), "train", "--force", "--fixed-model-name", "starter"]
        wall, cpu = procs.run(cmd, "starter_train.log", STARTER_DIR, child_env())
        how = "rasa train --force"
        model = STARTER_DIR / "models" / "starter.tar.gz"
    else:
        old = json.loads(STARTER_TRAIN_RECORD.read_text())
        # Records from before train_s/train_how were named seconds/how.
        return model, {"train_s": old.get("seconds"), "train_how": old.get("how"), **old}
    record = {
        "train_s": round(wall, 1),
        "train_cpu_s": round(cpu, 1),
        "train_how": how,
        "train_when": datetime.datetime.now().isoformat(timespec="seconds"),
        "rasa": version("rasa"),
    }
    STARTER_TRAIN_RECORD.write_text(json.dumps(record, indent=2) + "\n")
    return model, record


def train_backstep(procs: Processes) -> tuple[float, float]:
    """Wall and CPU seconds of a full, forced training of Backstep into build/bench/train."""
    log("training Backstep (rasa train --force)")
    cmd = [str(BIN / "rasa"), "train", "--force", "--out", str(OUT / "train")]
    cmd += ["--fixed-model-name", "backstep"]
    return procs.run(cmd, "train_backstep.log", ROOT, child_env())


#: The secret between this run's agent and its action server (bot.rasa.action_server).
ACTION_TOKEN = secrets.token_urlsafe(32)


def backstep_endpoints(action_port: int) -> Path:
    """The project's endpoints.yml with the action server moved to ``action_port``, and
    the secret it asks for."""
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text()) or {}
    endpoints["action_endpoint"] = {
        **endpoints.get("action_endpoint", {}),
        "url": f"http://127.0.0.1:{action_port}/webhook",
        "headers": {TOKEN_HEADER: ACTION_TOKEN},
    }
    path = OUT / "endpoints_backstep.yml"
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
    return path


def start_action_server(procs: Processes, env: dict[str, str]) -> tuple[int, Any]:
    """Start Backstep's private action server and wait for its health check; its port and
    process."""
    port = free_port()
    proc = procs.spawn(
        [str(BIN / "python"), "-m", "bot.rasa.action_server", "--port", str(port)],
        "action_server.log",
        ROOT,
        {**env, TOKEN_ENV: ACTION_TOKEN},
    )

    def healthy() -> bool:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
            return bool(response.status == 200)

    seconds = wait_until(healthy, proc, "the action server", "action_server.log")
    log(f"action server up on port {port} after {seconds:.1f} s")
    return port, proc


def converse(url: str, sender: str, script: list[str]) -> tuple[list[float], int]:
    """Send ``script`` as ``sender``; each message's latency (ms) and the number of errors."""
    latencies, errors = [], 0
    for message in script:
        start = time.perf_counter()
        try:
            status, body = post_json(url, {"sender": sender, "message": message}, REQUEST_TIMEOUT_S)
        except (OSError, urllib.error.URLError):
            errors += 1
            continue
        latencies.append((time.perf_counter() - start) * 1000)
        if status != 200 or not isinstance(body, list) or not body:
            errors += 1
    return latencies, errors


def start_rasa(procs: Processes, bot: Bot) -> str:
    """Spawn ``rasa run`` serving ``bot`` and wait for its first answer; the REST URL.
    The seconds it took go into ``bot.results["cold_start_s"]``."""
    port = free_port()
    log_name = f"rasa_{bot.name}.log"
    cmd = [
        str(BIN / "rasa"),
        "run",
        "--enable-api",
        "-i",
        "127.0.0.1",
        "-p",
        str(port),
        "-m",
        str(bot.model),
        "--endpoints",
        str(bot.endpoints),
        "--credentials",
        str(bot.credentials),
    ]
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    run_id = uuid.uuid4().hex[:8]
    log(f"{bot.name}: starting rasa run on port {port} (cold start)")
    start = time.perf_counter()
    bot.proc = procs.spawn(cmd, log_name, bot.cwd, bot.env)

    def answers() -> bool:
        status, body = post_json(url, {"sender": f"cold-{run_id}", "message": "hi"}, 10.0)
        return status == 200 and isinstance(body, list)

    wait_until(answers, bot.proc, f"rasa run ({bot.name})", log_name)
    bot.results["cold_start_s"] = time.perf_counter() - start
    log(f"{bot.name}: answered after {bot.results['cold_start_s']:.1f} s")
    return url


def measure_servers(procs: Processes, bots: list[Bot], conversations: int) -> list[str]:
    """Cold start, latency and RSS of ``rasa run`` serving each of ``bots`` (results into
    each bot). The servers start one after another (a cold start alone on the machine),
    then run side by side: conversation i goes to each bot in turn, so whatever else the
    machine does at a moment weighs on both alike and the ratio of their latencies holds
    (timed one after the other, a busy minute fell on one server only). The servers keep
    running; the caller stops them (``bot.proc``). Their REST URLs, in order."""
    urls = [start_rasa(procs, bot) for bot in bots]
    run_id = uuid.uuid4().hex[:8]
    for i in range(WARMUP_CONVERSATIONS):
        for bot, url in zip(bots, urls, strict=True):
            converse(url, f"warmup-{run_id}-{i}", SCRIPTS[bot.name])
    latencies: list[list[float]] = [[] for _ in bots]
    per_step: list[list[list[float]]] = [[[] for _ in SCRIPTS[bot.name]] for bot in bots]
    errors = [0 for _ in bots]
    for i in range(conversations):
        for k, (bot, url) in enumerate(zip(bots, urls, strict=True)):
            got, failed = converse(url, f"bench-{run_id}-{i}", SCRIPTS[bot.name])
            errors[k] += failed
            latencies[k].extend(got)
            if len(got) == len(SCRIPTS[bot.name]):
                for step, value in enumerate(got):
                    per_step[k][step].append(value)
    for k, bot in enumerate(bots):
        if not latencies[k]:
            log_path = OUT / f"rasa_{bot.name}.log"
            raise MeasurementError(f"{bot.name}: no message got an answer; see {log_path}")
        script = SCRIPTS[bot.name]
        bot.results.update(
            messages=conversations * len(script),
            errors=errors[k],
            p50_ms=statistics.median(latencies[k]),
            p95_ms=percentile(latencies[k], 95),
            max_ms=max(latencies[k]),
            per_step_p50_ms={
                msg: round(statistics.median(v), 1)
                for msg, v in zip(script, per_step[k], strict=True)
                if v
            },
        )
        assert bot.proc is not None
        bot.results["rss_server_mb"] = tree_rss_mb(bot.proc.pid)
        log(
            f"{bot.name}: p50 {bot.results['p50_ms']:.1f} ms, p95 {bot.results['p95_ms']:.1f} "
            f"ms, {errors[k]} errors, rss {bot.results['rss_server_mb']:.0f} MB"
        )
    return urls


def serve_backstep(procs: Processes, model: Path, name: str, today: str = "") -> str:
    """Serve ``model`` with its action server on a fresh SQLite journal ``<name>.sqlite3``;
    the REST URL (for ``make eval``). ``today`` (ISO) pins the date durations count back
    from, for sets written on another day."""
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"{name}.sqlite3"
    db.unlink(missing_ok=True)
    env = child_env(BACKSTEP_DB_URL=f"sqlite:///{db}", BACKSTEP_TODAY=today)
    procs.run([str(BIN / "backstep"), "db", "upgrade"], f"{name}_db.log", ROOT, env)
    action_port, _ = start_action_server(procs, env)
    bot = Bot(
        "backstep", ROOT, model, backstep_endpoints(action_port), ROOT / "credentials.yml", env
    )
    return start_rasa(procs, bot)
