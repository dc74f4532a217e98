"""The scale bench's table: one row per scenario with its key figures, its target and
whether it was met; written to stdout, ``build/bench/scale.md`` and (``--readme``) the
README between its two markers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

JSON = dict[str, Any]
#: The README's markers around the table.
MARKER = "<!-- {name}:{end} -->"

#: Per scenario: its title, and the figures shown in the table (key, label).
COLUMNS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "lockstore-stock": ("S0 lock store alone, Rasa's stock RedisLockStore, 3 processes", (
        ("completed", "turns"), ("overlaps", "overlaps"),
        ("lock_errors", "lock errors or stuck turns"), ("p95_ms", "wait p95 ms"),
    )),
    "lockstore": ("S0 lock store alone, Backstep's AtomicRedisLockStore, 3 processes", (
        ("completed", "turns"), ("overlaps", "overlaps"),
        ("lock_errors", "lock errors or stuck turns"), ("p95_ms", "wait p95 ms"),
    )),
    "concurrent": ("S1 {chats} chats x 5 messages at once, 3 replicas", (
        ("updates", "updates"), ("lost", "lost"), ("processed_twice", "twice"),
        ("chats_with_anomalies", "tracker anomalies"), ("order_violations", "order violations"),
        ("p95_s", "p95 s"), ("replicas", "replicas"),
    )),
    "kill": ("S2 kill -9 of a replica mid-intake ({chats} chats), Telegram-style retries", (
        ("updates", "updates"), ("lost", "lost"), ("processed_twice", "twice"),
        ("retried", "retried"), ("intakes_right_plan", "right plan"),
        ("haproxy_down_s", "down after s"),
    )),
    "broadcast": ("S3 {people:,} check-ins by 3 workers at once", (
        ("exactly_one", "exactly one"), ("duplicates", "dupl."), ("missing", "missing"),
        ("msg_per_s", "msg/s"), ("all_msg_per_s", "msg/s with the replies"),
        ("rejected_429", "429s"), ("max_in_1s", "max in 1 s"),
    )),
    "broadcast-kill": ("S3 the same, one worker killed at half", (
        ("exactly_one", "exactly one"), ("duplicates", "dupl."), ("missing", "missing"),
        ("in_flight_at_kill", "in flight at kill"), ("msg_per_s", "msg/s"),
        ("rejected_429", "429s"),
    )),
    "replies": ("S4 replies during the broadcast ({chats} chats x 10)", (
        ("updates", "updates"), ("p50_s", "p50 s"), ("p95_s", "p95 s"), ("lost", "lost"),
        ("inside_broadcast", "replies inside the broadcast"),
    )),
    "rolling": ("S5 rolling restart under traffic", (
        ("updates", "updates"), ("lost", "lost"), ("processed_twice", "twice"),
        ("gave_up", "given up"), ("intakes_right_plan", "right plan"),
    )),
    "redis-pause": ("S6 Redis paused 5 s (CLIENT PAUSE ALL)", (
        ("updates", "updates"), ("non_2xx_during_pause", "non-2xx in pause"),
        ("chats_with_anomalies", "tracker anomalies"), ("lost", "lost"),
        ("recovered_s_after_pause", "recovered after s"), ("intakes_right_plan", "right plan"),
    )),
}


def merged(results: JSON, previous: Path) -> JSON:
    """``results`` with the scenarios of the run before (``previous``, its JSON) that this
    run did not repeat, each marked with when it was measured: scenarios run one by one
    make one table."""
    if not previous.exists():
        return results
    before = json.loads(previous.read_text())
    for name, figures in before.get("scenarios", {}).items():
        if name not in results["scenarios"]:
            figures.setdefault("measured", before["started"])
            results["scenarios"][name] = figures
            if name in before.get("load", {}):
                results["load"][name] = before["load"][name]
    order = list(COLUMNS)
    results["scenarios"] = dict(sorted(
        results["scenarios"].items(),
        key=lambda item: order.index(item[0]) if item[0] in order else len(order),
    ))
    peaks = [p for p in (results.get("pg_peak"), before.get("pg_peak")) if p]
    if peaks:
        results["pg_peak"] = max(peaks, key=lambda p: p["peak"])
    return results


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, list):
        return str(len(value))
    return str(value)


def rows(results: JSON) -> list[tuple[str, str, str, str]]:
    """(scenario, figures, target, met) for each scenario run."""
    found = []
    for name, figures in results["scenarios"].items():
        title, shown = COLUMNS.get(name, (name, ()))
        try:
            title = title.format(**figures)
        except (KeyError, ValueError):
            title = title.replace("{chats} ", "").replace("{people:,} ", "")
        if "measured" in figures:
            title += f" (run of {figures['measured']})"
        if "error" in figures:
            found.append((title, f"did not run to its end: {figures['error']}", "", "no"))
            continue
        cells = ", ".join(f"{label} {_cell(figures.get(key))}" for key, label in shown)
        found.append((title, cells, str(figures.get("target", "")), _met(figures.get("passed"))))
    peak = results.get("pg_peak")
    if peak and peak["peak"]:  # nothing sampled when no cluster ran
        held = ", ".join(f"{k} {v}" for k, v in sorted(peak["held"].items()))
        found.append((
            "PostgreSQL connections, peak of every scenario", f"{peak['peak']} ({held})",
            f"<= {results['pg_target']}", _met(peak["peak"] <= results["pg_target"]),
        ))
    return found


def _met(passed: Any) -> str:
    return "-" if passed is None else ("yes" if passed else "no")


def text_table(results: JSON) -> str:
    """The table for a terminal, with the load averages and versions."""
    lines = [f"scale bench, {results['started']}; versions: {_versions(results)}"]
    for title, cells, target, met in rows(results):
        lines.append(f"{title}\n    {cells}\n    target: {target}; met: {met}")
    lines.append("load average (1, 5, 15 min) before/after each scenario:")
    lines.extend(f"    {name}: {load}" for name, load in results["load"].items())
    return "\n".join(lines)


def markdown(results: JSON) -> str:
    """The table for the README."""
    lines = [
        f"Measured {results['started']} with `make bench-scale` on {results['versions']['cpus']} "
        f"cores ({_versions(results)}).",
        "",
        "| scenario | figures | target | met |",
        "| --- | --- | --- | --- |",
    ]
    lines.extend(f"| {t} | {c} | {g} | {m} |" for t, c, g, m in rows(results))
    lines.append("")
    lines.append(
        "Load average (1, 5, 15 min) before → after: "
        + "; ".join(f"{name} {load}" for name, load in results["load"].items())
    )
    return "\n".join(lines)


def _versions(results: JSON) -> str:
    return ", ".join(f"{k} {v}" for k, v in results["versions"].items() if k != "cpus")


def write_readme(readme: Path, table: str, name: str = "bench-scale") -> bool:
    """Put ``table`` between the README's markers ``name``; False when they are missing."""
    start, end = MARKER.format(name=name, end="start"), MARKER.format(name=name, end="end")
    text = readme.read_text()
    pattern = re.compile(re.escape(start) + r"\n.*?" + re.escape(end), re.S)
    if not pattern.search(text):
        return False
    readme.write_text(pattern.sub(lambda _: f"{start}\n{table}\n{end}", text))
    return True
