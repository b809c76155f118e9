"""``lessonkit list``: the lessons, with minutes and objectives."""

from __future__ import annotations

import argparse
from typing import Any

from lessonkit.cli.common import add_course_options
from lessonkit.course.loader import load_course
from lessonkit.text.i18n import mark


def add(sub: Any) -> None:
    p = sub.add_parser("list", help="the lessons, with minutes and objectives")
    add_course_options(p)
    p.add_argument("--objectives", action="store_true", help="also print each lesson's objectives")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    course = load_course(args.course)
    for lesson in course.lessons:
        minutes = mark("minutes", args.lang).format(n=lesson.minutes)
        print(f"{lesson.id}\t{lesson.title.get(args.lang)}\t{minutes}")
        if args.objectives:
            for objective in lesson.objectives:
                print(f"\t- {objective.get(args.lang)}")
    return 0
