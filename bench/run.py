"""Backstep vs Rasa's starter assistant: training time, cold start, memory and latency.

Then the check-in broadcast (:mod:`bench.broadcast`): 10,000 due check-ins sent through the
local Bot API emulator, messages per second and exactly one message per person, also when
the sender is stopped or killed half-way and started again.

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
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

from bench.safety_eval import FALSE_URGENT_TARGET, RECALL_TARGET

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"
BIN = ROOT / ".venv" / "bin"
STARTER_DIR = OUT / "starter"
STARTER_TRAIN_RECORD = OUT / "starter_train.json"
BACKSTEP_MODEL = ROOT / "models" / "backstep.tar.gz"

TRAIN_TARGET_S = 180.0
RSS_TARGET_MB = 1300.0
P95_TARGET_MS = 80.0
P50_TARGET_RATIO = 1.0

SCRIPTS: dict[str, list[str]] = {
    "starter": ["hi", "I am sad", "yes", "great", "bye", "are you a bot?", "hello", "I'm happy"],
    "backstep": [
        "hi",
        "/start",
        "it hurts when I bend forward",
        "about three weeks",
        "my hamstrings are tight",
        "6",
        "no",
        "what's my plan?",
    ],
}
WARMUP_CONVERSATIONS = 2
BROADCAST_PEOPLE = 10_000  # bench.broadcast.PEOPLE (not imported here: it imports this module)
BROADCAST_PEOPLE_QUICK = 600
START_TIMEOUT_S = 300.0
REQUEST_TIMEOUT_S = 30.0


class MeasurementError(RuntimeError):
    """A figure could not be measured (a server did not start, training failed, ...)."""


def log(text: str) -> None:
    """Progress for the person waiting, on stderr so stdout keeps only the table."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for every subprocess: quiet, no telemetry."""
    env = dict(os.environ)
    env.update(
        TF_CPP_MIN_LOG_LEVEL="3",
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        PYTHONWARNINGS="ignore",
        SANIC_HOST="127.0.0.1",  # the action server's interface (rasa_sdk reads it)
    )
    env.update(extra)
    return env


class Processes:
    """Every process the benchmark starts, each in its own process group, for clean kills."""

    def __init__(self) -> None:
        self._running: list[subprocess.Popen[bytes]] = []
        self.groups: set[int] = set()
        self.others: dict[int, tuple[float, str]] = {}
        self._first_cpu: dict[int, float] = {}
        self._sampled = False

    def spawn(
        self, cmd: list[str], log_name: str, cwd: Path, env: dict[str, str]
    ) -> subprocess.Popen[bytes]:
        """Start ``cmd`` with its output appended to ``build/bench/<log_name>``."""
        self.sample_others()
        with open(OUT / log_name, "ab") as out:
            out.write(f"\n=== {datetime.datetime.now().isoformat()} {' '.join(cmd)}\n".encode())
            out.flush()
            proc = subprocess.Popen(
                cmd,
                cwd=cwd,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._running.append(proc)
        self.groups.add(proc.pid)
        return proc

    def run(
        self, cmd: list[str], log_name: str, cwd: Path, env: dict[str, str]
    ) -> tuple[float, float]:
        """Run ``cmd`` to its end; its wall and CPU (user + system) seconds. Raises if it fails."""
        start = time.perf_counter()
        proc = self.spawn(cmd, log_name, cwd, env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        self._running.remove(proc)
        if code != 0:
            raise MeasurementError(f"{' '.join(cmd[:3])} exited {code}; see {OUT / log_name}")
        return elapsed, usage.ru_utime + usage.ru_stime

    def sample_others(self) -> None:
        """Note the CPU time of processes this benchmark did not start (they skew figures)."""
        tick = os.sysconf("SC_CLK_TCK")
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except (OSError, ValueError):
                continue
            if int(fields[2]) in self.groups:
                continue
            cpu = (int(fields[11]) + int(fields[12])) / tick
            pid = int(entry.name)
            first = self._first_cpu.setdefault(pid, cpu if not self._sampled else 0.0)
            if cpu - first > 0:
                self.others[pid] = (cpu - first, cmdline.strip()[:120])
        self._sampled = True

    def others_summary(self) -> tuple[float, list[str]]:
        """CPU seconds used meanwhile by processes not ours, and the busiest of them."""
        busiest = sorted(self.others.values(), reverse=True)
        return sum(cpu for cpu, _ in busiest), [f"{cpu:.0f} s {cmd}" for cpu, cmd in busiest[:3]]

    def stop(self, proc: subprocess.Popen[bytes]) -> None:
        """Terminate the process group of ``proc``, then kill it if it lingers."""
        for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=grace)
                break
            except subprocess.TimeoutExpired:
                continue
        # The group may outlive its leader; make sure nothing of it is left.
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        if proc in self._running:
            self._running.remove(proc)

    def stop_all(self) -> None:
        """Stop everything still running, newest first."""
        self.sample_others()
        for proc in reversed(list(self._running)):
            self.stop(proc)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post_json(url: str, payload: dict[str, Any], timeout: float) -> tuple[int, Any]:
    """POST ``payload`` as JSON; the HTTP status and the decoded body (None if not JSON)."""
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, None


def wait_until(ready: Any, proc: subprocess.Popen[bytes], what: str, log_name: str) -> float:
    """Poll ``ready()`` until it is true; seconds waited. Raises if ``proc`` dies or times out."""
    start = time.perf_counter()
    while time.perf_counter() - start < START_TIMEOUT_S:
        if proc.poll() is not None:
            raise MeasurementError(f"{what} exited {proc.returncode}; see {OUT / log_name}")
        try:
            if ready():
                return time.perf_counter() - start
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.05)
    raise MeasurementError(f"{what} not ready after {START_TIMEOUT_S:.0f} s; see {OUT / log_name}")


