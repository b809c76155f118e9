"""Figures that display as plotly's own mimetype, without plotly's display machinery.

A ``go.Figure`` shown in a notebook goes through ``plotly.io._renderers``, which imports
nbformat, whose jsonschema format checkers build a grammar when imported: about 1.2 s and
20 MB in every kernel's first figure. The bundle built here carries the same JSON that
plotly's mimetype renderer sends, plus the figure's text alternative as ``text/plain``.
"""

from __future__ import annotations

import json
from typing import Any

import plotly.graph_objects as go
from plotly.io.json import to_json_plotly

from lessonkit.style.plot import PLOTLY_MIME, alt_bundle


def figure_bundle(figure: go.Figure) -> dict[str, Any]:
    """plotly's mimetype JSON and the text alternative kept in ``layout.meta.description``."""
    spec = json.loads(to_json_plotly(figure.to_dict()))
    meta = spec.get("layout", {}).get("meta")
    alt = meta.get("description", "") if isinstance(meta, dict) else ""
    return {PLOTLY_MIME: spec, "text/plain": alt or "(figure)"}


class CourseFigure(go.Figure):
    """A plotly Figure in every way, except that it displays through :func:`figure_bundle`."""

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None, **kwargs: Any) -> dict[str, Any]:
        return figure_bundle(self)

    def _repr_html_(self) -> None:  # no HTML with plotly.js from a CDN: the mimetype is drawn offline
        return None

    def _ipython_display_(self) -> None:
        from IPython.display import display

        bundle = figure_bundle(self)
        display(bundle, raw=True)
        display(alt_bundle(bundle["text/plain"]), raw=True)  # the text alternative, in the page for screen readers
