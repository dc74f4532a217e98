"""Whole intakes over the REST channel: does each scenario of a blind set finish correctly?

``make eval`` runs it after the safety figures: every scenario of every set under
``tests/sets/intake/`` is played by a scripted person (:mod:`tests.support.scripted_user`)
as a new conversation, and each set prints finished-correctly / finished-wrong /
escalated / dead end / loop, the share of ordinary messages that drew the clarifying
safety question, and a transcript of every failure.
"""

from __future__ import annotations

import argparse
import json
import urllib.parse
import urllib.request
import uuid
from itertools import groupby
from pathlib import Path
from typing import Any

import yaml

from bench.processes import REQUEST_TIMEOUT_S, Processes, post_json
from bench.serving import BACKSTEP_MODEL, serve_backstep
from tests.support.paths import ROOT
from tests.support.scripted_user import Result, load_set, play, summary

SETS = ROOT / "tests" / "sets" / "intake"


class RestTransport:
    """The REST channel and Rasa's HTTP API (``rasa run --enable-api``)."""

    def __init__(self, webhook_url: str) -> None:
        self.webhook_url = webhook_url
        self.base = webhook_url.split("/webhooks/")[0]

    def send(self, sender: str, text: str) -> list[dict[str, Any]]:
        """POST the message; the bot's replies."""
        status, body = post_json(
            self.webhook_url, {"sender": sender, "message": text}, REQUEST_TIMEOUT_S
        )
        return body if status == 200 and isinstance(body, list) else []

    def state(self, sender: str) -> dict[str, Any]:
        """GET the tracker."""
        url = f"{self.base}/conversations/{urllib.parse.quote(sender)}/tracker"
        with urllib.request.urlopen(url, timeout=30) as response:
            return dict(json.loads(response.read()))


def report(name: str, results: list[Result]) -> str:
    """The set's summary line, the transcript of every scenario that failed, and every
    ordinary message that drew the clarifying question."""
    lines = [summary(name, results)]
    for r in results:
        if r.outcome != "correct" or r.question_out_of_scope:
            lines.append(f"  {r.outcome.upper():<10} {r.scenario.id}: {'; '.join(r.problems)}")
            lines.extend(f"      {line}" for line in r.transcript)
    asked = [f"  {r.scenario.id} {said}" for r in results for said in r.clarified_by]
    if asked:
        lines.append("  Ordinary messages that drew the clarifying question:")
        lines.extend(asked)
    return "\n".join(lines)


def evaluate(transport: RestTransport, path: Path) -> tuple[str, list[Result]]:
    """Play every scenario of one set file."""
    name, scenarios = load_set(path)
    return name, [play(transport, s, f"intake-{s.id}-{uuid.uuid4().hex[:8]}") for s in scenarios]


def main(argv: list[str] | None = None) -> int:
    """Serve the model with its action server and play the intake sets (all, or --sets)."""
    parser = argparse.ArgumentParser(prog="bench.intake_eval", description=main.__doc__)
    parser.add_argument("--model", type=Path, default=BACKSTEP_MODEL)
    parser.add_argument("--sets", nargs="*", metavar="NAME", help="set files, by part of the name")
    args = parser.parse_args(argv)
    paths = [
        p for p in sorted(SETS.glob("*.yml"))
        if not args.sets or any(s in p.name for s in args.sets)
    ]
    for today, group in groupby(sorted(paths, key=_written_for), key=_written_for):
        # a set counts its durations back from the day it was written
        procs = Processes()
        try:
            url = serve_backstep(procs, args.model, "intake_eval", today)
            for path in group:
                name, results = evaluate(RestTransport(url), path)
                print(report(name, results), flush=True)
        finally:
            procs.stop_all()
    return 0


def _written_for(path: Path) -> str:
    """The day a set's durations count back from (its ``today``), ISO."""
    return str(yaml.safe_load(path.read_text(encoding="utf-8")).get("today") or "")


if __name__ == "__main__":
    raise SystemExit(main())
