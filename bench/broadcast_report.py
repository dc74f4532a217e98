"""The broadcast benchmark's report: which checks fail it, and its table."""

from __future__ import annotations

from typing import Any

#: Messages a second run A must reach (Telegram allows about 30 in all).
RATE_TARGET = 28.0


#: The checks that fail the benchmark (C's duplicates after a SIGKILL do not).
REQUIRED = ("exactly_once_A", "exactly_once_B", "rate_A")


def failed(results: dict[str, Any]) -> list[str]:
    """The required checks that were not met."""
    return [name for name in REQUIRED if results["checks"].get(name) is False]


def fmt_rate(value: float | None) -> str:
    """Messages per second, one decimal."""
    return "-" if value is None else f"{value:.1f}"


def table(results: dict[str, Any]) -> str:
    """The runs as a small table, with notes."""
    rows = [("run", "delivered", "exactly 1", "dupl.", "missing", "msg/s", "429s", "time (s)")]
    notes = []
    for name, run in results["runs"].items():
        rows.append(
            (
                name,
                str(run["delivered"]),
                f"{run['exactly_one']}/{run['people']}",
                str(run["duplicates"]),
                str(run["missing"]),
                fmt_rate(run["msg_per_s"]),
                str(run["rejected_429"]),
                f"{run['seconds']:.0f}",
            )
        )
        senders = ", ".join(f"exit {s['exit']} in {s['seconds']:.0f} s" for s in run["senders"])
        notes.append(
            f"  {name} ({run['what']}): senders {senders}; busiest second "
            f"{run['max_in_1s']} messages; rows {run['db_status']}"
        )
        notes.extend(f"    {note}" for note in run["notes"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    verdicts = ", ".join(
        f"{name} {'yes' if ok else 'no'}" for name, ok in results["checks"].items()
    )
    return "\n".join(
        [
            f"broadcast: {results['people']} check-ins due, emulator at 30 msg/s overall and "
            f"1/s per chat; target >= {RATE_TARGET:.0f} msg/s in A",
            *(line.rstrip() for line in lines),
            *notes,
            f"ok: {verdicts}; msg/s is first to last message accepted, restarts included",
        ]
    )
