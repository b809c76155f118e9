"""``order``: put the items in order; the author lists them in the right order.

Answer: every item id, in the student's order. Student copy: the items, shuffled so
their order in the file is never the right one; the key hashes the right order.
LMSs get matching of positions 1, 2, … to items (or Moodle's ordering type).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lessonkit.content.quiz import OrderQuestion
from lessonkit.quizzes.common import ItemResult, Result, shuffled
from lessonkit.quizzes.student_model import Decoder, Encoder, StudentOption, StudentQuestion
from lessonkit.quizzes.types.base import QuestionType, TextOf, id_list_problem, result
from lessonkit.quizzes.types.export import PairsForm
from lessonkit.text.htmltext import esc

if TYPE_CHECKING:
    from lessonkit.quizzes.inputs import AnswerInput

__all__ = ["TYPE", "OrderType", "StudentOrder"]


@dataclass(frozen=True, kw_only=True)
class StudentOrder(StudentQuestion):
    type: ClassVar[str] = "order"
    items: tuple[StudentOption, ...]
    """In the file's (shuffled) order."""


class OrderType(QuestionType):
    name = "order"
    model = OrderQuestion
    student_model = StudentOrder
    parts_right = "items_right"

    def problem(self, q: Any, answer: object) -> str | None:
        ids = [i.id for i in q.items]
        problem = id_list_problem(answer, ids, "item")
        if problem is None and len(answer) != len(ids):  # type: ignore[arg-type]
            return f"expected all {len(ids)} items in order"
        return problem

    def grade(self, q: OrderQuestion, answer: list[str], lang: str) -> Result:
        items = tuple(ItemResult(a, a == item.id) for a, item in zip(answer, q.items, strict=True))
        return result(q, all(i.correct for i in items), items=items)

    def make_input(self, q: Any, lang: str, seed: int) -> AnswerInput:
        from lessonkit.quizzes.inputs import OrderInput

        return OrderInput(q, lang, seed)

    def static_html(self, q: Any, lang: str, seed: int) -> str:
        rows = [f"<li>___ {esc(i.text.get(lang))}</li>" for i in shuffled(q.items, seed, q.id)]
        return f'<ul style="list-style:none">{"".join(rows)}</ul>'

    def answer_text(self, q: OrderQuestion, lang: str) -> list[str]:
        return [f"{n}. {i.text.get(lang)}" for n, i in enumerate(q.items, 1)]

    def describe(self, q: Any, answer: Any, lang: str) -> str:
        texts = {i.id: i.text.get(lang) for i in q.items}
        return " → ".join(texts[a] for a in answer)

    def student_fields(self, q: OrderQuestion, enc: Encoder) -> dict[str, Any]:
        items = [{"id": i.id, "text": enc.text(i.text)} for i in q.items]
        while len(items) > 1 and [i["id"] for i in items] == [i.id for i in q.items]:
            enc.rng.shuffle(items)
        return {"items": items}

    def right_forms(self, q: OrderQuestion, where: tuple[str, str, str]) -> list[str]:
        return ["\x1e".join(i.id for i in q.items)]

    def answer_form(self, sq: Any, answer: Any) -> str | None:
        return "\x1e".join(map(str, answer))

    def read_student(self, item: Mapping[str, Any], common: dict[str, Any], dec: Decoder) -> StudentQuestion:
        return StudentOrder(**common, items=tuple(StudentOption(i["id"], dec.text(i["text"])) for i in item["items"]))

    def export_form(self, q: OrderQuestion, lang: str) -> PairsForm:
        return PairsForm(
            pairs=tuple((str(n), item.text) for n, item in enumerate(q.items, 1)),
            ordered=tuple(item.text for item in q.items),
        )

    def json_fields(self, q: OrderQuestion, lang: str, text: TextOf) -> dict[str, Any]:
        return {"items": [{"id": i.id, "text": text(i.text)} for i in q.items]}


TYPE = OrderType()
