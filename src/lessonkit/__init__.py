"""lessonkit: interactive timelines, stance comparison and quizzes for a course of lessons.

Heavy parts (plotly, ipywidgets, pandas) load on first use, so ``import lessonkit``
and the ``lessonkit`` command stay fast.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import LessonError, Problem
from .loader import find_course, load_course
from .samples import sample_course, sample_course_path

__version__ = "0.1.0"

# name -> module that defines it; imported on first use. A module must not share its
# name with an export: importing ``lessonkit.x`` sets the package attribute ``x`` to the
# module, which would hide a lazily exported ``x`` (hence ``timeline_plot``, ``stance_plot``).
_LAZY: dict[str, str] = {
    "timeline": ".timeline_plot",
    "TimelineExplorer": ".explorer",
    "StanceComparison": ".stance_widget",
    "stance_matrix": ".stance_plot",
    "NegotiationSandbox": ".sandbox",
    "Quiz": ".quiz_widget",
    "course_overview": ".overview",
    "lesson_intro": ".lesson_view",
    "discussion": ".lesson_view",
    "accounts": ".lesson_view",
    "quiz": ".lesson_view",
    "event_card": ".lesson_view",
    "ClaimCheck": ".claims_widget",
    "territory_map": ".map_plot",
    "map_text": ".map_plot",
    "demand_maps": ".map_plot",
    "demand_maps_text": ".map_plot",
}

__all__ = [
    "LessonError",
    "Problem",
    "__version__",
    "find_course",
    "load_course",
    "sample_course",
    "sample_course_path",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lessonkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
