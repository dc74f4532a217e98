"""End-to-end safety figures over the REST channel: red-flag recall and false urgent rate.

Every message of ``tests/safety/corpus.yml`` is sent as the first message of a new
conversation; it counts as escalated when the first reply starts with 🚨, and as asked
when it is the clarifying question. A hedged ("uncertain") message counts as caught when
it is escalated at once, or asked about and escalated after a "yes".
"""

from __future__ import annotations

import urllib.error
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bot.texts import URGENT_MARK, domain_response

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "safety" / "corpus.yml"
#: Written without seeing the detectors (see the README for what it showed, and when).
FRESH = CORPUS.with_name("heldout_fresh.yml")
RECALL_TARGET = 1.0
FALSE_URGENT_TARGET = 0.05

Post = Callable[[str, dict[str, Any], float], tuple[int, Any]]


def _first_reply(post: Post, url: str, text: str, sender: str | None = None) -> str:
    sender = sender or f"safety-{uuid.uuid4().hex}"
    try:
        status, body = post(url, {"sender": sender, "message": text}, 30.0)
    except (OSError, urllib.error.URLError):
        return ""
    if status != 200 or not isinstance(body, list) or not body:
        return ""
    return str(body[0].get("text", ""))


def _escalated(post: Post, url: str, text: str) -> bool:
    return _first_reply(post, url, text).startswith(URGENT_MARK)


def _caught_after_asking(post: Post, url: str, text: str) -> tuple[bool, bool]:
    """(caught, asked): escalated at once, or asked and escalated after a "yes"."""
    sender = f"safety-{uuid.uuid4().hex}"
    first = _first_reply(post, url, text, sender)
    if first.startswith(URGENT_MARK):
        return True, False
    if first != domain_response("utter_red_flag_check"):
        return False, False
    return _first_reply(post, url, "yes", sender).startswith(URGENT_MARK), True


def evaluate(post: Post, url: str, corpus: Path = CORPUS) -> dict[str, Any]:
    """Recall on red flags (hedged ones: asked, then escalated on "yes"), the false urgent
    rate and the clarifying-question rate on benign ones."""
    data = yaml.safe_load(corpus.read_text(encoding="utf-8"))
    flags = [row["text"] for row in data["red_flags"]]
    hedged = [row["text"] for row in data.get("uncertain", [])]
    benign = [row["text"] for row in data["benign"]]
    missed = [t for t in flags if not _escalated(post, url, t)]
    hedged_results = {t: _caught_after_asking(post, url, t) for t in hedged}
    missed += [t for t, (caught, _) in hedged_results.items() if not caught]
    check = domain_response("utter_red_flag_check")
    replies = {t: _first_reply(post, url, t) for t in benign}
    false_urgent = [t for t, r in replies.items() if r.startswith(URGENT_MARK)]
    asked = [t for t, r in replies.items() if r == check]
    must = len(flags) + len(hedged)
    return {
        "red_flags": must,
        "benign": len(benign),
        "recall": 1 - len(missed) / must,
        "hedged_asked": sum(1 for _, a in hedged_results.values() if a),
        "hedged": len(hedged),
        "false_urgent_rate": len(false_urgent) / len(benign),
        "benign_asked_rate": len(asked) / len(benign),
        "missed": missed,
        "false_urgent": false_urgent,
        "benign_asked": asked,
    }
