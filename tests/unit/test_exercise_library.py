"""The exercise library: every regimen complete and traced to the seed; a broken file refused
with a message that names the file and the field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.domain.programme import Regimen
from bot.exercises.library import (
    AEROBIC,
    REGIMENS,
    Exercise,
    ExerciseDataError,
    default_directory,
    exercise_library,
    load_library,
    load_regimen,
)
from bot.exercises.poses import PoseDataError, parse_poses, poses
from bot.exercises.scene import SCENES
from tests.support.paths import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
LIBRARY = exercise_library()
ALL = LIBRARY.exercises


def _ids(e: Exercise) -> str:
    return e.id


@pytest.mark.parametrize("regimen", REGIMENS)
def test_every_regimen_has_exercises(regimen: str) -> None:
    assert len(LIBRARY.regimen(regimen)) >= 4


def test_every_programme_regimen_has_a_file() -> None:
    assert {r.value for r in Regimen} | {AEROBIC} == set(REGIMENS)


def test_stabilisation_has_exercises_at_every_level_from_one() -> None:
    levels = LIBRARY.levels(Regimen.STABILISATION)
    assert levels == tuple(range(1, len(levels) + 1)) and len(levels) >= 4
    for level in levels:
        assert len(LIBRARY.at_level(Regimen.STABILISATION, level)) >= 2, level


@pytest.mark.parametrize(
    ("regimen", "ids"),
    [
        (Regimen.MCKENZIE, ["prone_lying", "prone_on_elbows", "prone_press_up",
                            "standing_extension"]),
        (Regimen.STABILISATION, ["abdominal_bracing", "pelvic_tilt", "bridge", "bird_dog",
                                 "dead_bug", "side_plank"]),
        (AEROBIC, ["brisk_walking", "cycling", "elliptical", "swimming"]),
    ],
)
def test_regimens_hold_the_usual_exercises_easiest_first(regimen: Regimen | str,
                                                        ids: list[str]) -> None:
    exercises = LIBRARY.regimen(regimen)
    listed = [e.id for e in exercises]
    assert [i for i in listed if i in ids] == ids
    levels = [LIBRARY.get(i).level for i in ids]
    assert levels == sorted(levels)


def test_mckenzie_levels_rise_one_step_each() -> None:
    assert [e.level for e in LIBRARY.regimen(Regimen.MCKENZIE)] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("muscle", "pattern"),
    [
        ("hamstrings", r"hamstring"),
        ("quadriceps", r"quadriceps"),
        ("gluteus", r"glute|buttock"),
        ("piriformis", r"piriformis"),
        ("IT band", r"IT band"),
        ("low back", r"low back"),
    ],
)
def test_the_passive_routine_covers_each_muscle_group_the_seed_names(muscle: str,
                                                                     pattern: str) -> None:
    stretches = LIBRARY.regimen(Regimen.PASSIVE_STRETCHING)
    assert any(re.search(pattern, e.name, re.I) for e in stretches), muscle
    assert all(e.performed_by == "practitioner" for e in stretches)


@pytest.mark.parametrize("exercise", ALL, ids=_ids)
def test_every_field_is_filled(exercise: Exercise) -> None:
    assert 3 <= len(exercise.steps) <= 5 and all(len(s) > 10 for s in exercise.steps)
    for text in (exercise.name, exercise.purpose, exercise.feel, exercise.stop,
                 exercise.regimen_stop, exercise.source.method):
        assert text.strip() and text[0].isupper(), text
    assert len(exercise.purpose) <= 120 and exercise.level >= 1
    dose = exercise.dose
    if exercise.regimen == AEROBIC:
        assert dose.minutes and dose.days_per_week and dose.reps is None
    else:
        assert None not in (dose.hold_seconds, dose.reps, dose.sets, dose.rest_seconds)
        assert not dose.aerobic


@pytest.mark.parametrize("exercise", ALL, ids=_ids)
def test_every_exercise_serves_a_passage_of_the_seed(exercise: Exercise) -> None:
    assert exercise.source.passage in SEED_TEXT


@pytest.mark.parametrize("exercise", ALL, ids=_ids)
def test_every_picture_names_poses_and_a_scene_that_exist(exercise: Exercise) -> None:
    assert exercise.picture.scene in SCENES
    assert set(exercise.picture.poses) <= set(poses())
    start, end = exercise.picture.still
    assert start != end


def test_mckenzie_says_when_to_stop_and_what_is_a_good_sign() -> None:
    for e in LIBRARY.regimen(Regimen.MCKENZIE):
        assert "further down your leg" in e.regimen_stop and "tell your clinician" in (
            e.regimen_stop)
        assert "centre of your back, that is a good sign" in e.regimen_stop


def test_aerobic_doses_stay_within_the_seeds_range() -> None:
    """15-40 minutes, 3-6 times a week."""
    for e in LIBRARY.regimen(AEROBIC):
        assert e.dose.minutes and e.dose.days_per_week
        assert 15 <= e.dose.minutes[0] <= e.dose.minutes[1] <= 40
        assert 3 <= e.dose.days_per_week[0] <= e.dose.days_per_week[1] <= 6


def test_lookups() -> None:
    assert LIBRARY.get("bridge").regimen == "stabilisation"
    assert [e.id for e in LIBRARY.at_level("mckenzie", 3)] == ["prone_press_up"]
    with pytest.raises(KeyError):
        LIBRARY.regimen("yoga")
    with pytest.raises(KeyError):
        LIBRARY.get("handstand")


# --- a broken file is refused, naming the file and the field -------------------------------

MCKENZIE = default_directory().joinpath("mckenzie.yml").read_text("utf-8")


def _broken(change: str) -> str:
    """The McKenzie file with one change made to its first exercise (or the whole file)."""
    raw = yaml.safe_load(MCKENZIE)
    first = raw["exercises"][0]
    if change == "no steps":
        del first["steps"]
    elif change == "six steps":
        first["steps"] = ["Do this."] * 6
    elif change == "reps in words":
        first["dose"]["reps"] = "ten"
    elif change == "no rest":
        del first["dose"]["rest_seconds"]
    elif change == "minutes on a stretch":
        first["dose"]["minutes"] = [15, 30]
    elif change == "empty feel":
        first["feel"] = "  "
    elif change == "two-line purpose":
        first["purpose"] = "One line.\nAnd another."
    elif change == "no passage":
        del first["source"]["passage"]
    elif change == "one pose":
        first["picture"]["poses"] = ["prone_arms_side"]
    elif change == "unknown highlight":
        first["picture"]["highlight"] = ["spleen"]
    elif change == "level zero":
        first["level"] = 0
    elif change == "hardest first":
        raw["exercises"].reverse()
    elif change == "wrong regimen":
        raw["regimen"] = "stabilisation"
    elif change == "no stop rule":
        del raw["stop"]
    return yaml.safe_dump(raw)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("no steps", "mckenzie.yml: exercises[0] (prone_lying).steps must be a list of 3 to 5"),
        ("six steps", "exercises[0] (prone_lying).steps must be a list of 3 to 5"),
        ("reps in words", "exercises[0] (prone_lying).dose.reps must be a whole number"),
        ("no rest", "(prone_lying).dose.rest_seconds must be a whole number of at least 0"),
        ("minutes on a stretch", "(prone_lying).dose.minutes is not a field here"),
        ("empty feel", "mckenzie.yml: exercises[0] (prone_lying).feel must be a non-empty text"),
        ("two-line purpose", "(prone_lying).purpose must be one line"),
        ("no passage", "(prone_lying).source.passage must be a non-empty text"),
        ("one pose", "(prone_lying).picture.poses must list at least two poses"),
        ("unknown highlight", "(prone_lying).picture.highlight must list body parts"),
        ("level zero", "(prone_lying).level must be a whole number of at least 1"),
        ("hardest first", "mckenzie.yml: exercises must be listed easiest level first"),
        ("wrong regimen", "mckenzie.yml: regimen must be 'mckenzie'"),
        ("no stop rule", "mckenzie.yml: stop must be a non-empty text"),
    ],
)
def test_a_broken_file_is_refused_naming_the_field(change: str, message: str) -> None:
    with pytest.raises(ExerciseDataError) as error:
        load_regimen(_broken(change), "mckenzie.yml", "mckenzie")
    assert message in str(error.value)


def test_the_shipped_file_itself_loads() -> None:
    """The mutations above start from a file that is fine as it is."""
    assert len(load_regimen(yaml.safe_dump(yaml.safe_load(MCKENZIE)), "mckenzie.yml",
                            "mckenzie")) == 4


def test_invalid_yaml_names_the_file() -> None:
    with pytest.raises(ExerciseDataError, match=r"^mckenzie\.yml: not valid YAML"):
        load_regimen("exercises: [a: b: c]", "mckenzie.yml", "mckenzie")


def _copy_library(folder: Path) -> None:
    for regimen in REGIMENS:
        text = default_directory().joinpath(f"{regimen}.yml").read_text("utf-8")
        (folder / f"{regimen}.yml").write_text(text, encoding="utf-8")


def test_a_missing_regimen_file_is_refused(tmp_path: Path) -> None:
    _copy_library(tmp_path)
    (tmp_path / "aerobic.yml").unlink()
    with pytest.raises(ExerciseDataError, match=r"aerobic\.yml: missing"):
        load_library(tmp_path)


def test_an_id_used_twice_is_refused(tmp_path: Path) -> None:
    _copy_library(tmp_path)
    aerobic = (tmp_path / "aerobic.yml").read_text(encoding="utf-8")
    (tmp_path / "aerobic.yml").write_text(aerobic.replace("id: cycling", "id: bridge"),
                                          encoding="utf-8")
    with pytest.raises(ExerciseDataError, match="exercise id 'bridge' is used twice"):
        load_library(tmp_path)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"poses": {"a": {"person": {"torso": 90}}}}, "poses.yml: a.person has no angle for"),
        ({"poses": {"a": {"person": {"torso": 90, "tail": 3}}}},
         "poses.yml: a.person.tail is not a segment"),
        ({"poses": {"a": {"like": "b"}, "b": {"like": "a"}}}, "goes round in a circle"),
        ({"poses": {"a": {"like": "nowhere"}}}, "poses.yml: nowhere: no such pose"),
    ],
)
def test_a_broken_pose_is_refused_naming_it(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(PoseDataError) as error:
        parse_poses(raw)
    assert message in str(error.value)
