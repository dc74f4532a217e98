"""The action server is private and looked after: on loopback only, no call without the
shared secret (nothing read or written for any chat), gone when its parent is killed,
started again when it dies."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import settings
from bot.rasa.action_server import TOKEN_HEADER
from bot.rasa.runtime import ActionServer
from bot.store import journal
from tests.support.paths import ROOT


def _record_red_flag_for(chat: str) -> dict[str, Any]:
    """A forged call: record a red flag in this chat's journal."""
    return {
        "next_action": "action_record_red_flag",
        "sender_id": chat,
        "tracker": {
            "sender_id": chat, "slots": {"red_flag_category": "fracture"},
            "latest_message": {"text": "forged", "intent": {"name": "red_flag"}},
            "events": [{"event": "user", "text": "forged"}], "active_loop": {},
        },
        "domain": {},
        "version": "3.6.2",
    }


def _post(server: ActionServer, body: dict[str, Any], headers: dict[str, str]) -> int:
    request = urllib.request.Request(
        server.url, data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One SQLite journal for the module: the server is the subject, not the database."""
    url = f"sqlite:///{tmp_path_factory.mktemp('journal') / 'journal.sqlite3'}"
    journal.upgrade_database(url)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BACKSTEP_DB_URL", url)
        settings.get_settings.cache_clear()
        yield url
    settings.get_settings.cache_clear()


@pytest.fixture(scope="module")
def server(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ActionServer]:
    with ActionServer(log_path=tmp_path_factory.mktemp("logs") / "actions.log") as running:
        yield running


@pytest.mark.parametrize("headers", [{}, {TOKEN_HEADER: "guessed"}, {TOKEN_HEADER: ""}])
def test_a_call_without_the_secret_is_refused_and_changes_nothing(
    server: ActionServer, db_url: str, headers: dict[str, str]
) -> None:
    assert _post(server, _record_red_flag_for("intruded"), headers) == 403
    assert journal.safety_events_for("intruded", url=db_url) == []


def test_the_agents_call_with_the_secret_is_served(server: ActionServer, db_url: str) -> None:
    """The same call with the secret does reach the journal (so the refusal above is real)."""
    assert _post(server, _record_red_flag_for("genuine"), server.headers) == 200
    assert [e.kind for e in journal.safety_events_for("genuine", url=db_url)] == ["red_flag"]


def _listening_addresses(port: int) -> set[str]:
    """The IPv4 addresses a TCP port listens on, from /proc/net/tcp (state 0A)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.add(".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


def test_it_listens_on_loopback_only(server: ActionServer) -> None:
    assert _listening_addresses(server.port) == {"127.0.0.1"}


PARENT = """
import sys, time
from pathlib import Path
from bot.rasa.runtime import ActionServer
server = ActionServer(log_path=Path(sys.argv[1])).start()
print(server.pid, flush=True)
time.sleep(600)
"""


def test_it_dies_with_its_parent(db_url: str, tmp_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(tmp_path / "actions.log")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.1)
    assert not _running(child)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_a_dead_action_server_is_started_again(server: ActionServer, db_url: str) -> None:
    first = server.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    time.sleep(0.2)
    assert server.ensure_running() is True
    assert server.pid != first and server.alive()
    assert _post(server, _record_red_flag_for("after"), server.headers) == 200
    assert server.ensure_running() is False
