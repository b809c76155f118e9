"""Figure colours meet WCAG 2.1 contrast against the plot's background: 4.5:1 for text, 3:1 for
graphic marks (markers, lines) a student needs to read the figure. Area fills are left out: they
are outlined (their ``line.color`` is checked) or labelled."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from tests.helpers import real_course

import lessonkit as lk
from lessonkit.style.plot import PALETTE

TEXT, GRAPHIC = 4.5, 3.0
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _colours(value: object) -> Iterator[str]:
    if isinstance(value, str) and _HEX.match(value):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _colours(item)


def _marks(spec: dict) -> Iterator[tuple[str, str, float]]:
    """(where, colour, required ratio) for every coloured mark and text in a figure spec."""
    for n, trace in enumerate(spec.get("data", [])):
        mode = trace.get("mode", "markers")
        marker = trace.get("marker") or {}
        if "markers" in mode or trace.get("type") == "bar":
            edge = list(_colours((marker.get("line") or {}).get("color")))
            fill = list(_colours(marker.get("color")))
            for colour in edge or fill:
                yield f"data[{n}].marker", colour, GRAPHIC
        if "lines" in mode or trace.get("fill"):
            for colour in _colours((trace.get("line") or {}).get("color")):
                yield f"data[{n}].line", colour, GRAPHIC
        if "text" in mode:
            for colour in _colours((trace.get("textfont") or {}).get("color")):
                yield f"data[{n}].textfont", colour, TEXT
    layout = spec.get("layout", {})
    for colour in _colours((layout.get("font") or {}).get("color")):
        yield "layout.font", colour, TEXT
    for n, note in enumerate(layout.get("annotations", [])):
        for colour in _colours((note.get("font") or {}).get("color")):
            yield f"layout.annotations[{n}]", colour, TEXT


def _spec(figure: object) -> dict:
    return figure.to_plotly_json() if hasattr(figure, "to_plotly_json") else figure  # type: ignore[union-attr]


FIGURES = {
    "timeline": lambda c, lang: lk.timeline(c, lang=lang),
    "stance_matrix": lambda c, lang: lk.stance_matrix(c, lang=lang),
    "territory_map": lambda c, lang: lk.territory_map(c, lang=lang),
}


def test_the_palette_meets_3_to_1_on_white():
    assert {c: round(contrast(c, "#ffffff"), 2) for c in PALETTE if contrast(c, "#ffffff") < GRAPHIC} == {}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", FIGURES)
def test_figure_colours_meet_wcag_contrast(name, lang):
    spec = _spec(FIGURES[name](real_course(), lang))
    background = spec.get("layout", {}).get("plot_bgcolor") or "#ffffff"
    marks = list(_marks(spec))
    assert marks, "no coloured marks found: the test would pass on nothing"
    low = sorted(
        {
            (where, colour, round(contrast(colour, background), 2))
            for where, colour, need in marks
            if contrast(colour, background) < need
        }
    )
    assert low == [], f"below WCAG contrast against {background}"


def test_demand_maps_meet_wcag_contrast():
    spec = _spec(lk.demand_maps(real_course(), lang="en"))
    background = spec.get("layout", {}).get("plot_bgcolor") or "#ffffff"
    marks = list(_marks(spec))
    assert marks and [m for m in marks if contrast(m[1], background) < m[2]] == []
