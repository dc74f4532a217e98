"""An exercise's picture (PNG: start and end side by side, an arrow for the movement) and
animation (a looping GIF for Telegram's sendAnimation), rendered once and cached by content.

Everything is drawn at three times its size and scaled down, so edges are smooth. The cache
key hashes what the picture is made of (the exercise's name and picture, its poses, the
sizes, and this package's drawing code), so a change to any of them draws it anew.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict
from functools import cache
from importlib import resources
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bot.exercises.canvas import Canvas, Colour, Point, mix
from bot.exercises.figure import HEAD_RADIUS, Body, pose_body, turn, unit
from bot.exercises.library import Exercise, Picture
from bot.exercises.poses import Moment, blend_moments, poses
from bot.exercises.scene import SCENES, Box, Scene
from bot.settings import get_settings

#: Widths are fixed (about a phone's width); heights follow the picture's shape, within
#: these bounds (a person lying down needs less height than one standing).
STILL_WIDTH, STILL_HEIGHTS = 800, (300, 560)
ANIMATION_WIDTH, ANIMATION_HEIGHTS = 560, (240, 520)
SUPERSAMPLE = 3
#: Animation timing: frames per move, milliseconds per frame, and per hold at a pose.
MOVE_FRAMES, CYCLE_FRAMES = 14, 12
FRAME_MS, HOLD_MS = 60, 800
GIF_COLOURS = 128

BACKGROUND: Colour = (247, 243, 236)
CARD: Colour = (255, 255, 255)
INK: Colour = (40, 48, 60)
MUTED: Colour = (128, 134, 146)
ARROW: Colour = (232, 120, 52)
OUTLINE: Colour = (58, 54, 64)

SHOES: Colour = (52, 52, 60)


def _palette(shirt: Colour, trousers: Colour, skin: Colour, hair: Colour) -> dict[str, Colour]:
    """Each drawn part's colour, from the clothes: a long-sleeved top, trousers, shoes."""
    return {
        "torso": shirt, "upper_arm": shirt, "lumbar": trousers, "thigh": trousers,
        "shin": trousers, "neck": skin, "forearm": skin, "hand": skin, "head": skin,
        "foot": SHOES, "hair": hair,
    }


PALETTES: dict[str, dict[str, Colour]] = {
    "person": _palette((226, 106, 90), (64, 84, 128), (238, 190, 156), (92, 62, 46)),
    "practitioner": _palette((60, 150, 150), (96, 100, 112), (196, 146, 112), (48, 44, 44)),
}
#: The points a movement arrow can follow: the ends of the body, and the pelvis.
ARROW_TIPS = ("head", "pelvis", "near_wrist", "far_wrist", "near_ankle", "far_ankle")
FAR_SHADE = 0.18  # the far arm and leg, darker
OUTLINE_WIDTH = 0.55  # world units


# --- the figures in a scene ---------------------------------------------------------------


def place(moment: Moment, scene: Scene) -> dict[str, Body]:
    """Every figure of a moment, posed in the scene: the person first, on its surface, then
    the practitioner on the floor, holding on to the person where it reaches."""
    targets: dict[str, Point] = dict(scene.points(moment.params))
    bodies: dict[str, Body] = {}
    person = pose_body(moment.figures["person"], scene.surface, targets)
    bodies["person"] = person
    targets.update({f"person.{k}": p for k, p in person.points.items()})
    if "practitioner" in moment.figures:
        bodies["practitioner"] = pose_body(moment.figures["practitioner"], scene.floor, targets)
    return bodies


