"""Moodle XML: the question-bank format Moodle itself exports, with grades and all feedback.

Elements follow Moodle's ``question/format/xml/format.php`` and, for ``ordering``,
``question/type/ordering``. The tree is built with ElementTree, so every text is
XML-escaped; texts a student reads are HTML (``format="html"``) with HTML escaped,
while accepted short answers and the right-hand sides of matches are plain, as Moodle
stores them. An order question is written as ``matching`` unless asked for
``ordering``: that type is standard only in recent Moodle and a plugin before.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

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

Element = ET.Element
sub = ET.SubElement


def _text(parent: Element, tag: str, text: str, fmt: str | None = "html") -> Element:
    """``<tag format="html"><text>…</text></tag>``: Moodle's shape for every text field."""
    el = sub(parent, tag, {"format": fmt} if fmt else {})
    sub(el, "text").text = text
    return el


def _answer(parent: Element, fraction: str, text: str, feedback: str = "", fmt: str = "html") -> Element:
    el = _text(parent, "answer", text, fmt)
    el.set("fraction", fraction)
    _text(el, "feedback", feedback)
    return el


def _head(kind: str, q: Question, form: ExportForm, ctx: Context) -> Element:
    el = Element("question", {"type": kind})
    _text(el, "name", q.id, None)
    _text(el, "questiontext", html(ctx.prompt(q, form)))
    _text(el, "generalfeedback", html(ctx.text(q.explanation)))
    sub(el, "defaultgrade").text = str(q.points)
    sub(el, "hidden").text = "0"
    return el


class _Questions:
    """One ``<question>`` per form (``ExportForm.kind``), of the Moodle type the form names."""

    def __init__(self, order_as: str = "matching"):
        self.order_as = order_as

    def choices(self, q: Question, form: ChoiceForm, ctx: Context) -> Element:
        el = _head(form.moodle, q, form, ctx)
        sub(el, "single").text = "false" if form.multiple else "true"
        sub(el, "shuffleanswers").text = "true"  # lessonkit shows choices shuffled too
        sub(el, "answernumbering").text = "abc"
        if form.multiple:
            weights = multiple_weights(q, form, ctx)
        else:
            weights = ["100" if c.correct else "0" for c in form.choices]
        for c, weight in zip(form.choices, weights, strict=True):
            _answer(el, weight, html(ctx.text(c.text)), html(ctx.text(c.feedback)))
        return el

    def true_false(self, q: Question, form: TrueFalseForm, ctx: Context) -> Element:
        el = _head(form.moodle, q, form, ctx)
        for value, feedback in ((True, form.feedback_true), (False, form.feedback_false)):
            fraction = "100" if value == form.answer else "0"
            _answer(el, fraction, "true" if value else "false", html(ctx.text(feedback)), "moodle_auto_format")
        return el

    def pairs(self, q: Question, form: PairsForm, ctx: Context) -> Element:
        if form.ordered and self.order_as == "ordering":
            return self.ordering(q, form, ctx)
        el = _head(form.moodle, q, form, ctx)
        # Positions stay 1, 2, …; Moodle shuffles the choices offered for them anyway.
        sub(el, "shuffleanswers").text = "false" if form.ordered else "true"
        for left, right in ctx.pairs(q, form):
            item = _text(el, "subquestion", html(left))
            _text(item, "answer", right, None)
        return el

    def ordering(self, q: Question, form: PairsForm, ctx: Context) -> Element:
        ctx.note(q.id, f"{ctx.label}: exported as Moodle's ordering type (standard in recent Moodle, a plugin before)")
        el = _head("ordering", q, form, ctx)
        for tag, value in (
            ("layouttype", "VERTICAL"),
            ("selecttype", "ALL"),
            ("selectcount", str(len(form.ordered))),
            ("gradingtype", "ALL_OR_NOTHING"),  # as lessonkit scores it
            ("showgrading", "SHOW"),
            ("numberingstyle", "none"),
        ):
            sub(el, tag).text = value
        for n, text in enumerate(form.ordered, 1):
            _answer(el, str(n), html(ctx.text(text)))
        return el

    def number(self, q: Question, form: NumberForm, ctx: Context) -> Element:
        el = _head(form.moodle, q, form, ctx)
        answer = _answer(el, "100", number(form.value), fmt="moodle_auto_format")
        sub(answer, "tolerance").text = number(form.tolerance)
        for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0.1"), ("showunits", "3"), ("unitsleft", "0")):
            sub(el, tag).text = value  # showunits 3: units are not used, the number alone is graded
        return el

    def short_answer(self, q: Question, form: ShortAnswerForm, ctx: Context) -> Element:
        el = _head(form.moodle, q, form, ctx)
        sub(el, "usecase").text = "0"
        for text in ctx.accepted(q, form):
            _answer(el, "100", text, fmt="moodle_auto_format")
        return el


def question(q: Question, form: ExportForm, ctx: Context, order_as: str = "matching") -> Element:
    """One ``<question>`` of the Moodle type closest to the lessonkit one."""
    return getattr(_Questions(order_as), form.kind)(q, form, ctx)


def category(meta: Meta, ctx: Context) -> Element:
    """A category question: Moodle files the questions that follow under this path."""
    el = Element("question", {"type": "category"})
    names = [ctx.text(name).replace("/", "//") for name in meta.path]
    _text(el, "category", "$course$/top/" + "/".join(names), None)
    return el


def export(quiz: Quiz, ctx: Context, meta: Meta, order_as: str = "matching") -> str:
    """``<quiz>``: a category question, then one question per lessonkit question, in order."""
    root = Element("quiz")
    root.append(category(meta, ctx))
    root.extend(question(q, form, ctx, order_as) for q, form in ctx.questions(quiz))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
