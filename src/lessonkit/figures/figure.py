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

Until that first use plotly is not even imported: a lesson that only shows figures leaves
``plotly.graph_objects`` (about 80 ms and 10 MB in a fresh kernel) to the browser's plotly.js.
On first use the figure's class becomes a subclass of both :class:`CourseFigure` and
``go.Figure``, made once per kernel.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from lessonkit.style.plot import PLOTLY_MIME, alt_bundle

if TYPE_CHECKING:
    import plotly.graph_objects as go

_PROBES = ("_ipython_", "_repr_")
_SPEC = "_lk_spec"  # a private name: plotly's __setattr__ lets it through once built


def _json_copy(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as plotly's JSON writer sends it: plain JSON needs no plotly; anything else
    (NaN, numpy values, dates) goes through plotly's own encoder."""
    try:
        return json.loads(json.dumps(spec, allow_nan=False))
    except (TypeError, ValueError):
        from plotly.io.json import to_json_plotly

        return json.loads(to_json_plotly(spec))


def figure_bundle(figure: go.Figure | CourseFigure) -> dict[str, Any]:
    """plotly's mimetype JSON and the text alternative kept in ``layout.meta.description``."""
    unbuilt = figure.__dict__.get(_SPEC)  # a CourseFigure not yet used as a go.Figure
    if unbuilt is not None:
        spec = _json_copy(unbuilt)
    else:
        from plotly.io.json import to_json_plotly

        spec = json.loads(to_json_plotly(figure.to_dict()))
    meta = spec.get("layout", {}).get("meta")
    alt = meta.get("description", "") if isinstance(meta, dict) else ""
    return {PLOTLY_MIME: spec, "text/plain": alt or "(figure)"}


@cache
def _built_class() -> type:
    import plotly.graph_objects as go

    return type("CourseFigure", (CourseFigure, go.Figure), {"__module__": __name__, "__doc__": CourseFigure.__doc__})


class CourseFigure:
    """A plotly Figure in every way once used, which displays through :func:`figure_bundle` and is
    built on first use (see the module's note). ``CourseFigure(spec)`` with one figure dict
    waits; any other arguments build at once, as ``go.Figure`` does."""

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(data, dict) and not args and not kwargs:
            self.__dict__[_SPEC] = data
        else:
            self._lk_build(data, *args, **kwargs)

    def _lk_build(self, *args: Any, **kwargs: Any) -> None:
        import plotly.graph_objects as go

        self.__dict__.pop(_SPEC, None)
        self.__class__ = _built_class()
        go.Figure.__init__(self, *args, **kwargs)

    def _lk_use(self) -> None:
        """Any use beyond showing the figure: build it from its spec, once."""
        spec = self.__dict__.get(_SPEC)
        if spec is not None:
            self._lk_build(spec)

    def __getattr__(self, name: str) -> Any:
        # Only reached when ordinary look-up fails: before the build, every go.Figure property
        # and method is missing, and lands here once.
        if name.startswith(_PROBES) or (name.startswith("__") and name.endswith("__")):
            # what display machinery asks of any object (IPython's canary, optional protocols):
            # answering would build the figure on every display, for nothing
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        if _SPEC not in self.__dict__:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self._lk_use()
        return getattr(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._lk_use()  # fig.layout = ... before any other use: build, then set as plotly does
        super().__setattr__(name, value)

    def __dir__(self) -> list[str]:
        self._lk_use()  # tab completion offers what a go.Figure has
        return list(super().__dir__())

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None, **kwargs: Any) -> dict[str, Any]:
        return figure_bundle(self)

    def _repr_html_(self) -> None:  # no HTML with plotly.js from a CDN: the mimetype is drawn offline
        return None

    def _ipython_display_(self) -> None:
        from IPython.display import display

        bundle = figure_bundle(self)
        display(bundle, raw=True)
        display(alt_bundle(bundle["text/plain"]), raw=True)  # the text alternative, in the page for screen readers
