"""The broadcast figure: 10,000 due check-ins sent through the local Bot API emulator.

Run from the repository root with ``.venv/bin/python -m bench.broadcast`` (``make bench``
runs it too, see :mod:`bench.run`). Three runs, each on a fresh SQLite database in a
temporary folder, with 10,000 people whose daily check-in is due at one fixed instant, and
the emulator (``tests/support/botapi/``, a separate process) enforcing Telegram's flood
limits: 30 messages a second overall, one a second per chat, any excess answered with a 429
and counted. Each run drives the real command,
``backstep checkins send-due --now <that instant>``, as a subprocess:

* **A, clean**: one sender from start to end. Messages per second is measured from the
  first to the last message the emulator accepted (target >= 28; Telegram allows 30).
* **B, SIGTERM**: the sender is sent SIGTERM after about half the messages went out
  (it sends what it has claimed, exits 0 and leaves no claim behind), then started again.
* **C, SIGKILL**: the sender is killed after about half, started again at the same
  instant (the dead sender's claims are still leased then, so they wait), and once more
  a lease later (``--now`` + 61 s, as cron would a minute later), which takes them over.
  The lease is counted by the database's clock, so the bench waits for it in real time
  (a second sender still running a lease after the kill takes them over itself).
  A message Telegram accepted just before the kill, but not yet marked sent in the
  database, goes out twice: such duplicates are counted, not hidden.

For each run: messages delivered, chats that got exactly one, duplicates (messages beyond
the first in a chat), missing chats, 429s. The exit code is 1 when A or B did not deliver
exactly one message to every person, or A's rate is below the target.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from bench.broadcast_report import RATE_TARGET, failed, fmt_rate, table
from bench.processes import (
    BIN,
    OUT,
    ROOT,
    MeasurementError,
    Processes,
    child_env,
    free_port,
    log,
    wait_until,
)
from bot.domain import timing, zones
from bot.store import checkins, claims
from bot.store.engine import dispose_engines, session_scope
from bot.store.journal import upgrade_database
from bot.store.models import Checkin, Person, Schedule

PEOPLE = 10_000
#: Telegram's flood limits, enforced by the emulator.
LIMITS = {"overall_per_second": 30, "per_chat_per_second": 1, "per_group_per_minute": 20}
#: The instant every check-in is due by. 12:07 UTC is no zone's local midnight (offsets are
#: whole quarter hours), so each person's local day is the same at NOW and a lease later.
NOW = datetime(2025, 6, 11, 12, 7, tzinfo=timezone.utc)
#: When the schedules were set: far enough back for every check-in time to be ahead of it.
SET_AT = NOW - timedelta(hours=3)
#: The third sender of run C comes one claim lease (and a second) after the killed one.
AFTER_LEASE = NOW + claims.CLAIM_LEASE + timedelta(seconds=1)
#: Check-in times are spread over the last this many minutes before NOW.
SPREAD_MINUTES = 120
FIRST_CHAT_ID = 700_000_001
ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "America/St_Johns",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tokyo",
    "Australia/Adelaide",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
    "UTC+05:30",
    "UTC-03:00",
    "UTC-12:00",
)
#: People whose schedule is written by ``checkins.set_schedule`` too, to prove the bulk rows
#: are the rows the product writes.
SAMPLE_THROUGH_PRODUCT = 50
SENDER_TIMEOUT_S = 1800.0
STOP_TIMEOUT_S = 60.0
POLL_S = 0.5


@dataclass
class Run:
    """One broadcast run and what the emulator and the database saw of it."""

    name: str
    what: str
    people: int
    delivered: int = 0
    exactly_one: int = 0
    duplicates: int = 0
    missing: int = 0
    unexpected: int = 0
    msg_per_s: float | None = None
    rejected_429: int = 0
    max_in_1s: int = 0
    seconds: float = 0.0
    senders: list[dict[str, Any]] = field(default_factory=list)
    db_status: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: Run B: the first sender exited 0 on SIGTERM, leaving no claim unsent.
    stopped_cleanly: bool | None = None

    @property
    def exactly_once(self) -> bool:
        """Every person got exactly one message, nobody else got any."""
        return (
            self.exactly_one == self.people
            and self.duplicates == 0
            and self.missing == 0
            and self.unexpected == 0
        )


class Emulator:
    """The Bot API emulator in its own process, with Telegram's flood limits on."""

    def __init__(self, procs: Processes) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        cmd = [str(BIN / "python"), "-m", "tests.support.botapi", "--port", str(port)]
        self.proc = procs.spawn(cmd + ["--limits"], "broadcast_emulator.log", ROOT, child_env())
        wait_until(self._healthy, self.proc, "the Bot API emulator", "broadcast_emulator.log")

    def _healthy(self) -> bool:
        return bool(self._get("health").get("ok"))

    def _get(self, path: str) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.url}/_emulator/{path}", timeout=30) as response:
            return dict(json.loads(response.read()))

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            f"{self.url}/_emulator/{path}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return dict(json.loads(response.read()))

    def stats(self) -> dict[str, Any]:
        """sendMessage counts per chat, first/last times, 429s, the busiest second."""
        return self._get("stats")

    def reset(self) -> None:
        """Forget every call; the flood limits (which a reset drops too) back on."""
        self._post("reset", {})
        limits = self._post("limits", LIMITS)["limits"]
        if not limits or limits["overall_per_second"] != LIMITS["overall_per_second"]:
            raise MeasurementError(f"the emulator did not take the flood limits: {limits}")


