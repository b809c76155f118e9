"""Course controls share their layout and style models (style/shared.py): fewer models opened,
sent and stored, and sharing stays safe because no course code changes a built control's
layout or style."""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as W
from ipywidgets.widgets.widget import _instances
from tests.helpers import COURSE_DIR

import lessonkit as lk
from lessonkit.style.shared import make, shared_layout

SRC = Path(__file__).resolve().parents[2] / "src" / "lessonkit"


def _models() -> set[str]:
    return set(_instances)  # every open model of this process


def test_controls_with_the_same_values_share_one_layout_and_style():
    a = make(W.Button, description="A", layout={"width": "auto"})
    b = make(W.Button, description="B", layout={"width": "auto"})
    c = make(W.Button, description="C", layout={"width": "50%"})
    assert a.layout is b.layout and a.style is b.style
    assert c.layout is not a.layout and c.style is a.style


def test_an_own_layout_instance_is_kept_and_boxes_get_no_style():
    own = W.Layout(width="10px")
    assert make(W.HTML, "x", layout=own).layout is own
    assert "style" not in make(W.VBox, []).keys


def test_a_closed_shared_model_is_replaced():
    first = shared_layout(width="123px")
    first.close()
    second = shared_layout(width="123px")
    assert second is not first and second.comm is not None


def test_a_lesson_opens_far_fewer_models(tmp_path):
    course = lk.load_course(COURSE_DIR)
    before = _models()
    lk.TimelineExplorer(course)
    lk.StanceComparison(course)
    lk.NegotiationSandbox(course)
    for quiz in course.lessons[1].quizzes:
        lk.Quiz(quiz, course=course, save_dir=tmp_path)
    opened = [_instances[k] for k in _models() - before]
    layouts = [m for m in opened if isinstance(m, W.Layout)]
    styles = [m for m in opened if type(m).__name__.endswith("Style")]
    controls = len(opened) - len(layouts) - len(styles)
    # without sharing every control opened its own layout and most a style: here, a handful
    assert controls > 100 and len(layouts) + len(styles) < 20, (controls, len(layouts), len(styles))


def test_no_course_code_changes_a_built_controls_layout_or_style():
    changes = re.compile(r"\.(layout|style)\.\w+\s*=(?!=)")
    bad = [
        f"{path.relative_to(SRC)}:{n}"
        for path in SRC.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if changes.search(line) and "``" not in line  # not the docs' example
    ]
    assert bad == [], "a shared layout or style changed would change every control sharing it"
