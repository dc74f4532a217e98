"""What the figures are on: a mat, a treatment table, the floor, a bike, an elliptical
trainer, or water; with the points a figure can hold on to (pedals, handlebars).

World units as in :mod:`.figure` (body height 100, y up). The person rests on
``surface``; a standing practitioner on ``floor``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from PIL import Image

from bot.exercises.canvas import Canvas, Colour, Point, mix
from bot.exercises.figure import unit

Box = tuple[float, float, float, float]

MAT = (137, 190, 170)
MAT_EDGE = (104, 160, 140)
TABLE = (196, 205, 222)
TABLE_EDGE = (150, 162, 186)
METAL = (120, 128, 140)
FLOOR = (226, 216, 204)
WATER = (92, 166, 214)
DARK = (70, 74, 84)


@dataclass(frozen=True)
class Scene:
    """A scene type: where the person rests, where the floor is, what there is to hold."""

    name: str
    surface: float = 0.0
    floor: float = 0.0

    def points(self, params: Mapping[str, float]) -> dict[str, Point]:
        """Named points a figure can reach for (``bike.pedal_near``)."""
        return {}

    def bounds(self, person: Box) -> Box:
        """The box the scene needs, given the box the person moves in."""
        return person[0], min(person[1], self.floor), person[2], person[3]

    def draw_back(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float]) -> None:
        """Draw what is behind the figures."""
        c.line([(view[0], self.floor - 0.6), (view[2], self.floor - 0.6)], 1.2, FLOOR)

    def draw_front(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float],
                   background: Colour) -> None:
        """Draw what is in front of the figures (water)."""


@dataclass(frozen=True)
class Mat(Scene):
    """An exercise mat on the floor."""

    name: str = "mat"
    floor: float = -2.4

    def bounds(self, person: Box) -> Box:
        return person[0] - 6, self.floor - 1, person[2] + 6, person[3]

    def draw_back(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float]) -> None:
        super().draw_back(c, person, view, params)
        x0, x1 = person[0] - 5, person[2] + 5
        c.rounded_rect(x0, self.floor, x1, self.surface, 1.2, MAT_EDGE)
        c.rounded_rect(x0, self.floor + 0.5, x1, self.surface, 1.0, MAT)


@dataclass(frozen=True)
class Table(Scene):
    """A treatment table the person lies on, the practitioner standing beside it."""

    name: str = "table"
    floor: float = -44.0

    def draw_back(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float]) -> None:
        super().draw_back(c, person, view, params)
        x0, x1 = person[0] - 2, person[2] + 2
        lying = person[2] - person[0] > 60
        if not lying:  # someone on their side: a table as long as a person
            x0, x1 = min(x0, -40), max(x1, 55)
        for x in (x0 + 8, x1 - 8):
            c.capsule((x, self.floor + 1), (x, -4), 1.6, 1.6, METAL)
        c.line([(x0 + 8, self.floor + 14), (x1 - 8, self.floor + 14)], 2.0, METAL)
        c.rounded_rect(x0, -5.5, x1, self.surface, 1.5, TABLE_EDGE)
        c.rounded_rect(x0, -4.5, x1, self.surface, 1.5, TABLE)

    def bounds(self, person: Box) -> Box:
        x0, x1 = person[0] - 2, person[2] + 2
        if person[2] - person[0] <= 60:
            x0, x1 = min(x0, -40), max(x1, 55)
        return x0, self.floor - 1, x1, person[3]


@dataclass(frozen=True)
class Floor(Scene):
    """Standing or walking on the floor."""

    name: str = "floor"

    def bounds(self, person: Box) -> Box:
        return person[0] - 8, self.floor - 2, person[2] + 8, person[3]

    def draw_back(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float]) -> None:
        super().draw_back(c, person, view, params)
        mid = (person[0] + person[2]) / 2
        c.capsule((mid - 22, self.floor - 0.4), (mid + 22, self.floor - 0.4), 1.4, 1.4,
                  mix(FLOOR, (0, 0, 0), 0.12))


#: The bike's frame, in world units with the rider's pelvis at (0, 0).
CRANK: Point = (8.0, -38.0)
PEDAL = 8.5
REAR, FRONT = (-27.0, -36.0), (39.0, -36.0)
WHEEL = 17.0
SADDLE: Point = (-1.0, -7.5)
HEAD_TUBE: Point = (31.0, -6.0)
BARS: Point = (33.0, 6.0)


@dataclass(frozen=True)
class Bike(Scene):
    """A bicycle (or exercise bike) seen from the side, pedals turning."""

    name: str = "bike"
    floor: float = REAR[1] - WHEEL

    def points(self, params: Mapping[str, float]) -> dict[str, Point]:
        crank = params.get("crank", 0.0)
        near, far = unit(crank), unit(crank + 180)
        return {
            "bike.pedal_near": (CRANK[0] + PEDAL * near[0], CRANK[1] + PEDAL * near[1]),
            "bike.pedal_far": (CRANK[0] + PEDAL * far[0], CRANK[1] + PEDAL * far[1]),
            "bike.bars": (BARS[0] - 1.5, BARS[1]),
        }

    def bounds(self, person: Box) -> Box:
        return (min(person[0], REAR[0] - WHEEL - 4), self.floor - 1,
                max(person[2], FRONT[0] + WHEEL + 4), person[3])

    def draw_back(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float]) -> None:
        super().draw_back(c, person, view, params)
        for hub in (REAR, FRONT):
            c.ring(hub, WHEEL, 2.2, DARK)
            c.circle(hub, 1.6, METAL)
        frame = (196, 84, 84)
        for a, b in ((SADDLE, CRANK), (CRANK, REAR), (SADDLE, REAR), (SADDLE, HEAD_TUBE),
                     (HEAD_TUBE, CRANK), (HEAD_TUBE, FRONT), (HEAD_TUBE, BARS)):
            c.line([a, b], 1.8, frame)
        c.capsule((SADDLE[0] - 5, SADDLE[1] + 1), (SADDLE[0] + 4, SADDLE[1] + 1), 1.5, 1.0, DARK)
        c.capsule((BARS[0] - 1, BARS[1]), (BARS[0] + 4, BARS[1] - 2), 1.2, 1.2, DARK)
        pedals = self.points(params)
        c.line([pedals["bike.pedal_far"], CRANK], 1.2, METAL)
        c.circle(CRANK, 3.2, METAL)

    def draw_front(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float],
                   background: Colour) -> None:
        pedals = self.points(params)
        c.line([CRANK, pedals["bike.pedal_near"]], 1.3, DARK)


#: The elliptical trainer, in world units with the floor at 0.
ELLIPSE_CENTRE: Point = (0.0, 10.0)
ELLIPSE = (12.0, 4.5)
HANDLE_PIVOT: Point = (31.0, 34.0)
HANDLE = 40.0


@dataclass(frozen=True)
class Elliptical(Scene):
    """An elliptical trainer: feet on pedals moving round an ellipse, hands on handles."""

    name: str = "elliptical"

    def points(self, params: Mapping[str, float]) -> dict[str, Point]:
        crank = params.get("crank", 0.0)
        out: dict[str, Point] = {}
        for side, turn in (("near", 0.0), ("far", 180.0)):
            u = unit(crank + turn)
            out[f"elliptical.pedal_{side}"] = (
                ELLIPSE_CENTRE[0] + ELLIPSE[0] * u[0], ELLIPSE_CENTRE[1] + ELLIPSE[1] * u[1]
            )
            swing = unit(112 + 12 * u[0])  # the handle swings with the pedal on its side
            out[f"elliptical.handle_{side}"] = (
                HANDLE_PIVOT[0] + HANDLE * swing[0], HANDLE_PIVOT[1] + HANDLE * swing[1]
            )
        return out

    def bounds(self, person: Box) -> Box:
        return min(person[0], -30), self.floor - 2, max(person[2], 48), person[3]

    def draw_back(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float]) -> None:
        super().draw_back(c, person, view, params)
        c.rounded_rect(-28, 0, 46, 3.5, 1.5, METAL)
        c.circle((38, 12), 9, DARK)
        c.circle((38, 12), 3, METAL)
        c.line([(38, 12), HANDLE_PIVOT, (HANDLE_PIVOT[0] + 4, HANDLE_PIVOT[1] + 26)], 2.2, DARK)
        points = self.points(params)
        self._pedal(c, points["elliptical.pedal_far"], points["elliptical.handle_far"], METAL)

    def draw_front(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float],
                   background: Colour) -> None:
        points = self.points(params)
        self._pedal(c, points["elliptical.pedal_near"], points["elliptical.handle_near"], DARK)

    @staticmethod
    def _pedal(c: Canvas, pedal: Point, handle: Point, colour: Colour) -> None:
        c.line([(pedal[0] + 4, pedal[1] - 1.5), (38, 12)], 1.6, colour)
        c.line([handle, HANDLE_PIVOT], 1.6, colour)
        c.capsule((pedal[0] - 6, pedal[1] - 2.2), (pedal[0] + 6, pedal[1] - 2.2), 1.3, 1.3,
                  colour)


@dataclass(frozen=True)
class Water(Scene):
    """A swimming pool: the swimmer floats at the surface, the water in front, see-through."""

    name: str = "water"
    floor: float = -18.0

    def bounds(self, person: Box) -> Box:
        return person[0] - 6, -18, person[2] + 6, max(person[3], 14)

    def draw_back(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float]) -> None:
        c.rounded_rect(view[0], view[1], view[2], 0.0, 0, mix(WATER, (255, 255, 255), 0.55))

    def draw_front(self, c: Canvas, person: Box, view: Box, params: Mapping[str, float],
                   background: Colour) -> None:
        layer = Image.new("RGB", c.image.size, (0, 0, 0))
        mask = Image.new("L", c.image.size, 0)
        waves = Canvas(layer, c.origin, c.scale)
        marks = Canvas(mask, c.origin, c.scale)
        crest = [(view[0] + i * 2.0, 0.9 * _wave(view[0] + i * 2.0))
                 for i in range(int((view[2] - view[0]) / 2) + 2)]
        body = [*crest, (view[2] + 2, view[1]), (view[0], view[1])]
        waves.polygon(body, WATER)
        marks.draw.polygon([marks.px(p) for p in body], fill=120)
        c.image.paste(layer, (0, 0), mask)
        c.line(crest, 0.8, mix(WATER, (255, 255, 255), 0.4))


def _wave(x: float) -> float:
    return math.sin(x / 5.0)


SCENES: dict[str, Scene] = {
    s.name: s for s in (Mat(), Table(), Floor(), Bike(), Elliptical(), Water())
}
