"""``numeric``: a number, right within ``tolerance`` (inclusive), with an optional unit.

Answer: a number. Student copy: the unit and the decimal places the key was made on
(``decimals``); the key hashes every right value on that grid (at most 2001 of them).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from lessonkit.content.base import Localized
from lessonkit.content.quiz import NumericQuestion
from lessonkit.quizzes.common import Result, number
from lessonkit.quizzes.student_model import Decoder, Encoder, StudentQuestion
from lessonkit.quizzes.types.base import QuestionType, TextOf, answer_line, result
from lessonkit.quizzes.types.export import NumberForm
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import mark, ui, with_unit
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.quizzes.inputs import AnswerInput

__all__ = ["MAX_NUMERIC_VALUES", "TYPE", "NumericType", "StudentNumeric"]

MAX_NUMERIC_VALUES = 2001
KEY_UI = table("answer_key")


@dataclass(frozen=True, kw_only=True)
class StudentNumeric(StudentQuestion):
    type: ClassVar[str] = "numeric"
    unit: Localized | None = None
    decimals: int = 0
    """The decimal places the hashed key was made with."""


def decimals(value: float) -> int:
    return max(0, -Decimal(repr(value)).normalize().as_tuple().exponent)  # type: ignore[operator]


def places(q: NumericQuestion) -> int:
    """Decimal places of the student key's grid: enough for the answer and the tolerance, at most 3."""
    return min(3, max(decimals(q.answer), decimals(q.tolerance)))


class NumericType(QuestionType):
    name = "numeric"
    model = NumericQuestion
    student_model = StudentNumeric
    echo_answer = True

    def problem(self, q: Any, answer: object) -> str | None:
        if isinstance(answer, bool) or not isinstance(answer, int | float):
            return "expected a number"
        try:
            return None if math.isfinite(float(answer)) else "expected a finite number"
        except OverflowError:
            return "number too large"

    def grade(self, q: NumericQuestion, answer: float, lang: str) -> Result:
        slack = 1e-9 * max(1.0, abs(q.answer))  # so 0.1 + 0.2 is within a tolerance of 0 of 0.3
        return result(q, abs(answer - q.answer) <= q.tolerance + slack)

    def make_input(self, q: Any, lang: str, seed: int) -> AnswerInput:
        from lessonkit.quizzes.inputs import NumericInput

        return NumericInput(q, lang, seed)

    def static_html(self, q: Any, lang: str, seed: int) -> str:
        return answer_line(lang, esc(q.unit.get(lang)) if q.unit else "")

    def answer_text(self, q: NumericQuestion, lang: str) -> list[str]:
        unit = q.unit.get(lang) if q.unit else ""
        tol = mark("paren", lang).format(ui(KEY_UI, "tolerance", lang, t=q.tolerance)) if q.tolerance else ""
        return [with_unit(f"{q.answer:g}", unit, lang) + tol]

    def describe(self, q: Any, answer: Any, lang: str) -> str:
        return with_unit(number(answer), q.unit.get(lang) if q.unit else "", lang)

    def same_answer(self, q: Any, answer: Any) -> Hashable:
        return float(answer)

    def student_fields(self, q: NumericQuestion, enc: Encoder) -> dict[str, Any]:
        return {"unit": enc.text(q.unit) if q.unit else None, "decimals": places(q)}

    def right_forms(self, q: NumericQuestion, where: tuple[str, str, str]) -> list[str]:
        n = places(q)
        step = 10**-n
        low = round((q.answer - q.tolerance) / step)
        high = round((q.answer + q.tolerance) / step)
        if high - low + 1 > MAX_NUMERIC_VALUES:
            raise ValueError(f"{q.id}: tolerance too wide to ship as hashes; widen the step or use exam mode")
        return [f"{k * step:.{n}f}" for k in range(low, high + 1)]

    def answer_form(self, sq: Any, answer: Any) -> str | None:
        scaled = float(answer) * 10**sq.decimals
        if abs(scaled - round(scaled)) > 1e-6:
            return None  # off the grid the key was made on, so not one of the right values
        return f"{round(scaled) / 10**sq.decimals:.{sq.decimals}f}"

    def read_student(self, item: Mapping[str, Any], common: dict[str, Any], dec: Decoder) -> StudentQuestion:
        unit = dec.text(item["unit"]) if item.get("unit") else None
        return StudentNumeric(**common, unit=unit, decimals=item.get("decimals", 0))

    def export_form(self, q: NumericQuestion, lang: str) -> NumberForm:
        return NumberForm(value=q.answer, tolerance=q.tolerance, unit=q.unit)

    def json_fields(self, q: NumericQuestion, lang: str, text: TextOf) -> dict[str, Any]:
        return {"answer": float(q.answer), "tolerance": float(q.tolerance), "unit": text(q.unit)}


TYPE = NumericType()
