"""Backstep's real Telegram run as a process of its own (``python -m bot.app.cli run`` in
Telegram mode: long polling against the Bot API emulator), for fault tests that kill it,
its action server child, or its database; and what Linux says about those processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

#: What `backstep run` prints once it takes updates (bot.telegram.running.serve).
READY = "Backstep is running on Telegram"
ACTION_SERVER_MODULE = "bot.rasa.action_server"


class BackstepProcess:
    """``backstep run`` with ``env`` on top of this process's environment; its output goes
    to ``log`` (appended to over restarts, so one file holds the whole run)."""

    def __init__(self, env: dict[str, str], log: Path, home: Path) -> None:
        self.env = {**os.environ, **env}
        self.log = log
        self.home = home
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def pid(self) -> int:
        assert self.process is not None, "not started"
        return self.process.pid

    def start(self, timeout: float = 300.0) -> float:
        """Start it and wait until it takes updates; the seconds that took."""
        began = time.monotonic()
        offset = self.log.stat().st_size if self.log.exists() else 0
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.app.cli", "run"],
                cwd=self.home,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        self.starts += 1
        while time.monotonic() - began < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"Backstep stopped at start:\n{self.output(offset)[-4000:]}")
            if READY in self.output(offset):
                return time.monotonic() - began
            time.sleep(0.2)
        self.kill()
        raise RuntimeError(f"Backstep did not start in {timeout:.0f} s")

    def output(self, offset: int = 0) -> str:
        """What it has printed and logged (since ``offset`` bytes)."""
        with open(self.log, "rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")

    def kill(self) -> None:
        """kill -9, and reap it."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self, timeout: float = 60.0) -> int:
        """SIGTERM (it finishes what it holds), then -9 if it does not end; its exit code."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        return int(self.process.returncode)

    def action_server_pid(self) -> int | None:
        """The action server child's pid, if it runs."""
        for pid in children(self.pid):
            if ACTION_SERVER_MODULE in command_line(pid) and alive(pid):
                return pid
        return None

    def wait_for_action_server(self, not_pid: int | None = None, timeout: float = 120.0) -> int:
        """The pid of a running action server child (another than ``not_pid``) once its
        port takes connections."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid = self.action_server_pid()
            if pid is not None and pid != not_pid and listening(action_port(pid)):
                return pid
            time.sleep(0.1)
        raise AssertionError("no action server child came up")


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux ``/proc``), of any of its threads."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    """Whether any thread of ``pid`` still runs. A zombie, dead but not yet reaped, does
    not; but the main thread of a process killed with -9 turns zombie before its other
    threads are gone, and until they are its parent cannot see it has died."""
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue
        if stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X"):
            return True
    return False


def wait_dead(pid: int, timeout: float = 10.0) -> bool:
    """Wait until ``pid`` no longer runs; whether it stopped in time."""
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def action_port(pid: int) -> int:
    """The port an action server child was told to listen on (``--port N``)."""
    words = command_line(pid).split()
    return int(words[words.index("--port") + 1])


def _tcp_sockets(port: int) -> list[tuple[str, int]]:
    """(state, bytes waiting unread) of each IPv4 socket whose own port is ``port``."""
    found = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, state, queues = fields[1], fields[3], fields[4]
        if int(local.split(":")[1], 16) == port:
            found.append((state, int(queues.split(":")[1], 16)))
    return found


def listening(port: int) -> bool:
    return any(state == "0A" for state, _ in _tcp_sockets(port))


def request_waiting(port: int) -> bool:
    """Whether a request to ``port`` has arrived and lies unread (its server is stopped)."""
    return any(state == "01" and unread > 0 for state, unread in _tcp_sockets(port))


def wait_for_request(port: int, timeout: float = 30.0) -> None:
    """Until a request to the (stopped) server on ``port`` lies unread."""
    deadline = time.monotonic() + timeout
    while not request_waiting(port):
        if time.monotonic() > deadline:
            raise AssertionError(f"no request reached port {port} in {timeout:.0f} s")
        time.sleep(0.02)
