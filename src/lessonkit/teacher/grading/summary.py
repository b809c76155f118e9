"""What ``lessonkit grade`` prints: counts, each file not graded with its reason, warnings, notes.

Names and file names come from students: control characters in them are shown as
escapes, so a crafted name cannot move the cursor or retitle the teacher's terminal.
"""

from __future__ import annotations

import re

from lessonkit.course.loader import display_path
from lessonkit.quizzes.html import number
from lessonkit.teacher.grading.run import GradeRun

__all__ = ["summary_lines"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def summary_lines(run: GradeRun) -> list[str]:
    """Plain English lines for the console; the report has the same in either language."""
    lines = [f"graded {len(run.submissions)} of {run.found} files; {len(run.rejected)} not graded"]
    for stats in run.quizzes:
        lines.append(
            f"  {stats.lesson.id}/{stats.quiz.id}: {stats.n} students, mean {stats.mean:.2f} of {stats.maximum} "
            f"({100 * stats.mean / stats.maximum:.1f}%), median {number(stats.median)}"
        )
    lines += [f"not graded: {r}" for r in run.rejected]
    for s in run.submissions:
        lines += [f"warning: {display_path(s.path)}: {w}" for w in s.warnings]
    lines += [f"check: {c}" for c in run.clashes]
    lines += [f"note: {display_path(p)}: no .json file in this folder" for p in run.empty_folders]
    if run.ignored:
        lines.append(
            f"note: ignored {len(run.ignored)} files that are not .json (first: {display_path(run.ignored[0])})"
        )
    return [printable(line) for line in lines]
