"""The quiz as a student's copy holds it: its own frozen models, never authoring models with holes.

A student copy (``lessonkit assign``, see ``student_file``) carries what a student sees and,
in practice mode, what checking needs: salted hashes of the right answers (``key``) and
the feedback and explanations, encoded in the file and decoded here. It never carries the
right answers themselves, so these models have no field for them: a ``StudentQuestion``
cannot be graded by reading it, only through ``student_file.HashedAnswerKey``.

Each question type defines its own ``StudentQuestion`` subclass beside its behaviour
(``quizzes.types.<type>``); this module holds what they share and the text codec
(``Encoder`` for writing a copy, ``Decoder`` for reading one).
"""

from __future__ import annotations

import base64
import hashlib
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from lessonkit.content.base import Localized
from lessonkit.content.quiz import Links

__all__ = [
    "Decoder",
    "Encoder",
    "StudentOption",
    "StudentQuestion",
    "StudentQuiz",
    "digest",
    "localized",
    "plain_text",
]


def digest(salt: str, question: str, form: str) -> str:
    """The salted hash of one canonical answer form, as the key holds it."""
    return hashlib.sha256(f"{salt}\x1f{question}\x1f{form}".encode()).hexdigest()


def _stream(salt: str, label: str, lang: str, n: int) -> bytes:
    return hashlib.shake_256(f"{salt}\x1f{label}\x1f{lang}".encode()).digest(n)


def plain_text(value: Localized) -> dict[str, str]:
    """A text as the file stores what a student sees: ``{"en": ..., "ja": ...}``."""
    return {"en": value.en, "ja": value.ja}


def localized(value: Mapping[str, str]) -> Localized:
    return Localized.model_construct(en=value["en"], ja=value["ja"])


@dataclass(frozen=True)
class Encoder:
    """Writing one question of a student copy: plain texts, encoded secrets, its seeded shuffle."""

    salt: str
    question: str
    practice: bool
    where: tuple[str, str, str]
    """(course, lesson, quiz): what a match question's opaque ids are derived from."""
    rng: random.Random

    text = staticmethod(plain_text)

    def secret(self, label: str, value: Localized | None) -> dict[str, str] | None:
        """Feedback or an explanation, XOR-ed with a stream of the salt (readable only through ``Decoder``)."""
        if value is None:
            return None
        out = {}
        for lang in ("en", "ja"):
            data = getattr(value, lang).encode()
            stream = _stream(self.salt, f"{self.question}:{label}", lang, len(data))
            out[lang] = base64.b64encode(bytes(a ^ b for a, b in zip(data, stream, strict=True))).decode()
        return out


@dataclass(frozen=True)
class Decoder:
    """Reading one question of a student copy; ``salt`` is None in exam copies, which hold no secrets."""

    salt: str | None
    question: str

    text = staticmethod(localized)

    def secret(self, label: str, value: Mapping[str, str] | None) -> Localized | None:
        if value is None or self.salt is None:
            return None
        texts = {}
        for lang in ("en", "ja"):
            data = base64.b64decode(value[lang])
            stream = _stream(self.salt, f"{self.question}:{label}", lang, len(data))
            texts[lang] = bytes(a ^ b for a, b in zip(data, stream, strict=True)).decode()
        return Localized.model_construct(en=texts["en"], ja=texts["ja"])


@dataclass(frozen=True)
class StudentOption:
    """Something a student picks or places: a choice (with its feedback, practice only), an item, a side of a match."""

    id: str
    text: Localized
    feedback: Localized | None = None


@dataclass(frozen=True, kw_only=True)
class StudentQuestion:
    """What every question of a student copy has; the types add their own fields."""

    type: ClassVar[str] = ""
    id: str
    points: int
    prompt: Localized
    explanation: Localized | None = None
    """None in exam copies."""
    links: Links = field(default_factory=Links)
    key: frozenset[str] = frozenset()
    """Salted hashes of every right answer's canonical form; empty in exam copies."""


@dataclass(frozen=True, kw_only=True)
class StudentQuiz:
    """A student copy of one quiz: what the quiz widget shows and ``HashedAnswerKey`` checks."""

    id: str
    title: Localized
    mode: str
    course: str
    lesson: str
    questions: tuple[StudentQuestion, ...]
    salt: str | None = None
    """The hashes' and encodings' salt; None in exam copies."""

    @property
    def total_points(self) -> int:
        return sum(q.points for q in self.questions)

    def question(self, question_id: str) -> StudentQuestion:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)
