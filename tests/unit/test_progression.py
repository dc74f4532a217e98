"""Progression by response, table by table: a level up after 3 sessions done in full with
pain no worse, a level down when it hurt, McKenzie's stop when pain moves down the leg,
Step 4's build-up, and the plan paused by an unchecked red flag."""

from __future__ import annotations

import pytest

from bot.content.session_texts import progression_message
from bot.domain.pause import plan_paused
from bot.domain.progression import SessionResult, aerobic_dose, progress, streak

ALL = ("done", "done", "done")
MIXED = ("done", "partly", "skip")
HURT = ("done", "hurt", "done")


def s(level: int, outcomes: tuple[str, ...] = ALL, pain: str | None = "same",
      leg: bool = False) -> SessionResult:
    return SessionResult(level, outcomes, pain, leg)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("history", "top", "mckenzie", "change", "level", "run"),
    [
        # Three in a row done in full with pain no worse: up a level.
        ([s(1), s(1), s(1)], 5, False, "up", 2, 3),
        ([s(1), s(1, pain="better"), s(1)], 5, False, "up", 2, 3),
        ([s(2), s(2)], 5, False, "stay", 2, 2),
        ([s(1)], 5, False, "stay", 1, 1),
        # Mixed (partly, skipped) breaks the run: stay.
        ([s(1), s(1), s(1, MIXED)], 5, False, "stay", 1, 0),
        ([s(1, MIXED), s(1), s(1)], 5, False, "stay", 1, 2),
        ([s(1), s(1, MIXED), s(1), s(1), s(1)], 5, False, "up", 2, 3),
        # Sessions at another level do not count towards this one.
        ([s(1), s(1), s(1), s(2), s(2)], 5, False, "stay", 2, 2),
        ([s(2), s(2), s(1), s(1)], 5, False, "stay", 1, 2),
        # At the top level: no higher to go.
        ([s(4), s(4), s(4)], 4, False, "top", 4, 3),
        # It hurt, or the pain was worse: down a level; at level 1, swap the exercise.
        ([s(3), s(3), s(3, HURT)], 5, False, "down", 2, 0),
        ([s(2, pain="worse")], 5, False, "down", 1, 0),
        ([s(1, HURT)], 5, False, "swap", 1, 0),
        ([s(1, pain="worse")], 5, False, "swap", 1, 0),
        # McKenzie: pain down the leg stops progression (even after a good run).
        ([s(2), s(2), s(2, leg=True)], 4, True, "stop", 2, 0),
        ([s(2, HURT, leg=True)], 4, True, "stop", 2, 0),
        ([s(2), s(2), s(2)], 4, True, "up", 3, 3),
    ],
)
def test_progression(history: list[SessionResult], top: int, mckenzie: bool, change: str,
                     level: int, run: int) -> None:
    result = progress(history, top, mckenzie=mckenzie)
    assert (result.change, result.level, result.streak) == (change, level, run)
    assert result.previous_level == history[-1].level
    assert streak(history) == run


def test_no_session_no_progression() -> None:
    with pytest.raises(ValueError):
        progress([], 4)


@pytest.mark.parametrize(
    ("history", "top", "mckenzie", "message"),
    [
        ([s(1), s(1), s(1)], 5, False,
         "3 sessions done with pain no worse: moving you up to level 2 of 5."),
        ([s(1)], 5, False,
         "3 of 3 exercises done, pain the same during the session. 2 more sessions done in "
         "full with pain no worse will move you up to level 2 (you're at level 1)."),
        ([s(1), s(1, pain="better")], 5, False,
         "3 of 3 exercises done, pain better during the session. 1 more session done in "
         "full with pain no worse will move you up to level 2 (you're at level 1)."),
        ([s(3, HURT)], 5, False,
         "It hurt during 1 of 3 exercises: back to level 2 of 5 for now. Go gently, and stop "
         "anything that hurts."),
        ([s(2, pain="worse")], 5, False,
         "Your pain was worse during the session: back to level 1 of 5 for now. Go gently, "
         "and stop anything that hurts."),
        ([s(4), s(4), s(4)], 4, False,
         "3 sessions done with pain no worse, and you're at the top level (4 of 4): keep "
         "going at this level."),
    ],
)
def test_every_change_is_told_in_numbers(history: list[SessionResult], top: int,
                                         mckenzie: bool, message: str) -> None:
    assert progression_message(progress(history, top, mckenzie=mckenzie)) == message


def test_pain_down_the_leg_says_to_tell_a_clinician_plainly() -> None:
    message = progression_message(progress([s(2, leg=True)], 4, mckenzie=True))
    assert "down your leg" in message and "tell your clinician" in message
    assert "level 2" in message
    assert "⚠" not in message and "🚨" not in message


@pytest.mark.parametrize(
    ("minutes", "days", "week", "dose"),
    [
        ((15, 40), (3, 6), 0, (15, 3)),
        ((15, 40), (3, 6), 1, (20, 4)),
        ((15, 40), (3, 6), 3, (30, 6)),
        ((15, 40), (3, 6), 5, (40, 6)),
        ((15, 40), (3, 6), 52, (40, 6)),
        ((15, 30), (3, 5), 4, (30, 5)),
        ((15, 30), (3, 5), -1, (15, 3)),
    ],
)
def test_aerobic_exercise_builds_up_week_by_week(
    minutes: tuple[int, int], days: tuple[int, int], week: int, dose: tuple[int, int]
) -> None:
    assert aerobic_dose(minutes, days, week) == dose


@pytest.mark.parametrize(
    ("kinds", "paused"),
    [
        ([], False),
        (["red_flag"], True),
        (["red_flag", "assessed"], False),
        (["red_flag", "assessed", "red_flag"], True),
        (["red_flag", "crisis"], True),
        (["crisis"], False),
        (["assessed"], False),
    ],
)
def test_the_plan_is_paused_while_a_red_flag_is_unchecked(kinds: list[str], paused: bool) -> None:
    assert plan_paused(kinds) is paused
