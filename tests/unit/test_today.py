"""Today's session, from the plan and the level, over the shipped exercise library."""

from __future__ import annotations

import pytest

from bot.exercises.library import exercise_library
from bot.exercises.today import MAX_EXERCISES, PlanToday, choose, pick

LIB = exercise_library()
MCK = PlanToday(2, "mckenzie", None, False)
STAB = PlanToday(2, "stabilisation", None, False)
STRETCH = PlanToday(1, "passive_stretching", "stabilisation", False)


def ids(plan: PlanToday, level: int, **kw: object) -> list[str]:
    return [i.exercise.id for i in choose(plan, level, LIB, **kw).items]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("plan", "level", "expected"),
    [
        (STAB, 1, ["abdominal_bracing", "pelvic_tilt"]),
        (STAB, 2, ["abdominal_bracing", "pelvic_tilt", "bridge", "supine_march"]),
        # The level's own exercises first, then the level below, up to five.
        (STAB, 3, ["bridge", "supine_march", "bird_dog", "dead_bug", "side_plank_knees"]),
        (STAB, 4, ["bird_dog", "dead_bug", "side_plank", "front_plank", "single_leg_bridge"]),
        (STAB, 5, ["side_plank", "front_plank", "single_leg_bridge", "plank_leg_lift",
                   "side_plank_leg_lift"]),
        (MCK, 1, ["prone_lying"]),
        (MCK, 3, ["prone_lying", "prone_on_elbows", "prone_press_up"]),
        (MCK, 4, ["prone_lying", "prone_on_elbows", "prone_press_up", "standing_extension"]),
        # A level past the top is the top; below 1 is 1.
        (MCK, 9, ["prone_lying", "prone_on_elbows", "prone_press_up", "standing_extension"]),
        (STAB, 0, ["abdominal_bracing", "pelvic_tilt"]),
    ],
)
def test_step_2_exercises_at_the_level_lower_levels_filling_in(
    plan: PlanToday, level: int, expected: list[str]
) -> None:
    assert ids(plan, level) == expected


def test_every_level_gives_at_most_five_never_one_above_the_level() -> None:
    for regimen in ("mckenzie", "stabilisation"):
        for level in LIB.levels(regimen):
            chosen = pick(LIB, regimen, level)
            assert 1 <= len(chosen) <= MAX_EXERCISES
            assert max(e.level for e in chosen) == level
            assert all(e.level <= level for e in chosen)


def test_an_exercise_that_hurt_is_swapped_when_there_is_another() -> None:
    # Bird dog hurt: the next level down fills its place (still five, none above level 3).
    assert ids(STAB, 3, avoid={"bird_dog"}) == [
        "abdominal_bracing", "bridge", "supine_march", "dead_bug", "side_plank_knees",
    ]
    assert ids(MCK, 1, avoid={"prone_lying"}) == ["prone_lying"]  # nothing else to do


def test_step_1_is_the_whole_stretching_routine_and_its_own_question() -> None:
    today = choose(STRETCH, 3, LIB)
    assert today.end_question == "stretching"
    assert (today.regimen, today.level) == ("passive_stretching", 1)
    assert [i.exercise.id for i in today.items] == [e.id for e in LIB.regimen("passive_stretching")]
    assert all(i.exercise.performed_by == "practitioner" for i in today.items)


@pytest.mark.parametrize(
    ("plan", "question"), [(MCK, "pain_and_leg"), (STAB, "pain"), (STRETCH, "stretching")]
)
def test_the_end_question_follows_the_regimen(plan: PlanToday, question: str) -> None:
    assert choose(plan, 1, LIB).end_question == question


@pytest.mark.parametrize(("week", "minutes", "days"), [(0, 15, 3), (2, 25, 5), (10, 40, 6)])
def test_step_4_adds_the_aerobic_option_built_up_by_week(week: int, minutes: int,
                                                         days: int) -> None:
    plan = PlanToday(2, "stabilisation", None, True)
    today = choose(plan, 2, LIB, aerobic_week=week)
    last = today.items[-1]
    assert last.exercise.regimen == "aerobic"
    assert (last.minutes, last.days_per_week) == (minutes, days)
    assert [i.exercise.id for i in today.items[:-1]] == ids(STAB, 2)
    assert "aerobic" not in {i.exercise.regimen for i in choose(STAB, 2, LIB).items}
