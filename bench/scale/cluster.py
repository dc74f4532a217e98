"""Backstep in scale mode on one machine: HAProxy, bot replicas, action servers, the Bot API
emulator, a fresh PostgreSQL database and a Redis database.

``make cluster`` (``python -m bench.scale.cluster``) starts it and keeps it running until
Ctrl+C; :mod:`bench.scale` drives it for the scenarios and ``tests/e2e/test_scale_smoke.py``
for CI. What runs, each a process of its own group (:class:`bench.processes.Processes`):

* the emulator (``python -m tests.support.botapi --limits``) plays Telegram's Bot API;
* PostgreSQL at 127.0.0.1:5432 (already running): a new database, migrated once with
  ``backstep db upgrade``, dropped at the end;
* Redis at 127.0.0.1:6379 (already running): one database number, emptied at start and end;
* N action servers (``python -m bot.rasa.action_server``: rasa_sdk's app behind the shared
  secret) and N bot replicas (``backstep run`` in webhook mode, neither migrating nor
  registering the webhook), all on free loopback ports;
* HAProxy with ``deploy/haproxy.cfg`` (only its addresses changed), installed with apt-get
  when absent; the webhook is registered once with ``backstep telegram set-webhook``.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.processes import (
    BIN,
    OUT,
    ROOT,
    MeasurementError,
    Processes,
    child_env,
    free_port,
    log,
    terminate_as_interrupt,
    wait_until,
)

HAPROXY_CONFIG = ROOT / "deploy" / "haproxy.cfg"
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
#: The Redis database ``make cluster`` and ``make bench-scale`` use (the smoke test: 12).
REDIS_DB = 11
TOKEN = "123456:SCALE-BENCH"
#: What the replicas are told their public address is; nothing resolves it: the emulator
#: only records it, and the bench's pusher posts to HAProxy instead, as Telegram would.
PUBLIC_WEBHOOK_URL = "https://backstep.invalid/telegram"
JSON = dict[str, Any]


def find_haproxy() -> str | None:
    """HAProxy's path, if installed (Debian puts it in /usr/sbin, not always on PATH)."""
    found = shutil.which("haproxy")
    if found:
        return found
    return "/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None


