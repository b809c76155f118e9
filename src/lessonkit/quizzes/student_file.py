"""A quiz as shipped to students: everything to show it, nothing that reads as the answers.

Practice mode keeps the right answers only as salted SHA-256 hashes that the widget checks
an answer against, and feedback and explanations encoded (not plain text). Exam mode ships
no key, no feedback and no explanation at all. This stops reading the answers off the file;
it does not stop a determined student from trying every choice against the hashes, which is
why graded work belongs in exam mode.

Match questions hide their pairing: the right-hand items carry opaque ids derived from the
course, lesson, quiz and question, so a grader with the course can map them back
(``real_match_answer``) while the file itself gives nothing away.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import secrets
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from lessonkit.content import Localized
from lessonkit.content.quiz import (
    Choice,
    Links,
    MatchPair,
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderItem,
    OrderQuestion,
    Quiz,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from lessonkit.quizzes.scoring import Result, answer_problem
from lessonkit.quizzes.textmatch import normalize

FORMAT = "lessonkit-student-quiz/1"
FILE_SUFFIX = ".student.json"
MAX_NUMERIC_VALUES = 2001


def student_quiz_path(lesson_dir: Path, quiz_id: str) -> Path:
    return lesson_dir / f"quiz-{quiz_id}{FILE_SUFFIX}"


# ---------------------------------------------------------------- ids and hashes


def opaque_id(course: str, lesson: str, quiz: str, question: str, pair: str) -> str:
    """The id a match question's right-hand item carries in student copies."""
    return "r" + hashlib.sha256(f"{course}\x1f{lesson}\x1f{quiz}\x1f{question}\x1f{pair}".encode()).hexdigest()[:10]


def real_match_answer(answer: object, pairs: list[str], where: tuple[str, str, str, str]) -> object:
    """A student copy's match answer (left id -> opaque id) in the course's own ids."""
    if not isinstance(answer, Mapping):
        return answer
    back = {opaque_id(*where, p): p for p in pairs}
    return {k: back.get(v, v) if isinstance(v, str) else v for k, v in answer.items()}


def _digest(salt: str, question: str, canonical: str) -> str:
    return hashlib.sha256(f"{salt}\x1f{question}\x1f{canonical}".encode()).hexdigest()


def _decimals(value: float) -> int:
    return max(0, -Decimal(repr(value)).normalize().as_tuple().exponent)


def canonical(question: Any, answer: object) -> str | None:
    """The one string an answer hashes as; None if it cannot be right (e.g. not a number)."""
    kind = question.type
    if kind == "single":
        return str(answer)
    if kind == "multiple":
        return "\x1e".join(sorted(map(str, answer)))  # type: ignore[arg-type]
    if kind == "true_false":
        return "true" if answer else "false"
    if kind == "order":
        return "\x1e".join(map(str, answer))  # type: ignore[arg-type]
    if kind == "match":
        return "\x1e".join(f"{k}={v}" for k, v in sorted(dict(answer).items()))  # type: ignore[arg-type]
    if kind == "numeric":
        scaled = float(answer) * 10**question.decimals  # type: ignore[arg-type]
        if abs(scaled - round(scaled)) > 1e-6:
            return None  # off the grid the key was made on, so not one of the right values
        return f"{round(scaled) / 10**question.decimals:.{question.decimals}f}"
    if kind == "text":
        return normalize(str(answer))
    return None


def _right_answers(question: Any, quiz_where: tuple[str, str, str]) -> list[str]:
    """Every canonical form of a right answer of ``question`` (the teacher's model)."""
    if isinstance(question, SingleQuestion):
        return [next(c.id for c in question.choices if c.correct)]
    if isinstance(question, MultipleQuestion):
        return ["\x1e".join(sorted(c.id for c in question.choices if c.correct))]
    if isinstance(question, TrueFalseQuestion):
        return ["true" if question.answer else "false"]
    if isinstance(question, OrderQuestion):
        return ["\x1e".join(i.id for i in question.items)]
    if isinstance(question, MatchQuestion):
        pairs = {p.id: opaque_id(*quiz_where, question.id, p.id) for p in question.pairs}
        return ["\x1e".join(f"{k}={v}" for k, v in sorted(pairs.items()))]
    if isinstance(question, NumericQuestion):
        places = min(3, max(_decimals(question.answer), _decimals(question.tolerance)))
        step = 10**-places
        low = round((question.answer - question.tolerance) / step)
        high = round((question.answer + question.tolerance) / step)
        if high - low + 1 > MAX_NUMERIC_VALUES:
            raise ValueError(f"{question.id}: tolerance too wide to ship as hashes; widen the step or use exam mode")
        return [f"{n * step:.{places}f}" for n in range(low, high + 1)]
    if isinstance(question, TextQuestion):
        return sorted({normalize(a) for answers in question.accepted.values() for a in answers})
    raise ValueError(f"unknown question type {question.type!r}")


