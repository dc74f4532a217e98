"""Backstep's domain rules: which action step comes next, and why.

Plain functions over plain data, with no Rasa or Telegram in sight, so that each
rule can be read next to the seed programme (``seeds/step5-stretch-and-exercise.txt``)
and tested from a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

Direction = Literal["flexion", "extension", "both", "none"]
Flexibility = Literal["tight", "normal"]
DurationClass = Literal["acute", "subacute", "chronic"]

#: The intake's answers, as the slots hold them (spasm comes with flexibility).
INTAKE_SLOTS: tuple[str, ...] = (
    "pain_direction", "pain_duration_days", "flexibility", "pain_score", "leg_pain"
)
DIRECTIONS: tuple[Direction, ...] = ("flexion", "extension", "both", "none")
FLEXIBILITIES: tuple[Flexibility, ...] = ("tight", "normal")

#: Pain at or below this score counts as "under control" (Step 4, aerobic exercise).
PAIN_UNDER_CONTROL = 3
#: Episodes shorter than 6 weeks are acute, 6-12 weeks subacute, longer chronic.
ACUTE_MAX_DAYS = 42
SUBACUTE_MAX_DAYS = 84
MAX_PAIN_SCORE = 10


class Regimen(str, Enum):
    """The exercise regimens of the programme."""

    PASSIVE_STRETCHING = "passive_stretching"
    MCKENZIE = "mckenzie"
    STABILISATION = "stabilisation"


@dataclass(frozen=True)
class Intake:
    """The intake answers, as the slots hold them."""

    pain_direction: Direction
    pain_duration_days: float
    flexibility: Flexibility
    pain_score: float
    leg_pain: bool
    spasm: bool = False


@dataclass(frozen=True)
class Recommendation:
    """What to do now.

    ``step`` is the action step to do now (1 or 2), ``regimen`` its regimen; when
    Step 1 comes first, ``next_regimen`` is the Step 2 regimen that follows it.
    Step 3 (the journal) always applies; ``aerobic`` adds Step 4. ``rule`` names
    the rule that chose the plan, for the journal.
    """

    step: int
    regimen: Regimen
    next_regimen: Regimen | None
    aerobic: bool
    rule: str

    @property
    def exercise_regimen(self) -> Regimen:
        """The Step 2 regimen, now or after the stretching."""
        return self.next_regimen or self.regimen


def duration_class(days: float) -> DurationClass:
    """Acute (< 6 weeks), subacute (6-12 weeks) or chronic (> 12 weeks)."""
    if days < ACUTE_MAX_DAYS:
        return "acute"
    if days <= SUBACUTE_MAX_DAYS:
        return "subacute"
    return "chronic"


def exercise_regimen(direction: Direction, leg_pain: bool) -> tuple[Regimen, str]:
    """Step 2: McKenzie or stabilisation, from the painful direction and leg pain.

    McKenzie (extension-based) suits pain on bending forward and leg pain from a
    disc; stabilisation (neutral spine, core) suits pain on leaning back or no
    clear direction. When both directions hurt, stabilisation is the safe start
    and a professional should find the direction.
    """
    if direction == "flexion":
        return Regimen.MCKENZIE, "flexion_pain_mckenzie"
    if direction == "extension":
        return Regimen.STABILISATION, "extension_pain_stabilisation"
    if direction == "both":
        return Regimen.STABILISATION, "both_directions_stabilisation"
    if leg_pain:
        return Regimen.MCKENZIE, "leg_pain_mckenzie"
    return Regimen.STABILISATION, "no_direction_stabilisation"


def pain_under_control(pain_score: float) -> bool:
    """True when pain is low enough (<= 3/10) to add aerobic exercise (Step 4)."""
    return pain_score <= PAIN_UNDER_CONTROL


def recommend(intake: Intake) -> Recommendation:
    """The next action step for a completed intake.

    Tight muscles or a frozen back come first (Step 1, passive stretching), then
    the Step 2 regimen; Step 3 always; Step 4 once pain is under control.
    """
    regimen, rule = exercise_regimen(intake.pain_direction, intake.leg_pain)
    aerobic = pain_under_control(intake.pain_score)
    if intake.spasm or intake.flexibility == "tight":
        first = "spasm_stretch_first" if intake.spasm else "tight_stretch_first"
        return Recommendation(
            step=1,
            regimen=Regimen.PASSIVE_STRETCHING,
            next_regimen=regimen,
            aerobic=aerobic,
            rule=f"{first}+{rule}",
        )
    return Recommendation(step=2, regimen=regimen, next_regimen=None, aerobic=aerobic, rule=rule)
