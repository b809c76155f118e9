"""Widget layouts the widgets share, and the static fallback mixin.

Free of ipywidgets imports: the mixin only touches ``super()``.
"""

from __future__ import annotations

from typing import Any

DESCRIPTION_STYLE = {"description_width": "initial"}
# Buttons as wide as their label: ipywidgets' fixed default width cuts longer labels ("Save my answ…").
BUTTON_LAYOUT = {"width": "auto", "flex": "0 0 auto"}
# ipywidgets' HTML widget inherits a one-control line height (28px); running text needs less.
PROSE = "line-height:1.45"
# A control across its row: ipywidgets' fixed 300 px cuts a long dropdown value ("— not d…").
FULL_WIDTH = {"width": "100%", "max_width": "100%"}
# One dropdown per issue (sandbox, deal builder): the issue names in one column, so the choices
# line up; a longer name wraps onto a second line (course.css) instead of pushing its menu right.
ISSUE_LABEL_STYLE = {"description_width": "15em"}
# The "nothing picked" entry of a Dropdown: a Dropdown shows a None value as a blank box, and
# no content id can be empty, so this never clashes with a real choice.
NOTHING = ""


def widget_view(widget: Any) -> dict[str, Any]:
    """A widget's view mimetype, as ipywidgets' ``_repr_mimebundle_`` gives it, without the
    ``text/plain`` it computes first: ``repr()`` of the whole widget tree (hundreds of traits for a
    quiz), which the static fallback replaces anyway."""
    if widget._view_name is None:
        return {}
    return {
        "application/vnd.jupyter.widget-view+json": {
            "version_major": 2,
            "version_minor": 0,
            "model_id": widget._model_id,
        }
    }


class StaticFallback:
    """Mixin for widget classes: the display bundle also carries ``text/plain`` and a static
    ``text/html`` rendering of the current state, so exported and nbviewer pages show content."""

    def static_text(self) -> str:
        raise NotImplementedError

    def static_html(self) -> str:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = widget_view(self)
        bundle["text/plain"] = self.static_text()
        bundle["text/html"] = self.static_html()
        return bundle

    def _repr_html_(self) -> str:
        return self.static_html()
