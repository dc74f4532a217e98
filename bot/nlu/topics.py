"""Which topic a question is about: the topic whose cue phrases cover most of it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence


def _words(text: str) -> str:
    """The words of ``text``, lower case, each without a plural "s" ("aerobics" is
    "aerobic", "weekends" "weekend"), between spaces."""
    found = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    return " " + " ".join(_singular(w) for w in found) + " "


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


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
