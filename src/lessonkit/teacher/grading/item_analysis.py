"""Item analysis of one quiz: how hard each question was, how well it separated students, common wrong answers.

- **Difficulty** is the proportion of students who got the question right (p; higher
  is easier). Every question scores all or nothing, so an item score is 0 or 1.
- **Discrimination** is the point-biserial correlation of the item score with the
  *rest* score (the student's total without this question): the corrected item-total
  correlation. Leaving the item out of the total keeps it from correlating with itself,
  which matters in a quiz of seven questions. It is undefined (None) when everyone got
  the item right, or wrong, or everyone has the same rest score.
- **Flags**: p < 0.2 (very hard), p > 0.95 (very easy), r < 0.2 (discriminates weakly;
  below 0 students who did well overall got it wrong more often, so check the key).

Population formulas throughout; no numpy, so the CLI stays light.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from lessonkit.content.lesson import Lesson
from lessonkit.content.quiz import Question, Quiz
from lessonkit.quizzes.types import behaviour
from lessonkit.teacher.grading.gradebook import Submission

__all__ = [
    "EASY",
    "HARD",
    "LOW_DISCRIMINATION",
    "ItemStats",
    "QuizStats",
    "WrongAnswer",
    "describe_answer",
    "point_biserial",
    "quiz_stats",
]

HARD, EASY, LOW_DISCRIMINATION = 0.2, 0.95, 0.2
TOP_WRONG = 3


@dataclass(frozen=True)
class WrongAnswer:
    answer: Any
    """One student's answer as saved (the most common spelling, for text); ``describe_answer`` shows it."""
    count: int


@dataclass(frozen=True)
class ItemStats:
    question: Question
    n: int
    correct: int
    wrong: int
    unanswered: int
    invalid: int
    difficulty: float
    discrimination: float | None
    flags: tuple[str, ...]
    """Any of ``"hard"``, ``"easy"``, ``"low-discrimination"``, ``"negative-discrimination"``."""
    common_wrong: tuple[WrongAnswer, ...]
    """The most common wrong answers, most frequent first (at most three)."""


@dataclass(frozen=True)
class QuizStats:
    lesson: Lesson
    quiz: Quiz
    totals: tuple[float, ...]
    items: tuple[ItemStats, ...]

    @property
    def n(self) -> int:
        return len(self.totals)

    @property
    def maximum(self) -> int:
        return self.quiz.total_points

    @property
    def mean(self) -> float:
        return statistics.fmean(self.totals)

    @property
    def median(self) -> float:
        return statistics.median(self.totals)


def point_biserial(item: Sequence[float], rest: Sequence[float]) -> float | None:
    """Pearson's r of a 0/1 item score with the rest score; None when either does not vary."""
    n = len(item)
    if n < 2:
        return None
    mx, my = sum(item) / n, sum(rest) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(item, rest, strict=True))
    sxx = sum((x - mx) ** 2 for x in item)
    syy = sum((y - my) ** 2 for y in rest)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def _flags(p: float, r: float | None) -> tuple[str, ...]:
    flags = []
    if p < HARD:
        flags.append("hard")
    if p > EASY:
        flags.append("easy")
    if r is not None and r < 0:
        flags.append("negative-discrimination")
    elif r is not None and r < LOW_DISCRIMINATION:
        flags.append("low-discrimination")
    return tuple(flags)


def _answer_key(question: Question, answer: Any) -> Hashable:
    """Answers that are the same for the student count as one: a set of choices, a text as matched."""
    return behaviour(question).same_answer(question, answer)


def _common_wrong(question: Question, answers: list[Any]) -> tuple[WrongAnswer, ...]:
    groups: dict[Hashable, Counter[str]] = {}
    examples: dict[str, Any] = {}
    for answer in answers:
        spelled = repr(answer)
        examples.setdefault(spelled, answer)
        groups.setdefault(_answer_key(question, answer), Counter())[spelled] += 1
    ranked = sorted(groups.values(), key=lambda c: (-c.total(), min(c)))
    return tuple(WrongAnswer(examples[c.most_common(1)[0][0]], c.total()) for c in ranked[:TOP_WRONG])


def _item(question: Question, index: int, submissions: Sequence[Submission]) -> ItemStats:
    results = [s.results[index] for s in submissions]
    scores = [1.0 if r.correct else 0.0 for r in results]
    rest = [s.total - r.points_awarded for s, r in zip(submissions, results, strict=True)]
    statuses = Counter(r.status for r in results)
    p = sum(scores) / len(scores)
    r = point_biserial(scores, rest)
    wrong = [
        s.responses.answers[question.id] for s, res in zip(submissions, results, strict=True) if res.status == "wrong"
    ]
    return ItemStats(
        question=question,
        n=len(results),
        correct=statuses["correct"],
        wrong=statuses["wrong"],
        unanswered=statuses["unanswered"],
        invalid=statuses["invalid"],
        difficulty=p,
        discrimination=r,
        flags=_flags(p, r),
        common_wrong=_common_wrong(question, wrong),
    )


def quiz_stats(submissions: Sequence[Submission]) -> QuizStats:
    """Statistics of one quiz's submissions (at least one, all of the same quiz)."""
    quiz = submissions[0].quiz
    items = tuple(_item(q, i, submissions) for i, q in enumerate(quiz.questions))
    return QuizStats(submissions[0].lesson, quiz, tuple(s.total for s in submissions), items)


def describe_answer(question: Question, answer: Any, lang: str) -> str:
    """An answer as the student saw it, in ``lang``: choice and item texts, never ids. Plain text, not HTML."""
    return behaviour(question).describe(question, answer, lang)
