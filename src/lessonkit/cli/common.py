"""What the subcommands share: exit codes, the course and language options, writing output."""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def add_course_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--course", default=None, help="course folder (default: lessons/ found upward)")
    p.add_argument("--lang", choices=("en", "ja"), default="en")


def write_out(content: str | bytes, output: str | None) -> None:
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
