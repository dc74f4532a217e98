"""Which topic a question is about: the topic whose cue phrases cover most of it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))) + " "


def best_topic(text: str, cues: Mapping[str, Sequence[str]]) -> str | None:
    """The topic with the most question text covered by its cues (whole words), or None.

    Longer cues weigh more ("how often" over "often"); a tie goes to the topic listed first.
    """
    words = _words(text)
    best, best_score = None, 0
    for topic, phrases in cues.items():
        score = sum(len(p) for p in phrases if _words(p) in words)
        if score > best_score:
            best, best_score = topic, score
    return best