def draw_body(c: Canvas, body: Body, palette: Mapping[str, Colour], faded: float = 0.0,
              background: Colour = CARD) -> None:
    """One figure: outlined parts in drawing order, then the head with hair and nose."""
    def colour(part: str, side: str) -> Colour:
        base = palette[part]
        if side == "far":
            base = mix(base, (20, 20, 30), FAR_SHADE)
        return mix(base, background, faded)

    edge = mix(OUTLINE, background, faded)
    for s in body.segments:
        if s.flat:
            if not faded:
                c.trapezoid(s.start, s.end, s.r0 + OUTLINE_WIDTH, s.r1 + OUTLINE_WIDTH, 4.0, edge)
            c.trapezoid(s.start, s.end, s.r0, s.r1, 3.5, colour(s.part, s.side))
            continue
        if not faded:
            c.capsule(s.start, s.end, s.r0 + OUTLINE_WIDTH, s.r1 + OUTLINE_WIDTH, edge)
        c.capsule(s.start, s.end, s.r0, s.r1, colour(s.part, s.side))
        if s.part == "neck":
            _head(c, body, colour, edge, faded)


def _head(c: Canvas, body: Body, colour: Callable[[str, str], Colour], edge: Colour,
          faded: float) -> None:
    centre, r = body.head, HEAD_RADIUS
    neck = body.points["neck"]
    up = math.degrees(math.atan2(centre[1] - neck[1], centre[0] - neck[0]))
    if not faded:
        c.circle(centre, r + OUTLINE_WIDTH, edge)
    c.circle(centre, r, colour("head", "mid"))
    hair = colour("hair", "mid")
    if body.face is None:  # seen from the front or back: hair on top
        c.polygon(c.arc_points(centre, r, up - 70, up + 70), hair)
        return
    # hair over the crown and the back of the head, the face left clear
    sweep = math.copysign(1.0, turn(body.face, up))
    start = up - sweep * 40.0
    c.polygon(c.arc_points(centre, r, start, start + sweep * 175.0), hair)
    nose = (centre[0] + unit(body.face)[0] * r, centre[1] + unit(body.face)[1] * r)
    c.circle(nose, 1.2, colour("head", "mid"))


# --- layout -------------------------------------------------------------------------------


def _boxes(bodies: Iterable[Body]) -> Box:
    boxes = [b.bounds() for b in bodies]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _union(*boxes: Box) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _fit(box: Box, area: tuple[float, float, float, float]) -> tuple[Point, float]:
    """Origin and scale that fit ``box`` (world) into ``area`` (pixels), centred, on its base."""
    x0, y0, x1, y1 = box
    ax0, ay0, ax1, ay1 = area
    scale = min((ax1 - ax0) / (x1 - x0), (ay1 - ay0) / (y1 - y0))
    ox = (ax0 + ax1) / 2 - (x0 + x1) / 2 * scale
    oy = ay1 + y0 * scale
    return (ox, oy), scale


@cache
def _font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (shipped with matplotlib), else Pillow's own font."""
    spec = importlib.util.find_spec("matplotlib")
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    if spec and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf" / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _title(draw: ImageDraw.ImageDraw, text: str, xy: Point, width: float, size: int) -> None:
    """The title, shrunk to fit the width."""
    while size > 10 and draw.textlength(text, font=_font(size)) > width:
        size -= 1
    draw.text(xy, text, font=_font(size), fill=INK)


class Frames:
    """The moments of a picture: the still's two, and the animation's, with durations."""

    def __init__(self, picture: Picture) -> None:
        table = poses()
        missing = [p for p in picture.poses if p not in table]
        if missing:
            raise KeyError(f"no pose {', '.join(missing)} in poses.yml")
        self.picture = picture
        self.scene = SCENES[picture.scene]
        self.keys = [table[p] for p in picture.poses]
        start, end = picture.still
        self.start, self.end = table[start], table[end]

    def animation(self) -> list[tuple[Moment, int, float]]:
        """Each frame's moment, how long it shows (ms) and how much the worked parts glow,
        round the poses and back to the first."""
        out: list[tuple[Moment, int, float]] = []
        keys = self.keys
        glows = [1.0 if k is self.end and i else 0.0 for i, k in enumerate(keys)]
        hold = self.picture.motion == "hold"
        steps = MOVE_FRAMES if hold else CYCLE_FRAMES
        for i, a in enumerate(keys):
            j = (i + 1) % len(keys)
            if hold:
                out.append((a, HOLD_MS, glows[i]))
            for k in range(1 if hold else 0, steps):
                t = k / steps
                if hold:
                    t = t * t * (3 - 2 * t)  # ease in and out
                glow = glows[i] + (glows[j] - glows[i]) * t
                out.append((blend_moments(a, keys[j], t), FRAME_MS, glow))
        return out

    def view(self, moments: Sequence[Moment]) -> Box:
        """The world box every moment's figures and the scene fit in, with a margin."""
        bodies = [b for m in moments for b in place(m, self.scene).values()]
        person = _boxes(b for m in moments for b in [place(m, self.scene)["person"]])
        box = _union(_boxes(bodies), self.scene.bounds(person))
        pad = 0.06 * max(box[2] - box[0], box[3] - box[1])
        return box[0] - pad, box[1] - pad * 0.6, box[2] + pad, box[3] + pad

    def person_box(self, moments: Sequence[Moment]) -> Box:
        return _boxes(place(m, self.scene)["person"] for m in moments)


