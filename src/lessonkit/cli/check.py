"""``lessonkit check``: validate a course and report every problem with file and line."""

from __future__ import annotations

import argparse
from typing import Any

from lessonkit.course.loader import load_course


def add(sub: Any) -> None:
    p = sub.add_parser("check", help="validate a course and report every problem with file and line")
    p.add_argument("path", nargs="?", default=None, help="course folder (default: lessons/ found upward)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    course = load_course(args.path)
    counts = ", ".join(
        f"{len(getattr(course, kind))} {kind}"
        for kind in ("events", "sources", "parties", "people", "issues", "stances", "statements", "claims", "lessons")
    )
    if course.regions:
        counts += f", {len(course.regions)} regions"
    quizzes = sum(len(lesson.quizzes) for lesson in course.lessons)
    print(f"{course.info.id}: OK: {counts}, {quizzes} quizzes (as of {course.as_of})")
    return 0
