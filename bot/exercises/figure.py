"""A human figure posed from segment angles: forward kinematics, a little inverse, blending.

The figure is seen from the side (``sagittal``: the near arm and leg in front of the far
ones) or from the front or back (``frontal``: arms and legs side by side, for side planks
and side-lying). Lengths are in hundredths of body height, with proportions from standard
anthropometric tables (thigh 0.245, shin 0.246, upper arm 0.186, forearm 0.146 of height).
Angles are absolute, in degrees counter-clockwise from pointing right: 90 is up, 180 left.
Nothing here draws; :mod:`.render` turns a :class:`Body` into pixels.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

Plane = Literal["sagittal", "frontal"]
Facing = Literal["left", "right"]
Point = tuple[float, float]
#: What a wrist or ankle reaches for: a named point plus an offset; the name "" is the
#: figure's own place on the ground (its ``x``, the ground's height).
Target = tuple[str, float, float]

#: Segment lengths (body height = 100).
LUMBAR = 12.0  # pelvis (hip joints) to the waist: the low back, which can arch and round
TORSO = 18.0  # waist to the base of the neck
NECK = 9.5  # base of the neck to the centre of the head
HEAD_RADIUS = 6.4
SHOULDER_DROP = 3.0  # shoulder joints below the base of the neck
LENGTHS: dict[str, float] = {
    "upper_arm": 18.6, "forearm": 14.6, "hand": 7.0,
    "thigh": 24.5, "shin": 24.6, "foot": 11.0,
}
#: Radii at each end of a segment, in side view.
RADII: dict[str, tuple[float, float]] = {
    "lumbar": (7.2, 6.6), "torso": (6.7, 7.2), "neck": (2.8, 2.8),
    "upper_arm": (3.5, 2.9), "forearm": (2.9, 2.2), "hand": (2.2, 1.9),
    "thigh": (6.2, 4.3), "shin": (4.2, 2.7), "foot": (2.6, 1.8),
}
#: Front view: half-widths of the trunk at the hips and shoulders, and joint offsets.
FRONT_HIPS, FRONT_WAIST, FRONT_SHOULDERS = 9.0, 8.0, 11.5
FRONT_SHOULDER_JOINT, FRONT_HIP_JOINT = 10.0, 5.0
FRONT_FOOT = 4.5

SIDES = ("near", "far")
LIMBS: dict[str, tuple[str, str, str]] = {
    "arm": ("upper_arm", "forearm", "hand"),
    "leg": ("thigh", "shin", "foot"),
}
#: The parts a picture can highlight.
PARTS: tuple[str, ...] = ("lumbar", "torso", *LIMBS["arm"], *LIMBS["leg"])
#: Angles a pose must give; head, hands and feet follow their parent unless given.
REQUIRED: tuple[str, ...] = (
    "torso",
    *(f"{s}_{seg}" for s in SIDES for seg in ("upper_arm", "forearm", "thigh", "shin")),
)
OPTIONAL: tuple[str, ...] = (
    "lumbar", "head", *(f"{s}_{seg}" for s in SIDES for seg in ("hand", "foot")),
)
#: Limb ends that can reach for a target (inverse kinematics), with the limb they move.
REACHERS: dict[str, tuple[str, str]] = {
    f"{s}_{end}": (s, limb) for s in SIDES for end, limb in (("wrist", "arm"), ("ankle", "leg"))
}


@dataclass(frozen=True)
class Pose:
    """One figure's pose.

    ``y`` places the pelvis; when None the figure rests on the ground (its lowest point on
    it). ``shorten`` scales a segment seen end-on (a shin pointing at the viewer), and
    ``reach`` moves a limb so its wrist or ankle is on a target: another figure's joint
    (``{"near_wrist": ("person.near_ankle", 0, 0)}``), the scene's (``bike.pedal_near``),
    its own as posed before reaching (``self.waist``), or a place on the ground
    (``("", -24, 2)``: 24 units left of where the figure stands, 2 above the ground). A
    limb that reaches does not count when the figure is rested on the ground.
    """

    angles: Mapping[str, float]
    plane: Plane = "sagittal"
    facing: Facing = "right"
    x: float = 0.0
    y: float | None = None
    shorten: Mapping[str, float] = field(default_factory=dict)
    reach: Mapping[str, Target] = field(default_factory=dict)

    def angle(self, name: str) -> float:
        """A segment's angle, with the defaults for head, hands and feet."""
        if name in self.angles:
            return self.angles[name]
        if name in ("head", "lumbar"):
            return self.angles["torso"]
        side, _, segment = name.partition("_")
        if segment == "hand":
            return self.angle(f"{side}_forearm")
        if segment == "foot":
            shin = self.angle(f"{side}_shin")
            if self.plane == "frontal":
                return shin
            return shin + (90.0 if self.facing == "right" else -90.0)
        raise KeyError(name)


