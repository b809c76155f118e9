"""Drawing a course's regions: outlines as compact typed arrays, fills, labels, legend keys, axes.

Plotly's geo and map-tile subplots fetch base-map data from a CDN and draw nothing offline,
so regions are filled polygons (``scatter`` with ``fill="toself"``) on plain axes: x is
longitude, y is latitude, with the aspect ratio of the map's middle latitude.

Coordinates travel as plotly's typed arrays (``{"dtype": "f4", "bdata": <base64>}``, read by
plotly.js since 2.28): 4 bytes a number instead of a decimal written out (one a line in a saved
notebook). float32 keeps about 7 significant digits, far finer than the boundary files' 3
decimals. A typed array cannot hold ``None``, so the gap between two polygons of a region is
``NaN``, which plotly.js treats as a gap too (``connectgaps`` is off).

The geometry depends only on the course, so it is built once per course (``Course.memo``) and
every map and widget of a kernel shares it.
"""

from __future__ import annotations

import base64
import math
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lessonkit.style.plot import ptext, template

if TYPE_CHECKING:
    from lessonkit.course.model import Course
    from lessonkit.figures.map_regions import RegionRow

# What an option does to a region: fill colour and pattern, so the outcome never rests on colour alone.
OUTCOMES = {
    "whole": ("#d6604d", "x"),
    "part": ("#fddbc7", "/"),
    "none": ("#f7f7f7", ""),
}
NO_STATUS = ("#ffffff", "")
LINE = "#444444"
PATTERN_INK = "#333333"
SMALL = 0.15  # square degrees: below this a region's label gets a dot and sits above it
# What every region's outline shares, sent once in the figure's template rather than once a region
# (a map is drawn up to nine times in a lesson's saved notebook). The other traces of a map (labels,
# legend keys) set these keys themselves.
REGION_DEFAULTS = {
    "mode": "lines",
    "line": {"color": LINE, "width": 0.8},
    "fill": "toself",
    "hoveron": "fills",
    "hoverinfo": "text",
    "showlegend": False,
}


def typed_array(values: Iterable[float]) -> dict[str, str]:
    """Numbers as plotly's float32 typed array: little-endian bytes, base64 in JSON."""
    data = array("f", values)
    if sys.byteorder == "big":
        data.byteswap()
    return {"dtype": "f4", "bdata": base64.b64encode(data.tobytes()).decode("ascii")}


@dataclass(frozen=True)
class Outline:
    """One region ready to draw: its exterior rings as x and y typed arrays (NaN between
    polygons; holes left out, as smaller regions inside are drawn later, on top), its area in
    square degrees and its label point."""

    x: dict[str, str]
    y: dict[str, str]
    area: float
    label: tuple[float, float]


@dataclass(frozen=True)
class Geometry:
    outlines: dict[str, Outline]
    xaxis: dict
    yaxis: dict


def geometry(course: Course) -> Geometry:
    """The course's outlines and axes, built on first use and kept with the course."""
    found = course.memo.get("map_geometry")
    if found is None:
        outlines = {}
        for region_id, shape in course.boundaries.shapes.items():
            xs: list[float] = []
            ys: list[float] = []
            for ring in shape.exteriors:
                if xs:
                    xs.append(math.nan)
                    ys.append(math.nan)
                xs += [x for x, _ in ring]
                ys += [y for _, y in ring]
            outlines[region_id] = Outline(typed_array(xs), typed_array(ys), shape.area(), shape.label_point())
        found = course.memo["map_geometry"] = Geometry(outlines, *_axes(course))
    return found


def _axes(course: Course) -> tuple[dict, dict]:
    x0, y0, x1, y1 = course.boundaries.bounds()
    pad = 0.03 * max(x1 - x0, y1 - y0)
    ratio = 1 / math.cos(math.radians((y0 + y1) / 2))
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    xaxis = {**hidden, "range": [x0 - pad, x1 + pad], "constrain": "domain"}
    yaxis = {**hidden, "range": [y0 - pad, y1 + pad], "scaleanchor": "x", "scaleratio": round(ratio, 4)}
    return xaxis, yaxis


