"""Join soft-wrapped lines in the Japanese teacher guides (lessons/*/teacher-guide.ja.md).

A newline inside a Japanese paragraph renders as a stray space. This rewrites each guide with
every paragraph (and list item) on one line, using the rule `lessonkit build-notebooks` applies to
notebook.yaml (lessonkit.text.ja_join.ja_join): lists, tables, headings, block quotes and code
blocks are kept as they are; spaces between Japanese and **bold** are dropped where the bold still
renders (ja_tighten, which needs markdown-it-py, the dev extra).
It refuses to write a file if anything but line breaks, spaces and the place of a ** would change.

Usage (from the repository root):
    python tools/join_ja_guides.py           # rewrite the guides
    python tools/join_ja_guides.py --check   # list soft breaks, change nothing (exit 1 if any)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lessonkit.text.ja_join import ja_join, ja_tighten, soft_breaks

LESSONS = Path(__file__).resolve().parents[1] / "lessons"


def _letters(text: str) -> str:
    """The text without whitespace and bold marks: what joining and tightening may change."""
    return re.sub(r"[\s*]+", "", text)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    found = 0
    for path in sorted(LESSONS.glob("*/teacher-guide.ja.md")):
        text = path.read_text(encoding="utf-8")
        breaks = soft_breaks(text)
        found += len(breaks)
        if check:
            for b in breaks:
                print(f"{path.relative_to(LESSONS.parent)}: {b}")
            continue
        joined = ja_tighten(ja_join(text), strict=True) + "\n"
        if _letters(joined) != _letters(text):
            print(f"{path}: refusing: more than line breaks would change", file=sys.stderr)
            return 2
        if joined != text:
            path.write_text(joined, encoding="utf-8")
            print(f"{path.relative_to(LESSONS.parent)}: joined {text.count(chr(10)) - joined.count(chr(10))} lines")
    return 1 if check and found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
