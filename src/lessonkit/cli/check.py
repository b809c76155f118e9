"""``lessonkit check``: validate a course and report every problem with file and line."""

from __future__ import annotations

import argparse
from typing import Any

from lessonkit.course.loader import find_course, load_course
from lessonkit.course.notebook_source import notebook_problems
from lessonkit.errors import LessonError


def add(sub: Any) -> None:
    p = sub.add_parser("check", help="validate a course and report every problem with file and line")
    p.add_argument("path", nargs="?", default=None, help="course folder (default: lessons/ found upward)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = find_course(args.path)
    notebooks = notebook_problems(root)  # lesson notebook sources: not part of load_course()
    try:
        course = load_course(root, cache=False)  # always from the files, never the cache
    except LessonError as exc:
        raise LessonError([*exc.problems, *notebooks]) from None
    if notebooks:
        raise LessonError(notebooks)
    counts = ", ".join(
        f"{len(getattr(course, kind))} {kind}"
        for kind in ("events", "sources", "parties", "people", "issues", "stances", "statements", "claims", "lessons")
    )
    if course.regions:
        counts += f", {len(course.regions)} regions"
    quizzes = sum(len(lesson.quizzes) for lesson in course.lessons)
    print(f"{course.info.id}: OK: {counts}, {quizzes} quizzes (as of {course.as_of})")
    return 0
