"""Grading one answer to one quiz question: pure logic shared by the quiz widget and ``lessonkit grade``.

An answer has the shape it has in a responses file (see ``docs/responses-format.md``):

=========== ==========================================================
single      a choice id (``str``)
multiple    a list of choice ids; all-or-nothing: right only when the
            set of chosen ids is exactly the set of correct ones
true_false  ``bool``
order       a list of every item id, in the student's order
match       a mapping of left pair id to the pair id of the chosen right
numeric     a number; right within ``tolerance`` (inclusive)
text        a string, compared after ``textmatch.normalize``
=========== ==========================================================

Every question scores all-or-nothing: the full ``points`` or 0. ``None`` (and an empty
list, mapping or string) is *unanswered*. An answer of the wrong shape (an unknown
choice id, a string for a number, a repeated item) is *invalid*: it scores 0 with a
plain reason and never raises, because responses files come from students' machines.
How each type checks and grades lives with the type (``quizzes.types``).

The widget checks answers only through ``AnswerKey``, so a student copy plugs in a key
that holds salted hashes instead of the answers themselves (``student_file.HashedAnswerKey``).
"""

from __future__ import annotations

from typing import Protocol

from lessonkit.content.quiz import Question, Quiz
from lessonkit.quizzes.common import MAX_TEXT_ANSWER, ItemResult, Result, Status, is_empty
from lessonkit.quizzes.student_model import StudentQuiz
from lessonkit.quizzes.types import REGISTRY, behaviour
from lessonkit.text.i18n import check_lang

__all__ = [
    "MAX_TEXT_ANSWER",
    "AnswerKey",
    "ItemResult",
    "PlainAnswerKey",
    "Result",
    "Status",
    "answer_problem",
    "check_answer",
]


class AnswerKey(Protocol):
    """What the quiz widget asks to check an answer; it never reads right answers itself."""

    def check(self, question_id: str, answer: object) -> Result: ...


class PlainAnswerKey:
    """An answer key that reads the right answers from the quiz itself (the teacher's copy)."""

    def __init__(self, quiz: Quiz | StudentQuiz, lang: str = "en"):
        if isinstance(quiz, StudentQuiz):
            raise TypeError("a student copy holds no answers: check it with student_file.HashedAnswerKey")
        self.quiz = quiz
        self.lang = check_lang(lang)
        self._questions = {q.id: q for q in quiz.questions}

    def check(self, question_id: str, answer: object) -> Result:
        return check_answer(self._questions[question_id], answer, self.lang)


def answer_problem(question: object, answer: object) -> str | None:
    """Why ``answer`` does not have the shape ``question`` needs, or None when it does.

    Checks shape and ids only, never rightness, so a key without the answers can use it
    (``question`` may be a student copy's). Call it on answered values (``None`` and
    empty values are unanswered, not invalid).
    """
    kind = getattr(question, "type", None)
    if kind not in REGISTRY:
        return f"unknown question type {kind!r}"
    return REGISTRY[kind].problem(question, answer)


def check_answer(question: Question, answer: object, lang: str = "en") -> Result:
    """Grade one answer; never raises on a bad answer (only on an unknown ``lang``)."""
    check_lang(lang)
    if is_empty(answer):
        return Result(question.id, "unanswered", 0.0, question.points)
    problem = answer_problem(question, answer)
    if problem is not None:
        return Result(question.id, "invalid", 0.0, question.points, problem=f"invalid answer: {problem}")
    return behaviour(question).grade(question, answer, lang)
