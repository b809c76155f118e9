"""What every quiz module shares, at the bottom of the quiz room: the words, a seeded shuffle, numbers, results.

Kept free of the question types and of ipywidgets, so the types (``quizzes.types``),
the answer controls (``quizzes.inputs``) and the HTML (``quizzes.html``) can all import
it without importing one another.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from lessonkit.content.base import Localized
from lessonkit.text.words import table

__all__ = ["MAX_TEXT_ANSWER", "UI", "ItemResult", "Result", "Status", "is_empty", "number", "shuffled"]

T = TypeVar("T")

UI = table("quiz")

MAX_TEXT_ANSWER = 2000

Status = Literal["correct", "wrong", "unanswered", "invalid"]


def shuffled(items: Sequence[T], seed: int, question_id: str) -> list[T]:
    """Items in a shuffled order that depends only on the seed and the question.

    Seeding per question (``"{seed}:{question id}"``) keeps each question's order fixed
    when an author adds or removes another question.
    """
    out = list(items)
    random.Random(f"{seed}:{question_id}").shuffle(out)
    return out


def number(value: float) -> str:
    """3.0 as ``3``, 2.5 as ``2.5``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def is_empty(answer: object) -> bool:
    """``None``, an empty or blank string, an empty list or mapping: the question is unanswered."""
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    return isinstance(answer, list | tuple | Mapping) and len(answer) == 0


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
