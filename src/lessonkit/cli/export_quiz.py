"""``lessonkit export-quiz``: a quiz as a file an LMS imports."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lessonkit.cli.common import EXIT_USAGE, add_course_options, write_out
from lessonkit.course.loader import load_course
from lessonkit.teacher.export import FORMATS, export_quiz, find_quiz


def add(sub: Any) -> None:
    p = sub.add_parser("export-quiz", help="a quiz as a file an LMS imports: Moodle GIFT or XML, Canvas QTI, JSON")
    p.add_argument("lesson", help="lesson id or number, e.g. 01")
    p.add_argument("--quiz", default=None, help="quiz id (default: the lesson's first quiz)")
    p.add_argument("--format", required=True, choices=list(FORMATS))
    p.add_argument("-o", "--output", default=None, metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--moodle-ordering", action="store_true", help="moodle-xml: write order questions as 'ordering'")
    add_course_options(p)
    p.set_defaults(run=run, usage=p.format_usage)


def run(args: argparse.Namespace) -> int:
    problem = None
    if args.format == "qti" and args.output is None:
        problem = "--format qti writes a zip file: give -o FILE"
    elif args.moodle_ordering and args.format != "moodle-xml":
        problem = "--moodle-ordering is only for --format moodle-xml"
    if problem:
        sys.stderr.write(args.usage())
        print(f"lessonkit export-quiz: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    course = load_course(args.course)
    quiz = find_quiz(course, args.lesson, args.quiz)
    order_as = "ordering" if args.moodle_ordering else "matching"
    result = export_quiz(quiz, format=args.format, lang=args.lang, course=course, order_as=order_as)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    write_out(result.content, args.output)
    if args.output:
        print(f"wrote {args.output} ({len(quiz.questions)} questions)", file=sys.stderr)
    return 0
