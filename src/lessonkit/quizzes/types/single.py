"""``single``: choose one choice; also the base of ``multiple`` (choices, some right).

Answer: a choice id. Student copy: the choices (``choices``), their feedback encoded
(``feedback``, practice only); the key hashes the right choice's id.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lessonkit.content.base import Localized
from lessonkit.content.quiz import MultipleQuestion, SingleQuestion
from lessonkit.quizzes.common import ItemResult, Result, shuffled
from lessonkit.quizzes.student_model import Decoder, Encoder, StudentOption, StudentQuestion
from lessonkit.quizzes.types.base import QuestionType, TextOf, result
from lessonkit.quizzes.types.export import ChoiceForm, ExportChoice
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import mark

if TYPE_CHECKING:
    from lessonkit.quizzes.inputs import AnswerInput

__all__ = ["TYPE", "ChoiceType", "SingleType", "StudentSingle"]


@dataclass(frozen=True, kw_only=True)
class StudentSingle(StudentQuestion):
    type: ClassVar[str] = "single"
    choices: tuple[StudentOption, ...]
    """In the authoring order; feedback decoded (practice copies only)."""


class ChoiceType(QuestionType):
    """What ``single`` and ``multiple`` share: choices with texts and per-choice feedback."""

    box: ClassVar[str]
    """The mark before each choice in the static rendering."""

    def static_html(self, q: Any, lang: str, seed: int) -> str:
        rows = [f"<li>{self.box} {esc(c.text.get(lang))}</li>" for c in shuffled(q.choices, seed, q.id)]
        return f'<ul style="list-style:none">{"".join(rows)}</ul>'

    def choice_texts(self, q: Any, lang: str) -> dict[str, str] | None:
        return {c.id: c.text.get(lang) for c in q.choices}

    def answer_text(self, q: SingleQuestion | MultipleQuestion, lang: str) -> list[str]:
        return [c.text.get(lang) for c in q.choices if c.correct]

    def describe(self, q: Any, answer: Any, lang: str) -> str:
        sep = mark("list_sep", lang)
        chosen = {answer} if isinstance(answer, str) else set(answer)
        return sep.join(c.text.get(lang) for c in q.choices if c.id in chosen)

    def student_fields(self, q: SingleQuestion | MultipleQuestion, enc: Encoder) -> dict[str, Any]:
        fields: dict[str, Any] = {"choices": [{"id": c.id, "text": enc.text(c.text)} for c in q.choices]}
        if enc.practice:
            fields["feedback"] = {c.id: enc.secret(c.id, c.feedback) for c in q.choices if c.feedback}
        return fields

    def read_student(self, item: Mapping[str, Any], common: dict[str, Any], dec: Decoder) -> StudentQuestion:
        feedback = item.get("feedback", {})
        choices = tuple(
            StudentOption(c["id"], dec.text(c["text"]), dec.secret(c["id"], feedback.get(c["id"])))
            for c in item["choices"]
        )
        return self.student_model(**common, choices=choices)  # type: ignore[call-arg]

    def export_form(self, q: SingleQuestion | MultipleQuestion, lang: str) -> ChoiceForm:
        choices = tuple(ExportChoice(c.text, c.correct, c.feedback) for c in q.choices)
        return ChoiceForm(choices=choices, multiple=self.name == "multiple")

    def json_fields(self, q: SingleQuestion | MultipleQuestion, lang: str, text: TextOf) -> dict[str, Any]:
        return {
            "choices": [
                {"id": c.id, "text": text(c.text), "correct": c.correct, "feedback": text(c.feedback)}
                for c in q.choices
            ]
        }


class SingleType(ChoiceType):
    name = "single"
    model = SingleQuestion
    student_model = StudentSingle
    box = "○"

    def problem(self, q: Any, answer: object) -> str | None:
        if not isinstance(answer, str):
            return "expected a choice id"
        return None if answer in [c.id for c in q.choices] else f"unknown choice id {answer!r}"

    def grade(self, q: SingleQuestion, answer: str, lang: str) -> Result:
        chosen = next(c for c in q.choices if c.id == answer)
        items = tuple(ItemResult(c.id, c.correct == (c.id == answer), c.id == answer, c.feedback) for c in q.choices)
        return result(q, chosen.correct, feedback=chosen.feedback, items=items)

    def make_input(self, q: Any, lang: str, seed: int) -> AnswerInput:
        from lessonkit.quizzes.inputs import SingleInput

        return SingleInput(q, lang, seed)

    def same_answer(self, q: Any, answer: Any) -> Hashable:
        return answer

    def right_forms(self, q: SingleQuestion, where: tuple[str, str, str]) -> list[str]:
        return [next(c.id for c in q.choices if c.correct)]

    def answer_form(self, sq: Any, answer: Any) -> str | None:
        return str(answer)

    def student_feedback(self, sq: Any, answer: Any) -> Localized | None:
        return next((c.feedback for c in sq.choices if c.id == answer), None)


TYPE = SingleType()
