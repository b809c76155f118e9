"""``lessonkit build-notebooks``: write notebooks/en and notebooks/ja from each lesson's notebook.yaml."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lessonkit.cli.common import EXIT_CONTENT, EXIT_OK
from lessonkit.course.loader import display_path, find_course


def add(sub: Any) -> None:
    p = sub.add_parser(
        "build-notebooks", help="write each lesson's en and ja notebooks from its notebook.yaml (--check: compare)"
    )
    p.add_argument("--course", default=None, help="course folder (default: lessons/ found upward)")
    p.add_argument(
        "--out", default=None, metavar="NOTEBOOKS_DIR", help="notebooks folder (default: notebooks/ beside the course)"
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="write nothing; list the notebooks that differ from their source and exit 1 if any",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from lessonkit.teacher.build_notebooks import build_notebooks
    from lessonkit.text.ja_join import NeedsMarkdownIt

    try:
        built = build_notebooks(find_course(args.course), args.out)
    except NeedsMarkdownIt as exc:
        print(f"lessonkit build-notebooks: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    if not built:
        print("no lesson of the course has a notebook.yaml: nothing to build", file=sys.stderr)
        return EXIT_OK
    changed = [b for b in built if b.differs()]
    if args.check:
        for b in changed:
            state = "differs from" if b.path.exists() else "is missing; it is built from"
            print(f"{display_path(b.path)} {state} {display_path(b.source)}")
        if changed:
            print(
                f"{len(changed)} of {len(built)} notebooks out of date: run lessonkit build-notebooks", file=sys.stderr
            )
            return EXIT_CONTENT
        print(f"{len(built)} notebooks up to date")
        return EXIT_OK
    for b in changed:
        b.write()
        print(f"wrote {display_path(b.path)}")
    print(f"{len(built)} notebooks, {len(changed)} written, {len(built) - len(changed)} already up to date")
    return EXIT_OK
