"""Drawing in world units (body height 100, y up) on a Pillow image, anti-aliased by size.

Pictures are drawn at a multiple of their final size and scaled down (see :mod:`.render`),
which smooths every edge; this module only maps world shapes to pixels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PIL import Image, ImageDraw

Point = tuple[float, float]
Colour = tuple[int, int, int]


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """The colour ``t`` of the way from ``a`` to ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


class Canvas:
    """A view of a world rectangle onto part of an image."""

    def __init__(self, image: Image.Image, origin: Point, scale: float) -> None:
        #: ``origin`` is the pixel where world (0, 0) lands; ``scale`` pixels per unit.
        self.image = image
        self.draw = ImageDraw.Draw(image)
        self.origin = origin
        self.scale = scale

    def px(self, p: Point) -> Point:
        """A world point in pixels."""
        return self.origin[0] + p[0] * self.scale, self.origin[1] - p[1] * self.scale

    def world(self, p: Point) -> Point:
        """A pixel in world units."""
        return (p[0] - self.origin[0]) / self.scale, (self.origin[1] - p[1]) / self.scale

    def circle(self, c: Point, r: float, fill: Colour) -> None:
        x, y = self.px(c)
        rr = r * self.scale
        self.draw.ellipse((x - rr, y - rr, x + rr, y + rr), fill=fill)

    def polygon(self, points: Sequence[Point], fill: Colour) -> None:
        self.draw.polygon([self.px(p) for p in points], fill=fill)

    def capsule(self, a: Point, b: Point, r0: float, r1: float, fill: Colour) -> None:
        """A limb: two circles joined by their outer edges."""
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1e-9
        nx, ny = -dy / d, dx / d
        self.polygon(
            [
                (a[0] + nx * r0, a[1] + ny * r0), (b[0] + nx * r1, b[1] + ny * r1),
                (b[0] - nx * r1, b[1] - ny * r1), (a[0] - nx * r0, a[1] - ny * r0),
            ],
            fill,
        )
        self.circle(a, r0, fill)
        self.circle(b, r1, fill)

    def trapezoid(self, a: Point, b: Point, w0: float, w1: float, round_: float,
                  fill: Colour) -> None:
        """A trunk seen from the front: half-widths ``w0`` at ``a``, ``w1`` at ``b``."""
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1e-9
        ux, uy, nx, ny = dx / d, dy / d, -dy / d, dx / d
        corners = []
        for (cx, cy), w, along in ((a, w0, 1.0), (b, w1, -1.0)):
            for side in (1.0, -1.0):
                corners.append((
                    cx + nx * side * (w - round_) + ux * along * round_,
                    cy + ny * side * (w - round_) + uy * along * round_,
                ))
        ring = [corners[0], corners[2], corners[3], corners[1]]
        for i in range(4):
            self.capsule(ring[i], ring[(i + 1) % 4], round_, round_, fill)
        self.polygon(ring, fill)

    def line(self, points: Sequence[Point], width: float, fill: Colour) -> None:
        """A polyline with round joints, ``width`` in world units."""
        w = max(1, round(width * self.scale))
        self.draw.line([self.px(p) for p in points], fill=fill, width=w, joint="curve")
        for p in (points[0], points[-1]):
            self.circle(p, width / 2, fill)

    def rounded_rect(self, x0: float, y0: float, x1: float, y1: float, radius: float,
                     fill: Colour) -> None:
        (a, b), (c, d) = self.px((x0, y1)), self.px((x1, y0))
        self.draw.rounded_rectangle((a, b, c, d), radius=radius * self.scale, fill=fill)

    def ring(self, c: Point, r: float, width: float, fill: Colour) -> None:
        x, y = self.px(c)
        rr = r * self.scale
        self.draw.ellipse((x - rr, y - rr, x + rr, y + rr), outline=fill,
                          width=max(1, round(width * self.scale)))

    def arc_points(self, c: Point, r: float, start: float, end: float, n: int = 24) -> list[Point]:
        """Points along a circle from angle ``start`` to ``end`` (degrees)."""
        return [
            (c[0] + r * math.cos(math.radians(start + (end - start) * i / n)),
             c[1] + r * math.sin(math.radians(start + (end - start) * i / n)))
            for i in range(n + 1)
        ]
