"""Exercise pictures: a well-proportioned figure, poses a person would believe (on the mat,
hands where they hold), every still and animation rendered, and the cache."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from bot.exercises import render
from bot.exercises.figure import Pose, blend, pose_body
from bot.exercises.library import Exercise, exercise_library
from bot.exercises.render import (
    ANIMATION_HEIGHTS,
    ANIMATION_WIDTH,
    STILL_HEIGHTS,
    STILL_WIDTH,
    Frames,
    animation_path,
    place,
    still_path,
)

ALL = exercise_library().exercises


def _angles(**angles: float) -> dict[str, float]:
    """Angles with ``thigh=-90`` written out for both sides, as poses.yml allows."""
    out: dict[str, float] = {}
    for name, value in angles.items():
        if name in ("torso", "lumbar", "head") or name.startswith(("near_", "far_")):
            out[name] = value
        else:
            out.update({f"near_{name}": value, f"far_{name}": value})
    return out


STANDING = Pose(_angles(torso=90, upper_arm=-90, forearm=-90, thigh=-90, shin=-90))


def _ids(e: Exercise) -> str:
    return e.id


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Every exercise's still and animation, rendered once into a fresh cache."""
    cache = tmp_path_factory.mktemp("pictures")
    return {e.id: (still_path(e, cache), animation_path(e, cache)) for e in ALL}


# --- the figure ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("point", "height"),
    [("head", 93.6), ("neck", 83.5), ("pelvis", 53.5), ("near_knee", 29.0), ("near_ankle", 4.4)],
)
def test_a_standing_figure_has_human_proportions(point: str, height: float) -> None:
    """Body height 100 from the soles to the top of the head; joints where anthropometric
    tables put them (hip about 0.53, knee about 0.29 of height)."""
    body = pose_body(STANDING)
    x0, y0, x1, y1 = body.bounds()
    assert y0 == pytest.approx(0, abs=1e-6) and 97 <= y1 <= 103
    assert body.points[point][1] == pytest.approx(height, abs=3.0)


@pytest.mark.parametrize(
    ("angles", "lowest", "highest"),
    [
        (_angles(torso=180, upper_arm=0, forearm=0, thigh=0, shin=0), 0.0, 21.0),  # lying
        (_angles(torso=90, upper_arm=-90, forearm=-90, thigh=-90, shin=-90), 0.0, 103.0),
        (_angles(torso=180, upper_arm=-90, forearm=-90, thigh=-90, shin=0), 0.0, 50.0),
    ],
)
def test_a_figure_rests_on_the_ground(angles: dict[str, float], lowest: float,
                                      highest: float) -> None:
    x0, y0, x1, y1 = pose_body(Pose(angles)).bounds()
    assert y0 == pytest.approx(lowest, abs=1e-6) and y1 <= highest


def test_a_limb_reaches_its_target_bending_the_way_it_already_bent() -> None:
    pose = Pose({**STANDING.angles, "near_upper_arm": -60, "near_forearm": 10},
                reach={"near_wrist": ("", 20.0, 65.0)})
    body = pose_body(pose)
    assert math.dist(body.points["near_wrist"], (20.0, 65.0)) < 0.01
    elbow, shoulder = body.points["near_elbow"], body.points["near_shoulder"]
    assert elbow[1] < shoulder[1]  # the elbow stays below, as the pose had it


def test_blending_turns_the_short_way_round() -> None:
    a = Pose({**STANDING.angles, "torso": 170})
    b = Pose({**STANDING.angles, "torso": -170})
    assert blend(a, b, 0.5).angle("torso") % 360 == pytest.approx(180)


# --- poses a person would believe ---------------------------------------------------------


#: Exercises done on a surface (not on a machine or in water).
ON_A_SURFACE = [e for e in ALL if Frames(e.picture).scene.name in ("mat", "table", "floor")]


@pytest.mark.parametrize("exercise", ON_A_SURFACE, ids=_ids)
def test_nobody_sinks_into_the_mat_or_the_table(exercise: Exercise) -> None:
    frames = Frames(exercise.picture)
    for moment, _, _ in frames.animation():
        lowest = place(moment, frames.scene)["person"].bounds()[1]
        assert lowest >= frames.scene.surface - 1.0, exercise.id


@pytest.mark.parametrize(
    "exercise", [e for e in ALL if e.performed_by == "practitioner"], ids=_ids
)
def test_the_practitioners_hands_hold_the_person_in_every_frame(exercise: Exercise) -> None:
    frames = Frames(exercise.picture)
    for moment, _, _ in frames.animation():
        bodies = place(moment, frames.scene)
        assert "practitioner" in bodies
        for end, (name, dx, dy) in moment.figures["practitioner"].reach.items():
            held = bodies["person"].points[name.removeprefix("person.")]
            target = (held[0] + dx, held[1] + dy)
            assert math.dist(bodies["practitioner"].points[end], target) < 1.0, (end, name)


