"""The ``lessonkit`` command: parses arguments and delegates to library functions.

Must not import plotly or ipywidgets (a test checks it): teachers run it on machines
and in CI jobs where only the course files matter.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from lessonkit import __version__
from lessonkit.cli import assign, build_notebooks, check, data, debrief, export_quiz, grade, listing
from lessonkit.cli.common import EXIT_CONTENT, EXIT_USAGE
from lessonkit.errors import LessonError

# One module a subcommand, each with ``add(subparsers)`` and ``run(args) -> int``; help lists them in this order.
SUBCOMMANDS = (check, listing, data, export_quiz, assign, grade, debrief, build_notebooks)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 itself; keep the wording short
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lessonkit", description="Check, list and export a lessonkit course.")
    parser.add_argument("--version", action="version", version=f"lessonkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for command in SUBCOMMANDS:
        command.add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help and --version exit 0, usage errors 2
        return int(exc.code or 0)
    try:
        return args.run(args)
    except LessonError as exc:
        print(exc, file=sys.stderr)
        n = len(exc.problems)
        print(f"{n} problem{'s' if n != 1 else ''} found.", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `lessonkit data events | head`: the reader left; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
