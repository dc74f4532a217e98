"""Today's exercise session: which exercises, from the person's plan and level.

Step 2 (or Step 1's next regimen is not yet due): 3 to 5 exercises of the regimen, those of
the person's level first and lower levels filling in, easiest first; a regimen with fewer
exercises at or below the level gives fewer. Step 1 is the passive stretching routine, to
show the practitioner. When Step 4 applies, the aerobic option comes last, its minutes and
days built up week by week (:func:`bot.domain.progression.aerobic_dose`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from bot.domain.programme import Regimen
from bot.domain.progression import aerobic_dose
from bot.exercises.library import AEROBIC, Exercise, Library

MIN_EXERCISES, MAX_EXERCISES = 3, 5
#: What the session ends with: the pain question (and, for McKenzie, the leg question), or
#: for Step 1 whether the practitioner stretched the person today.
EndQuestion = Literal["pain", "pain_and_leg", "stretching"]


@dataclass(frozen=True)
class PlanToday:
    """The parts of the latest recommendation a session is chosen from."""

    step: int
    regimen: str
    next_regimen: str | None
    aerobic: bool


@dataclass(frozen=True)
class Item:
    """One exercise of the session; for aerobic exercise, today's minutes and days a week."""

    exercise: Exercise
    minutes: int | None = None
    days_per_week: int | None = None


@dataclass(frozen=True)
class TodaySession:
    """What today's session is: its regimen and level, the exercises, the end question."""

    step: int
    regimen: str
    level: int
    items: tuple[Item, ...]
    end_question: EndQuestion


def pick(
    library: Library, regimen: str, level: int, avoid: Collection[str] = ()
) -> tuple[Exercise, ...]:
    """Up to :data:`MAX_EXERCISES` of ``regimen``: the level's own first, then the levels
    below, nearest first; listed easiest first. Exercises in ``avoid`` (they hurt last
    time) are left out unless nothing else is left."""
    pool = [e for e in library.regimen(regimen) if e.level <= level]
    kept = [e for e in pool if e.id not in avoid] or pool
    chosen: list[Exercise] = []
    for at in sorted({e.level for e in kept}, reverse=True):
        for exercise in kept:
            if exercise.level == at and len(chosen) < MAX_EXERCISES:
                chosen.append(exercise)
    order = {e.id: i for i, e in enumerate(library.regimen(regimen))}
    return tuple(sorted(chosen, key=lambda e: order[e.id]))


def aerobic_item(library: Library, week: int) -> Item:
    """The aerobic option (the library's first), with this week's minutes and days."""
    exercise = library.regimen(AEROBIC)[0]
    assert exercise.dose.minutes is not None and exercise.dose.days_per_week is not None
    minutes, days = aerobic_dose(exercise.dose.minutes, exercise.dose.days_per_week, week)
    return Item(exercise, minutes, days)


def choose(
    plan: PlanToday,
    level: int,
    library: Library,
    *,
    avoid: Collection[str] = (),
    aerobic_week: int = 0,
) -> TodaySession:
    """Today's session for ``plan`` at ``level`` (of the session's regimen)."""
    if plan.step == 1 and plan.regimen == Regimen.PASSIVE_STRETCHING.value:
        regimen, level = plan.regimen, 1
        items = [Item(e) for e in library.regimen(regimen)]
        question: EndQuestion = "stretching"
    else:
        regimen = plan.regimen
        level = min(max(level, 1), max(library.levels(regimen)))
        items = [Item(e) for e in pick(library, regimen, level, avoid)]
        question = "pain_and_leg" if regimen == Regimen.MCKENZIE.value else "pain"
    if plan.aerobic:
        items.append(aerobic_item(library, aerobic_week))
    return TodaySession(plan.step, regimen, level, tuple(items), question)
