"""What a question becomes in an LMS file, said without any format: the forms the format writers render.

A question type describes each question as one of five forms: choices with the right ones
marked, a true/false statement, pairs to match, a number with a tolerance, or accepted
short answers. The writers in ``lessonkit.teacher.export`` (GIFT, Moodle XML, Canvas QTI)
render a form, never a question type, and report every conversion a format forces. Texts
stay ``Localized`` (or plain ``str``); the writers choose the language and escape.

Each form names itself in the LMSs' own words (``moodle``: Moodle's question type;
``qti``: Canvas's ``question_type``). A new question type picks the form closest to it;
a new form needs a method in each writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from lessonkit.content.base import Localized

__all__ = ["ChoiceForm", "ExportChoice", "ExportForm", "NumberForm", "PairsForm", "ShortAnswerForm", "TrueFalseForm"]

Text = Localized | str


@dataclass(frozen=True, kw_only=True)
class ExportForm:
    kind: ClassVar[str]
    """The writers' method for this form: ``choices``, ``true_false``, ``pairs``, ``number``, ``short_answer``."""
    moodle: ClassVar[str]
    qti: ClassVar[str]
    unit: Localized | None = None
    """A unit no LMS here grades: the writers show it after the prompt."""


@dataclass(frozen=True)
class ExportChoice:
    text: Text
    correct: bool
    feedback: Localized | None = None


@dataclass(frozen=True, kw_only=True)
class ChoiceForm(ExportForm):
    """Choices, one right (``multiple=False``) or some right (Moodle weights them, Canvas gives part marks)."""

    kind: ClassVar[str] = "choices"
    moodle: ClassVar[str] = "multichoice"
    choices: tuple[ExportChoice, ...]
    multiple: bool = False

    @property
    def qti(self) -> str:  # type: ignore[override]
        return "multiple_answers_question" if self.multiple else "multiple_choice_question"


@dataclass(frozen=True, kw_only=True)
class TrueFalseForm(ExportForm):
    kind: ClassVar[str] = "true_false"
    moodle: ClassVar[str] = "truefalse"
    qti: ClassVar[str] = "true_false_question"
    answer: bool
    feedback_true: Localized | None = None
    feedback_false: Localized | None = None


@dataclass(frozen=True, kw_only=True)
class PairsForm(ExportForm):
    """Left texts each matched to one right text; scored per pair by the LMSs.

    ``ordered`` (the items in their right order) marks an ordering sent as matching of
    positions 1, 2, … to items; Moodle XML can write it as its own ordering type instead.
    """

    kind: ClassVar[str] = "pairs"
    moodle: ClassVar[str] = "matching"
    qti: ClassVar[str] = "matching_question"
    pairs: tuple[tuple[Text, Text], ...]
    ordered: tuple[Localized, ...] = ()


@dataclass(frozen=True, kw_only=True)
class NumberForm(ExportForm):
    kind: ClassVar[str] = "number"
    moodle: ClassVar[str] = "numerical"
    qti: ClassVar[str] = "numerical_question"
    value: float
    tolerance: float = 0.0


@dataclass(frozen=True, kw_only=True)
class ShortAnswerForm(ExportForm):
    """Accepted answers in the export's language, compared by the LMS at most ignoring case."""

    kind: ClassVar[str] = "short_answer"
    moodle: ClassVar[str] = "shortanswer"
    qti: ClassVar[str] = "short_answer_question"
    accepted: tuple[str, ...]