def _scene_picture(c: Canvas, frames: Frames, moment: Moment, view: Box, person: Box,
                   ghost: Moment | None = None, card: Colour = CARD,
                   glow: float = 0.0) -> dict[str, Body]:
    """The scene with its figures: the practitioner behind the furniture, the person on it;
    a faded ``ghost`` (where the movement started) behind them both."""
    scene = frames.scene
    bodies = place(moment, scene)
    ghosts = place(ghost, scene) if ghost is not None else {}
    for name in ("practitioner", "person"):
        if name == "person":
            scene.draw_back(c, person, view, moment.params)
        if name in ghosts:
            draw_body(c, ghosts[name], PALETTES[name], faded=0.72, background=card)
        if name == "person" and glow > 0:
            _glow(c, bodies[name], frames.picture.highlight, glow, card)
        if name in bodies:
            draw_body(c, bodies[name], PALETTES[name], background=card)
    scene.draw_front(c, person, view, moment.params, card)
    return bodies


def _glow(c: Canvas, body: Body, parts: Sequence[str], amount: float, card: Colour) -> None:
    """A soft halo round the parts that work (``amount`` 0 to 1)."""
    for spread, strength in ((4.5, 0.35), (2.8, 0.7)):
        colour = mix(card, ARROW, strength * amount)
        for s in body.segments:
            if s.part in parts:
                if s.flat:
                    c.trapezoid(s.start, s.end, s.r0 + spread, s.r1 + spread, 4.0, colour)
                else:
                    c.capsule(s.start, s.end, s.r0 + spread, s.r1 + spread, colour)


def _motion_arrow(c: Canvas, before: Body, after: Body) -> None:
    """A curved arrow from where the part that moves most was to where it is now, swung
    round the part that moves least."""
    shared = [k for k in before.points if k in after.points]
    moved = {k: math.dist(before.points[k], after.points[k]) for k in shared}
    tip = max(ARROW_TIPS, key=lambda k: moved[k])
    if moved[tip] < 4.0:
        return
    a, b = before.points[tip], after.points[tip]
    far = [k for k in shared if math.dist(before.points[k], a) > 18]
    pivot = after.points[min(far, key=lambda k: moved[k])] if far else (
        (a[0] + b[0]) / 2, (a[1] + b[1]) / 2 - 10)
    ra, rb = math.dist(pivot, a) + 9, math.dist(pivot, b) + 9
    ta = math.degrees(math.atan2(a[1] - pivot[1], a[0] - pivot[0]))
    tb = math.degrees(math.atan2(b[1] - pivot[1], b[0] - pivot[0]))
    sweep = turn(ta, tb)
    n = 30
    trim = 0.12  # leave a gap at each end
    path = [
        (pivot[0] + (ra + (rb - ra) * t) * math.cos(math.radians(ta + sweep * t)),
         pivot[1] + (ra + (rb - ra) * t) * math.sin(math.radians(ta + sweep * t)))
        for t in (trim + (1 - 2 * trim) * i / n for i in range(n + 1))
    ]
    width = 2.6 / c.scale * SUPERSAMPLE * 1.6
    c.line(path[:-2], width, ARROW)
    (x0, y0), (x1, y1) = path[-4], path[-1]
    head = math.atan2(y1 - y0, x1 - x0)
    size = width * 3.2
    tip_pt = (x1 + math.cos(head) * size * 0.5, y1 + math.sin(head) * size * 0.5)
    left = (tip_pt[0] - size * math.cos(head - 0.5), tip_pt[1] - size * math.sin(head - 0.5))
    right = (tip_pt[0] - size * math.cos(head + 0.5), tip_pt[1] - size * math.sin(head + 0.5))
    c.polygon([tip_pt, left, right], ARROW)


