"""``multiple``: choose all that apply; right only when the chosen set is exactly the right one.

Answer: a list of choice ids. Student copy: as ``single``; the key hashes the sorted
right ids. LMSs give part marks (Moodle by weights, Canvas by its own rule): noted on export.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lessonkit.content.quiz import MultipleQuestion
from lessonkit.quizzes.common import ItemResult, Result
from lessonkit.quizzes.student_model import StudentOption, StudentQuestion
from lessonkit.quizzes.types.base import id_list_problem, result
from lessonkit.quizzes.types.single import ChoiceType

if TYPE_CHECKING:
    from lessonkit.quizzes.inputs import AnswerInput

__all__ = ["TYPE", "MultipleType", "StudentMultiple"]


@dataclass(frozen=True, kw_only=True)
class StudentMultiple(StudentQuestion):
    type: ClassVar[str] = "multiple"
    choices: tuple[StudentOption, ...]


class MultipleType(ChoiceType):
    name = "multiple"
    model = MultipleQuestion
    student_model = StudentMultiple
    box = "☐"

    def problem(self, q: Any, answer: object) -> str | None:
        return id_list_problem(answer, [c.id for c in q.choices], "choice")

    def grade(self, q: MultipleQuestion, answer: list[str], lang: str) -> Result:
        picked = set(answer)
        items = tuple(ItemResult(c.id, c.correct == (c.id in picked), c.id in picked, c.feedback) for c in q.choices)
        return result(q, all(i.correct for i in items), items=items)

    def make_input(self, q: Any, lang: str, seed: int) -> AnswerInput:
        from lessonkit.quizzes.inputs import MultipleInput

        return MultipleInput(q, lang, seed)

    def same_answer(self, q: Any, answer: Any) -> Hashable:
        return tuple(sorted(answer))

    def right_forms(self, q: MultipleQuestion, where: tuple[str, str, str]) -> list[str]:
        return ["\x1e".join(sorted(c.id for c in q.choices if c.correct))]

    def answer_form(self, sq: Any, answer: Any) -> str | None:
        return "\x1e".join(sorted(map(str, answer)))


TYPE = MultipleType()
