"""The figures' look: colour-blind-safe colours, marker shapes, a small template, safe plotly text.

Free of plotly imports: these helpers cost nothing to import.
"""

from __future__ import annotations

import html
from typing import Any

# Okabe & Ito (2008), colour-blind safe, made to meet WCAG 2.1's 3:1 for graphic marks against
# white (tests/unit/test_contrast.py): their orange (#E69F00, 2.3:1) is darkened to #B06A00 (4.3:1),
# their sky blue (#56B4E9, 2.3:1) gives way to a purple (#8E5BB5, 4.9:1; a darker sky blue would
# read as their blue), and their yellow is left out. Shapes still tell groups apart on their own.
PALETTE = ("#0072B2", "#B06A00", "#009E73", "#D55E00", "#8E5BB5", "#CC79A7", "#000000")
# Marker shapes with -open and -open-dot variants, so the shape alone tells groups apart.
SYMBOLS = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "star",
    "hexagon",
    "triangle-down",
    "pentagon",
    "cross",
    "x",
    "hexagram",
    "star-triangle-up",
)
PLOTLY_MIME = "application/vnd.plotly.v1+json"


def template() -> dict[str, Any]:
    """A small explicit plotly template: figures look the same whatever the user's plotly
    defaults, and stay small (plotly's default template adds about 10 kB to every output)."""
    grid = {"gridcolor": "#e5e5e5"}
    return {"layout": {"font": {"size": 13}, "xaxis": grid, "yaxis": dict(grid)}}


def group_style(index: int) -> tuple[str, str]:
    """Colour and symbol for the n-th group; the pair stays unique for the first 84 groups."""
    return PALETTE[index % len(PALETTE)], SYMBOLS[index % len(SYMBOLS)]


def ptext(text: object) -> str:
    """Escape content for plotly labels and hover text.

    Plotly reads ``<b>``-style tags and only ``&amp; &lt; &gt;`` (not ``&quot;``), so quotes
    stay as they are and angle brackets become entities: a hostile title shows as text.
    """
    return html.escape("" if text is None else str(text), quote=False)


def hover(lines: list[str]) -> str:
    """Already-escaped hover lines joined for plotly."""
    return "<br>".join(lines)


def figure_output(spec: dict[str, Any], alt: str) -> dict[str, Any]:
    """One display_data output for an ``Output`` widget, from a plain JSON figure spec: plotly's
    mimetype (drawn offline by JupyterLab and Voilà, no FigureWidget front end needed) plus
    the text alternative for anything that cannot draw it."""
    return {"output_type": "display_data", "data": {PLOTLY_MIME: spec, "text/plain": alt}, "metadata": {}}