def people(count: int, now: datetime = NOW, seed: int = 4) -> list[tuple[str, clock_time, str]]:
    """``count`` people (chat id, local check-in time, zone), each due at ``now``.

    Zones take turns; each time is 0 to :data:`SPREAD_MINUTES` minutes before ``now`` in
    the person's local clock, never before their local midnight (else it is yesterday's).
    """
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        tz = ZONES[i % len(ZONES)]
        local_now = now.astimezone(zones.zone(tz))
        since_midnight = local_now.hour * 60 + local_now.minute
        ago = rng.randint(0, min(SPREAD_MINUTES, since_midnight))
        at = (now - timedelta(minutes=ago)).astimezone(zones.zone(tz)).time()
        rows.append((str(FIRST_CHAT_ID + i), at.replace(second=0, microsecond=0), tz))
    return rows


def populate(url: str, count: int) -> list[str]:
    """A fresh database at ``url`` with ``count`` people due at :data:`NOW`; their chat ids.

    Written in bulk with the values ``checkins.set_schedule`` computes; a sample is then
    written again through ``set_schedule`` itself and must come out unchanged.
    """
    upgrade_database(url)
    rows = people(count)
    schedules = []
    for person_id, (_, at, tz) in enumerate(rows, start=1):
        due = timing.first_due(SET_AT, at, tz)
        decision = timing.decide(NOW, at, tz, due)
        if not decision.send or decision.local_date != timing.local_date(NOW, tz):
            raise MeasurementError(f"person {person_id} ({at} {tz}) would not be due at {NOW}")
        schedules.append(
            {
                "person_id": person_id,
                "at_time": f"{at.hour:02d}:{at.minute:02d}",
                "tz": tz,
                "paused": False,
                "next_due_at": due,
            }
        )
    with session_scope(url) as session:
        session.execute(
            insert(Person),
            [{"id": i, "conversation_id": chat} for i, (chat, _, _) in enumerate(rows, start=1)],
        )
        session.execute(insert(Schedule), schedules)
    for chat, at, tz in random.Random(1).sample(rows, min(SAMPLE_THROUGH_PRODUCT, count)):
        before = checkins.schedule_for(chat, url)
        after = checkins.set_schedule(chat, at, tz, now=SET_AT, url=url)
        if before != after:
            raise MeasurementError(f"bulk row differs from set_schedule's: {before} != {after}")
    return [chat for chat, _, _ in rows]


def db_status(url: str) -> dict[str, int]:
    """How many check-in rows there are of each status."""
    with session_scope(url) as session:
        counts = session.execute(
            select(Checkin.status, func.count()).group_by(Checkin.status)
        ).all()
    return {status: int(n) for status, n in counts}


