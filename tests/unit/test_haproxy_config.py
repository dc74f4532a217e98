"""The cluster runs deploy/haproxy.cfg itself, with only its addresses changed: the health
checks, timeouts and retry rules the deploy example documents are the ones tried."""

from __future__ import annotations

import subprocess

import pytest

from bench.scale.cluster import HAPROXY_CONFIG, find_haproxy, haproxy_config


def _rendered(bots: list[int], actions: list[int]) -> str:
    return haproxy_config(HAPROXY_CONFIG.read_text(), 9001, 9002, 9003, bots, actions)


def test_servers_and_ports_are_replaced_and_nothing_else() -> None:
    config = _rendered([7001, 7002], [7101])
    servers = [line.split() for line in config.splitlines() if line.split()[:1] == ["server"]]
    assert servers == [
        ["server", "bot1", "127.0.0.1:7001", "check"],
        ["server", "bot2", "127.0.0.1:7002", "check"],
        ["server", "actions1", "127.0.0.1:7101", "check"],
    ]
    binds = [line.split()[1] for line in config.splitlines() if line.split()[:1] == ["bind"]]
    assert binds == ["127.0.0.1:9001", "127.0.0.1:9002", "127.0.0.1:9003"]
    template = HAPROXY_CONFIG.read_text().splitlines()
    kept = [line for line in template if line.split()[:1] not in (["server"], ["bind"])]
    assert [line for line in config.splitlines() if line.split()[:1] not in (
        ["server"], ["bind"])] == kept


@pytest.mark.parametrize(
    "rule",
    [
        "option httpchk GET /readyz",  # replicas take updates only when ready
        "option httpchk GET /health",  # the action servers' open check
        "retry-on conn-failure",  # only what never reached a server is tried elsewhere
        "http-request disable-l7-retry if METH_POST",  # a POST is never sent twice
    ],
)
def test_the_deploy_config_keeps_its_rules(rule: str) -> None:
    assert rule in _rendered([7001], [7101])


def test_haproxy_accepts_the_rendered_config(tmp_path) -> None:  # type: ignore[no-untyped-def]
    haproxy = find_haproxy()
    assert haproxy is not None, "HAProxy is not installed: apt-get install haproxy"
    path = tmp_path / "haproxy.cfg"
    path.write_text(_rendered([7001, 7002, 7003], [7101, 7102]))
    checked = subprocess.run([haproxy, "-c", "-f", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
