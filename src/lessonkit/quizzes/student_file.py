"""A quiz as shipped to students (``lessonkit-student-quiz/1``): all to show it, nothing that reads as the answers.

Practice mode keeps the right answers only as salted SHA-256 hashes that the widget checks
an answer against, and feedback and explanations encoded (not plain text). Exam mode ships
no key, no feedback and no explanation at all. This stops reading the answers off the file;
it does not stop a determined student from trying every choice against the hashes, which is
why graded work belongs in exam mode.

Match questions hide their pairing: the right-hand items carry opaque ids derived from the
course, lesson, quiz and question, so a grader with the course can map them back
(``course_answer``) while the file itself gives nothing away.

This module writes and reads the file; what each question type puts in it lives with the
type (``quizzes.types``), and a copy is read into its own models (``quizzes.student_model``).
"""

from __future__ import annotations

import json
import random
import secrets
from pathlib import Path
from typing import Any

from lessonkit.content.quiz import Links, Question, Quiz
from lessonkit.quizzes.common import Result, is_empty
from lessonkit.quizzes.student_model import (
    Decoder,
    Encoder,
    StudentQuestion,
    StudentQuiz,
    digest,
    localized,
    plain_text,
)
from lessonkit.quizzes.types import behaviour
from lessonkit.quizzes.types.match import opaque_id
from lessonkit.quizzes.types.numeric import MAX_NUMERIC_VALUES

FORMAT = "lessonkit-student-quiz/1"
FILE_SUFFIX = ".student.json"

__all__ = [
    "FILE_SUFFIX",
    "FORMAT",
    "MAX_NUMERIC_VALUES",
    "HashedAnswerKey",
    "NoAnswerKey",
    "build_student_quiz",
    "course_answer",
    "load_student_quiz",
    "opaque_id",
    "read_student_quiz",
    "student_quiz_path",
]


def student_quiz_path(lesson_dir: Path, quiz_id: str) -> Path:
    return lesson_dir / f"quiz-{quiz_id}{FILE_SUFFIX}"


def course_answer(question: Question, answer: object, where: tuple[str, str, str]) -> object:
    """An answer saved from a student copy in the course's own ids; ``where`` is (course, lesson, quiz)."""
    return behaviour(question).course_answer(question, answer, (*where, question.id))


# ---------------------------------------------------------------- writing


def build_student_quiz(
    quiz: Quiz, *, course: str, lesson: str, mode: str, seed: int = 0, salt: str | None = None
) -> dict[str, Any]:
    """The student file's content for one quiz. ``mode`` 'exam' ships no key and no feedback."""
    practice = mode == "practice"
    salt = salt or secrets.token_hex(16)
    where = (course, lesson, quiz.id)
    questions = []
    for q in quiz.questions:
        kind = behaviour(q)
        enc = Encoder(salt, q.id, practice, where, random.Random(f"{seed}:{q.id}"))
        item: dict[str, Any] = {"id": q.id, "type": q.type, "points": q.points, "prompt": plain_text(q.prompt)}
        item.update(kind.student_fields(q, enc))
        if practice:
            item["key"] = sorted(digest(salt, q.id, form) for form in kind.right_forms(q, where))
            item["explanation"] = enc.secret("explanation", q.explanation)
            item["links"] = q.links.model_dump()
        questions.append(item)
    data: dict[str, Any] = {
        "format": FORMAT,
        "course": course,
        "lesson": lesson,
        "quiz": quiz.id,
        "mode": mode,
        "title": plain_text(quiz.title),
        "questions": questions,
    }
    if practice:
        data["salt"] = salt
    return data


# ---------------------------------------------------------------- reading


def _question(item: dict[str, Any], salt: str | None) -> StudentQuestion:
    dec = Decoder(salt, item["id"])
    common = {
        "id": item["id"],
        "points": item["points"],
        "prompt": localized(item["prompt"]),
        "explanation": dec.secret("explanation", item.get("explanation")),
        "links": Links.model_construct(**item.get("links", {"events": [], "stances": []})),
        "key": frozenset(item.get("key", ())),
    }
    try:
        kind = behaviour(item["type"])
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None
    return kind.read_student(item, common, dec)


def read_student_quiz(data: dict[str, Any]) -> StudentQuiz:
    """A student file's content (already parsed) as its model."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a lessonkit student quiz ({FORMAT})")
    salt = data.get("salt")
    return StudentQuiz(
        id=data["quiz"],
        title=localized(data["title"]),
        mode=data["mode"],
        course=data.get("course", "unknown"),
        lesson=data.get("lesson", "unknown"),
        questions=tuple(_question(item, salt) for item in data["questions"]),
        salt=salt,
    )


class HashedAnswerKey:
    """Checks answers against the salted hashes of a student copy (practice mode)."""

    def __init__(self, quiz: StudentQuiz, lang: str = "en"):
        if quiz.salt is None:
            raise ValueError("an exam-mode student quiz has no answer key")
        self.quiz, self.salt, self.lang = quiz, quiz.salt, lang
        self.questions = {q.id: q for q in quiz.questions}

    def check(self, question_id: str, answer: object) -> Result:
        q = self.questions[question_id]
        if is_empty(answer):
            return Result(question_id, "unanswered", 0.0, q.points)
        kind = behaviour(q)
        problem = kind.problem(q, answer)
        if problem is not None:
            return Result(question_id, "invalid", 0.0, q.points, problem=problem)
        form = kind.answer_form(q, answer)
        right = form is not None and digest(self.salt, question_id, form) in q.key
        return Result(
            question_id,
            "correct" if right else "wrong",
            float(q.points) if right else 0.0,
            q.points,
            feedback=kind.student_feedback(q, answer),
        )


class NoAnswerKey:
    """Exam mode: nothing to check against; the widget never asks."""

    def check(self, question_id: str, answer: object) -> Result:
        raise RuntimeError("an exam-mode student quiz has no answer key")


def load_student_quiz(
    path: Path, lang: str = "en"
) -> tuple[StudentQuiz, HashedAnswerKey | NoAnswerKey, dict[str, Any]]:
    """The student copy's model, its answer key and the file's data."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a lessonkit student quiz ({FORMAT})")
    quiz = read_student_quiz(data)
    key = HashedAnswerKey(quiz, lang) if quiz.salt else NoAnswerKey()
    return quiz, key, data