class Sender:
    """One ``backstep checkins send-due`` process."""

    def __init__(
        self, procs: Processes, env: dict[str, str], now: datetime, log_name: str
    ) -> None:
        self.procs = procs
        self.now = now
        cmd = [str(BIN / "backstep"), "checkins", "send-due", "--now", now.isoformat()]
        self.started = time.perf_counter()
        self.proc = procs.spawn(cmd, log_name, ROOT, env)
        self.log_name = log_name

    def wait(self, timeout: float = SENDER_TIMEOUT_S) -> dict[str, Any]:
        """Wait for the exit; its code, wall seconds and how it was started."""
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            self.procs.stop(self.proc)
            raise MeasurementError(f"send-due still running after {timeout:.0f} s") from exc
        self.procs.stop(self.proc)  # only tidies up: the process has exited
        return {
            "now": self.now.isoformat(),
            "exit": code,
            "seconds": round(time.perf_counter() - self.started, 1),
            "log": f"build/bench/{self.log_name}",
        }

    def signal_after(self, emulator: Emulator, delivered: int, sig: signal.Signals) -> int:
        """Send ``sig`` once the emulator has accepted ``delivered`` messages; the count then."""
        while (total := int(emulator.stats()["total"])) < delivered:
            if self.proc.poll() is not None:
                raise MeasurementError(
                    f"send-due exited {self.proc.returncode} before {delivered} messages; "
                    f"see build/bench/{self.log_name}"
                )
            time.sleep(POLL_S)
        os.kill(self.proc.pid, sig)
        return total


def tally(run: Run, chats: list[str], stats: dict[str, Any], url: str) -> None:
    """Fill ``run`` in from the emulator's statistics and the database."""
    per_chat: dict[str, int] = stats["per_chat"]
    expected = set(chats)
    run.delivered = int(stats["total"])
    run.exactly_one = sum(1 for chat in chats if per_chat.get(chat) == 1)
    run.duplicates = sum(max(0, n - 1) for chat, n in per_chat.items() if chat in expected)
    run.missing = sum(1 for chat in chats if chat not in per_chat)
    run.unexpected = sum(n for chat, n in per_chat.items() if chat not in expected)
    run.rejected_429 = int(stats["rejected_429"])
    run.max_in_1s = int(stats["max_in_1s"])
    first, last = stats["first_monotonic"], stats["last_monotonic"]
    if run.delivered > 1 and last > first:
        run.msg_per_s = (run.delivered - 1) / (last - first)
    run.db_status = db_status(url)


def measure_run(
    name: str, procs: Processes, emulator: Emulator, folder: Path, count: int
) -> Run:
    """Run ``name`` (A, B or C) on a fresh database; its figures."""
    what = {
        "A": "clean",
        "B": "SIGTERM at half, restarted",
        "C": "SIGKILL at half, restarted, then again a lease later",
    }[name]
    run = Run(name, what, count)
    url = f"sqlite:///{folder / f'run_{name}.sqlite3'}"
    chats = populate(url, count)
    emulator.reset()
    env = child_env(
        TELEGRAM_BOT_TOKEN="123:BENCH",
        TELEGRAM_API_BASE_URL=emulator.url,
        BACKSTEP_DB_URL=url,
        BACKSTEP_LOG_LEVEL="WARNING",
    )
    log(f"broadcast run {name} ({what}): {count} people due at {NOW.isoformat()}")
    start = time.perf_counter()
    half = count // 2
    log_name = f"broadcast_{name}.log"
    if name == "A":
        run.senders.append(Sender(procs, env, NOW, log_name).wait())
    elif name == "B":
        sender = Sender(procs, env, NOW, log_name)
        at = sender.signal_after(emulator, half, signal.SIGTERM)
        run.senders.append(sender.wait(STOP_TIMEOUT_S))
        stopped = int(emulator.stats()["total"])
        left = claims.pending_claims(url)
        run.stopped_cleanly = run.senders[-1]["exit"] == 0 and left == 0
        run.notes.append(
            f"SIGTERM at {at} delivered; exit {run.senders[-1]['exit']} at {stopped} "
            f"delivered; {left} claims left unsent"
        )
        run.senders.append(Sender(procs, env, NOW, log_name).wait())
    else:
        sender = Sender(procs, env, NOW, log_name)
        at = sender.signal_after(emulator, half, signal.SIGKILL)
        run.senders.append(sender.wait(STOP_TIMEOUT_S))
        killed = time.monotonic()
        stats = emulator.stats()
        claimed = [
            chat
            for chat in chats_with_status(url, checkins.CLAIMED)
            if stats["per_chat"].get(chat)
        ]
        run.notes.append(
            f"SIGKILL at {at} delivered; {claims.pending_claims(url)} claims left, "
            f"{len(claimed)} of them already delivered (they go out again after the lease)"
        )
        run.senders.append(Sender(procs, env, NOW, log_name).wait())
        run.notes.append(
            f"restart at the same instant: {claims.pending_claims(url)} claims still leased"
        )
        # the dead sender's leases run out by the database's clock, whatever --now says
        time.sleep(max(0.0, killed + AFTER_LEASE.timestamp() - NOW.timestamp() - time.monotonic()))
        run.senders.append(Sender(procs, env, AFTER_LEASE, log_name).wait())
    run.seconds = time.perf_counter() - start
    tally(run, chats, emulator.stats(), url)
    crashed = [s for s in run.senders if s["exit"] not in (0, -signal.SIGKILL)]
    if crashed:
        run.notes.append(f"send-due exited non-zero: {crashed}")
    dispose_engines()
    log(
        f"broadcast run {name}: {run.delivered} delivered, {run.duplicates} duplicates, "
        f"{run.missing} missing, {fmt_rate(run.msg_per_s)} msg/s, {run.rejected_429} 429s, "
        f"{run.seconds:.0f} s"
    )
    return run


