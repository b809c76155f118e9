"""Region boundaries from GeoJSON files shipped with a course (``data/geo/*.geojson``).

Pure Python and standard library: read, check, keep. Each feature carries the region's
ISO 3166-2 code as ``properties.id``; names and statuses come from the course's YAML,
never from the boundary file. Every problem names the file, the line of the feature and
the field, like the rest of ``lessonkit check``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from lessonkit.content.regions import _CODE
from lessonkit.errors import Problem

GEO_FOLDER = "geo"

Ring = tuple[tuple[float, float], ...]
Polygon = tuple[Ring, ...]  # exterior ring first, then holes


@dataclass(frozen=True)
class Shape:
    """One region's outline: polygons of (longitude, latitude) rings, and a label point."""

    id: str
    polygons: tuple[Polygon, ...]
    label: tuple[float, float] | None
    path: str
    line: int

    @property
    def exteriors(self) -> tuple[Ring, ...]:
        return tuple(p[0] for p in self.polygons)

    def area(self) -> float:
        """Area of the exterior rings in square degrees (for drawing order and labels)."""
        return sum(ring_area(r) for r in self.exteriors)

    def label_point(self) -> tuple[float, float]:
        """The file's label point, or the centroid of the largest polygon."""
        if self.label is not None:
            return self.label
        return centroid(max(self.exteriors, key=ring_area))


@dataclass(frozen=True)
class Boundaries:
    """Every shape of a course, by region code, and the attribution its files ask for
    (``"attribution"``: a string, or ``{"en": ..., "ja": ...}``)."""

    shapes: dict[str, Shape]
    attribution: tuple[dict[str, str], ...] = ()

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for s in self.shapes.values() for r in s.exteriors for x, _ in r]
        ys = [y for s in self.shapes.values() for r in s.exteriors for _, y in r]
        return min(xs), min(ys), max(xs), max(ys)


def ring_area(ring: Ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring))) / 2


def centroid(ring: Ring) -> tuple[float, float]:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in pairwise(ring):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if a == 0:
        return ring[0]
    return cx / (3 * a), cy / (3 * a)


def read_boundaries(data_folder: Path, shown: Callable[[Path], str], problems: list[Problem]) -> Boundaries:
    """All shapes in ``data_folder/geo/*.geojson``; problems are appended, never raised."""
    shapes: dict[str, Shape] = {}
    attribution: list[dict[str, str]] = []
    for path in sorted((data_folder / GEO_FOLDER).glob("*.geojson")):
        where = shown(path)
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(where, 0, "", f"cannot be read as UTF-8 text ({exc})"))
            continue
        except json.JSONDecodeError as exc:
            problems.append(Problem(where, exc.lineno, "", f"is not valid JSON: {exc.msg}"))
            continue
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            problems.append(Problem(where, 1, "type", "should be a GeoJSON FeatureCollection"))
            continue
        credit = data.get("attribution")
        if isinstance(credit, str):
            attribution.append({"en": credit, "ja": credit})
        elif isinstance(credit, dict) and all(isinstance(credit.get(k), str) for k in ("en", "ja")):
            attribution.append({"en": credit["en"], "ja": credit["ja"]})
        features = data.get("features")
        if not isinstance(features, list):
            problems.append(Problem(where, 1, "features", "should be a list of features"))
            continue
        for i, feature in enumerate(features):
            shape = _shape(feature, i, where, text, problems)
            if shape is None:
                continue
            if shape.id in shapes:
                first = shapes[shape.id]
                problems.append(
                    Problem(
                        where,
                        shape.line,
                        f"features[{i}].properties.id",
                        f"'{shape.id}' has a boundary already (first at {first.path}:{first.line})",
                    )
                )
                continue
            shapes[shape.id] = shape
    unique = {tuple(sorted(a.items())): a for a in attribution}
    return Boundaries(shapes, tuple(unique.values()))


def _line_of(text: str, code: str) -> int:
    """The line where the feature's code first appears (one feature a line in our files)."""
    at = text.find(f'"{code}"')
    return text.count("\n", 0, at) + 1 if at >= 0 else 0


def _shape(feature: object, i: int, where: str, text: str, problems: list[Problem]) -> Shape | None:
    field = f"features[{i}]"
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        problems.append(Problem(where, 0, field, "should be a GeoJSON Feature"))
        return None
    raw_props = feature.get("properties")
    props: dict[str, Any] = raw_props if isinstance(raw_props, dict) else {}
    code = props.get("id")
    if not isinstance(code, str) or not _CODE.match(code):
        problems.append(Problem(where, 0, f"{field}.properties.id", f"{code!r} is not an ISO 3166-2 code like UA-14"))
        return None
    line = _line_of(text, code)
    geometry = feature.get("geometry")
    polygons = _polygons(geometry)
    if isinstance(polygons, str):
        problems.append(Problem(where, line, f"{field}.geometry", f"{code}: {polygons}"))
        return None
    label = props.get("label")
    point = None
    if label is not None:
        if not (isinstance(label, list) and len(label) == 2 and _position(label)):
            problems.append(
                Problem(where, line, f"{field}.properties.label", f"{code}: should be [longitude, latitude]")
            )
            return None
        point = (float(label[0]), float(label[1]))
    return Shape(code, polygons, point, where, line)


def _position(p: object) -> bool:
    return (
        isinstance(p, list)
        and len(p) >= 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in p[:2])
        and -180 <= p[0] <= 180
        and -90 <= p[1] <= 90
    )


def _ring(raw: object) -> Ring | str:
    if not isinstance(raw, list) or len(raw) < 4:
        return "a ring needs at least 4 positions"
    if not all(_position(p) for p in raw):
        return "a position is not [longitude, latitude] in range"
    ring = tuple((float(p[0]), float(p[1])) for p in raw)
    if ring[0] != ring[-1]:
        return "a ring is not closed (its last position must repeat its first)"
    if ring_area(ring) == 0:
        return "a ring encloses no area"
    return ring


def _polygons(geometry: object) -> tuple[Polygon, ...] | str:
    """The geometry's polygons, or a message saying what is wrong with it."""
    if not isinstance(geometry, dict):
        return "missing geometry"
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        raw_polygons = [coords]
    elif kind == "MultiPolygon" and isinstance(coords, list):
        raw_polygons = coords
    else:
        return f"type {kind!r} is not Polygon or MultiPolygon"
    polygons = []
    for raw in raw_polygons:
        if not isinstance(raw, list) or not raw:
            return "a polygon has no rings"
        rings = []
        for r in raw:
            ring = _ring(r)
            if isinstance(ring, str):
                return ring
            rings.append(ring)
        polygons.append(tuple(rings))
    if not polygons:
        return "no polygons"
    return tuple(polygons)