def draw_still(exercise: Exercise) -> Image.Image:
    """The still picture: the title, then start and end side by side with the movement."""
    s = SUPERSAMPLE
    frames = Frames(exercise.picture)
    view = frames.view([frames.start, frames.end])
    person = frames.person_box([frames.start, frames.end])
    top, gap, side, chrome = 70, 22, 20, 70 + 52 + 20
    card_w = (STILL_WIDTH - 2 * side - gap) / 2
    height = _height(view, card_w - 28, chrome, STILL_HEIGHTS)
    w, h = STILL_WIDTH * s, height * s
    top, gap, side, card_w = top * s, gap * s, side * s, card_w * s
    bottom = h - 20 * s
    image = Image.new("RGB", (w, h), BACKGROUND)
    draw = ImageDraw.Draw(image)
    _title(draw, exercise.name, (28 * s, 18 * s), w - 56 * s, 30 * s)
    labels = ("Start", "End")
    placed: list[tuple[Canvas, dict[str, Body]]] = []
    for i, (moment, ghost) in enumerate(((frames.start, None), (frames.end, frames.start))):
        x0 = side + i * (card_w + gap)
        draw.rounded_rectangle((x0, top, x0 + card_w, bottom), radius=16 * s, fill=CARD)
        origin, scale = _fit(view, (x0 + 14 * s, top + 40 * s, x0 + card_w - 14 * s,
                                    bottom - 12 * s))
        c = Canvas(image, origin, scale)
        placed.append((c, _scene_picture(c, frames, moment, view, person, ghost, glow=i)))
        draw.text((x0 + 16 * s, top + 10 * s), labels[i], font=_font(18 * s), fill=MUTED)
    c_end, end_bodies = placed[1]
    _motion_arrow(c_end, place(frames.start, frames.scene)["person"], end_bodies["person"])
    _between(draw, (w / 2, (top + bottom) / 2), s)
    return image.resize((STILL_WIDTH, height), Image.Resampling.LANCZOS)


def _height(view: Box, width: float, chrome: float, bounds: tuple[int, int]) -> int:
    """The image height that shows ``view`` at ``width`` pixels, plus the title and margins."""
    wanted = chrome + width * (view[3] - view[1]) / (view[2] - view[0])
    return int(min(max(wanted, bounds[0]), bounds[1]))


def _between(draw: ImageDraw.ImageDraw, centre: Point, s: int) -> None:
    """The round badge with an arrow between the two pictures."""
    x, y = centre
    r = 21 * s
    draw.ellipse((x - r, y - r, x + r, y + r), fill=ARROW)
    draw.polygon([(x - 7 * s, y - 10 * s), (x + 11 * s, y), (x - 7 * s, y + 10 * s)],
                 fill=(255, 255, 255))


