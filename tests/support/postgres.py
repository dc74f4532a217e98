"""A throwaway PostgreSQL cluster of its own (``initdb`` in a temporary folder, a free port,
``pg_ctl`` to stop and start it), for tests that take the database down: the shared server
and its other databases are never touched.

PostgreSQL refuses to run as root; when the tests do, the cluster belongs to the
``postgres`` account (its folder is handed over to it) and its commands run as that user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bot.rasa.runtime import free_port

#: The database and the role the cluster is made with (trust on loopback: no password).
DATABASE = ROLE = "backstep"


def find_pg_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: on PATH, else Debian's newest."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


class ThrowawayCluster:
    """``with ThrowawayCluster() as pg:`` a running cluster at :attr:`url`, in a new
    temporary folder removed afterwards; :meth:`stop` (abruptly by default, as a crash or a
    pulled plug) and :meth:`start` at will."""

    def __init__(self, bin_dir: Path | None = None) -> None:
        bin_dir = bin_dir or find_pg_bin()
        if bin_dir is None:
            raise FileNotFoundError("initdb and pg_ctl were not found")
        self.bin = bin_dir
        # in the system's temporary folder, which the postgres account can reach
        self.folder = Path(tempfile.mkdtemp(prefix="backstep-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.port = free_port()
        self._owner: dict[str, Any] = {}
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            self._owner = {"user": account.pw_uid, "group": account.pw_gid}

    @property
    def url(self) -> str:
        return f"postgresql+psycopg2://{ROLE}@127.0.0.1:{self.port}/{DATABASE}"

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=self.folder,
            **self._owner,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.decode(errors='replace')}")

    def create(self) -> ThrowawayCluster:
        """initdb, start, and create the database."""
        if self._owner:
            os.chown(self.folder, self._owner["user"], self._owner["group"])
        self._run(
            "initdb", "-D", str(self.data), "-U", ROLE, "-A", "trust", "-E", "UTF8",
            "--no-locale", "--no-sync",
        )
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", ROLE, DATABASE)
        return self

    def start(self) -> None:
        """Start the cluster and wait until it takes connections."""
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1"
            f" -c unix_socket_directories='{self.folder}'"
            " -c fsync=off -c full_page_writes=off -c max_connections=40"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode: str = "immediate") -> None:
        """Stop the cluster: ``immediate`` drops every connection at once (what a crash does),
        ``fast`` shuts down cleanly."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def destroy(self) -> None:
        """Stop it if it runs, and remove its folder."""
        if self.running():
            with contextlib.suppress(RuntimeError):
                self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> ThrowawayCluster:
        try:
            return self.create()
        except BaseException:
            self.destroy()  # a cluster half made goes too
            raise

    def __exit__(self, *exc_info: object) -> None:
        self.destroy()
