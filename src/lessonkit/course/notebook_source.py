"""Read lesson notebook sources (``lessons/NN-slug/notebook.yaml``) with file, line and field in every error.

Notebook sources are not part of ``load_course()``: students never need them. They are read when
notebooks are built (``lessonkit build-notebooks``) and checked (``lessonkit check``).
"""

from __future__ import annotations

from pathlib import Path

from lessonkit.content.lesson import CourseInfo
from lessonkit.content.notebook import NotebookSource
from lessonkit.course.loader import COURSE_FILE, Located, display_path, read_yaml, validate
from lessonkit.errors import LessonError, Problem

NOTEBOOK_FILE = "notebook.yaml"


def read_notebook_source(path: Path, problems: list[Problem]) -> NotebookSource | None:
    """The validated source in ``path``, or None with every problem recorded."""
    parsed = read_yaml(path, problems)
    if parsed is None:
        return None
    data, lines = parsed
    where = Located(display_path(path), lines, ())
    source = validate(NotebookSource, data, where, problems)
    if source is None:
        return None
    before = len(problems)
    seen: dict[str, int] = {}
    for i, cell in enumerate(source.cells):
        graded = cell.exercise or cell.check
        if graded is None:
            continue
        at = ("cells", i, cell.kind, "id")
        if graded.id in seen:
            problems.append(
                Problem(
                    where.path,
                    lines.get(at, 0),
                    f"cells[{i}].{cell.kind}.id",
                    f"'{graded.id}' is already the id of cells[{seen[graded.id]}]; nbgrader needs each id once",
                )
            )
        seen.setdefault(graded.id, i)
    return source if len(problems) == before else None


def load_notebook_source(path: str | Path) -> NotebookSource:
    """The source in ``path`` (a ``notebook.yaml`` or the lesson folder holding one); raise ``LessonError``."""
    path = Path(path)
    if path.is_dir():
        path = path / NOTEBOOK_FILE
    problems: list[Problem] = []
    source = read_notebook_source(path, problems)
    if source is None:
        raise LessonError(problems)
    return source


def listed_lessons(root: Path) -> list[str]:
    """The lesson ids in ``root/course.yaml``, in course order; raise ``LessonError`` if it does not load."""
    problems: list[Problem] = []
    parsed = read_yaml(root / COURSE_FILE, problems)
    if parsed is None:
        raise LessonError(problems)
    data, lines = parsed
    info = validate(CourseInfo, data, Located(display_path(root / COURSE_FILE), lines, ()), problems)
    if info is None:
        raise LessonError(problems)
    return list(info.lessons)


def notebook_problems(root: Path) -> list[Problem]:
    """Every problem in the notebook sources of the lesson folders (those with a lesson.yaml) under ``root``."""
    problems: list[Problem] = []
    for path in sorted(root.glob(f"*/{NOTEBOOK_FILE}")):
        if (path.parent / "lesson.yaml").is_file():
            read_notebook_source(path, problems)
    return problems
