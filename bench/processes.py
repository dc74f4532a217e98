"""Processes the benchmarks start: spawned in their own groups, timed, measured, stopped.

Shared by ``make bench`` (:mod:`bench.run`), ``make eval`` and the broadcast runs.
"""

from __future__ import annotations

import datetime
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"
BIN = ROOT / ".venv" / "bin"
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
