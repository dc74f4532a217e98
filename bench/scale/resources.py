"""What the machine and the servers looked like while the scenarios ran: PostgreSQL
connections (sampled from ``pg_stat_activity``), the load average, and the versions."""

from __future__ import annotations

import os
import platform
import subprocess
import threading
from importlib import metadata
from typing import Any

from bench.scale.cluster import POSTGRES_ADMIN_URL, REDIS_HOST, REDIS_PORT, find_haproxy

#: Databases the bench makes start with this (the cluster's and the broadcast's).
DATABASE_PREFIX = "backstep_scale_"
PEAK_TARGET = 60


class ConnectionSampler:
    """A thread counting the bench's PostgreSQL connections every ``every_s`` seconds: the
    peak of each scenario (:attr:`scenario` names the one running) and who held them."""

    def __init__(self, every_s: float = 0.5) -> None:
        self.every_s = every_s
        self.scenario = "start"
        self.peaks: dict[str, dict[str, Any]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pg-sampler", daemon=True)

    def __enter__(self) -> ConnectionSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        import psycopg2

        connection = psycopg2.connect(POSTGRES_ADMIN_URL)
        connection.autocommit = True
        query = (
            "SELECT application_name, count(*) FROM pg_stat_activity "
            "WHERE datname LIKE %s GROUP BY application_name"
        )
        try:
            while not self._stop.wait(self.every_s):
                with connection.cursor() as cursor:
                    cursor.execute(query, (DATABASE_PREFIX + "%",))
                    held = {name or "?": int(n) for name, n in cursor.fetchall()}
                total = sum(held.values())
                peak = self.peaks.setdefault(self.scenario, {"peak": 0, "held": {}})
                if total > peak["peak"]:
                    peak.update(peak=total, held=held)
        finally:
            connection.close()

    def overall(self) -> int:
        return max((p["peak"] for p in self.peaks.values()), default=0)


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (2 cores here: above 2 means waiting)."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _run(cmd: list[str]) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=10)
        return (done.stdout or done.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "?"


def versions() -> dict[str, str]:
    """Python, the libraries that matter, the servers, the commit and the CPU count."""
    import psycopg2
    import redis

    found = {"python": platform.python_version(), "cpus": str(os.cpu_count())}
    for package in ("rasa", "rasa-sdk", "python-telegram-bot", "redis", "SQLAlchemy", "aiohttp"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "-"
    haproxy = find_haproxy()
    found["haproxy"] = _run([haproxy, "-v"]).split()[2] if haproxy else "-"
    found["redis-server"] = str(
        redis.Redis(REDIS_HOST, REDIS_PORT).info("server").get("redis_version", "?")
    )
    connection = psycopg2.connect(POSTGRES_ADMIN_URL)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        found["postgresql"] = str(cursor.fetchone()[0]).split()[0]
        cursor.execute("SHOW max_connections")
        found["pg max_connections"] = str(cursor.fetchone()[0])
    connection.close()
    found["commit"] = _run(["git", "rev-parse", "--short", "HEAD"])
    return found
