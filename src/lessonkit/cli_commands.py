"""The subcommands: each parses its arguments and calls one library function."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from .loader import load_course
from .records import RECORD_KINDS


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="validate a course and report every problem with file and line")
    p.add_argument("path", nargs="?", default=None, help="course folder (default: lessons/ found upward)")
    p.set_defaults(run=_check)

    p = sub.add_parser("list", help="the lessons, with minutes and objectives")
    _common(p)
    p.add_argument("--objectives", action="store_true", help="also print each lesson's objectives")
    p.set_defaults(run=_list)

    p = sub.add_parser("data", help="course content as CSV or JSON on standard output")
    p.add_argument("kind", choices=RECORD_KINDS)
    _common(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.set_defaults(run=_data)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--course", default=None, help="course folder (default: lessons/ found upward)")
    p.add_argument("--lang", choices=("en", "ja"), default="en")


def _check(args: argparse.Namespace) -> int:
    course = load_course(args.path)
    counts = ", ".join(
        f"{len(getattr(course, kind))} {kind}"
        for kind in ("events", "sources", "parties", "people", "issues", "stances", "statements", "claims", "lessons")
    )
    quizzes = sum(len(lesson.quizzes) for lesson in course.lessons)
    print(f"{course.info.id}: OK: {counts}, {quizzes} quizzes (as of {course.as_of})")
    return 0


def _list(args: argparse.Namespace) -> int:
    course = load_course(args.course)
    minutes = "分" if args.lang == "ja" else " min"
    for lesson in course.lessons:
        print(f"{lesson.id}\t{lesson.title.get(args.lang)}\t{lesson.minutes}{minutes}")
        if args.objectives:
            for objective in lesson.objectives:
                print(f"\t- {objective.get(args.lang)}")
    return 0


def _data(args: argparse.Namespace) -> int:
    course = load_course(args.course)
    rows = course.records(args.kind, args.lang)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if rows:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    return 0


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return ";".join(f"{v['id']}={v['label']}" for v in value)
        return ";".join(map(str, value))
    if value is None:
        return ""
    return value
