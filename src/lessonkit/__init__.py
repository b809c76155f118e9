"""lessonkit: interactive timelines, stance comparison and quizzes for a course of lessons.

Heavy parts (plotly, ipywidgets, pandas) load on first use, so ``import lessonkit``
and the ``lessonkit`` command stay fast.
"""

from __future__ import annotations

import importlib
from typing import Any

from lessonkit.course.loader import find_course, load_course
from lessonkit.course.samples import sample_course, sample_course_path
from lessonkit.errors import LessonError, Problem

__version__ = "0.1.0"

# name -> module that defines it; imported on first use. A room (subpackage) must not share
# its name with an export: importing ``lessonkit.x.y`` sets the package attribute ``x`` to the
# room, which would hide a lazily exported ``x`` (hence the quiz room is ``quizzes``, as
# ``lk.quiz`` is a function).
_LAZY: dict[str, str] = {
    "timeline": ".figures.timeline",
    "TimelineExplorer": ".widgets.explorer",
    "StanceComparison": ".widgets.stances",
    "stance_matrix": ".figures.stances",
    "NegotiationSandbox": ".widgets.sandbox",
    "Quiz": ".quizzes.widget",
    "course_overview": ".widgets.overview",
    "lesson_intro": ".widgets.lesson_page",
    "discussion": ".widgets.lesson_page",
    "accounts": ".widgets.lesson_page",
    "quiz": ".widgets.lesson_page",
    "event_card": ".widgets.lesson_page",
    "ClaimCheck": ".widgets.claims",
    "territory_map": ".figures.map",
    "map_text": ".figures.map_table",
    "demand_maps": ".figures.map",
    "demand_maps_text": ".figures.map_table",
    "role_brief": ".roleplay.brief_view",
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
