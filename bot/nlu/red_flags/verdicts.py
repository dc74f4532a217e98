"""What the red-flag matcher decides: each mention's category and status, and the verdict
for a whole message (the most urgent category at its level)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from bot.domain.escalation import UNSPECIFIED
from bot.nlu.red_flags import vocabulary as RV

CATEGORIES: tuple[str, ...] = RV.CATEGORIES


#: "other": present (or possible) in someone else, whose emergency it is ("my dad fell
#: off the ladder and can't feel his legs").
Status = Literal["present", "negated", "uncertain", "other"]


Level = Literal["urgent", "clarify", "other", "none"]



class DetectorFailed(Exception):
    """The matcher raised on a message: it was not read, so it is not cleared."""


@dataclass(frozen=True)
class RedFlagHit:
    """One red-flag mention: its category, status and character span."""

    category: str
    status: Status
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RedFlagVerdict:
    """The decision for a whole message."""

    level: Level
    category: str | None  # most urgent category at that level
    hits: tuple[RedFlagHit, ...]


def verdict_for(hits: Iterable[RedFlagHit]) -> RedFlagVerdict:
    """Combine hits: urgent if any present, else clarify if any uncertain, else other if
    someone else has one (the writer's own come first), else none."""
    hits = tuple(hits)
    for level, status in (("urgent", "present"), ("clarify", "uncertain"), ("other", "other")):
        categories = {h.category for h in hits if h.status == status}
        if categories:
            category = min(categories, key=CATEGORIES.index)
            return RedFlagVerdict(level, category, hits)  # type: ignore[arg-type]
    return RedFlagVerdict("none", None, hits)


#: The verdict for a message the matcher failed on: fail closed, ask (the clarifying
#: question needs neither the action server nor the database).
NOT_READ = RedFlagVerdict("clarify", UNSPECIFIED, ())
