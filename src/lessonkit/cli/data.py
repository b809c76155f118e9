"""``lessonkit data KIND``: course content as CSV or JSON on standard output."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from lessonkit.cli.common import add_course_options
from lessonkit.course.loader import load_course
from lessonkit.course.records import RECORD_KINDS


def add(sub: Any) -> None:
    p = sub.add_parser("data", help="course content as CSV or JSON on standard output")
    p.add_argument("kind", choices=RECORD_KINDS)
    add_course_options(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
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
            return ";".join("=".join(map(str, v.values())) for v in value)  # id=label, since=role
        return ";".join(map(str, value))
    if value is None:
        return ""
    return value
