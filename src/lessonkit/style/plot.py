"""The figures' look: colour-blind-safe colours, marker shapes, a small template, safe plotly text.

Free of plotly imports: these helpers cost nothing to import.
"""

from __future__ import annotations

import html
import re
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


# Visually hidden, read by screen readers (inline, so it holds where the course's stylesheet is absent)
_SR_ONLY = (
    "position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
    "clip:rect(0,0,0,0);white-space:nowrap;border:0"
)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def alt_html(alt: str) -> str:
    """A figure's text alternative as visually hidden HTML beside the drawing.

    Front ends draw only the richest type of an output, so the ``text/plain`` beside plotly's
    mimetype never reaches the page; this second output puts the text where a screen reader
    finds it, right after the figure, in the language it is written in.
    """
    lang = "ja" if _JAPANESE.search(alt) else "en"
    return f'<div class="lk-sr-only lk-figure-alt" lang="{lang}" style="{_SR_ONLY}">{html.escape(alt)}</div>'


def alt_bundle(alt: str) -> dict[str, str]:
    """The display bundle of :func:`alt_html` (no ``text/plain``: the figure's own output has it)."""
    return {"text/html": alt_html(alt)}


def figure_outputs(spec: dict[str, Any], alt: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The outputs of an ``Output`` widget showing a figure: :func:`figure_output`, then its text
    alternative where a screen reader reads it."""
    return figure_output(spec, alt), {"output_type": "display_data", "data": alt_bundle(alt), "metadata": {}}
