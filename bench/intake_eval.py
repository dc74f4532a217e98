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
from pathlib import Path
from typing import Any

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
        from bench.run import REQUEST_TIMEOUT_S, post_json

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
    """The set's summary line, then the transcript of every scenario that failed."""
    lines = [summary(name, results)]
    for r in results:
        if r.outcome != "correct" or r.question_out_of_scope:
            lines.append(f"  {r.outcome.upper():<10} {r.scenario.id}: {'; '.join(r.problems)}")
            lines.extend(f"      {line}" for line in r.transcript)
    return "\n".join(lines)


def evaluate(transport: RestTransport, path: Path) -> tuple[str, list[Result]]:
    """Play every scenario of one set file."""
    name, scenarios = load_set(path)
    return name, [play(transport, s, f"intake-{s.id}-{uuid.uuid4().hex[:8]}") for s in scenarios]


def main(argv: list[str] | None = None) -> int:
    """Serve the model with its action server and play the intake sets (all, or --sets)."""
    from bench import run

    parser = argparse.ArgumentParser(prog="bench.intake_eval", description=main.__doc__)
    parser.add_argument("--model", type=Path, default=run.BACKSTEP_MODEL)
    parser.add_argument("--sets", nargs="*", metavar="NAME", help="set files, by part of the name")
    args = parser.parse_args(argv)
    paths = [
        p for p in sorted(SETS.glob("*.yml"))
        if not args.sets or any(s in p.name for s in args.sets)
    ]
    run.OUT.mkdir(parents=True, exist_ok=True)
    procs = run.Processes()
    db = run.OUT / "intake_eval.sqlite3"
    db.unlink(missing_ok=True)
    env = run.child_env(BACKSTEP_DB_URL=f"sqlite:///{db}")
    try:
        procs.run([str(run.BIN / "backstep"), "db", "upgrade"], "intake_db.log", run.ROOT, env)
        action_port, _ = run.start_action_server(procs, env)
        bot = run.Bot(
            "backstep", run.ROOT, args.model, run.backstep_endpoints(action_port),
            run.ROOT / "credentials.yml", env,
        )
        transport = RestTransport(run.start_rasa(procs, bot))
        for path in paths:
            name, results = evaluate(transport, path)
            print(report(name, results), flush=True)
    finally:
        procs.stop_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
