"""Progression by response: the level of a person's exercises after each session, and the
aerobic dose of Step 4 week by week.

Plain functions over plain data (see :mod:`bot.domain.trends` for the step-to-step
progression of the plan itself). A session counts towards the next level when every
exercise was done and the pain was no worse; :data:`SESSIONS_TO_LEVEL_UP` of those in a
row at one level move the person up. A session that hurt, or with worse pain, steps the
level down (at level 1: the exercise that hurt is swapped for another next time). For
McKenzie exercises, pain moving down the leg stops the progression and the person is told
to see a clinician.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Outcome = Literal["done", "partly", "skip", "hurt"]
PainDuring = Literal["better", "same", "worse"]
#: up: a level higher; stay: not yet; top: already at the highest level; down: a level
#: lower; swap: level 1 already, the exercise that hurt is left out next time; stop:
#: McKenzie pain moved down the leg.
Change = Literal["up", "stay", "top", "down", "swap", "stop"]

OUTCOMES: tuple[Outcome, ...] = ("done", "partly", "skip", "hurt")
PAIN_DURING: tuple[PainDuring, ...] = ("better", "same", "worse")
#: Sessions done in full with pain no worse, in a row at one level, to move up a level.
SESSIONS_TO_LEVEL_UP = 3
#: Step 4's build-up: each week adds this many minutes and one day, up to the goal.
AEROBIC_MINUTES_PER_WEEK = 5
AEROBIC_DAYS_PER_WEEK = 1


@dataclass(frozen=True)
class SessionResult:
    """One finished session of a regimen: its level, each exercise's outcome and the pain
    during it (and, for McKenzie, whether the pain moved down the leg)."""

    level: int
    outcomes: tuple[Outcome, ...]
    pain: PainDuring | None
    leg_pain_moved: bool = False

    @property
    def hurt(self) -> bool:
        """An exercise hurt, or the pain was worse during the session."""
        return "hurt" in self.outcomes or self.pain == "worse"

    @property
    def done_in_full(self) -> bool:
        """Every exercise done, nothing hurt, pain no worse: a step towards the next level."""
        return (
            bool(self.outcomes)
            and all(o == "done" for o in self.outcomes)
            and self.pain in ("better", "same")
            and not self.leg_pain_moved
        )


@dataclass(frozen=True)
class Progression:
    """What the latest session changes, with the numbers that say why."""

    change: Change
    previous_level: int
    level: int  # for the next session
    top_level: int
    #: Sessions done in full with pain no worse, in a row at the latest session's level.
    streak: int
    needed: int
    done: int  # exercises done in the latest session
    total: int  # exercises in the latest session
    hurt: int  # exercises that hurt in the latest session
    pain: PainDuring | None

    @property
    def to_go(self) -> int:
        """More sessions done in full (with pain no worse) before the next level."""
        return max(self.needed - self.streak, 0)


def streak(history: Sequence[SessionResult]) -> int:
    """How many sessions at the latest one's level, in a row up to it, were done in full."""
    if not history:
        return 0
    level, count = history[-1].level, 0
    for session in reversed(history):
        if session.level != level or not session.done_in_full:
            break
        count += 1
    return count


def progress(
    history: Sequence[SessionResult],
    top_level: int,
    *,
    mckenzie: bool = False,
    needed: int = SESSIONS_TO_LEVEL_UP,
) -> Progression:
    """The level after the latest session of ``history`` (a regimen's finished sessions,
    oldest first); levels run from 1 to ``top_level``."""
    if not history:
        raise ValueError("no session to progress from")
    latest = history[-1]
    level = latest.level
    run = streak(history)
    change: Change
    if mckenzie and latest.leg_pain_moved:
        change, new = "stop", level
    elif latest.hurt:
        change, new = ("down", level - 1) if level > 1 else ("swap", level)
    elif run >= needed:
        change, new = ("up", level + 1) if level < top_level else ("top", level)
    else:
        change, new = "stay", level
    return Progression(
        change=change,
        previous_level=level,
        level=new,
        top_level=top_level,
        streak=run,
        needed=needed,
        done=sum(o == "done" for o in latest.outcomes),
        total=len(latest.outcomes),
        hurt=sum(o == "hurt" for o in latest.outcomes),
        pain=latest.pain,
    )


def aerobic_dose(
    minutes: tuple[int, int], days_per_week: tuple[int, int], week: int
) -> tuple[int, int]:
    """Step 4's minutes a session and days a week in ``week`` (0: the first week of aerobic
    exercise): from the start of each range, up by a step a week, never past the goal."""
    week = max(week, 0)
    return (
        min(minutes[0] + AEROBIC_MINUTES_PER_WEEK * week, minutes[1]),
        min(days_per_week[0] + AEROBIC_DAYS_PER_WEEK * week, days_per_week[1]),
    )