@dataclass(frozen=True)
class Segment:
    """A drawable part: a capsule from ``start`` to ``end`` with end radii.

    ``flat`` marks the front-view trunk, drawn as a rounded trapezoid whose half-widths
    are the radii.
    """

    part: str
    side: str  # "near", "far" or "mid"
    start: Point
    end: Point
    r0: float
    r1: float
    flat: bool = False


@dataclass(frozen=True)
class Body:
    """A posed figure: its segments in drawing order, its joints, where its face looks."""

    segments: tuple[Segment, ...]
    points: Mapping[str, Point]
    head: Point
    face: float | None  # the direction the face looks (side view only)
    plane: Plane

    def bounds(self) -> tuple[float, float, float, float]:
        """The smallest box holding every segment and the head: x0, y0, x1, y1."""
        xs: list[float] = [self.head[0] - HEAD_RADIUS, self.head[0] + HEAD_RADIUS]
        ys: list[float] = [self.head[1] - HEAD_RADIUS, self.head[1] + HEAD_RADIUS]
        for s in self.segments:
            for (x, y), r in ((s.start, s.r0), (s.end, s.r1)):
                xs += [x - r, x + r]
                ys += [y - r, y + r]
        return min(xs), min(ys), max(xs), max(ys)

    def moved(self, dx: float, dy: float) -> Body:
        """The same body, shifted."""
        def move(p: Point) -> Point:
            return p[0] + dx, p[1] + dy

        return Body(
            segments=tuple(
                replace(s, start=move(s.start), end=move(s.end)) for s in self.segments
            ),
            points={k: move(p) for k, p in self.points.items()},
            head=move(self.head),
            face=self.face,
            plane=self.plane,
        )


def unit(angle: float) -> Point:
    """The unit vector of an angle in degrees."""
    rad = math.radians(angle)
    return math.cos(rad), math.sin(rad)


def _along(p: Point, angle: float, length: float) -> Point:
    u = unit(angle)
    return p[0] + u[0] * length, p[1] + u[1] * length


def _length(pose: Pose, side: str, segment: str) -> float:
    if pose.plane == "frontal" and segment == "foot":
        return FRONT_FOOT * pose.shorten.get(f"{side}_foot", 1.0)
    return LENGTHS[segment] * pose.shorten.get(f"{side}_{segment}", 1.0)


def _skeleton(pose: Pose) -> tuple[list[Segment], dict[str, Point], Point]:
    """Segments and joints with the pelvis at the origin, in drawing order."""
    torso = pose.angle("torso")
    pelvis: Point = (0.0, 0.0)
    waist = _along(pelvis, pose.angle("lumbar"), LUMBAR)
    neck = _along(waist, torso, TORSO * pose.shorten.get("torso", 1.0))
    head = _along(neck, pose.angle("head"), NECK)
    frontal = pose.plane == "frontal"
    lateral = torso - 90.0  # the near side, in front view
    points: dict[str, Point] = {"pelvis": pelvis, "waist": waist, "neck": neck, "head": head}
    limbs: dict[str, list[Segment]] = {}
    for side in SIDES:
        sign = 1.0 if side == "near" else -1.0
        shoulder = _along(neck, torso + 180.0, SHOULDER_DROP)
        hip = pelvis
        if frontal:
            shoulder = _along(shoulder, lateral, sign * FRONT_SHOULDER_JOINT)
            hip = _along(hip, lateral, sign * FRONT_HIP_JOINT)
        for limb, root, names in (("arm", shoulder, ("shoulder", "elbow", "wrist", "fingers")),
                                  ("leg", hip, ("hip", "knee", "ankle", "toe"))):
            joint = root
            points[f"{side}_{names[0]}"] = root
            segs = []
            for segment, name in zip(LIMBS[limb], names[1:], strict=True):
                angle = pose.angle(f"{side}_{segment}")
                start = joint
                if segment == "foot" and not frontal:
                    start = _along(joint, angle + 180.0, 3.0)  # the heel, behind the ankle
                end = _along(joint, angle, _length(pose, side, segment))
                r0, r1 = RADII[segment]
                segs.append(Segment(segment, side, start, end, r0, r1))
                points[f"{side}_{name}"] = end
                joint = end
            limbs[f"{side}_{limb}"] = segs
    top = _along(neck, torso + 180, 2.0)
    if frontal:
        trunk = [Segment("lumbar", "mid", pelvis, waist, FRONT_HIPS, FRONT_WAIST, flat=True),
                 Segment("torso", "mid", waist, neck, FRONT_WAIST, FRONT_SHOULDERS, flat=True)]
    else:
        trunk = [Segment("lumbar", "mid", pelvis, waist, *RADII["lumbar"]),
                 Segment("torso", "mid", waist, top, *RADII["torso"])]
    neck_seg = Segment("neck", "mid", top, head, *RADII["neck"])
    order = [
        *limbs["far_arm"], *limbs["far_leg"], *trunk, neck_seg, *limbs["near_leg"],
        *limbs["near_arm"],
    ]
    return order, points, head


