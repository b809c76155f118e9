"""Figures that display as plotly's own mimetype, without plotly's display machinery.

A ``go.Figure`` shown in a notebook goes through ``plotly.io._renderers``, which imports
nbformat, whose jsonschema format checkers build a grammar when imported: about 1.2 s and
20 MB in every kernel's first figure. The bundle built here carries the same JSON that
plotly's mimetype renderer sends, plus the figure's text alternative as ``text/plain``.

A course figure is also built lazily. The library's figures are plain JSON-ready specs that
already read as plotly writes them; building a ``go.Figure`` from one validates every property
(the first map in a kernel: about 40 ms, most of it importing plotly's validators), although
a lesson only shows it. So a :class:`CourseFigure` keeps the spec and becomes a full
``go.Figure`` on first use of anything else (``fig.layout``, ``fig.update_layout(...)``,
``fig.to_dict()``); shown untouched, it sends the spec itself. A test holds that both ways
send the same JSON for every figure of the course.
"""

from __future__ import annotations

import json
from typing import Any

import plotly.graph_objects as go
from plotly.io.json import to_json_plotly

from lessonkit.style.plot import PLOTLY_MIME, alt_bundle


def figure_bundle(figure: go.Figure) -> dict[str, Any]:
    """plotly's mimetype JSON and the text alternative kept in ``layout.meta.description``."""
    unbuilt = figure.__dict__.get("_lk_spec")  # a CourseFigure not yet used as a go.Figure
    spec = json.loads(to_json_plotly(unbuilt if unbuilt is not None else figure.to_dict()))
    meta = spec.get("layout", {}).get("meta")
    alt = meta.get("description", "") if isinstance(meta, dict) else ""
    return {PLOTLY_MIME: spec, "text/plain": alt or "(figure)"}


_PROBES = ("_ipython_", "_repr_")


class CourseFigure(go.Figure):
    """A plotly Figure in every way, except that it displays through :func:`figure_bundle` and
    is built on first use (see the module's note). ``CourseFigure(spec)`` with one figure dict
    waits; any other arguments build at once, as ``go.Figure`` does."""

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(data, dict) and not args and not kwargs:
            self._lk_spec = data  # a private name: plotly's __setattr__ lets it through
        else:
            super().__init__(data, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        # Only reached when ordinary look-up fails: before the build, every go.Figure property
        # and method needs an attribute the figure does not have yet, and lands here once.
        if name.startswith(_PROBES) or (name.startswith("__") and name.endswith("__")):
            # what display machinery asks of any object (IPython's canary, optional protocols):
            # answering would build the figure on every display, for nothing
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        spec = self.__dict__.pop("_lk_spec", None)
        if spec is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        go.Figure.__init__(self, spec)
        return getattr(self, name)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None, **kwargs: Any) -> dict[str, Any]:
        return figure_bundle(self)

    def _repr_html_(self) -> None:  # no HTML with plotly.js from a CDN: the mimetype is drawn offline
        return None

    def _ipython_display_(self) -> None:
        from IPython.display import display

        bundle = figure_bundle(self)
        display(bundle, raw=True)
        display(alt_bundle(bundle["text/plain"]), raw=True)  # the text alternative, in the page for screen readers
