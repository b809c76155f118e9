"""``grade``: the steps of a grading run in order, each a small function of its own module.

collect (find and read files) → score (against the course's key) → keep the latest
submission per student and quiz → gradebook rows → item statistics per quiz → files.
Every file found ends up in ``GradeRun.submissions`` or ``GradeRun.rejected``.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lessonkit.course.model import Course
from lessonkit.teacher.grading.collect import GradingError, Rejected, collect
from lessonkit.teacher.grading.gradebook import Submission, gradebook, score, sort_key, write_gradebook
from lessonkit.teacher.grading.item_analysis import ItemStats, QuizStats, quiz_stats
from lessonkit.teacher.grading.students import Clash, clashes, keep_latest
from lessonkit.text.i18n import check_lang

__all__ = ["GradeRun", "grade"]


@dataclass(frozen=True)
class GradeRun:
    course: Course
    submissions: tuple[Submission, ...]
    """Graded, one per student and quiz, in course order then by student."""
    rejected: tuple[Rejected, ...]
    """Every file that was not graded, with the reason, in path order."""
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    """The gradebook: one row per submission, keyed by ``columns``."""
    quizzes: tuple[QuizStats, ...]
    """Class summary and item statistics, one per quiz graded, in course order."""
    clashes: tuple[Clash, ...]
    ignored: tuple[Path, ...]
    """Files in the folders that are not ``.json``: not responses files, so not counted."""
    empty_folders: tuple[Path, ...]
    lang: str
    """The report's language: the one asked for, else the one most submissions were made in."""

    @property
    def found(self) -> int:
        return len(self.submissions) + len(self.rejected)

    @property
    def items(self) -> tuple[ItemStats, ...]:
        return tuple(item for quiz in self.quizzes for item in quiz.items)

    @property
    def ok(self) -> bool:
        """Something was graded and nothing was rejected (the CLI's exit code 0)."""
        return bool(self.submissions) and not self.rejected


def _report_lang(submissions: Iterable[Submission]) -> str:
    counts = Counter(s.responses.language for s in submissions)
    return "ja" if counts["ja"] > counts["en"] else "en"


def _check_outputs(*paths: str | os.PathLike[str] | None) -> None:
    """Refuse, before any work, outputs that cannot be written: better than a run's results lost."""
    given = [Path(p) for p in paths if p is not None]
    for path in given:
        if path.is_dir():
            raise GradingError(f"{path} is a folder; give a file name")
        if not path.parent.is_dir():
            raise GradingError(f"no folder {path.parent} to write {path.name} in")
    if len(given) == 2 and given[0].resolve() == given[1].resolve():
        raise GradingError(f"the gradebook and the report would both be {given[0]}")


def grade(
    paths: Iterable[str | os.PathLike[str]],
    *,
    course: Course,
    out: str | os.PathLike[str] | None = None,
    report: str | os.PathLike[str] | None = None,
    lang: str | None = None,
) -> GradeRun:
    """Grade every responses file under ``paths`` against ``course``; write the CSV and report if asked.

    Raises ``GradingError`` only for what was asked (a path that does not exist, an
    output in a missing folder); every problem with a file is a ``Rejected`` entry, and
    the rest of the files are still graded.
    """
    if lang is not None:
        check_lang(lang)
    _check_outputs(out, report)
    collected = collect(paths)
    rejected = list(collected.rejected)
    scored: list[Submission] = []
    for read in collected.read:
        result = score(read, course)
        if isinstance(result, Rejected):
            rejected.append(result)
        else:
            scored.append(result)
    kept, superseded = keep_latest(scored)
    kept.sort(key=sort_key(course))
    columns, rows = gradebook(kept)
    by_quiz: dict[tuple[str, str], list[Submission]] = defaultdict(list)
    for s in kept:
        by_quiz[(s.lesson.id, s.quiz.id)].append(s)
    run = GradeRun(
        course=course,
        submissions=tuple(kept),
        rejected=tuple(sorted(rejected + superseded, key=lambda r: str(r.path))),
        columns=tuple(columns),
        rows=tuple(rows),
        quizzes=tuple(quiz_stats(group) for group in by_quiz.values()),
        clashes=tuple(clashes(scored)),
        ignored=tuple(collected.ignored),
        empty_folders=tuple(collected.empty_folders),
        lang=lang or _report_lang(kept),
    )
    if out is not None:
        write_gradebook(out, columns, rows)
    if report is not None:
        from lessonkit.teacher.grading.report import write_report

        write_report(report, run)
    return run