def _encode(salt: str, question: str, text: Localized | None) -> dict[str, str] | None:
    if text is None:
        return None
    out = {}
    for lang in ("en", "ja"):
        data = getattr(text, lang).encode()
        stream = hashlib.shake_256(f"{salt}\x1f{question}\x1f{lang}".encode()).digest(len(data))
        out[lang] = base64.b64encode(bytes(a ^ b for a, b in zip(data, stream, strict=True))).decode()
    return out


def _decode(salt: str, question: str, value: Mapping[str, str] | None) -> Localized | None:
    if value is None:
        return None
    texts = {}
    for lang in ("en", "ja"):
        data = base64.b64decode(value[lang])
        stream = hashlib.shake_256(f"{salt}\x1f{question}\x1f{lang}".encode()).digest(len(data))
        texts[lang] = bytes(a ^ b for a, b in zip(data, stream, strict=True)).decode()
    return Localized.model_construct(**texts)


# ---------------------------------------------------------------- writing


def _text(value: Localized) -> dict[str, str]:
    return {"en": value.en, "ja": value.ja}


def build_student_quiz(
    quiz: Quiz, *, course: str, lesson: str, mode: str, seed: int = 0, salt: str | None = None
) -> dict[str, Any]:
    """The student file's content for one quiz. ``mode`` 'exam' ships no key and no feedback."""
    practice = mode == "practice"
    salt = salt or secrets.token_hex(16)
    where = (course, lesson, quiz.id)
    questions = []
    for q in quiz.questions:
        rng = random.Random(f"{seed}:{q.id}")
        item: dict[str, Any] = {"id": q.id, "type": q.type, "points": q.points, "prompt": _text(q.prompt)}
        if isinstance(q, SingleQuestion | MultipleQuestion):
            item["choices"] = [{"id": c.id, "text": _text(c.text)} for c in q.choices]
            if practice:
                item["feedback"] = {c.id: _encode(salt, f"{q.id}:{c.id}", c.feedback) for c in q.choices if c.feedback}
        elif isinstance(q, TrueFalseQuestion) and practice:
            item["feedback"] = {
                k: _encode(salt, f"{q.id}:{k}", v)
                for k, v in (("true", q.feedback_true), ("false", q.feedback_false))
                if v
            }
        elif isinstance(q, OrderQuestion):
            items = [{"id": i.id, "text": _text(i.text)} for i in q.items]
            while len(items) > 1 and [i["id"] for i in items] == [i.id for i in q.items]:
                rng.shuffle(items)
            item["items"] = items
        elif isinstance(q, MatchQuestion):
            item["lefts"] = [{"id": p.id, "text": _text(p.left)} for p in q.pairs]
            rights = [{"id": opaque_id(*where, q.id, p.id), "text": _text(p.right)} for p in q.pairs]
            rng.shuffle(rights)
            item["rights"] = sorted(rights, key=lambda r: r["id"])  # an order that says nothing
        elif isinstance(q, NumericQuestion):
            item["unit"] = _text(q.unit) if q.unit else None
            item["decimals"] = min(3, max(_decimals(q.answer), _decimals(q.tolerance)))
        if practice:
            item["key"] = sorted(_digest(salt, q.id, a) for a in _right_answers(q, where))
            item["explanation"] = _encode(salt, f"{q.id}:explanation", q.explanation)
            item["links"] = q.links.model_dump()
        questions.append(item)
    data: dict[str, Any] = {
        "format": FORMAT,
        "course": course,
        "lesson": lesson,
        "quiz": quiz.id,
        "mode": mode,
        "title": _text(quiz.title),
        "questions": questions,
    }
    if practice:
        data["salt"] = salt
    return data


# ---------------------------------------------------------------- reading


class StudentMatchQuestion(MatchQuestion):
    """A match question whose right-hand items carry their own (opaque) ids."""

    right_options: list[tuple[str, Localized]] = []


class StudentNumericQuestion(NumericQuestion):
    """A numeric question that knows the decimal places its hashed key was made with."""

    decimals: int = 0


def _localized(value: Mapping[str, str]) -> Localized:
    return Localized.model_construct(en=value["en"], ja=value["ja"])


