"""Controls that share their layout and style models.

Each ipywidgets control opens its own ``Layout`` model and, most of them, a ``Style`` model:
two more comm channels, two more messages to the front end and two more states stored in a
saved notebook, for values the course sets once and never changes. A lesson opened some 670
models, 370 of them layouts and styles. :func:`make` gives every control built with the same
values the same two models, one per kernel: building a control costs a third of the time and
the saved notebook stores each distinct layout once.

The rule that keeps sharing safe: the course never changes a control's ``layout`` or ``style``
after building it (``w.layout.display = "none"`` would hide every control sharing it). A
control that needs to change either is built with its own ``widgets.Layout(...)`` instance,
which :func:`make` passes through untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import ipywidgets as widgets

W = TypeVar("W", bound=widgets.Widget)

_shared: dict[tuple[type, tuple[tuple[str, Any], ...]], widgets.Widget] = {}


def _one(klass: type[widgets.Widget], values: Mapping[str, Any]) -> Any:
    key = (klass, tuple(sorted(values.items())))
    model = _shared.get(key)
    if model is None or model.comm is None:  # first use, or closed (``Widget.close_all``)
        model = _shared[key] = klass(**values)
    return model


def shared_layout(**values: Any) -> widgets.Layout:
    """The kernel's one ``Layout`` with these values."""
    return _one(widgets.Layout, values)


def make(cls: type[W], *args: Any, layout: Any = None, style: Any = None, **kwargs: Any) -> W:
    """``cls(*args, **kwargs)`` with a shared layout and, if the control has one, a shared style.

    ``layout`` and ``style`` may be given as dicts of values (shared) or as model instances
    (used as they are)."""
    if not isinstance(layout, widgets.Layout):
        layout = _one(widgets.Layout, layout or {})
    kwargs["layout"] = layout
    trait = cls.class_traits().get("style")
    if trait is not None:
        kwargs["style"] = style if isinstance(style, widgets.Widget) else _one(trait.klass, style or {})
    elif style is not None:
        raise TypeError(f"{cls.__name__} has no style")
    return cls(*args, **kwargs)