def axes(course: Course) -> tuple[dict, dict]:
    """Hidden x (longitude) and y (latitude) axes around every region, at the middle latitude's
    aspect ratio (fresh copies: callers add their own keys)."""
    g = geometry(course)
    return dict(g.xaxis), dict(g.yaxis)


def map_template() -> dict[str, Any]:
    """The course's plotly template, with the outlines' shared keys as scatter defaults."""
    found = template()
    found["data"] = {"scatter": [{"type": "scatter", **REGION_DEFAULTS}]}  # "type" as plotly writes it
    return found


def _fill(name: str, colour: str, pattern: str) -> dict:
    fill: dict[str, Any] = {"fillcolor": colour, "name": name}
    if pattern:
        fill["fillpattern"] = {"shape": pattern, "fgcolor": PATTERN_INK, "bgcolor": colour, "size": 8, "solidity": 0.15}
    return fill


def style(course: Course, row: RegionRow) -> tuple[str, str]:
    """Fill colour and pattern of a region: its outcome under an option, else its status."""
    if row.outcome is not None:
        return OUTCOMES[row.outcome]
    if row.status_id is None:
        return NO_STATUS
    status = course.region_status(row.status_id)
    return status.colour, status.pattern


def region_traces(
    course: Course, rows: list[RegionRow], texts: dict[str, str], axes: tuple[str, str], lang: str
) -> list[dict]:
    """One filled outline a region, the biggest first so that small ones stay visible."""
    outlines = geometry(course).outlines
    order = sorted(rows, key=lambda r: -outlines[r.region.id].area)
    traces = []
    for row in order:
        outline = outlines[row.region.id]
        colour, pattern = style(course, row)
        trace = {"type": "scatter", "x": outline.x, "y": outline.y}
        if axes != ("x", "y"):  # plotly's default pair needs no naming
            trace.update({"xaxis": axes[0], "yaxis": axes[1]})
        trace.update(_fill(ptext(row.region.label(lang)), colour, pattern))
        trace["text"] = texts[row.region.id]  # the line, fill and hover keys: REGION_DEFAULTS
        trace["meta"] = {"region": row.region.id, "status": row.status_id, "outcome": row.outcome}
        traces.append(trace)
    return traces


def label_trace(course: Course, rows: list[RegionRow], lang: str, axes: tuple[str, str]) -> dict:
    """Every region's short label at its label point; a small region's sits above a dot."""
    outlines = geometry(course).outlines
    xs, ys, texts, positions, sizes = [], [], [], [], []
    for row in rows:
        outline = outlines[row.region.id]
        x, y = outline.label
        small = outline.area < SMALL
        xs.append(x)
        ys.append(y)
        texts.append(ptext(row.region.label(lang)))
        positions.append("top center" if small else "middle center")
        sizes.append(4 if small else 0)
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "xaxis": axes[0],
        "yaxis": axes[1],
        "mode": "markers+text",
        "fill": "none",
        "hoveron": "points",
        "text": texts,
        "textposition": positions,
        "textfont": {"size": 9, "color": "#111111"},
        "marker": {"size": sizes, "color": "#111111"},
        "hoverinfo": "skip",
        "showlegend": False,
        "name": "labels",
    }


def legend_traces(entries: list[tuple[str, str, str]]) -> list[dict]:
    """Legend keys (name, colour, pattern) that draw nothing on the map."""
    return [
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "lines",
            "line": {"color": LINE, "width": 0.8},
            "fill": "toself",
            **_fill(ptext(name), colour, pattern),
            "hoverinfo": "skip",
            "showlegend": True,
            "legendgroup": "key",
        }
        for name, colour, pattern in entries
    ]
