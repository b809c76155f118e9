"""The subcommands: each parses its arguments and calls one library function."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from lessonkit.cli.main import EXIT_USAGE
from lessonkit.course.loader import load_course
from lessonkit.course.records import RECORD_KINDS
from lessonkit.teacher.export import FORMATS, export_quiz, find_quiz


def register(sub: Any) -> None:
    from lessonkit.cli.assign_cmd import register_assign

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

    p = sub.add_parser("export-quiz", help="a quiz as a file an LMS imports: Moodle GIFT or XML, Canvas QTI, JSON")
    p.add_argument("lesson", help="lesson id or number, e.g. 01")
    p.add_argument("--quiz", default=None, help="quiz id (default: the lesson's first quiz)")
    p.add_argument("--format", required=True, choices=list(FORMATS))
    p.add_argument("-o", "--output", default=None, metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--moodle-ordering", action="store_true", help="moodle-xml: write order questions as 'ordering'")
    _common(p)
    p.set_defaults(run=_export_quiz, usage=p.format_usage)

    register_assign(sub)
    _add_grade(sub)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--course", default=None, help="course folder (default: lessons/ found upward)")
    p.add_argument("--lang", choices=("en", "ja"), default="en")


def _check(args: argparse.Namespace) -> int:
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
            return ";".join("=".join(map(str, v.values())) for v in value)  # id=label, since=role
        return ";".join(map(str, value))
    if value is None:
        return ""
    return value


def _export_quiz(args: argparse.Namespace) -> int:
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
    _write_out(result.content, args.output)
    if args.output:
        print(f"wrote {args.output} ({len(quiz.questions)} questions)", file=sys.stderr)
    return 0


def _write_out(content: str | bytes, output: str | None) -> None:
    """Write to a file or to standard output, as UTF-8 bytes so Japanese survives any console."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if output:
        with open(output, "wb") as f:
            f.write(data)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream, as in some IDE consoles
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


def _add_grade(sub: Any) -> None:
    p = sub.add_parser("grade", help="students' saved answers -> a gradebook CSV and an item-analysis report")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER", help="responses files, or folders searched for *.json")
    p.add_argument("--course", default=None, help="course folder with the answers (default: lessons/ found upward)")
    p.add_argument("--out", default=None, metavar="CSV", help="write the gradebook here (default: standard output)")
    p.add_argument("--report", default=None, metavar="HTML", help="also write the report, one HTML file")
    p.add_argument("--lang", choices=("en", "ja"), default=None, help="report language (default: the submissions')")
    p.set_defaults(run=_grade, usage=p.format_usage)


def _grade(args: argparse.Namespace) -> int:
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
        _write_out(gradebook_csv(run.columns, run.rows), None)
    for line in summary_lines(run):
        print(line, file=sys.stderr)
    for label, path in (("gradebook", args.out), ("report", args.report)):
        if path:
            print(f"wrote {label}: {path}", file=sys.stderr)
    return 0 if run.ok else 1
