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

The widget checks answers only through ``AnswerKey``, so a later "student copy" can
plug in a key that holds salted hashes instead of the answers themselves.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from lessonkit.content.base import Localized
from lessonkit.content.quiz import (
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderQuestion,
    Question,
    Quiz,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from lessonkit.quizzes.textmatch import matches
from lessonkit.text.i18n import check_lang

__all__ = ["AnswerKey", "ItemResult", "PlainAnswerKey", "Result", "Status", "answer_problem", "check_answer"]

MAX_TEXT_ANSWER = 2000

Status = Literal["correct", "wrong", "unanswered", "invalid"]


@dataclass(frozen=True)
class ItemResult:
    """One part of an answer: a choice (chosen or not), an order item or a match pair.

    ``correct`` says whether the student got this part right: for a choice, whether
    chosen equals correct; for an order item, whether it is in its place; for a pair,
    whether the right chosen for it is its own.
    """

    id: str
    correct: bool
    chosen: bool = True
    feedback: Localized | None = None


@dataclass(frozen=True)
class Result:
    question_id: str
    status: Status
    points_awarded: float
    points_possible: int
    feedback: Localized | None = None
    """For single: the chosen choice's feedback; for true_false: feedback_true/feedback_false."""
    items: tuple[ItemResult, ...] = ()
    problem: str | None = None
    """Why an answer is invalid, in plain English for logs and the grading report."""

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    @property
    def answered(self) -> bool:
        return self.status != "unanswered"


class AnswerKey(Protocol):
    """What the quiz widget asks to check an answer; it never reads right answers itself."""

    def check(self, question_id: str, answer: object) -> Result: ...


class PlainAnswerKey:
    """An answer key that reads the right answers from the quiz itself (the teacher's copy)."""

    def __init__(self, quiz: Quiz, lang: str = "en"):
        self.quiz = quiz
        self.lang = check_lang(lang)
        self._questions = {q.id: q for q in quiz.questions}

    def check(self, question_id: str, answer: object) -> Result:
        return check_answer(self._questions[question_id], answer, self.lang)


def _is_empty(answer: object) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    return isinstance(answer, list | tuple | Mapping) and len(answer) == 0


def _id_list(answer: object, known: list[str], what: str) -> str | None:
    if not isinstance(answer, list | tuple) or not all(isinstance(a, str) for a in answer):
        return f"expected a list of {what} ids"
    unknown = [a for a in answer if a not in known]
    if unknown:
        return f"unknown {what} id {unknown[0]!r}"
    if len(set(answer)) != len(answer):
        return f"a {what} id is repeated"
    return None


def answer_problem(question: Question, answer: object) -> str | None:
    """Why ``answer`` does not have the shape ``question`` needs, or None when it does.

    Checks shape and ids only, never rightness, so a key without the answers can use it.
    Call it on answered values (``None`` and empty values are unanswered, not invalid).
    """
    if isinstance(question, SingleQuestion):
        if not isinstance(answer, str):
            return "expected a choice id"
        return None if answer in [c.id for c in question.choices] else f"unknown choice id {answer!r}"
    if isinstance(question, MultipleQuestion):
        return _id_list(answer, [c.id for c in question.choices], "choice")
    if isinstance(question, TrueFalseQuestion):
        return None if isinstance(answer, bool) else "expected true or false"
    if isinstance(question, OrderQuestion):
        ids = [i.id for i in question.items]
        problem = _id_list(answer, ids, "item")
        if problem is None and len(answer) != len(ids):  # type: ignore[arg-type]
            return f"expected all {len(ids)} items in order"
        return problem
    if isinstance(question, MatchQuestion):
        ids = [p.id for p in question.pairs]
        if not isinstance(answer, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in answer.items()
        ):
            return "expected a mapping of left pair ids to right pair ids"
        bad = [x for x in (*answer.keys(), *answer.values()) if x not in ids]
        return f"unknown pair id {bad[0]!r}" if bad else None
    if isinstance(question, NumericQuestion):
        if isinstance(answer, bool) or not isinstance(answer, int | float):
            return "expected a number"
        try:
            return None if math.isfinite(float(answer)) else "expected a finite number"
        except OverflowError:
            return "number too large"
    if isinstance(question, TextQuestion):
        if not isinstance(answer, str):
            return "expected text"
        return None if len(answer) <= MAX_TEXT_ANSWER else f"text longer than {MAX_TEXT_ANSWER} characters"
    return f"unknown question type {getattr(question, 'type', '?')!r}"  # pragma: no cover


def _result(
    question: Question, right: bool, *, feedback: Localized | None = None, items: tuple[ItemResult, ...] = ()
) -> Result:
    status: Status = "correct" if right else "wrong"
    points = float(question.points) if right else 0.0
    return Result(question.id, status, points, question.points, feedback=feedback, items=items)


def _grade_single(q: SingleQuestion, answer: str, lang: str) -> Result:
    chosen = next(c for c in q.choices if c.id == answer)
    items = tuple(ItemResult(c.id, c.correct == (c.id == answer), c.id == answer, c.feedback) for c in q.choices)
    return _result(q, chosen.correct, feedback=chosen.feedback, items=items)


def _grade_multiple(q: MultipleQuestion, answer: list[str], lang: str) -> Result:
    picked = set(answer)
    items = tuple(ItemResult(c.id, c.correct == (c.id in picked), c.id in picked, c.feedback) for c in q.choices)
    return _result(q, all(i.correct for i in items), items=items)


def _grade_true_false(q: TrueFalseQuestion, answer: bool, lang: str) -> Result:
    return _result(q, answer == q.answer, feedback=q.feedback_true if answer else q.feedback_false)


def _grade_order(q: OrderQuestion, answer: list[str], lang: str) -> Result:
    items = tuple(ItemResult(a, a == item.id) for a, item in zip(answer, q.items, strict=True))
    return _result(q, all(i.correct for i in items), items=items)


def _grade_match(q: MatchQuestion, answer: Mapping[str, str], lang: str) -> Result:
    items = tuple(ItemResult(p.id, answer.get(p.id) == p.id, p.id in answer) for p in q.pairs)
    return _result(q, all(i.correct for i in items), items=items)


def _grade_numeric(q: NumericQuestion, answer: float, lang: str) -> Result:
    slack = 1e-9 * max(1.0, abs(q.answer))  # so 0.1 + 0.2 is within a tolerance of 0 of 0.3
    return _result(q, abs(answer - q.answer) <= q.tolerance + slack)


def _grade_text(q: TextQuestion, answer: str, lang: str) -> Result:
    """An answer accepted in either language is right (the fact is the same); ``lang``'s list comes first."""
    accepted = [*q.accepted[lang], *(a for other, values in q.accepted.items() if other != lang for a in values)]
    return _result(q, matches(answer, accepted))


_GRADERS: dict[str, Callable[[Any, Any, str], Result]] = {
    "single": _grade_single,
    "multiple": _grade_multiple,
    "true_false": _grade_true_false,
    "order": _grade_order,
    "match": _grade_match,
    "numeric": _grade_numeric,
    "text": _grade_text,
}


def check_answer(question: Question, answer: object, lang: str = "en") -> Result:
    """Grade one answer; never raises on a bad answer (only on an unknown ``lang``)."""
    check_lang(lang)
    if _is_empty(answer):
        return Result(question.id, "unanswered", 0.0, question.points)
    problem = answer_problem(question, answer)
    if problem is not None:
        return Result(question.id, "invalid", 0.0, question.points, problem=f"invalid answer: {problem}")
    return _GRADERS[question.type](question, answer, lang)
