"""The committed notebooks are exactly what each lesson's notebook.yaml builds (lessonkit build-notebooks)."""

from __future__ import annotations

import pytest
from tests.helpers import COURSE_DIR, REPO

from lessonkit.course.notebook_source import NOTEBOOK_FILE, listed_lessons
from lessonkit.errors import LessonError
from lessonkit.teacher.build_notebooks import Built, build_notebooks


def _build() -> tuple[list[Built], str]:
    try:
        return build_notebooks(COURSE_DIR, REPO / "notebooks"), ""
    except LessonError as exc:  # a broken notebook.yaml: one failing test that names it, not a collection error
        return [], str(exc)


BUILT, BROKEN = _build()


def test_every_notebook_source_loads():
    assert BROKEN == ""


def test_every_listed_lesson_has_a_notebook_source():
    lessons = listed_lessons(COURSE_DIR)
    assert lessons, "no lessons listed in course.yaml"
    missing = [name for name in lessons if not (COURSE_DIR / name / NOTEBOOK_FILE).is_file()]
    assert missing == [], f"lessons without {NOTEBOOK_FILE}: {missing}"
    assert len(BUILT) == 2 * len(lessons)


@pytest.mark.parametrize("built", BUILT, ids=lambda b: f"{b.path.parent.name}/{b.path.stem}")
def test_committed_notebook_is_what_its_source_builds(built):
    where = f"{built.path.relative_to(REPO)}"
    assert built.path.is_file(), f"{where} is missing: run lessonkit build-notebooks"
    assert not built.differs(), (
        f"{where} differs from what {built.source.relative_to(REPO)} builds: edit the notebook.yaml "
        "(never the .ipynb) and run lessonkit build-notebooks"
    )


def test_every_committed_notebook_has_a_source():
    committed = {p for p in (REPO / "notebooks").glob("*/*.ipynb")}
    assert committed - {b.path for b in BUILT} == set(), "notebooks without a notebook.yaml"
