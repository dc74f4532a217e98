"""The benchmark's table: Backstep beside the starter, as figures and as ratios."""

from __future__ import annotations

from typing import Any

from bench.safety_eval import FALSE_URGENT_TARGET, RECALL_TARGET

#: Backstep against the starter, measured in the same run: (key, label, the most Backstep
#: may take as a multiple of the starter's figure, digits).
RATIO_TARGETS: tuple[tuple[str, str, float, int], ...] = (
    ("train_s", "full training (s)", 3.0, 1),
    ("cold_start_s", "cold start (s)", 1.0, 1),
    ("rss_server_mb", "rss rasa server (MB)", 1.0, 0),
    ("p50_ms", "latency p50 (ms)", 1.0, 1),
    ("p95_ms", "latency p95 (ms)", 1.0, 1),
)


def ratio(backstep: float | None, starter: float | None) -> float | None:
    """Backstep's figure as a multiple of the starter's, when both are known."""
    return None if backstep is None or not starter else backstep / starter


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
    ratios = {key: ratio(b(key), s(key)) for key, *_ in RATIO_TARGETS}
    checks: dict[str, Any] = {
        key: check(ratios[key], most) for key, _, most, _ in RATIO_TARGETS
    }
    safety = b("safety") or {}
    heldout = b("safety_heldout") or []
    if safety:
        checks["red_flag_recall"] = safety["recall"] >= RECALL_TARGET
        checks["false_urgent_rate"] = safety["false_urgent_rate"] <= FALSE_URGENT_TARGET
    cost = b("matcher_cost") or {}
    if cost:
        checks["matcher_cost"] = cost["mean_ms"] <= cost["budget_ms"]
    rows = [
        ("metric", "starter", "backstep", "ratio, target", "ok"),
        *(
            (
                label,
                fmt(s(key), digits),
                fmt(b(key), digits),
                f"{fmt(ratios[key], 2)}x <= {most:.1f}x",
                verdict(checks[key]),
            )
            for key, label, most, digits in RATIO_TARGETS
        ),
        ("rss action server (MB)", "-", fmt(b("rss_action_server_mb"), 0), "(info)", ""),
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
        (
            "red-flag matcher (ms/msg)",
            "-",
            "-" if not cost else f"{cost['mean_ms']:.2f}",
            "-" if not cost else f"<= {cost['budget_ms']:.0f} mean",
            verdict(checks.get("matcher_cost")),
        ),
        (
            "  p95, on safety texts",
            "-",
            "-" if not cost else f"{cost['p95_ms']:.2f}",
            "-" if not cost else f"{cost['texts']} (reported)",
            "",
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
