"""Print the intent F1 of `rasa test nlu` on the held-out set, and fail under the floor.

Usage: python -m tests.support.nlu_report results/nlu/intent_report.json [--min-f1 0.80]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SUMMARY_KEYS = ("accuracy", "macro avg", "weighted avg", "micro avg")


def main(argv: list[str] | None = None) -> int:
    """Print a per-intent table and the weighted F1; non-zero exit under ``--min-f1``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("report", type=Path)
    parser.add_argument("--min-f1", type=float, default=0.80)
    args = parser.parse_args(argv)
    report = json.loads(args.report.read_text(encoding="utf-8"))
    print(f"{'intent':<16} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>4}")
    for intent, scores in sorted(report.items()):
        if intent in SUMMARY_KEYS or not isinstance(scores, dict):
            continue
        print(
            f"{intent:<16} {scores['precision']:>9.2f} {scores['recall']:>7.2f} "
            f"{scores['f1-score']:>6.2f} {scores['support']:>4}"
        )
    weighted = report["weighted avg"]["f1-score"]
    print(f"Held-out intent F1 (weighted): {weighted:.3f} (floor {args.min_f1:.2f})")
    return 0 if weighted >= args.min_f1 else 1


if __name__ == "__main__":
    sys.exit(main())
