"""``text``: a few words, right when they match an accepted answer (either language) after normalisation.

Answer: a string (at most 2000 characters), compared with ``textmatch``. Student copy:
nothing of its own; the key hashes every accepted answer, normalised.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lessonkit.content.quiz import TextQuestion
from lessonkit.quizzes.common import MAX_TEXT_ANSWER, Result
from lessonkit.quizzes.student_model import StudentQuestion
from lessonkit.quizzes.textmatch import matches, normalize
from lessonkit.quizzes.types.base import QuestionType, TextOf, answer_line, result
from lessonkit.quizzes.types.export import ShortAnswerForm
from lessonkit.text.i18n import ui
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.quizzes.inputs import AnswerInput

__all__ = ["TYPE", "StudentText", "TextType"]

KEY_UI = table("answer_key")


@dataclass(frozen=True, kw_only=True)
class StudentText(StudentQuestion):
    type: ClassVar[str] = "text"


class TextType(QuestionType):
    name = "text"
    model = TextQuestion
    student_model = StudentText
    echo_answer = True

    def problem(self, q: Any, answer: object) -> str | None:
        if not isinstance(answer, str):
            return "expected text"
        return None if len(answer) <= MAX_TEXT_ANSWER else f"text longer than {MAX_TEXT_ANSWER} characters"

    def grade(self, q: TextQuestion, answer: str, lang: str) -> Result:
        """An answer accepted in either language is right (the fact is the same); ``lang``'s list comes first."""
        accepted = [*q.accepted[lang], *(a for other, values in q.accepted.items() if other != lang for a in values)]  # type: ignore[index]
        return result(q, matches(answer, accepted))

    def make_input(self, q: Any, lang: str, seed: int) -> AnswerInput:
        from lessonkit.quizzes.inputs import TextInput

        return TextInput(q, lang, seed)

    def static_html(self, q: Any, lang: str, seed: int) -> str:
        return answer_line(lang)

    def answer_text(self, q: TextQuestion, lang: str) -> list[str]:
        return [ui(KEY_UI, "or", lang).join(q.accepted[lang])]  # type: ignore[index]

    def same_answer(self, q: Any, answer: Any) -> Hashable:
        return normalize(answer)

    def right_forms(self, q: TextQuestion, where: tuple[str, str, str]) -> list[str]:
        return sorted({normalize(a) for answers in q.accepted.values() for a in answers})

    def answer_form(self, sq: Any, answer: Any) -> str | None:
        return normalize(str(answer))

    def export_form(self, q: TextQuestion, lang: str) -> ShortAnswerForm:
        return ShortAnswerForm(accepted=tuple(q.accepted[lang]))  # type: ignore[index]

    def json_fields(self, q: TextQuestion, lang: str, text: TextOf) -> dict[str, Any]:
        return {"accepted": list(q.accepted[lang])}  # type: ignore[index]


TYPE = TextType()
