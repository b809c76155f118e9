"""``true_false``: a statement, true or false, with feedback for each answer.

Answer: ``true``/``false``. Student copy: the two feedbacks encoded (practice only);
the key hashes ``"true"`` or ``"false"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lessonkit.content.base import Localized
from lessonkit.content.quiz import TrueFalseQuestion
from lessonkit.quizzes.common import UI, Result
from lessonkit.quizzes.student_model import Decoder, Encoder, StudentQuestion
from lessonkit.quizzes.types.base import QuestionType, TextOf, result
from lessonkit.quizzes.types.export import TrueFalseForm
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import ui
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.quizzes.inputs import AnswerInput

__all__ = ["TYPE", "StudentTrueFalse", "TrueFalseType"]

KEY_UI = table("answer_key")


@dataclass(frozen=True, kw_only=True)
class StudentTrueFalse(StudentQuestion):
    type: ClassVar[str] = "true_false"
    feedback_true: Localized | None = None
    feedback_false: Localized | None = None


class TrueFalseType(QuestionType):
    name = "true_false"
    model = TrueFalseQuestion
    student_model = StudentTrueFalse

    def problem(self, q: Any, answer: object) -> str | None:
        return None if isinstance(answer, bool) else "expected true or false"

    def grade(self, q: TrueFalseQuestion, answer: bool, lang: str) -> Result:
        return result(q, answer == q.answer, feedback=q.feedback_true if answer else q.feedback_false)

    def make_input(self, q: Any, lang: str, seed: int) -> AnswerInput:
        from lessonkit.quizzes.inputs import TrueFalseInput

        return TrueFalseInput(q, lang, seed)

    def static_html(self, q: Any, lang: str, seed: int) -> str:
        return f"<p>○ {esc(ui(UI, 'true', lang))} &nbsp; ○ {esc(ui(UI, 'false', lang))}</p>"

    def answer_text(self, q: TrueFalseQuestion, lang: str) -> list[str]:
        return [ui(KEY_UI, "true" if q.answer else "false", lang)]

    def describe(self, q: Any, answer: Any, lang: str) -> str:
        return ui(UI, "true" if answer else "false", lang)

    def student_fields(self, q: TrueFalseQuestion, enc: Encoder) -> dict[str, Any]:
        if not enc.practice:
            return {}
        feedbacks = (("true", q.feedback_true), ("false", q.feedback_false))
        return {"feedback": {k: enc.secret(k, v) for k, v in feedbacks if v}}

    def right_forms(self, q: TrueFalseQuestion, where: tuple[str, str, str]) -> list[str]:
        return ["true" if q.answer else "false"]

    def answer_form(self, sq: Any, answer: Any) -> str | None:
        return "true" if answer else "false"

    def read_student(self, item: Mapping[str, Any], common: dict[str, Any], dec: Decoder) -> StudentQuestion:
        feedback = item.get("feedback", {})
        return StudentTrueFalse(
            **common,
            feedback_true=dec.secret("true", feedback.get("true")),
            feedback_false=dec.secret("false", feedback.get("false")),
        )

    def student_feedback(self, sq: Any, answer: Any) -> Localized | None:
        return sq.feedback_true if answer else sq.feedback_false

    def export_form(self, q: TrueFalseQuestion, lang: str) -> TrueFalseForm:
        return TrueFalseForm(answer=q.answer, feedback_true=q.feedback_true, feedback_false=q.feedback_false)

    def json_fields(self, q: TrueFalseQuestion, lang: str, text: TextOf) -> dict[str, Any]:
        return {"answer": q.answer, "feedback_true": text(q.feedback_true), "feedback_false": text(q.feedback_false)}


TYPE = TrueFalseType()
