"""``lessonkit debrief``: a class's deal files -> one offline HTML report for the role-play debrief."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lessonkit.cli.common import EXIT_CONTENT, EXIT_OK, EXIT_USAGE
from lessonkit.course.loader import load_course


def add(sub: Any) -> None:
    p = sub.add_parser("debrief", help="a role-play's deal files -> one HTML debrief report")
    p.add_argument("paths", nargs="+", metavar="DEALS", help="deal files, or folders searched for *.json")
    p.add_argument("--out", required=True, metavar="HTML", help="write the report here")
    p.add_argument("--lesson", default=None, help="the role-play lesson (default: the course's only one)")
    p.add_argument("--course", default=None, help="course folder with roles.yaml (default: lessons/ found upward)")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(run=run, usage=p.format_usage)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when every file was scored, 1 when a file was rejected (or none found), 2 on usage errors."""
    from lessonkit.teacher.debrief import DebriefError, debrief
    from lessonkit.teacher.debrief.report import report_html

    course = load_course(args.course)
    try:
        done = debrief(args.paths, course=course, lesson=args.lesson)
    except DebriefError as exc:
        sys.stderr.write(args.usage())
        print(f"lessonkit debrief: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(report_html(course, done, args.lang))
    except OSError as exc:
        print(f"lessonkit debrief: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    for path, kind, reason in done.rejected:
        print(f"rejected ({kind}): {path}: {reason}", file=sys.stderr)
    print(f"{len(done.scored)} deals scored, {len(done.rejected)} files rejected", file=sys.stderr)
    print(f"wrote report: {args.out}", file=sys.stderr)
    return EXIT_OK if done.ok else EXIT_CONTENT
