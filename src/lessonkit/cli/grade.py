"""``lessonkit grade``: students' saved answers -> a gradebook CSV and an item-analysis report."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lessonkit.cli.common import EXIT_USAGE, write_out
from lessonkit.course.loader import load_course


def add(sub: Any) -> None:
    p = sub.add_parser("grade", help="students' saved answers -> a gradebook CSV and an item-analysis report")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER", help="responses files, or folders searched for *.json")
    p.add_argument("--course", default=None, help="course folder with the answers (default: lessons/ found upward)")
    p.add_argument("--out", default=None, metavar="CSV", help="write the gradebook here (default: standard output)")
    p.add_argument("--report", default=None, metavar="HTML", help="also write the report, one HTML file")
    p.add_argument("--lang", choices=("en", "ja"), default=None, help="report language (default: the submissions')")
    p.set_defaults(run=run, usage=p.format_usage)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when every file was graded, 1 when a file was not (or none was found), 2 on usage errors."""
    from lessonkit.teacher.grading import GradingError, grade, summary_lines
    from lessonkit.teacher.grading.gradebook import gradebook_csv

    course = load_course(args.course)
    try:
        run = grade(args.paths, course=course, out=args.out, report=args.report, lang=args.lang)
    except GradingError as exc:
        sys.stderr.write(args.usage())
        print(f"lessonkit grade: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # an output that cannot be written (permissions, a full disk)
        print(f"lessonkit grade: {exc}", file=sys.stderr)
        return 1
    if args.out is None:
        write_out(gradebook_csv(run.columns, run.rows), None)
    for line in summary_lines(run):
        print(line, file=sys.stderr)
    for label, path in (("gradebook", args.out), ("report", args.report)):
        if path:
            print(f"wrote {label}: {path}", file=sys.stderr)
    return 0 if run.ok else 1
