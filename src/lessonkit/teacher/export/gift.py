"""Moodle's GIFT text format: one question per paragraph, answers in braces.

Written to Moodle's own reader (``question/format/gift/format.php``): every special
character ``\\ ~ = # { } :`` is escaped with a backslash and newlines are written ``\\n``,
because Moodle finds the answer block by the first unescaped brace and splits answers
on unescaped ``~``/``=``. Texts a student reads are ``[html]`` with HTML escaped, so
``<script>`` shows as typed and a left-hand match text may contain ``->``; accepted short
answers and the right-hand sides of matches are plain, as Moodle stores them.
"""

from __future__ import annotations

import re

from lessonkit.content.base import Localized
from lessonkit.content.quiz import Question, Quiz
from lessonkit.quizzes.types.export import (
    ChoiceForm,
    ExportForm,
    NumberForm,
    PairsForm,
    ShortAnswerForm,
    TrueFalseForm,
)
from lessonkit.teacher.export.common import Context, Meta, html, multiple_weights, number

_SPECIAL = re.compile(r"([\\~=#{}:])")


def escape(text: str) -> str:
    """Text safe anywhere in GIFT: specials backslashed, line breaks as ``\\n``."""
    text = _SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\n", r"\n")


def rich(text: str) -> str:
    """Student-facing text in the question's ``[html]`` format.

    A leading ``%`` or ``[`` becomes an entity: Moodle would read it as a weight or a format.
    """
    out = html(text)
    if out[:1] in ("%", "["):
        out = f"&#{ord(out[0])};" + out[1:]
    return escape(out)


def plain(text: str) -> str:
    """A plain answer (short answer, right side of a match); a leading ``%`` gets an explicit weight."""
    return ("%100%" if text.startswith("%") else "") + escape(text)


def _feedback(ctx: Context, value: Localized | None) -> str:
    text = ctx.text(value)
    return f"#{rich(text)}" if text else ""


class _Answers:
    """The answer part of each form (``ExportForm.kind``): lines inside the braces, or one inline string."""

    @staticmethod
    def choices(q: Question, form: ChoiceForm, ctx: Context) -> list[str]:
        if not form.multiple:
            return [
                f"{'=' if c.correct else '~'}{rich(ctx.text(c.text))}{_feedback(ctx, c.feedback)}" for c in form.choices
            ]
        weights = multiple_weights(q, form, ctx)
        pairs = zip(form.choices, weights, strict=True)
        return [f"~%{w}%{rich(ctx.text(c.text))}{_feedback(ctx, c.feedback)}" for c, w in pairs]

    @staticmethod
    def pairs(q: Question, form: PairsForm, ctx: Context) -> list[str]:
        return [f"={rich(left)} -> {plain(right)}" for left, right in ctx.pairs(q, form)]

    @staticmethod
    def short_answer(q: Question, form: ShortAnswerForm, ctx: Context) -> list[str]:
        accepted = ctx.accepted(q, form)
        if any("->" in a for a in accepted):  # GIFT has no escape for it
            ctx.note(q.id, "an accepted answer contains '->', which Moodle reads as matching: use moodle-xml")
        return [f"={plain(a)}" for a in accepted]

    @staticmethod
    def true_false(q: Question, form: TrueFalseForm, ctx: Context) -> str:
        right, wrong = (
            (form.feedback_true, form.feedback_false) if form.answer else (form.feedback_false, form.feedback_true)
        )
        right_text, wrong_text = ctx.text(right), ctx.text(wrong)
        # Moodle reads {TRUE#feedback if wrong#feedback if right}.
        out = "TRUE" if form.answer else "FALSE"
        if wrong_text or right_text:
            out += f"#{rich(wrong_text)}" if wrong_text else "#"
        if right_text:
            out += f"#{rich(right_text)}"
        return out

    @staticmethod
    def number(q: Question, form: NumberForm, ctx: Context) -> str:
        return f"#{number(form.value)}:{number(form.tolerance)}"


def question(q: Question, form: ExportForm, ctx: Context) -> str:
    """One paragraph: ``::id::[html]prompt {answers ####explanation}``, with no blank line inside."""
    head = f"::{escape(q.id)}::[html]{rich(ctx.prompt(q, form))}"
    general = f"####{rich(ctx.text(q.explanation))}"
    if q.points != 1:
        ctx.note(q.id, f"{ctx.label} has no marks per question; set this one to {q.points} in Moodle")
    answers = getattr(_Answers, form.kind)(q, form, ctx)
    if isinstance(answers, str):  # true/false and numbers sit on the prompt's line
        return f"{head} {{{answers} {general}}}"
    lines = "".join(f"\t{a}\n" for a in answers)
    return f"{head} {{\n{lines}\t{general}\n}}"


def category_line(meta: Meta) -> str:
    """Moodle's category switch; a ``/`` inside a name is doubled, as Moodle splits paths on ``/``."""
    names = [re.sub(r"\s+", " ", name).replace("/", "//") for name in meta.path]
    return "$CATEGORY: $course$/top/" + "/".join(names)


def export(quiz: Quiz, ctx: Context, meta: Meta) -> str:
    """The file: a comment and Moodle's category switch, then the questions, blank lines between."""
    blocks = [f"// lessonkit quiz {meta.stem} ({ctx.lang})\n{category_line(meta)}"]
    blocks += [question(q, form, ctx) for q, form in ctx.questions(quiz)]
    return "\n\n".join(blocks) + "\n"
