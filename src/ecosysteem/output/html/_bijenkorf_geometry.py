"""Where things go on the bijenkorf plate: pure geometry, no graph and no HTML.

Canvas units; y grows downwards; the patient sits at ``(0, 0)``. The plate is drawn to be read at 1440×900 CSS
pixels: the page gives the canvas the plate's aspect ratio over the full width, vis-network fits it, and every
label is at least :data:`MIN_FONT` units high, which at that scale renders at 11 CSS pixels or more.

>>> spread(3, 0, 10)
[0.0, 5.0, 10.0]
>>> round(segment_distance((0, 0), (-10, 5), (10, 5)), 6)
5.0
"""

from __future__ import annotations

import math

__all__ = [
    "COLLAB_X",
    "HEX_RADIUS",
    "HIVE_RADIUS",
    "LOOPS",
    "MIN_FONT",
    "PLATE_HALF_WIDTH",
    "REGIONAL_COLUMNS",
    "collaboration_slots",
    "grid",
    "honeycomb",
    "regional_slots",
    "segment_distance",
    "spread",
    "sunflower",
    "wrap",
    "zones",
]

HEX_RADIUS = 104
HIVE_RADIUS = HEX_RADIUS * 3.2
"""The honey-coloured circle behind the honeycomb: no membership line may cross it."""

MIN_FONT = 19
"""The smallest label font, in canvas units (the plate is fitted at about 0.6 at 1440 CSS pixels wide)."""

PLATE_HALF_WIDTH = 1200.0
COLLAB_X = 1060.0
"""Supra-regional collaborations stand in two columns at ±this x, beside the loops, so that the lines from their
member networks in the regional band below pass beside the hive, not through it."""

NATIONAL_COLUMNS = 7
REGIONAL_COLUMNS = 5
"""Columns per half of the regional band."""
_BAND_ROW = 96.0

LOOPS: dict[str, dict[str, float]] = {
    # Ellipse centre and radii, the arc (degrees, y down) the actions sit on, and where the loop's label sits.
    "onderwijs": {"cx": -530, "cy": -20, "rx": 265, "ry": 215, "a0": 125, "a1": 235, "label": 270},
    "praktijk": {"cx": 530, "cy": -20, "rx": 265, "ry": 215, "a0": -55, "a1": 55, "label": 270},
    "onderzoek": {"cx": 0, "cy": 330, "rx": 400, "ry": 120, "a0": 25, "a1": 155, "label": 90},
}


def spread(count: int, start: float, stop: float) -> list[float]:
    """``count`` values evenly from ``start`` to ``stop`` (one value: the middle)."""
    if count <= 0:
        return []
    if count == 1:
        return [(start + stop) / 2]
    return [start + (stop - start) * i / (count - 1) for i in range(count)]


def sunflower(cx: float, cy: float, count: int, spacing: float = 15.0) -> list[tuple[float, float]]:
    """``count`` points packed around ``(cx, cy)`` on a golden-angle spiral."""
    golden = math.pi * (3 - math.sqrt(5))
    return [
        (
            cx + spacing * math.sqrt(i + 0.5) * math.cos(i * golden),
            cy + spacing * math.sqrt(i + 0.5) * math.sin(i * golden),
        )
        for i in range(count)
    ]


def honeycomb(count: int) -> list[tuple[float, float]]:
    """The centres of ``count`` hexagons touching the centre one, clockwise from the top left."""
    step = HEX_RADIUS * math.sqrt(3)
    return [
        (step * math.cos(math.radians(-120 + 60 * i)), step * math.sin(math.radians(-120 + 60 * i)))
        for i in range(count)
    ]


def _rows(count: int, columns: int) -> int:
    return max(1, math.ceil(count / columns))


def zones(national: int, regional_rows: int) -> tuple[dict[str, tuple[float, float, float, float]], dict[str, float]]:
    """The level zones ``(x, y, width, height)`` and the society frame, grown to hold the parties drawn.

    ``national`` is the number of national parties; ``regional_rows`` the rows of the regional band.
    """
    nat_height = max(215.0, 90 + _BAND_ROW * _rows(national, NATIONAL_COLUMNS))
    reg_height = max(200.0, 90 + _BAND_ROW * regional_rows)
    left, width = -PLATE_HALF_WIDTH + 40, 2 * PLATE_HALF_WIDTH - 80
    found = {
        "landelijk": (left, -540 - nat_height, width, nat_height),
        "bovenregionaal": (left, -515.0, width, 980.0),
        "regionaal": (left, 490.0, width, reg_height),
    }
    frame = {"x0": -PLATE_HALF_WIDTH, "x1": PLATE_HALF_WIDTH, "y0": -580 - nat_height, "y1": 490 + reg_height + 170}
    return found, frame


def grid(count: int, columns: int, x0: float, x1: float, y0: float) -> list[tuple[float, float]]:
    """``count`` places in rows of ``columns`` between ``x0`` and ``x1``, the first row at ``y0``."""
    cols = max(1, min(count, columns))
    xs = spread(cols, x0, x1)
    return [(xs[i % cols], y0 + _BAND_ROW * (i // cols)) for i in range(count)]


def collaboration_slots(sides: list[int]) -> list[tuple[float, float]]:
    """Places for collaborations given their side (-1 left, +1 right): stacked beside the upper loops.

    High enough that a line to the national band above, and low enough that a line to a network of the same side
    in the regional band below, passes beside the hive (``tests/test_viz.py`` checks every membership line).
    """
    out = []
    seen = {-1: 0, 1: 0}
    per_side = {s: sides.count(s) for s in (-1, 1)}
    for side in sides:
        ys = spread(per_side[side], -440.0, -110.0)
        out.append((side * COLLAB_X, ys[seen[side]]))
        seen[side] += 1
    return out


def regional_slots(sides: list[int], y0: float) -> list[tuple[float, float]]:
    """Places for regional networks by side: the left half for side -1, the right half for side +1."""
    per_side = {s: grid(sides.count(s), REGIONAL_COLUMNS, s * 1040.0, s * 170.0, y0) for s in (-1, 1)}
    seen = {-1: 0, 1: 0}
    out = []
    for side in sides:
        out.append(per_side[side][seen[side]])
        seen[side] += 1
    return out


def segment_distance(point: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    """The distance from ``point`` to the line segment ``a``–``b``."""
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def wrap(label: str, width: int = 22) -> str:
    """Break ``label`` into lines of about ``width`` characters, at spaces."""
    lines: list[str] = []
    line = ""
    for word in label.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)
