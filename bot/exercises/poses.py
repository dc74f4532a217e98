"""The named poses pictures are drawn from (``poses.yml``), read and checked once.

A pose (a :class:`Moment`) is every figure's joint angles at one moment (the person, and
for passive stretches the practitioner) plus the scene's own settings, such as where a
bike's pedals are. A pose can start from another (``like:``) and change a few angles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from bot.exercises.figure import (
    OPTIONAL,
    REACHERS,
    REQUIRED,
    SIDES,
    Pose,
    Target,
    blend,
    turn,
)

POSES_FILE = "poses.yml"
FIGURES = ("person", "practitioner")
#: ``upper_arm: 200`` sets both arms' upper arms unless a side is given.
SHORTHANDS = ("upper_arm", "forearm", "hand", "thigh", "shin", "foot")
_SETTINGS = ("plane", "facing", "x", "y", "shorten", "reach")


class PoseDataError(ValueError):
    """``poses.yml`` is not as expected; the message names the pose and field."""


@dataclass(frozen=True)
class Moment:
    """Every figure's pose at one moment, and the scene's settings (angles, in degrees)."""

    figures: Mapping[str, Pose]
    params: Mapping[str, float] = field(default_factory=dict)


def blend_moments(a: Moment, b: Moment, t: float) -> Moment:
    """The moment ``t`` of the way from ``a`` to ``b``."""
    if set(a.figures) != set(b.figures):
        raise ValueError("a movement cannot add or remove a figure")
    params = {k: v + turn(v, b.params.get(k, v)) * t for k, v in a.params.items()}
    return replace(
        a, figures={n: blend(p, b.figures[n], t) for n, p in a.figures.items()}, params=params
    )


@cache
def poses() -> dict[str, Moment]:
    """Every named pose, read once from the package's ``poses.yml``."""
    text = resources.files("bot.exercises").joinpath(POSES_FILE).read_text("utf-8")
    return parse_poses(yaml.safe_load(text))


def parse_poses(raw: Any) -> dict[str, Moment]:
    """Check and build the poses of a loaded ``poses.yml``."""
    if not isinstance(raw, dict) or not isinstance(raw.get("poses"), dict):
        raise PoseDataError(f"{POSES_FILE}: needs a `poses` mapping")
    table: dict[str, Any] = raw["poses"]
    return {name: _moment(name, _resolved(table, name, ())) for name in table}


def _resolved(table: Mapping[str, Any], name: str, seen: tuple[str, ...]) -> dict[str, Any]:
    """A pose's raw fields with its ``like:`` chain merged in, figure by figure."""
    if name in seen:
        raise PoseDataError(f"{POSES_FILE}: {name}: `like` goes round in a circle")
    body = table.get(name)
    if not isinstance(body, dict):
        raise PoseDataError(f"{POSES_FILE}: {name}: no such pose, or not a mapping")
    base: dict[str, Any] = {}
    if "like" in body:
        base = _resolved(table, str(body["like"]), (*seen, name))
    merged = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    for key, value in body.items():
        if key == "like":
            continue
        if key in FIGURES and isinstance(value, dict):
            value = _expanded(value)
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _expanded(figure: Mapping[str, Any]) -> dict[str, Any]:
    """A figure's fields with each shorthand (``thigh``) written out for both sides."""
    out = {k: v for k, v in figure.items() if k not in SHORTHANDS}
    for key in SHORTHANDS:
        if key in figure:
            for side in SIDES:
                out.setdefault(f"{side}_{key}", figure[key])
    return out


def _moment(name: str, raw: Mapping[str, Any]) -> Moment:
    unknown = set(raw) - {*FIGURES, "params"}
    if unknown or "person" not in raw:
        raise PoseDataError(
            f"{POSES_FILE}: {name}: needs `person` (and may have {', '.join(FIGURES[1:])}, "
            f"params){'; not ' + ', '.join(sorted(unknown)) if unknown else ''}"
        )
    params = raw.get("params", {})
    if not isinstance(params, dict) or not all(
        isinstance(v, (int, float)) for v in params.values()
    ):
        raise PoseDataError(f"{POSES_FILE}: {name}.params must map names to numbers")
    figures = {f: _pose(f"{name}.{f}", raw[f]) for f in FIGURES if f in raw}
    return Moment(figures, {k: float(v) for k, v in params.items()})


def _target(where: str, raw: Any) -> Target:
    """``person.near_ankle``, ``[self.waist, -8, 0]`` or ``[-24, 2]`` (on the ground)."""
    if isinstance(raw, str):
        return raw, 0.0, 0.0
    if isinstance(raw, list) and len(raw) == 2 and all(isinstance(v, (int, float)) for v in raw):
        return "", float(raw[0]), float(raw[1])
    if (isinstance(raw, list) and len(raw) == 3 and isinstance(raw[0], str)
            and all(isinstance(v, (int, float)) for v in raw[1:])):
        return raw[0], float(raw[1]), float(raw[2])
    raise PoseDataError(f"{POSES_FILE}: {where} must be a point's name, [name, dx, dy] or "
                        "[dx, dy] on the ground")


def _pose(where: str, raw: Any) -> Pose:
    if not isinstance(raw, dict):
        raise PoseDataError(f"{POSES_FILE}: {where} must be a mapping")
    angles: dict[str, float] = {}
    for key, value in raw.items():
        if key in _SETTINGS:
            continue
        if key not in (*REQUIRED, *OPTIONAL):
            raise PoseDataError(f"{POSES_FILE}: {where}.{key} is not a segment or setting")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise PoseDataError(f"{POSES_FILE}: {where}.{key} must be an angle in degrees")
        angles[key] = float(value)
    missing = [n for n in REQUIRED if n not in angles]
    if missing:
        raise PoseDataError(f"{POSES_FILE}: {where} has no angle for {', '.join(missing)}")
    reach = raw.get("reach", {})
    if not isinstance(reach, dict) or not set(reach) <= set(REACHERS):
        raise PoseDataError(
            f"{POSES_FILE}: {where}.reach may move only {', '.join(sorted(REACHERS))}"
        )
    targets = {str(k): _target(f"{where}.reach.{k}", v) for k, v in reach.items()}
    shorten = raw.get("shorten", {})
    if not isinstance(shorten, dict) or not all(0 < float(v) <= 1 for v in shorten.values()):
        raise PoseDataError(f"{POSES_FILE}: {where}.shorten must map segments to 0-1")
    plane, facing = raw.get("plane", "sagittal"), raw.get("facing", "right")
    if plane not in ("sagittal", "frontal") or facing not in ("left", "right"):
        raise PoseDataError(f"{POSES_FILE}: {where}: plane is sagittal or frontal, facing "
                            "left or right")
    y = raw.get("y")
    return Pose(
        angles=angles,
        plane=plane,
        facing=facing,
        x=float(raw.get("x", 0.0)),
        y=None if y is None else float(y),
        shorten={str(k): float(v) for k, v in shorten.items()},
        reach=targets,
    )