def _face(pose: Pose) -> float | None:
    if pose.plane == "frontal":
        return None
    return pose.angle("head") - (90.0 if pose.facing == "right" else -90.0)


def pose_body(pose: Pose, ground: float = 0.0, targets: Mapping[str, Point] | None = None) -> Body:
    """The posed figure in the world: placed at ``pose.x`` (the pelvis), resting on ``ground``
    unless ``pose.y`` is given, with each ``reach`` solved against ``targets``."""
    segments, points, head = _skeleton(pose)
    reaching = {REACHERS[end] for end in pose.reach}
    resting = [s for s in segments if (s.side, _limb(s.part)) not in reaching]
    body = Body(tuple(resting), points, head, _face(pose), pose.plane)
    dy = pose.y if pose.y is not None else ground - body.bounds()[1]
    body = Body(tuple(segments), points, head, _face(pose), pose.plane).moved(pose.x, dy)
    if not pose.reach:
        return body
    known = {**(targets or {}), **{f"self.{k}": p for k, p in body.points.items()}}
    known[""] = (pose.x, ground)
    angles = dict(pose.angles)
    for end, (name, ox, oy) in pose.reach.items():
        if name not in known:
            raise KeyError(f"no target {name!r} to reach")
        target = (known[name][0] + ox, known[name][1] + oy)
        side, limb = REACHERS[end]
        angles.update(_reach(pose, body, side, limb, target))
    solved = replace(pose, angles=angles, reach={})
    segments, points, head = _skeleton(solved)
    return Body(tuple(segments), points, head, _face(solved), pose.plane).moved(pose.x, dy)


def _limb(part: str) -> str | None:
    return next((limb for limb, parts in LIMBS.items() if part in parts), None)


def _reach(pose: Pose, body: Body, side: str, limb: str, target: Point) -> dict[str, float]:
    """Two-segment inverse kinematics: the angles that put a wrist or ankle on ``target``,
    bending the way the pose already bends (the elbow or knee keeps its side). A hand or
    foot the pose gives an angle keeps it (flat on the floor); else it follows."""
    first, second, _ = LIMBS[limb]
    root = body.points[f"{side}_{'shoulder' if limb == 'arm' else 'hip'}"]
    a, b = _length(pose, side, first), _length(pose, side, second)
    dx, dy = target[0] - root[0], target[1] - root[1]
    d = min(max(math.hypot(dx, dy), abs(a - b) + 1e-6), a + b - 1e-6)
    toward = math.degrees(math.atan2(dy, dx))
    bend = math.degrees(math.acos((a * a + d * d - b * b) / (2 * a * d)))
    old_first, old_second = pose.angle(f"{side}_{first}"), pose.angle(f"{side}_{second}")
    best: dict[str, float] = {}
    for sign in (1.0, -1.0):
        upper = toward + sign * bend
        elbow = _along(root, upper, a)
        lower = math.degrees(math.atan2(target[1] - elbow[1], target[0] - elbow[0]))
        bend_now = turn(upper, lower)
        if not best or (bend_now > 0) == (turn(old_first, old_second) > 0):
            best = {f"{side}_{first}": upper, f"{side}_{second}": lower}
    return best


def turn(a: float, b: float) -> float:
    """The signed shortest turn from angle ``a`` to angle ``b`` (degrees, -180 to 180)."""
    return (b - a + 180.0) % 360.0 - 180.0


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose ``t`` of the way from ``a`` to ``b`` (each angle turning the short way; a
    target both reach for moves between the two places)."""
    if set(a.reach) != set(b.reach):
        raise ValueError("a movement's poses must reach for the same things (hands stay put)")
    names = set(REQUIRED) | ({*a.angles, *b.angles} & set(OPTIONAL))
    angles = {n: a.angle(n) + turn(a.angle(n), b.angle(n)) * t for n in names}
    y = None if a.y is None or b.y is None else a.y + (b.y - a.y) * t
    shorten = {
        k: a.shorten.get(k, 1.0) + (b.shorten.get(k, 1.0) - a.shorten.get(k, 1.0)) * t
        for k in {*a.shorten, *b.shorten}
    }
    reach = {
        k: (name, ox + (b.reach[k][1] - ox) * t, oy + (b.reach[k][2] - oy) * t)
        if b.reach[k][0] == name else (name, ox, oy)
        for k, (name, ox, oy) in a.reach.items()
    }
    return replace(a, angles=angles, x=a.x + (b.x - a.x) * t, y=y, shorten=shorten, reach=reach)
