"""The red-flag matcher's verdicts on every evaluation and training text, saved and compared.

A change to the matcher's rules that should change no verdict (moving rules into data,
tidying a module) is checked with it: save the verdicts before, compare after.

    python -m bench.red_flag_verdicts save /tmp/red_flag_verdicts.json
    python -m bench.red_flag_verdicts compare /tmp/red_flag_verdicts.json

Per text it records the level, the category and every hit's category and status. The
texts are those of ``tests/sets/safety`` (the corpus and the held-out sets), the other
evaluation sets and the NLU training examples. ``compare`` lists every text whose verdict
changed and exits 1 if any did. Both print the matcher's cost per message (mean and
95th percentile of CPU time, uncached, after a warm-up: on a shared machine, wall time
measures the neighbours).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "sets"
TRAINING = ROOT / "data" / "nlu"
#: The cost per message the matcher must stay within (the README's figure).
BUDGET_MS = 2.0


def _strings(node: Any) -> list[str]:
    """Every ``text``, ``opening`` or answer string in a loaded set, in file order."""
    if isinstance(node, dict):
        out: list[str] = []
        for key, value in node.items():
            if key in ("text", "opening", "question") and isinstance(value, str):
                out.append(value)
            elif key == "answers" and isinstance(value, dict):
                out += [str(v) for v in value.values()]
            else:
                out += _strings(value)
        return out
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


def _training_examples(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return [
        line.strip()[2:]
        for block in data.get("nlu", [])
        for line in str(block.get("examples", "")).splitlines()
        if line.strip().startswith("- ")
    ]


def texts() -> dict[str, list[str]]:
    """Texts by source file (relative path), each file's texts in order, no duplicates."""
    out: dict[str, list[str]] = {}
    for path in sorted(SETS.rglob("*.yml")):
        found = _strings(yaml.safe_load(path.read_text("utf-8")))
        out[str(path.relative_to(ROOT))] = list(dict.fromkeys(found))
    for path in sorted(TRAINING.glob("*.yml")):
        out[str(path.relative_to(ROOT))] = list(dict.fromkeys(_training_examples(path)))
    return out


def verdicts() -> dict[str, dict[str, Any]]:
    """The matcher's verdict on every text: level, category, hits (category, status)."""
    from bot.nlu.red_flags import assess

    out: dict[str, dict[str, Any]] = {}
    for source, items in texts().items():
        for text in items:
            verdict = assess(text)
            out.setdefault(text, {
                "source": source,
                "level": verdict.level,
                "category": verdict.category,
                "hits": [[h.category, h.status, h.text] for h in verdict.hits],
            })
    return out


def cost_ms(sample: list[str], rounds: int = 3) -> tuple[float, float]:
    """The matcher's mean and 95th-percentile CPU time per message, in ms (no cache)."""
    from bot.nlu.red_flags import find_red_flags

    for text in sample[:200]:  # warm-up: spaCy, the matchers, the spelling tables
        find_red_flags(text)
    times: list[float] = []
    for _ in range(rounds):
        for text in sample:
            start = time.process_time()
            find_red_flags(text)
            times.append((time.process_time() - start) * 1000)
    return statistics.fmean(times), statistics.quantiles(times, n=20)[-1]


def safety_texts() -> list[str]:
    """The texts first found in a safety set (``tests/sets/safety``), each once."""
    first: dict[str, str] = {}
    for source, items in texts().items():
        for text in items:
            first.setdefault(text, source)
    return [text for text, source in first.items() if source.startswith("tests/sets/safety")]


def matcher_cost(rounds: int = 3) -> dict[str, Any]:
    """The matcher's cost per message on the safety texts, for a report."""
    safety = safety_texts()
    mean, p95 = cost_ms(safety, rounds)
    return {"texts": len(safety), "mean_ms": mean, "p95_ms": p95, "budget_ms": BUDGET_MS}


def _cost_line(found: dict[str, dict[str, Any]]) -> str:
    safety = [t for t, v in found.items() if v["source"].startswith("tests/sets/safety")]
    mean, p95 = cost_ms(safety)
    return (f"matcher cost on {len(safety)} safety texts: mean {mean:.2f} ms, "
            f"p95 {p95:.2f} ms per message (budget {BUDGET_MS} ms mean)")


def compare(saved: dict[str, dict[str, Any]], now: dict[str, dict[str, Any]]) -> list[str]:
    """One line per text whose verdict differs (or that is only in one of the two)."""
    lines = []
    for text in sorted(saved.keys() | now.keys()):
        before, after = saved.get(text), now.get(text)
        if before is None or after is None:
            lines.append(f"{'new' if before is None else 'gone'}: {text!r}")
            continue
        keys = ("level", "category", "hits")
        if any(before[k] != after[k] for k in keys):
            lines.append(
                f"{before['source']}: {text!r}: {before['level']}/{before['category']} "
                f"{before['hits']} -> {after['level']}/{after['category']} {after['hits']}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--no-cost", action="store_true", help="skip timing the matcher")
    args = parser.parse_args(argv)
    found = verdicts()
    if args.action == "save":
        args.path.write_text(json.dumps(found, ensure_ascii=False, indent=0), "utf-8")
        print(f"saved the verdicts on {len(found)} texts to {args.path}")
        changed: list[str] = []
    else:
        changed = compare(json.loads(args.path.read_text("utf-8")), found)
        print("\n".join(changed))
        print(f"{len(changed)} of {len(found)} verdicts changed")
    if not args.no_cost:
        print(_cost_line(found))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
