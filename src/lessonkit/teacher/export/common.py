"""What the LMS formats share: one language's text, and the conversions a format forces.

Format modules read each question as the neutral form its type gives
(``quizzes.types.export``: choices, true/false, pairs, a number, short answers), through
a ``Context`` that converts it, so a conversion (an order question sent as matching, a
unit moved into the prompt) is made the same way in every format and is always reported
as a note: a teacher must learn from the export itself where the LMS will behave
differently from lessonkit. No format module asks what type a question is.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from lessonkit.content.base import Localized
from lessonkit.content.quiz import Question, Quiz
from lessonkit.quizzes.types import behaviour
from lessonkit.quizzes.types.export import ChoiceForm, ExportForm, PairsForm, ShortAnswerForm
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import ui
from lessonkit.text.words import table

T = TypeVar("T")

UI = table("export")

# Characters XML 1.0 cannot carry at all (not even escaped).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Moodle imports only grades from its own list (question_bank::fraction_options_full),
# on which 1/k appears for k up to 10.
_MOODLE_MAX_SHARES = 10


@dataclass(frozen=True)
class ExportResult:
    """A quiz file: its content (``bytes`` for zip formats), a file name to suggest, and notes.

    ``notes`` lists every conversion the format forced, one line per question concerned,
    for the teacher to read before importing.
    """

    content: str | bytes
    filename: str
    notes: list[str]
    format: str


@dataclass(frozen=True)
class Meta:
    """Where the quiz comes from: names the file, the Moodle category and the Canvas quiz."""

    title: str
    stem: str
    course_id: str | None = None
    lesson_id: str | None = None
    path: tuple[str, ...] = ()


@dataclass
class Context:
    """One export: the language, the format's name for notes, and the notes so far."""

    lang: str
    label: str
    xml: bool = False
    notes: list[str] = field(default_factory=list)
    current: str = ""

    def questions(self, quiz: Quiz) -> Iterator[tuple[Question, ExportForm]]:
        """The quiz's questions with their forms, remembering which one is being written (for notes)."""
        for q in quiz.questions:
            self.current = q.id
            yield q, behaviour(q).export_form(q, self.lang)

    def note(self, question_id: str, message: str) -> None:
        line = f"{question_id}: {message}"
        if line not in self.notes:
            self.notes.append(line)

    def text(self, value: Localized | str | None) -> str:
        """Text in the export's language; XML formats get a character XML cannot hold replaced."""
        text = "" if value is None else value if isinstance(value, str) else value.get(self.lang)
        if self.xml and _NOT_XML.search(text):
            self.note(self.current, "a control character XML cannot hold was replaced with U+FFFD")
            text = _NOT_XML.sub("\ufffd", text)
        return text

    def ui(self, key: str, **values: object) -> str:
        return ui(UI, key, self.lang, **values)

    def prompt(self, q: Question, form: ExportForm) -> str:
        """The prompt; a unit (a numeric question's) follows it, since no LMS format here grades units."""
        prompt = self.text(q.prompt)
        if form.unit is not None:
            unit = self.text(form.unit)
            self.note(
                q.id, f"{self.label} gets no unit: '{unit}' is shown after the prompt; the number alone is graded"
            )
            return self.ui("with_unit", prompt=prompt, unit=unit)
        return prompt

    def pairs(self, q: Question, form: PairsForm) -> list[tuple[str, str]]:
        """(left, right) texts; an ordering arrives as positions 1, 2, … matched to items."""
        if form.ordered:
            self.note(
                q.id,
                f"{self.label} has no ordering type; exported as matching of position numbers to items "
                "(scored per pair, not all-or-nothing)",
            )
        else:
            self.note(q.id, f"{self.label} scores matching per pair (part marks); lessonkit scores all-or-nothing")
        return [(self.text(left), self.text(right)) for left, right in form.pairs]

    def accepted(self, q: Question, form: ShortAnswerForm) -> list[str]:
        """The accepted short answers of the export's language only (the other language's are not right here)."""
        self.note(
            q.id,
            f"{self.label} compares short answers at most ignoring case; lessonkit also ignores width, "
            "kana script and punctuation, so list the variants students type under accepted",
        )
        return [self.text(a) for a in form.accepted]


def html(text: str) -> str:
    """Plain content text as HTML, so ``<script>`` shows as typed and is never run."""
    return esc(text).replace("\r\n", "\n").replace("\n", "<br>")


def number(value: float) -> str:
    """A number as LMSs read it: ``3`` not ``3.0``, ``0.0000001`` not ``1e-07``."""
    text = format(Decimal(repr(float(value))).normalize(), "f")
    return "0" if text == "-0" else text


def percent(value: float) -> str:
    """A Moodle answer weight: at most 5 decimals, as Moodle writes 33.33333."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def multiple_weights(q: Question, form: ChoiceForm, ctx: Context) -> list[str]:
    """Moodle weights for a multiple-answer question: right choices share 100%, a wrong one costs 100%.

    Moodle has no all-or-nothing multiple-answer type in core; these weights come closest
    (any wrong choice brings the mark to 0), and the difference is noted.
    """
    right = sum(c.correct for c in form.choices)
    share = 100 / right
    ctx.note(
        q.id,
        f"{ctx.label} scores multiple answers per choice (+{percent(share)}% each right, -100% each wrong); "
        "lessonkit scores all-or-nothing",
    )
    if right > _MOODLE_MAX_SHARES:
        ctx.note(q.id, f"{percent(share)}% is not one of Moodle's grades: choose 'nearest grade' when importing")
    return [percent(share) if c.correct else "-100" for c in form.choices]


def shuffled(items: Sequence[T], key: str) -> list[T]:
    """Items in an order fixed by ``key`` and never the given one, which would give the answer away."""
    out = list(items)
    random.Random(key).shuffle(out)
    if len(out) > 1 and out == list(items):
        out = out[1:] + out[:1]
    return out
