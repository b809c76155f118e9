"""A course widget's display bundle: ipywidgets' own view mimetype, our static fallback."""

from __future__ import annotations

import ipywidgets as W

import lessonkit
from lessonkit.quizzes.widget import Quiz
from lessonkit.widgets.explorer import TimelineExplorer


def _ipywidgets_bundle(widget: W.Widget) -> dict:
    return W.DOMWidget._repr_mimebundle_(widget) or {}


def test_the_view_mimetype_is_ipywidgets_own_and_no_widget_is_repr_ed(sample, monkeypatch):
    explorer = TimelineExplorer(sample)
    quiz = lessonkit.quiz(sample, "01", "check")
    assert isinstance(quiz, Quiz)
    expected = {
        explorer: _ipywidgets_bundle(explorer)["application/vnd.jupyter.widget-view+json"],
        quiz: _ipywidgets_bundle(quiz.widget)["application/vnd.jupyter.widget-view+json"],
    }

    def no_repr(self):  # repr() of a widget walks its whole tree; the fallback replaces it anyway
        raise AssertionError(f"repr() of {type(self).__name__} while displaying")

    monkeypatch.setattr(W.Widget, "__repr__", no_repr)
    for shown, view in expected.items():
        bundle = shown._repr_mimebundle_()
        assert bundle["application/vnd.jupyter.widget-view+json"] == view
        assert bundle["text/plain"] and bundle["text/html"]
