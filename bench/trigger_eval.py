"""How typed answers to "what seemed to make it worse today?" are grouped into the
check-in's categories (:func:`bot.nlu.triggers.trigger_categories`), against blind sets
in ``tests/sets/triggers/`` (each written by someone who saw no code, data or tests).

Prints, per set: answers grouped exactly right, and per category how many of the answers
that name it were found (recall) and how many found were right (precision); then every
miss. ``make eval`` runs it; ``--sets`` picks files by name.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from bot.nlu.triggers import trigger_categories

SETS = Path(__file__).resolve().parent.parent / "tests" / "sets" / "triggers"


def evaluate(path: Path) -> tuple[str, list[str]]:
    """The summary line of one set and its misses."""
    answers = yaml.safe_load(path.read_text("utf-8"))["answers"]
    right, found, named, correct = 0, Counter[str](), Counter[str](), Counter[str]()
    misses = []
    for answer in answers:
        expected = set(answer["categories"])
        got = set(trigger_categories(answer["text"]))
        right += got == expected
        named.update(expected)
        found.update(got)
        correct.update(got & expected)
        if got != expected:
            misses.append(f"  {answer['text']!r}: expected {sorted(expected)}, got {sorted(got)}")
    per = ", ".join(
        f"{c} {correct[c]}/{named[c]} found, {correct[c]}/{found[c]} right"
        for c in sorted(named | found)
    )
    return f"{path.stem}: {right}/{len(answers)} exactly right; {per}", misses


def main(argv: list[str] | None = None) -> int:
    """Evaluate every set (or those named); always 0: the figures are the point."""
    parser = argparse.ArgumentParser(prog="bench.trigger_eval")
    parser.add_argument("--sets", nargs="*", default=None)
    args = parser.parse_args(argv)
    for path in sorted(SETS.glob("*.yml")):
        if args.sets and path.stem not in args.sets:
            continue
        line, misses = evaluate(path)
        print(line)
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