def draw_animation(exercise: Exercise) -> tuple[list[Image.Image], list[int]]:
    """The animation's frames (full colour) and how long each shows, in milliseconds."""
    s = SUPERSAMPLE
    frames = Frames(exercise.picture)
    timeline = frames.animation()
    moments = [m for m, _, _ in timeline]
    view = frames.view(moments)
    person = frames.person_box(moments)
    height = _height(view, ANIMATION_WIDTH - 28, 60, ANIMATION_HEIGHTS)
    w, h = ANIMATION_WIDTH * s, height * s
    images = []
    for moment, _, glow in timeline:
        image = Image.new("RGB", (w, h), CARD)
        draw = ImageDraw.Draw(image)
        _title(draw, exercise.name, (18 * s, 12 * s), w - 36 * s, 24 * s)
        origin, scale = _fit(view, (14 * s, 50 * s, w - 14 * s, h - 10 * s))
        _scene_picture(Canvas(image, origin, scale), frames, moment, view, person, glow=glow)
        images.append(image.resize((ANIMATION_WIDTH, height), Image.Resampling.LANCZOS))
    return images, [d for _, d, _ in timeline]


def save_gif(images: Sequence[Image.Image], durations: Sequence[int], path: Path) -> None:
    """A looping GIF with one palette for every frame (no flicker between frames)."""
    sample = Image.new("RGB", (images[0].width, images[0].height * 2))
    sample.paste(images[0], (0, 0))
    sample.paste(images[len(images) // 2], (0, images[0].height))
    palette = sample.quantize(colors=GIF_COLOURS, method=Image.Quantize.MEDIANCUT)
    frames = [im.quantize(palette=palette, dither=Image.Dither.NONE) for im in images]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=list(durations),
                   loop=0, disposal=1, format="GIF")


# --- the cache ----------------------------------------------------------------------------


def content_key(exercise: Exercise, kind: str) -> str:
    """A hash of everything the picture is drawn from."""
    table = poses()
    spec = {
        "kind": kind,
        "sizes": [STILL_WIDTH, STILL_HEIGHTS, ANIMATION_WIDTH, ANIMATION_HEIGHTS, SUPERSAMPLE,
                  MOVE_FRAMES, CYCLE_FRAMES, FRAME_MS, HOLD_MS],
        "name": exercise.name,
        "picture": asdict(exercise.picture),
        "poses": {p: asdict(table[p]) for p in exercise.picture.poses},
    }
    digest = _drawing_code_digest().copy()
    digest.update(json.dumps(spec, sort_keys=True, default=str).encode())
    return digest.hexdigest()


@cache
def _drawing_code_digest() -> hashlib._Hash:
    """The hash of the drawing code, read once per process (not on every send)."""
    return hashlib.sha256(b"".join(
        resources.files("bot.exercises").joinpath(f).read_bytes()
        for f in ("canvas.py", "figure.py", "scene.py", "render.py")
    ))


def default_cache_dir() -> Path:
    """Where pictures are kept unless told otherwise: the settings' pictures folder."""
    return get_settings().pictures_dir


def still_path(exercise: Exercise, cache_dir: Path | None = None) -> Path:
    """The exercise's PNG, drawn now if not already cached."""
    return _cached(exercise, "png", cache_dir, lambda p: draw_still(exercise).save(p, "PNG"))


def animation_path(exercise: Exercise, cache_dir: Path | None = None) -> Path:
    """The exercise's looping GIF, drawn now if not already cached."""
    def build(path: Path) -> None:
        images, durations = draw_animation(exercise)
        save_gif(images, durations, path)

    return _cached(exercise, "gif", cache_dir, build)


def draw_all(exercises: Iterable[Exercise], cache_dir: Path | None = None) -> None:
    """Draw every exercise's still and animation that is not cached yet: run once at start
    (in a thread), so that nobody's first session waits seconds for its pictures."""
    for exercise in exercises:
        still_path(exercise, cache_dir)
        animation_path(exercise, cache_dir)


def _cached(exercise: Exercise, kind: str, cache_dir: Path | None,
            build: Callable[[Path], None]) -> Path:
    folder = cache_dir or default_cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{exercise.id}-{content_key(exercise, kind)[:16]}.{kind}"
    if path.exists():
        return path
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=f".{kind}.part")
    os.close(fd)
    try:
        build(Path(tmp))
        os.replace(tmp, path)  # whole or not at all, even with two renderers at once
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path

