"""Which step comes next: the programme's rules, table by table."""

from __future__ import annotations

import pytest

from bot.domain.programme import Intake, Regimen, duration_class, recommend

S1, S2 = 1, 2
MCK, STAB, STRETCH = Regimen.MCKENZIE, Regimen.STABILISATION, Regimen.PASSIVE_STRETCHING


@pytest.mark.parametrize(
    ("direction", "flex", "spasm", "score", "leg", "step", "regimen", "after", "aerobic", "rule"),
    [
        # Flexible enough: straight to Step 2, regimen by direction.
        ("flexion", "normal", False, 6, False, S2, MCK, None, False, "flexion_pain_mckenzie"),
        ("flexion", "normal", False, 6, True, S2, MCK, None, False, "flexion_pain_mckenzie"),
        ("extension", "normal", False, 5, False, S2, STAB, None, False,
         "extension_pain_stabilisation"),
        ("extension", "normal", False, 5, True, S2, STAB, None, False,
         "extension_pain_stabilisation"),
        ("both", "normal", False, 7, False, S2, STAB, None, False,
         "both_directions_stabilisation"),
        ("none", "normal", False, 4, False, S2, STAB, None, False, "no_direction_stabilisation"),
        ("none", "normal", False, 4, True, S2, MCK, None, False, "leg_pain_mckenzie"),
        # Tight muscles or a frozen back: Step 1 first, naming the Step 2 that follows.
        ("flexion", "tight", False, 6, False, S1, STRETCH, MCK, False,
         "tight_stretch_first+flexion_pain_mckenzie"),
        ("extension", "tight", False, 6, False, S1, STRETCH, STAB, False,
         "tight_stretch_first+extension_pain_stabilisation"),
        ("both", "tight", True, 8, False, S1, STRETCH, STAB, False,
         "spasm_stretch_first+both_directions_stabilisation"),
        ("none", "normal", True, 8, True, S1, STRETCH, MCK, False,
         "spasm_stretch_first+leg_pain_mckenzie"),
        # Pain under control (<= 3/10) adds Step 4.
        ("flexion", "normal", False, 3, False, S2, MCK, None, True, "flexion_pain_mckenzie"),
        ("extension", "normal", False, 0, False, S2, STAB, None, True,
         "extension_pain_stabilisation"),
        ("flexion", "tight", False, 2, False, S1, STRETCH, MCK, True,
         "tight_stretch_first+flexion_pain_mckenzie"),
        ("flexion", "normal", False, 3.5, False, S2, MCK, None, False, "flexion_pain_mckenzie"),
        ("flexion", "normal", False, 10, False, S2, MCK, None, False, "flexion_pain_mckenzie"),
    ],
)
def test_recommendation_table(
    direction, flex, spasm, score, leg, step, regimen, after, aerobic, rule  # type: ignore[no-untyped-def]
) -> None:
    intake = Intake(direction, 21, flex, score, leg, spasm)
    rec = recommend(intake)
    assert (rec.step, rec.regimen, rec.next_regimen, rec.aerobic, rec.rule) == (
        step,
        regimen,
        after,
        aerobic,
        rule,
    )


@pytest.mark.parametrize(
    ("days", "expected"),
    [(0, "acute"), (10, "acute"), (41, "acute"), (42, "subacute"), (84, "subacute"),
     (85, "chronic"), (3650, "chronic")],
)
def test_duration_class(days: int, expected: str) -> None:
    assert duration_class(days) == expected
