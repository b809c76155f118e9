"""``match``: match each left item with a right one; the author writes the pairs.

Answer: left pair id → pair id of the chosen right. Student copy: the lefts, and the
rights under opaque ids (``opaque_id``: derived from course, lesson, quiz, question and
pair, so a grader with the course maps them back with ``course_answer`` while the file
gives nothing away), sorted by those ids; the key hashes the right pairing in them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lessonkit.content.base import Localized
from lessonkit.content.quiz import MatchQuestion
from lessonkit.quizzes.common import ItemResult, Result, shuffled
from lessonkit.quizzes.student_model import Decoder, Encoder, StudentOption, StudentQuestion
from lessonkit.quizzes.types.base import QuestionType, TextOf, result
from lessonkit.quizzes.types.export import PairsForm
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import mark

if TYPE_CHECKING:
    from lessonkit.quizzes.inputs import AnswerInput

__all__ = ["TYPE", "MatchType", "StudentMatch", "opaque_id"]


def opaque_id(course: str, lesson: str, quiz: str, question: str, pair: str) -> str:
    """The id a match question's right-hand item carries in student copies."""
    return "r" + hashlib.sha256(f"{course}\x1f{lesson}\x1f{quiz}\x1f{question}\x1f{pair}".encode()).hexdigest()[:10]


@dataclass(frozen=True, kw_only=True)
class StudentMatch(StudentQuestion):
    type: ClassVar[str] = "match"
    lefts: tuple[StudentOption, ...]
    """Left items under their pair ids, in the authoring order."""
    rights: tuple[StudentOption, ...]
    """Right items under opaque ids, sorted by them (an order that says nothing)."""


Side = list[tuple[str, Localized]]


def sides(q: MatchQuestion | StudentMatch) -> tuple[Side, Side]:
    """(id, text) of the lefts and of the rights, for the authoring model and the student copy alike."""
    if isinstance(q, StudentMatch):
        return [(o.id, o.text) for o in q.lefts], [(o.id, o.text) for o in q.rights]
    return [(p.id, p.left) for p in q.pairs], [(p.id, p.right) for p in q.pairs]


class MatchType(QuestionType):
    name = "match"
    model = MatchQuestion
    student_model = StudentMatch
    parts_right = "pairs_right"

    def problem(self, q: Any, answer: object) -> str | None:
        lefts, rights = ([i for i, _ in side] for side in sides(q))
        if not isinstance(answer, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in answer.items()
        ):
            return "expected a mapping of left pair ids to right pair ids"
        bad = [*(k for k in answer if k not in lefts), *(v for v in answer.values() if v not in rights)]
        return f"unknown pair id {bad[0]!r}" if bad else None

    def grade(self, q: MatchQuestion, answer: Mapping[str, str], lang: str) -> Result:
        items = tuple(ItemResult(p.id, answer.get(p.id) == p.id, p.id in answer) for p in q.pairs)
        return result(q, all(i.correct for i in items), items=items)

    def make_input(self, q: Any, lang: str, seed: int) -> AnswerInput:
        from lessonkit.quizzes.inputs import MatchInput

        lefts, rights = sides(q)
        return MatchInput(lefts, shuffled(rights, seed, q.id), lang)

    def static_html(self, q: Any, lang: str, seed: int) -> str:
        left_side, right_side = sides(q)
        lefts = "".join(f"<li>{esc(text.get(lang))}</li>" for _, text in left_side)
        rights = "".join(f"<li>{esc(text.get(lang))}</li>" for _, text in shuffled(right_side, seed, q.id))
        return f'<table><tr><td style="vertical-align:top"><ul>{lefts}</ul></td><td><ul>{rights}</ul></td></tr></table>'

    def answer_text(self, q: MatchQuestion, lang: str) -> list[str]:
        return [f"{p.left.get(lang)} → {p.right.get(lang)}" for p in q.pairs]

    def describe(self, q: Any, answer: Any, lang: str) -> str:
        sep = mark("list_sep", lang)
        rights = {p.id: p.right.get(lang) for p in q.pairs}
        return sep.join(f"{p.left.get(lang)} → {rights[answer[p.id]]}" for p in q.pairs if p.id in answer)

    def same_answer(self, q: Any, answer: Any) -> Hashable:
        return tuple(sorted(answer.items()))

    def student_fields(self, q: MatchQuestion, enc: Encoder) -> dict[str, Any]:
        rights = [{"id": opaque_id(*enc.where, q.id, p.id), "text": enc.text(p.right)} for p in q.pairs]
        enc.rng.shuffle(rights)
        return {
            "lefts": [{"id": p.id, "text": enc.text(p.left)} for p in q.pairs],
            "rights": sorted(rights, key=lambda r: r["id"]),  # an order that says nothing
        }

    def right_forms(self, q: MatchQuestion, where: tuple[str, str, str]) -> list[str]:
        pairs = {p.id: opaque_id(*where, q.id, p.id) for p in q.pairs}
        return ["\x1e".join(f"{k}={v}" for k, v in sorted(pairs.items()))]

    def answer_form(self, sq: Any, answer: Any) -> str | None:
        return "\x1e".join(f"{k}={v}" for k, v in sorted(dict(answer).items()))

    def read_student(self, item: Mapping[str, Any], common: dict[str, Any], dec: Decoder) -> StudentQuestion:
        return StudentMatch(
            **common,
            lefts=tuple(StudentOption(p["id"], dec.text(p["text"])) for p in item["lefts"]),
            rights=tuple(StudentOption(r["id"], dec.text(r["text"])) for r in item["rights"]),
        )

    def course_answer(self, q: MatchQuestion, answer: object, where: tuple[str, str, str, str]) -> object:
        if not isinstance(answer, Mapping):
            return answer
        back = {opaque_id(*where, p.id): p.id for p in q.pairs}
        return {k: back.get(v, v) if isinstance(v, str) else v for k, v in answer.items()}

    def export_form(self, q: MatchQuestion, lang: str) -> PairsForm:
        return PairsForm(pairs=tuple((p.left, p.right) for p in q.pairs))

    def json_fields(self, q: MatchQuestion, lang: str, text: TextOf) -> dict[str, Any]:
        return {"pairs": [{"id": p.id, "left": text(p.left), "right": text(p.right)} for p in q.pairs]}


TYPE = MatchType()
