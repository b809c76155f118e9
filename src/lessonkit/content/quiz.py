"""Quiz questions: one model per question type, chosen by ``type``.

Each type checks at load time that it has a right answer, so a quiz can never ship a
question nobody can get right.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from lessonkit.content.base import Id, Localized, Model


class Links(Model):
    """What explains the answer: event ids and stance keys (``party:issue``)."""

    events: list[Id] = []
    stances: list[Annotated[str, Field(pattern=r"^[a-z0-9_-]+:[a-z0-9_-]+$")]] = []


class _Question(Model):
    id: Id
    prompt: Localized
    explanation: Localized
    points: int = Field(default=1, ge=1, le=100)
    links: Links = Links.model_construct()  # not Links(): that would build a validator at import (defer_build)


class Choice(Model):
    id: Id
    text: Localized
    correct: bool = False
    feedback: Localized | None = None


def _unique_ids(items: list, what: str) -> None:
    ids = [i.id for i in items]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"{what} ids must be unique; repeated: {', '.join(dupes)}")


class SingleQuestion(_Question):
    type: Literal["single"]
    choices: list[Choice] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleQuestion:
        _unique_ids(self.choices, "choice")
        n = sum(c.correct for c in self.choices)
        if n != 1:
            raise ValueError(f"a single-choice question needs exactly one correct choice, found {n}")
        return self


class MultipleQuestion(_Question):
    type: Literal["multiple"]
    choices: list[Choice] = Field(min_length=2)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleQuestion:
        _unique_ids(self.choices, "choice")
        if not any(c.correct for c in self.choices):
            raise ValueError("a multiple-choice question needs at least one correct choice")
        return self


class TrueFalseQuestion(_Question):
    type: Literal["true_false"]
    answer: bool
    feedback_true: Localized | None = None
    feedback_false: Localized | None = None


class OrderItem(Model):
    id: Id
    text: Localized


class OrderQuestion(_Question):
    """Items are listed in the correct order; the quiz shuffles them with a seed."""

    type: Literal["order"]
    items: list[OrderItem] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique(self) -> OrderQuestion:
        _unique_ids(self.items, "item")
        return self


class MatchPair(Model):
    id: Id
    left: Localized
    right: Localized


class MatchQuestion(_Question):
    """Each left item matches the right item of the same pair."""

    type: Literal["match"]
    pairs: list[MatchPair] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique(self) -> MatchQuestion:
        _unique_ids(self.pairs, "pair")
        return self


class NumericQuestion(_Question):
    type: Literal["numeric"]
    answer: float
    tolerance: float = Field(default=0, ge=0)
    unit: Localized | None = None


class TextQuestion(_Question):
    """Short text; ``accepted`` lists the answers taken as right, per language."""

    type: Literal["text"]
    accepted: dict[Literal["en", "ja"], list[Annotated[str, Field(min_length=1)]]]

    @model_validator(mode="after")
    def _both_languages(self) -> TextQuestion:
        for lang in ("en", "ja"):
            if not self.accepted.get(lang):
                raise ValueError(f"a text question needs at least one accepted answer in '{lang}'")
        return self


Question = Annotated[
    SingleQuestion
    | MultipleQuestion
    | TrueFalseQuestion
    | OrderQuestion
    | MatchQuestion
    | NumericQuestion
    | TextQuestion,
    Field(discriminator="type"),
]

QUESTION_TYPES = ("single", "multiple", "true_false", "order", "match", "numeric", "text")


class Quiz(Model):
    id: Id
    title: Localized
    mode: Literal["practice", "exam"] = "practice"
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Quiz:
        _unique_ids(self.questions, "question")
        return self

    @property
    def total_points(self) -> int:
        return sum(q.points for q in self.questions)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)
