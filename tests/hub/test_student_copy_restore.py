"""A student copy's saved answers come back after a restart (what a hub's students rely on).

Student copies (``lessonkit assign``, what every home on the course's hub holds) name a
match question's right-hand items with opaque ids. A student's saved match answer uses
those ids, and reopening the quiz must put it back, as it does for every other question.
Found by tests/hub/test_hub.py (a server killed mid-lesson); no hub needed here.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import lessonkit as lk


@pytest.fixture
def student_quiz(tmp_path, monkeypatch):
    out = tmp_path / "assigned"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "lessonkit",
            "assign",
            "01",
            "--out",
            str(out),
            "--course",
            str(lk.sample_course_path()),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    course = lk.load_course(out / "student" / "lessons")
    monkeypatch.chdir(tmp_path)  # answers are saved in the working folder, as beside a notebook
    return lambda: lk.quiz(course, "01", "check", lang="en")


def _answer_everything(quiz) -> dict:
    """Answer as a student clicks: the first real option of every menu and radio group, a box ticked,
    a word and a number typed; then *Save my answers*. What the quiz recorded is returned."""
    import ipywidgets as W

    for card in quiz.cards.values():
        stack = [card.input.widget]
        while stack:
            w = stack.pop()
            if isinstance(w, W.Dropdown | W.RadioButtons | W.Select | W.ToggleButtons) and w.options:
                values = [o[1] if isinstance(o, tuple) else o for o in w.options]
                w.value = next(v for v in values if v not in (None, ""))
            elif isinstance(w, W.Checkbox) and not w.value:
                w.value = True
            elif isinstance(w, W.FloatText | W.BoundedFloatText | W.IntText | W.BoundedIntText):
                w.value = 3
            elif isinstance(w, W.Text | W.Textarea):
                w.value = "Northland"
            stack.extend(getattr(w, "children", ()))
    quiz.name.value = "Ann Lee"
    assert quiz.save() is not None
    answers = quiz.answers()
    assert "q-match" in answers, answers
    return answers


def test_saved_answers_come_back(student_quiz):
    saved = _answer_everything(student_quiz())
    again = student_quiz()
    again.name.value = "Ann Lee"
    assert again.load()
    assert again.answers() == saved


def test_a_saved_match_answer_comes_back_in_a_student_copy(student_quiz):
    saved = _answer_everything(student_quiz())
    again = student_quiz()
    again.name.value = "Ann Lee"
    assert again.load()
    assert again.answers().get("q-match") == saved["q-match"]