def chats_with_status(url: str, status: str) -> list[str]:
    """Chat ids whose check-in row has ``status``."""
    with session_scope(url) as session:
        rows = session.execute(
            select(Person.conversation_id).join(Checkin).where(Checkin.status == status)
        ).scalars()
        return list(rows)


def measure(procs: Processes, count: int = PEOPLE, runs: str = "ABC") -> dict[str, Any]:
    """Runs ``runs`` with ``count`` people; the figures (JSON-ready) and their verdicts."""
    results: dict[str, Any] = {"people": count, "now": NOW.isoformat(), "limits": LIMITS}
    started = time.perf_counter()
    emulator = Emulator(procs)
    try:
        with tempfile.TemporaryDirectory(prefix="backstep-broadcast-") as folder:
            done = [measure_run(name, procs, emulator, Path(folder), count) for name in runs]
    finally:
        procs.stop(emulator.proc)
    results["runs"] = {run.name: {**asdict(run), "exactly_once": run.exactly_once} for run in done}
    results["checks"] = checks(done)
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def checks(runs: list[Run]) -> dict[str, bool]:
    """The verdicts: exactly once in A and B, A's rate; B's clean stop and C's at least once
    (informative)."""
    verdicts: dict[str, bool] = {}
    for run in runs:
        if run.name in ("A", "B"):
            verdicts[f"exactly_once_{run.name}"] = run.exactly_once
        if run.name == "B":
            verdicts["sigterm_clean_B"] = bool(run.stopped_cleanly)
        if run.name == "A":
            verdicts["rate_A"] = run.msg_per_s is not None and run.msg_per_s >= RATE_TARGET
        if run.name == "C":
            verdicts["at_least_once_C"] = run.missing == 0 and run.unexpected == 0
    return verdicts


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="bench.broadcast", description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=PEOPLE, help="check-ins due (10,000)")
    parser.add_argument("--runs", default="ABC", help="which runs, e.g. A or BC (default ABC)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the broadcast benchmark, print its table, write build/bench/broadcast.json."""
    args = parse_args(argv)
    if args.people < 2 or not args.runs or set(args.runs) - set("ABC"):
        print("--people must be at least 2; --runs letters among A, B, C", file=sys.stderr)
        return 2
    os.chdir(ROOT)
    OUT.mkdir(parents=True, exist_ok=True)
    procs = Processes()
    procs.sample_others()
    try:
        results = measure(procs, args.people, args.runs)
    except MeasurementError as error:
        log(f"FAILED: {error}")
        return 1
    except KeyboardInterrupt:
        log("interrupted; stopping every process started")
        return 130
    finally:
        procs.stop_all()
    print(table(results))
    others_cpu, busiest = procs.others_summary()
    results["other_processes_cpu_s"] = round(others_cpu, 1)
    if others_cpu > 0.05 * results["seconds"]:
        print(f"noisy: other processes used {others_cpu:.0f} CPU-seconds meanwhile, e.g.")
        print("\n".join(f"  {line}" for line in busiest))
    (OUT / "broadcast.json").write_text(json.dumps(results, indent=2) + "\n")
    return 1 if failed(results) else 0


if __name__ == "__main__":
    sys.exit(main())
