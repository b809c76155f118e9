"""``lessonkit assign``: argument parsing only; the work is in ``lessonkit.teacher.assign``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lessonkit.course.loader import load_course


def add(sub: Any) -> None:
    p = sub.add_parser("assign", help="student copies of lessons (no readable answer key) and a teacher answer key")
    p.add_argument("lessons", nargs="+", metavar="LESSON", help="lesson ids or numbers, e.g. 02 03")
    p.add_argument("--out", required=True, help="folder to write: OUT/student (hand out) and OUT/teacher (keep)")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.add_argument(
        "--mode",
        choices=("practice", "exam"),
        default="practice",
        help="practice: answers as salted hashes, feedback on Check; exam: no key, no feedback",
    )
    p.add_argument("--course", default=None, help="course folder (default: lessons/ found upward)")
    p.add_argument("--notebooks", default=None, help="notebooks folder (default: notebooks/ beside the course)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from lessonkit.teacher.assign import assign

    course = load_course(args.course)
    try:
        lessons = [course.lesson(lesson).id for lesson in args.lessons]
    except KeyError as exc:
        print(f"lessonkit assign: {exc.args[0]}", file=sys.stderr)
        return 1
    done = assign(course, lessons, out=args.out, lang=args.lang, mode=args.mode, notebooks_dir=args.notebooks)
    for note in done.notes:
        print(f"note: {note}", file=sys.stderr)
    roles = [n for n in done.notebooks if not n.is_relative_to(done.student_dir)]
    shared = len(done.notebooks) - len(roles)
    print(f"student copy: {done.student_dir} ({shared} notebooks, {len(done.quizzes)} quizzes)")
    if roles:
        print(f"role copies:  {len(roles)} folders, one a role, each with only its own brief")
    print(f"teacher key:  {done.teacher_dir}")
    return 0