def test_the_hands_stay_planted_through_a_press_up() -> None:
    frames = Frames(exercise_library().get("prone_press_up").picture)
    wrists = [place(m, frames.scene)["person"].points["near_wrist"]
              for m, _, _ in frames.animation()]
    assert max(math.dist(w, wrists[0]) for w in wrists) < 0.5


@pytest.mark.parametrize(
    ("exercise_id", "point", "rises_by"),
    [
        ("prone_press_up", "neck", 15.0),  # the chest comes up off the mat
        ("bridge", "pelvis", 10.0),  # the hips lift
        ("passive_hamstring_stretch", "near_ankle", 35.0),  # the leg is lifted as a lever
        ("side_plank", "pelvis", 10.0),
        ("bird_dog", "near_wrist", 20.0),  # the arm reaches forward to level
        ("standing_extension", "head", -1.0),  # leaning back lowers the head a little
    ],
)
def test_the_movement_is_the_one_the_name_says(exercise_id: str, point: str,
                                              rises_by: float) -> None:
    frames = Frames(exercise_library().get(exercise_id).picture)
    start = place(frames.start, frames.scene)["person"].points[point]
    end = place(frames.end, frames.scene)["person"].points[point]
    if rises_by > 0:
        assert end[1] - start[1] >= rises_by
    else:
        assert rises_by * 10 < end[1] - start[1] < 0


# --- every picture renders ----------------------------------------------------------------


@pytest.mark.parametrize("exercise", ALL, ids=_ids)
def test_every_still_renders_at_phone_size_showing_a_change(
    exercise: Exercise, rendered: dict[str, tuple[Path, Path]]
) -> None:
    png = rendered[exercise.id][0]
    with Image.open(png) as image:
        assert image.format == "PNG" and image.width == STILL_WIDTH
        assert STILL_HEIGHTS[0] <= image.height <= STILL_HEIGHTS[1]
        rgb = image.convert("RGB")
    half = STILL_WIDTH // 2
    top = 70  # below the title
    start = rgb.crop((20, top, half - 11, rgb.height - 20))
    end = rgb.crop((half + 11, top, STILL_WIDTH - 20, rgb.height - 20))
    assert len(start.getcolors(1 << 16) or []) > 200  # a drawing, anti-aliased, not blank
    difference = ImageChops.difference(start.resize(end.size), end).convert("L")
    assert sum(difference.histogram()[41:]) > 500  # start and end differ


@pytest.mark.parametrize("exercise", ALL, ids=_ids)
def test_every_animation_is_a_looping_gif_of_many_frames(
    exercise: Exercise, rendered: dict[str, tuple[Path, Path]]
) -> None:
    gif = rendered[exercise.id][1]
    with Image.open(gif) as image:
        frames = getattr(image, "n_frames", 1)
        assert image.format == "GIF" and frames >= 20 and image.info.get("loop") == 0
        assert image.width == ANIMATION_WIDTH
        assert ANIMATION_HEIGHTS[0] <= image.height <= ANIMATION_HEIGHTS[1]
        first = image.convert("RGB")
        image.seek(frames // 4)
        later = image.convert("RGB")
    assert ImageChops.difference(first, later).getbbox() is not None  # it moves
    assert gif.stat().st_size < 1_000_000  # light enough to send every day


# --- the cache ----------------------------------------------------------------------------


def test_the_cache_returns_the_same_file_without_drawing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bridge = exercise_library().get("bridge")
    first = still_path(bridge, tmp_path)
    gif = animation_path(bridge, tmp_path)
    stamp = first.stat().st_mtime_ns

    def refuse(*args: object) -> None:
        raise AssertionError("drew again")

    monkeypatch.setattr(render, "draw_still", refuse)
    monkeypatch.setattr(render, "draw_animation", refuse)
    assert still_path(bridge, tmp_path) == first and first.stat().st_mtime_ns == stamp
    assert animation_path(bridge, tmp_path) == gif
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, gif.name])


def test_a_changed_exercise_gets_a_new_picture(tmp_path: Path) -> None:
    from dataclasses import replace

    bridge = exercise_library().get("bridge")
    renamed = replace(bridge, name="Hip lift")
    assert still_path(bridge, tmp_path) != still_path(renamed, tmp_path)


def test_the_default_cache_is_the_settings_pictures_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.settings import get_settings

    monkeypatch.setenv("BACKSTEP_PICTURES_DIR", str(tmp_path / "pics"))
    get_settings.cache_clear()
    try:
        path = still_path(exercise_library().get("pelvic_tilt"))
    finally:
        get_settings.cache_clear()
    assert path.parent == tmp_path / "pics" and path.exists()
