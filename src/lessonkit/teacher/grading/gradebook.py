"""Score each responses file against the course's key, and tabulate: one gradebook row per student and quiz.

Scoring is ``scoring.check_answer``, the same function the quiz widget uses, so a grade
never disagrees with the feedback a student saw. Answers to question ids the quiz does
not have are not graded and are reported: the usual cause is a quiz edited after the
students took it, and the student should not lose the questions that still exist.

The CSV is UTF-8 with a byte-order mark (``utf-8-sig``): Excel on Japanese Windows reads
a file without one as Shift_JIS and garbles every Japanese name.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lessonkit.content.lesson import Lesson
from lessonkit.content.quiz import Question, Quiz
from lessonkit.course.loader import display_path
from lessonkit.course.model import Course
from lessonkit.quizzes.html import number
from lessonkit.quizzes.responses import Responses, timestamp
from lessonkit.quizzes.scoring import Result, check_answer
from lessonkit.quizzes.student_file import course_answer
from lessonkit.teacher.grading.collect import Read, Rejected
from lessonkit.teacher.grading.students import normalise

__all__ = [
    "BASE_COLUMNS",
    "Submission",
    "gradebook",
    "gradebook_csv",
    "score",
    "write_gradebook",
]

BASE_COLUMNS = ("student_name", "student_id", "course", "lesson", "quiz", "language", "mode", "saved", "file")
END_COLUMNS = ("total", "maximum", "percent")


@dataclass(frozen=True)
class Submission:
    """A graded responses file: one result per question of its quiz, in quiz order."""

    path: Path
    responses: Responses
    lesson: Lesson
    quiz: Quiz
    results: tuple[Result, ...]
    unknown: tuple[str, ...]
    """Question ids answered in the file that the quiz does not have: not graded, reported."""

    @property
    def total(self) -> float:
        return sum(r.points_awarded for r in self.results)

    @property
    def maximum(self) -> int:
        return self.quiz.total_points

    @property
    def percent(self) -> float:
        return 100 * self.total / self.maximum

    @property
    def warnings(self) -> list[str]:
        """What the teacher should know about this file although it was graded, in English."""
        out = [f"{r.question_id}: {r.problem}" for r in self.results if r.status == "invalid"]
        if self.unknown:
            out.append(f"answers to questions this quiz does not have (not graded): {', '.join(self.unknown)}")
        return out


def score(read: Read, course: Course) -> Submission | Rejected:
    """Grade one file, or reject it when it is for another course, lesson or quiz."""
    r = read.responses
    if r.course != course.info.id:
        if r.course == "unknown":
            detail = "the quiz was shown without its course (course 'unknown'), so the file does not say whose key"
        else:
            detail = f"responses for course {r.course!r}; this course is {course.info.id!r}"
        return Rejected(read.path, "unknown-course", detail)
    lesson = next((lesson for lesson in course.lessons if lesson.id == r.lesson), None)
    if lesson is None:
        return Rejected(read.path, "unknown-lesson", f"no lesson {r.lesson!r} in course {course.info.id!r}")
    quiz = next((q for q in lesson.quizzes if q.id == r.quiz), None)
    if quiz is None:
        known = ", ".join(q.id for q in lesson.quizzes) or "none"
        return Rejected(read.path, "unknown-quiz", f"lesson {lesson.id!r} has no quiz {r.quiz!r} (it has: {known})")
    results = tuple(check_answer(q, _own_ids(q, r, course), r.language) for q in quiz.questions)
    ids = {q.id for q in quiz.questions}
    unknown = tuple(qid for qid in r.answers if qid not in ids)
    return Submission(read.path, r, lesson, quiz, results, unknown)


def _own_ids(question: Question, r: Responses, course: Course) -> object:
    """The answer in the course's ids: a student copy's match answers carry opaque ids."""
    return course_answer(question, r.answers.get(question.id), (course.info.id, r.lesson, r.quiz))


def _quiz_order(course: Course) -> dict[tuple[str, str], int]:
    keys = [(lesson.id, quiz.id) for lesson in course.lessons for quiz in lesson.quizzes]
    return {key: n for n, key in enumerate(keys)}


def _natural(text: str) -> tuple:
    """``s-9`` before ``s-10``: runs of digits compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


def sort_key(course: Course) -> Callable[[Submission], tuple]:
    """Rows in course order, then by student id (roster order), students without an id after by name."""
    order = _quiz_order(course)

    def key(s: Submission) -> tuple:
        sid, name = normalise(s.responses.student.id), normalise(s.responses.student.name)
        return (order[(s.lesson.id, s.quiz.id)], not sid, _natural(sid), name, str(s.path))

    return key


def _text_cell(value: str) -> str:
    """Typed text as a spreadsheet shows it, never as a formula (``=HYPERLINK(...)`` in a name)."""
    value = value.strip()
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def gradebook(submissions: Sequence[Submission]) -> tuple[list[str], list[dict[str, str]]]:
    """The columns and one row per submission (in the order given).

    Columns: the base columns, one per question, then total, maximum and percent. With one
    quiz in the run a question's column is its id; with several, every question column is
    ``lesson/quiz/question`` (two quizzes may both have a ``q1``), and a question of
    another quiz is an empty cell, where a wrong or missing answer is 0.
    """
    quizzes: dict[tuple[str, str], Quiz] = {}
    for s in submissions:
        quizzes.setdefault((s.lesson.id, s.quiz.id), s.quiz)
    several = len(quizzes) > 1

    def column(lesson: str, quiz: str, question: str) -> str:
        return f"{lesson}/{quiz}/{question}" if several else question

    questions = [column(*key, q.id) for key, quiz in quizzes.items() for q in quiz.questions]
    columns = [*BASE_COLUMNS, *questions, *END_COLUMNS]
    rows = []
    for s in submissions:
        r = s.responses
        row = dict.fromkeys(columns, "")
        row.update(
            student_name=_text_cell(r.student.name),
            student_id=_text_cell(r.student.id),
            course=r.course,
            lesson=r.lesson,
            quiz=r.quiz,
            language=r.language,
            mode=r.mode,
            saved=timestamp(r.saved),
            file=_text_cell(display_path(s.path)),
            total=number(s.total),
            maximum=str(s.maximum),
            percent=f"{s.percent:.1f}",
        )
        for result in s.results:
            row[column(s.lesson.id, s.quiz.id, result.question_id)] = number(result.points_awarded)
        rows.append(row)
    return columns, rows


def gradebook_csv(columns: Sequence[str], rows: Sequence[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_gradebook(path: str | os.PathLike[str], columns: Sequence[str], rows: Sequence[dict[str, str]]) -> Path:
    """Write the CSV as ``utf-8-sig`` (see the module docstring), CRLF line ends as Excel expects."""
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write(gradebook_csv(columns, rows))
    return path