def tree_rss_mb(pid: int) -> float:
    """Resident memory (VmRSS) of ``pid`` and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    total_kb, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


def percentile(values: list[float], pct: int) -> float:
    """The ``pct``-th percentile (inclusive method, as numpy's default)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


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


def backstep_endpoints(action_port: int) -> Path:
    """The project's endpoints.yml with the action server moved to ``action_port``."""
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text()) or {}
    endpoints["action_endpoint"] = {"url": f"http://127.0.0.1:{action_port}/webhook"}
    path = OUT / "endpoints_backstep.yml"
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
    return path


def start_action_server(procs: Processes, env: dict[str, str]) -> tuple[int, Any]:
    """Start Backstep's action server and wait for its health check; its port and process."""
    port = free_port()
    proc = procs.spawn(
        [str(BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
        "action_server.log",
        ROOT,
        env,
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


def measure_server(procs: Processes, bot: Bot, conversations: int) -> None:
    """Cold start, latency and RSS of ``rasa run`` serving ``bot`` (results into ``bot``)."""
    url = start_rasa(procs, bot)
    proc = bot.proc
    assert proc is not None
    run_id = uuid.uuid4().hex[:8]
    try:
        script = SCRIPTS[bot.name]
        for i in range(WARMUP_CONVERSATIONS):
            converse(url, f"warmup-{run_id}-{i}", script)
        latencies: list[float] = []
        per_step: list[list[float]] = [[] for _ in script]
        errors = 0
        for i in range(conversations):
            got, failed = converse(url, f"bench-{run_id}-{i}", script)
            errors += failed
            latencies.extend(got)
            if len(got) == len(script):
                for step, value in enumerate(got):
                    per_step[step].append(value)
        if not latencies:
            log_path = OUT / f"rasa_{bot.name}.log"
            raise MeasurementError(f"{bot.name}: no message got an answer; see {log_path}")
        bot.results.update(
            messages=conversations * len(script),
            errors=errors,
            p50_ms=statistics.median(latencies),
            p95_ms=percentile(latencies, 95),
            max_ms=max(latencies),
            per_step_p50_ms={
                msg: round(statistics.median(v), 1)
                for msg, v in zip(script, per_step, strict=True)
                if v
            },
        )
        bot.results["rss_server_mb"] = tree_rss_mb(proc.pid)
        if bot.name == "backstep":
            from bench.safety_eval import HELDOUT, evaluate, evaluate_heldout

            log("backstep: safety corpus, end to end over REST")
            bot.results["safety"] = evaluate(post_json, url)
            log("backstep: held-out safety sets, end to end over REST")
            bot.results["safety_heldout"] = [evaluate_heldout(post_json, url, p) for p in HELDOUT]
        log(
            f"{bot.name}: p50 {bot.results['p50_ms']:.1f} ms, p95 {bot.results['p95_ms']:.1f} ms, "
            f"{errors} errors, rss {bot.results['rss_server_mb']:.0f} MB"
        )
    finally:
        procs.stop(proc)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM/SIGHUP into KeyboardInterrupt, so ``finally`` blocks run on them too."""

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def fmt(value: Any, digits: int = 1) -> str:
    """A table cell: numbers rounded, missing as '-'."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def verdict(ok: bool | None) -> str:
    """'yes', 'no', or '-' when a figure is missing."""
    return "-" if ok is None else ("yes" if ok else "no")


def check(left: float | None, right: float | None) -> bool | None:
    """``left <= right`` when both are known."""
    return None if left is None or right is None else left <= right


def report(starter: dict[str, Any], backstep: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The table for stdout and the verdicts for results.json."""
    s, b = starter.get, backstep.get
    p50_limit = None if s("p50_ms") is None else s("p50_ms") * P50_TARGET_RATIO
    checks = {
        "training": check(b("train_s"), TRAIN_TARGET_S),
        "cold_start": check(b("cold_start_s"), s("cold_start_s")),
        "rss_server": check(b("rss_server_mb"), RSS_TARGET_MB),
        "latency_p50": check(b("p50_ms"), p50_limit),
        "latency_p95": check(b("p95_ms"), P95_TARGET_MS),
    }
    safety = b("safety") or {}
    heldout = b("safety_heldout") or []
    if safety:
        checks["red_flag_recall"] = safety["recall"] >= RECALL_TARGET
        checks["false_urgent_rate"] = safety["false_urgent_rate"] <= FALSE_URGENT_TARGET
    rows = [
        ("metric", "starter", "backstep", "target", "ok"),
        (
            "training (s)",
            fmt(s("train_s")),
            fmt(b("train_s")),
            f"<= {TRAIN_TARGET_S:.0f}",
            verdict(checks["training"]),
        ),
        (
            "cold start (s)",
            fmt(s("cold_start_s")),
            fmt(b("cold_start_s")),
            "<= starter",
            verdict(checks["cold_start"]),
        ),
        (
            "rss rasa server (MB)",
            fmt(s("rss_server_mb"), 0),
            fmt(b("rss_server_mb"), 0),
            f"<= {RSS_TARGET_MB:.0f}",
            verdict(checks["rss_server"]),
        ),
        ("rss action server (MB)", "-", fmt(b("rss_action_server_mb"), 0), "(info)", ""),
        (
            "latency p50 (ms)",
            fmt(s("p50_ms")),
            fmt(b("p50_ms")),
            f"<= {P50_TARGET_RATIO:.1f}x starter",
            verdict(checks["latency_p50"]),
        ),
        (
            "latency p95 (ms)",
            fmt(s("p95_ms")),
            fmt(b("p95_ms")),
            f"<= {P95_TARGET_MS:.0f}",
            verdict(checks["latency_p95"]),
        ),
        (
            "red-flag recall (e2e)",
            "-",
            "-" if not safety else f"{safety['recall']:.1%} of {safety['red_flags']}",
            f">= {RECALL_TARGET:.0%}",
            verdict(checks.get("red_flag_recall")),
        ),
        (
            "false urgent (e2e)",
            "-",
            "-" if not safety else f"{safety['false_urgent_rate']:.1%} of {safety['benign']}",
            f"<= {FALSE_URGENT_TARGET:.0%}",
            verdict(checks.get("false_urgent_rate")),
        ),
        *(
            (
                f"{h['set'].removeprefix('heldout_').removesuffix('.yml')}: 🚨/asked/missed",
                "-",
                f"{len(h['urgent'])}/{len(h['asked'])}/{len(h['missed'])}",
                f"of {h['red_flags']} (reported)",
                "",
            )
            for h in heldout
        ),
        *(
            (
                f"{h['set'].removeprefix('heldout_').removesuffix('.yml')}: benign 🚨/asked",
                "-",
                f"{len(h['false_urgent'])}/{len(h['benign_asked'])}",
                f"of {h['benign']} (reported)",
                "",
            )
            for h in heldout
        ),
        (
            "asked first: hedged, benign",
            "-",
            "-"
            if not safety
            else f"{safety['hedged_asked']}/{safety['hedged']}, "
            f"{safety['benign_asked_rate']:.0%}",
            "(reported)",
            "",
        ),
        (
            "messages / errors",
            f"{fmt(s('messages'))} / {fmt(s('errors'))}",
            f"{fmt(b('messages'))} / {fmt(b('errors'))}",
            "",
            "",
        ),
    ]
    table = "\n".join(
        f"{a:<26} {c1:<10} {c2:<10} {t:<17} {ok}".rstrip() for a, c1, c2, t, ok in rows
    )
    return table, checks


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="bench.run", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 5 conversations, no training measurement"
    )
    parser.add_argument(
        "--with-starter-training",
        action="store_true",
        help="retrain the starter and time it (else reuse the recorded time)",
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

    starter_model, record = prepare_starter(procs, args.with_starter_training and not args.quick)
    starter.update((key, record.get(key)) for key in ("train_s", "train_cpu_s", "train_how"))
    starter["model"] = str(starter_model.relative_to(ROOT))

    # Both cold starts then find the shared libraries (TensorFlow, Rasa) in the page cache.
    procs.run(
        [str(BIN / "python"), "-c", "import tensorflow, rasa.core.run"],
        "prime.log",
        ROOT,
        child_env(),
    )

    bot = Bot(
        "starter",
        STARTER_DIR,
        starter_model,
        STARTER_DIR / "endpoints.yml",
        STARTER_DIR / "credentials.yml",
        child_env(),
        starter,
    )
    measure_server(procs, bot, conversations)

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
    try:
        bot = Bot(
            "backstep",
            ROOT,
            model,
            backstep_endpoints(action_port),
            ROOT / "credentials.yml",
            env,
            backstep,
        )
        measure_server(procs, bot, conversations)
        backstep["rss_action_server_mb"] = tree_rss_mb(action_proc.pid)
    finally:
        procs.stop(action_proc)

    if not args.no_broadcast:
        from bench.broadcast import measure

        people = args.broadcast_people or (
            BROADCAST_PEOPLE_QUICK if args.quick else BROADCAST_PEOPLE
        )
        broadcast.update(measure(procs, people))


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