def ensure_haproxy() -> str:
    """HAProxy's path; Debian's package is installed with apt-get when it is absent."""
    found = find_haproxy()
    if found:
        return found
    if os.geteuid() != 0:
        raise MeasurementError("HAProxy is not installed: sudo apt-get install haproxy")
    log("installing HAProxy (Debian package haproxy)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "haproxy"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True)
        done = subprocess.run(install, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise MeasurementError(f"apt-get install haproxy failed: {done.stderr[-500:]}")
    found = find_haproxy()
    if found is None:
        raise MeasurementError("apt-get installed haproxy, but it is not to be found")
    return found


def haproxy_config(
    template: str, telegram_port: int, actions_port: int, stats_port: int,
    bots: list[int], actions: list[int],
) -> str:
    """``deploy/haproxy.cfg`` with its listening ports and its servers replaced."""
    binds = {"telegram": telegram_port, "actions": actions_port, "stats": stats_port}
    servers = {
        "bots": [f"    server bot{i} 127.0.0.1:{p} check" for i, p in enumerate(bots, 1)],
        "actions": [
            f"    server actions{i} 127.0.0.1:{p} check" for i, p in enumerate(actions, 1)
        ],
    }
    lines, section, replaced = [], "", set()
    for line in template.splitlines():
        words = line.split()
        if line and not line[0].isspace() and len(words) >= 2:
            section = words[1]
        if words[:1] == ["bind"] and section in binds:
            line = f"    bind 127.0.0.1:{binds[section]}"
        if words[:1] == ["server"] and section in servers:
            if section not in replaced:
                lines.extend(servers[section])
                replaced.add(section)
            continue
        lines.append(line)
    if replaced != set(servers):
        missing = sorted(set(servers) - replaced)
        raise MeasurementError(f"{HAPROXY_CONFIG} has no server lines in {missing}")
    return "\n".join(lines) + "\n"


def get(url: str, timeout: float = 5.0) -> tuple[int, bytes]:
    """GET ``url``: its status and body (any status, no exception for 4xx/5xx)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read()


class EmulatorControl:
    """The cluster's emulator over HTTP, as :class:`bench.broadcast.Sender` reads it."""

    def __init__(self, url: str) -> None:
        self.url = url

    def _call(self, path: str, body: JSON | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}/_emulator/{path}", data=data, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())

    def stats(self) -> JSON:
        return dict(self._call("stats"))

    def reset(self) -> None:
        """Forget every call; Telegram's flood limits on again (a reset drops them)."""
        from bench.broadcast import LIMITS

        self._call("reset", {})
        if not self._call("limits", LIMITS).get("limits"):
            raise MeasurementError("the emulator did not take the flood limits")


@dataclass
class Replica:
    """One bot replica: ``backstep run`` in webhook mode on ``port``."""

    name: str
    port: int
    env: dict[str, str]
    proc: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def log_name(self) -> str:
        return f"scale/{self.name}.log"

    def ready(self) -> bool:
        """Whether it answers its readiness check with 200."""
        return get(f"http://127.0.0.1:{self.port}/readyz", timeout=2.0)[0] == 200

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


@dataclass
class Cluster:
    """The whole thing; :meth:`start` it, then use its addresses, :meth:`stop` it."""

    procs: Processes
    bots: int = 3
    actions: int = 2
    redis_db: int = REDIS_DB
    limits: bool = True
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    action_token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    database: str = field(
        default_factory=lambda: f"backstep_scale_{os.getpid()}_{int(time.time())}"
    )
    replicas: list[Replica] = field(default_factory=list)
    #: Other databases made for a scenario (dropped with the cluster's).
    extra_databases: list[str] = field(default_factory=list)
    action_servers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    emulator_url: str = ""
    webhook_url: str = ""
    stats_url: str = ""
    action_url: str = ""
    started_in_s: float = 0.0

    @property
    def db_url(self) -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:5432/{self.database}"

    @property
    def redis_url(self) -> str:
        return f"redis://{REDIS_HOST}:{REDIS_PORT}/{self.redis_db}"

    def env(self, **extra: str) -> dict[str, str]:
        """What every Backstep process of the cluster is started with (``extra`` on top)."""
        env = child_env(
            PYTHONPATH=str(ROOT),
            BACKSTEP_HOME=str(ROOT),
            BACKSTEP_DATA_DIR=str(OUT / "scale" / "data"),
            BACKSTEP_PICTURES_DIR=str(OUT / "scale" / "pictures"),
            BACKSTEP_DB_URL=self.db_url,
            BACKSTEP_REDIS_URL=self.redis_url,
            BACKSTEP_ACTION_URL=self.action_url,
            BACKSTEP_ACTION_TOKEN=self.action_token,
            BACKSTEP_ACTION_HOST="127.0.0.1",
            BACKSTEP_MIGRATE_ON_START="0",
            BACKSTEP_LOG_LEVEL="WARNING",
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=self.emulator_url,
            TELEGRAM_WEBHOOK_URL=PUBLIC_WEBHOOK_URL,
            TELEGRAM_WEBHOOK_SECRET=self.secret,
            TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
            TELEGRAM_WEBHOOK_SET="0",
            # a killed replica's chats wait for its ticket: 30 s, not Rasa's 60 (README)
            TICKET_LOCK_LIFETIME="30",
            # per process: Rasa's tracker store (its default is 50 + 100 on PostgreSQL) and
            # Backstep's journal; 3 replicas, 2 action servers and 3 senders stay under 60
            SQL_POOL_SIZE="3",
            SQL_MAX_OVERFLOW="2",
            BACKSTEP_DB_POOL_SIZE="2",
            BACKSTEP_DB_MAX_OVERFLOW="3",
        )
        env.update(extra)
        return env

    # ---- start and stop

    def start(self) -> Cluster:
        """Start everything, in order; raises :class:`MeasurementError` when a part fails."""
        began = time.perf_counter()
        (OUT / "scale").mkdir(parents=True, exist_ok=True)
        haproxy = ensure_haproxy()
        self._create_database()
        self.flush_redis()
        self._start_emulator()
        log(f"migrating {self.database} once")
        upgrade = [str(BIN / "backstep"), "db", "upgrade"]
        self.procs.run(upgrade, "scale/setup.log", ROOT, self.env())
        ports = [free_port() for _ in range(self.actions)]
        for i, port in enumerate(ports, 1):
            cmd = [str(BIN / "python"), "-m", "bot.rasa.action_server", "--port", str(port)]
            self.action_servers.append(
                self.procs.spawn(cmd, f"scale/actions{i}.log", ROOT, self.env())
            )
        bot_ports = [free_port() for _ in range(self.bots)]
        self._start_haproxy(haproxy, bot_ports, ports)
        for i, proc in enumerate(self.action_servers):
            wait_until(
                lambda p=ports[i]: get(f"http://127.0.0.1:{p}/health")[0] == 200,
                proc, f"action server {i + 1}", f"scale/actions{i + 1}.log",
            )
        log("registering the webhook once")
        set_webhook = [str(BIN / "backstep"), "telegram", "set-webhook"]
        self.procs.run(set_webhook, "scale/setup.log", ROOT, self.env())
        for i, port in enumerate(bot_ports, 1):
            env = self.env(TELEGRAM_WEBHOOK_PORT=str(port), BACKSTEP_INSTANCE_ID=f"bot{i}")
            self.replicas.append(Replica(f"bot{i}", port, env))
        for replica in self.replicas:
            self.start_replica(replica, wait=False)
        for replica in self.replicas:
            self.wait_ready(replica)
        self.wait_balanced(len(self.replicas))
        self.started_in_s = time.perf_counter() - began
        log(f"cluster up in {self.started_in_s:.0f} s")
        return self

    def _create_database(self) -> None:
        import psycopg2

        log(f"creating database {self.database}")
        connection = psycopg2.connect(POSTGRES_ADMIN_URL)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{self.database}"')
        connection.close()

    def drop_database(self) -> None:
        """Drop the cluster's databases (their connections are ended)."""
        import psycopg2

        connection = psycopg2.connect(POSTGRES_ADMIN_URL)
        connection.autocommit = True
        with connection.cursor() as cursor:
            for name in (self.database, *self.extra_databases):
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.close()

    def flush_redis(self) -> None:
        """Empty the cluster's Redis database (that number only)."""
        import redis

        redis.Redis(REDIS_HOST, REDIS_PORT, db=self.redis_db).flushdb()

    def _start_emulator(self) -> None:
        port = free_port()
        self.emulator_url = f"http://127.0.0.1:{port}"
        cmd = [str(BIN / "python"), "-m", "tests.support.botapi", "--port", str(port)]
        proc = self.procs.spawn(
            cmd + (["--limits"] if self.limits else []), "scale/emulator.log", ROOT, child_env()
        )
        wait_until(
            lambda: get(f"{self.emulator_url}/_emulator/health")[0] == 200,
            proc, "the Bot API emulator", "scale/emulator.log",
        )

    def _start_haproxy(self, haproxy: str, bots: list[int], actions: list[int]) -> None:
        telegram, front_actions, stats = free_port(), free_port(), free_port()
        config = haproxy_config(
            HAPROXY_CONFIG.read_text(), telegram, front_actions, stats, bots, actions,
        )
        path = OUT / "scale" / "haproxy.cfg"
        path.write_text(config)
        checked = subprocess.run([haproxy, "-c", "-q", "-f", str(path)], capture_output=True)
        if checked.returncode != 0:
            raise MeasurementError(f"HAProxy refuses {path}: {checked.stderr.decode()[-500:]}")
        proc = self.procs.spawn([haproxy, "-db", "-f", str(path)], "scale/haproxy.log", ROOT, {})
        self.webhook_url = f"http://127.0.0.1:{telegram}/telegram"
        self.action_url = f"http://127.0.0.1:{front_actions}/webhook"
        self.stats_url = f"http://127.0.0.1:{stats}/stats"
        wait_until(lambda: get(self.stats_url)[0] == 200, proc, "HAProxy", "scale/haproxy.log")

    def start_replica(self, replica: Replica, wait: bool = True) -> float:
        """Start ``replica`` (again); the seconds until it was ready when ``wait``."""
        cmd = [str(BIN / "python"), "-m", "bot.app.cli", "run"]
        replica.proc = self.procs.spawn(cmd, replica.log_name, ROOT, replica.env)
        replica.starts += 1
        return self.wait_ready(replica) if wait else 0.0

    def wait_ready(self, replica: Replica) -> float:
        """Until ``replica`` answers /readyz with 200; seconds waited."""
        assert replica.proc is not None
        return wait_until(replica.ready, replica.proc, replica.name, replica.log_name)

    def kill(self, replica: Replica) -> None:
        """kill -9 the replica (its whole process group), and reap it."""
        assert replica.proc is not None
        os.killpg(replica.proc.pid, signal.SIGKILL)
        replica.proc.wait()

    def terminate(self, replica: Replica, timeout: float = 60.0) -> int | None:
        """SIGTERM the replica and wait for it to end (-9 after ``timeout``); its exit code."""
        assert replica.proc is not None
        os.kill(replica.proc.pid, signal.SIGTERM)
        try:
            return replica.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill(replica)
            return None

    def backends(self) -> dict[str, str]:
        """HAProxy's view of the bot replicas: name -> status (UP, DOWN, ...)."""
        _, body = get(f"{self.stats_url};csv")
        rows = body.decode().lstrip("# ").splitlines()
        header = rows[0].split(",")
        found = {}
        for row in rows[1:]:
            cells = dict(zip(header, row.split(","), strict=False))
            if cells.get("pxname") == "bots" and cells.get("svname", "").startswith("bot"):
                found[cells["svname"]] = cells.get("status", "")
        return found

    def wait_balanced(self, up: int, timeout: float = 60.0) -> float:
        """Until HAProxy counts ``up`` replicas UP; seconds waited."""
        began = time.perf_counter()
        while sum(s == "UP" for s in self.backends().values()) != up:
            if time.perf_counter() - began > timeout:
                raise MeasurementError(f"HAProxy does not see {up} replicas up: {self.backends()}")
            time.sleep(0.2)
        return time.perf_counter() - began

    def stop(self, keep_database: bool = False) -> None:
        """Stop every process, empty the Redis database, drop the PostgreSQL one."""
        self.procs.stop_all()
        try:
            self.flush_redis()
            if not keep_database:
                self.drop_database()
        except Exception as error:  # noqa: BLE001 - tidying up must not hide the cause
            log(f"could not tidy up: {type(error).__name__}: {error}")

    def summary(self) -> dict[str, Any]:
        """Where everything is, for the person who started it."""
        return {
            "webhook (HAProxy)": self.webhook_url,
            "secret header": "X-Telegram-Bot-Api-Secret-Token: " + self.secret,
            "HAProxy stats": self.stats_url,
            "Bot API emulator": self.emulator_url,
            "replicas": {r.name: f"127.0.0.1:{r.port}" for r in self.replicas},
            "action servers (HAProxy)": self.action_url,
            "PostgreSQL": self.db_url,
            "Redis": self.redis_url,
            "logs": str(OUT / "scale"),
        }


def main(argv: list[str] | None = None) -> int:
    """Start the cluster and keep it up until Ctrl+C (or SIGTERM)."""
    parser = argparse.ArgumentParser(prog="bench.scale.cluster", description=__doc__.split("\n")[0])
    parser.add_argument("--bots", type=int, default=3, help="bot replicas (3)")
    parser.add_argument("--actions", type=int, default=2, help="action servers (2)")
    parser.add_argument("--keep-database", action="store_true", help="do not drop it at the end")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    cluster = Cluster(Processes(), bots=args.bots, actions=args.actions)
    with terminate_as_interrupt():
        try:
            cluster.start()
            print(json.dumps(cluster.summary(), indent=2), flush=True)
            print("Running; Ctrl+C stops everything.", flush=True)
            while all(r.running() for r in cluster.replicas):
                time.sleep(1)
            log("a replica stopped; stopping the cluster")
            return 1
        except MeasurementError as error:
            log(f"FAILED: {error}")
            return 1
        except KeyboardInterrupt:
            log("stopping")
            return 0
        finally:
            cluster.stop(keep_database=args.keep_database)


if __name__ == "__main__":
    sys.exit(main())