def _question(item: dict[str, Any], salt: str | None) -> Any:
    blank = Localized.model_construct(en="", ja="")
    explanation = _decode(salt, f"{item['id']}:explanation", item.get("explanation")) if salt else None
    common = {
        "id": item["id"],
        "type": item["type"],
        "prompt": _localized(item["prompt"]),
        "explanation": explanation or blank,
        "points": item["points"],
        "links": Links.model_construct(**item.get("links", {"events": [], "stances": []})),
    }
    kind = item["type"]
    feedback = item.get("feedback", {})
    if kind in ("single", "multiple"):
        choices = [
            Choice.model_construct(
                id=c["id"],
                text=_localized(c["text"]),
                correct=False,
                feedback=_decode(salt, f"{item['id']}:{c['id']}", feedback.get(c["id"])) if salt else None,
            )
            for c in item["choices"]
        ]
        model = SingleQuestion if kind == "single" else MultipleQuestion
        return model.model_construct(**common, choices=choices)
    if kind == "true_false":
        fb = {k: _decode(salt, f"{item['id']}:{k}", feedback.get(k)) if salt else None for k in ("true", "false")}
        return TrueFalseQuestion.model_construct(
            **common, answer=False, feedback_true=fb["true"], feedback_false=fb["false"]
        )
    if kind == "order":
        items = [OrderItem.model_construct(id=i["id"], text=_localized(i["text"])) for i in item["items"]]
        return OrderQuestion.model_construct(**common, items=items)
    if kind == "match":
        # each left is shown with some right text: the order of the rights says nothing
        pairs = [
            MatchPair.model_construct(id=p["id"], left=_localized(p["text"]), right=_localized(r["text"]))
            for p, r in zip(item["lefts"], item["rights"], strict=True)
        ]
        rights = [(r["id"], _localized(r["text"])) for r in item["rights"]]
        return StudentMatchQuestion.model_construct(**common, pairs=pairs, right_options=rights)
    if kind == "numeric":
        unit = _localized(item["unit"]) if item.get("unit") else None
        return StudentNumericQuestion.model_construct(
            **common, answer=0.0, tolerance=0.0, unit=unit, decimals=item.get("decimals", 0)
        )
    if kind == "text":
        return TextQuestion.model_construct(**common, accepted={"en": [], "ja": []})
    raise ValueError(f"unknown question type {kind!r}")


class HashedAnswerKey:
    """Checks answers against the salted hashes of a student file (practice mode)."""

    def __init__(self, data: dict[str, Any], questions: dict[str, Any], lang: str):
        self.salt = data["salt"]
        self.keys = {q["id"]: set(q["key"]) for q in data["questions"]}
        self.questions = questions
        self.lang = lang

    def check(self, question_id: str, answer: object) -> Result:
        q = self.questions[question_id]
        if answer is None or answer == [] or answer == {} or answer == "":
            return Result(question_id, "unanswered", 0.0, q.points)
        if q.type == "match":
            ok = isinstance(answer, Mapping) and all(isinstance(v, str) for v in answer.values())
            problem = None if ok else "expected a mapping of left pair ids to right ids"
        else:
            problem = answer_problem(q, answer)
        if problem is not None:
            return Result(question_id, "invalid", 0.0, q.points, problem=problem)
        form = canonical(q, answer)
        right = form is not None and _digest(self.salt, question_id, form) in self.keys[question_id]
        feedback = None
        if q.type == "single":
            feedback = next((c.feedback for c in q.choices if c.id == answer), None)
        elif q.type == "true_false":
            feedback = q.feedback_true if answer else q.feedback_false
        return Result(
            question_id, "correct" if right else "wrong", float(q.points) if right else 0.0, q.points, feedback=feedback
        )


class NoAnswerKey:
    """Exam mode: nothing to check against; the widget never asks."""

    def check(self, question_id: str, answer: object) -> Result:
        raise RuntimeError("an exam-mode student quiz has no answer key")


def load_student_quiz(path: Path, lang: str = "en") -> tuple[Quiz, Any, dict[str, Any]]:
    """The quiz model (answers blanked), its answer key and the file's data."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a lessonkit student quiz ({FORMAT})")
    salt = data.get("salt")
    questions = [_question(item, salt) for item in data["questions"]]
    quiz = Quiz.model_construct(
        id=data["quiz"], title=_localized(data["title"]), mode=data["mode"], questions=questions
    )
    key = HashedAnswerKey(data, {q.id: q for q in questions}, lang) if salt else NoAnswerKey()
    return quiz, key, data


__all__ = [
    "FORMAT",
    "HashedAnswerKey",
    "build_student_quiz",
    "load_student_quiz",
    "opaque_id",
    "real_match_answer",
    "student_quiz_path",
]
