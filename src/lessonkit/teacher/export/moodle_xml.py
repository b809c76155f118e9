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

from lessonkit.content.quiz import (
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderQuestion,
    Question,
    Quiz,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
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


def _head(kind: str, q: Question, ctx: Context) -> Element:
    el = Element("question", {"type": kind})
    _text(el, "name", q.id, None)
    _text(el, "questiontext", html(ctx.prompt(q)))
    _text(el, "generalfeedback", html(ctx.text(q.explanation)))
    sub(el, "defaultgrade").text = str(q.points)
    sub(el, "hidden").text = "0"
    return el


def _choices(q: SingleQuestion | MultipleQuestion, ctx: Context) -> Element:
    el = _head("multichoice", q, ctx)
    sub(el, "single").text = "true" if isinstance(q, SingleQuestion) else "false"
    sub(el, "shuffleanswers").text = "true"  # lessonkit shows choices shuffled too
    sub(el, "answernumbering").text = "abc"
    if isinstance(q, SingleQuestion):
        weights = ["100" if c.correct else "0" for c in q.choices]
    else:
        weights = multiple_weights(q, ctx)
    for c, weight in zip(q.choices, weights, strict=True):
        _answer(el, weight, html(ctx.text(c.text)), html(ctx.text(c.feedback)))
    return el


def _true_false(q: TrueFalseQuestion, ctx: Context) -> Element:
    el = _head("truefalse", q, ctx)
    for value, feedback in ((True, q.feedback_true), (False, q.feedback_false)):
        fraction = "100" if value == q.answer else "0"
        _answer(el, fraction, "true" if value else "false", html(ctx.text(feedback)), "moodle_auto_format")
    return el


def _matching(q: MatchQuestion | OrderQuestion, ctx: Context) -> Element:
    el = _head("matching", q, ctx)
    # Positions stay 1, 2, …; Moodle shuffles the choices offered for them anyway.
    sub(el, "shuffleanswers").text = "false" if isinstance(q, OrderQuestion) else "true"
    for left, right in ctx.pairs(q):
        item = _text(el, "subquestion", html(left))
        _text(item, "answer", right, None)
    return el


def _ordering(q: OrderQuestion, ctx: Context) -> Element:
    ctx.note(q.id, f"{ctx.label}: exported as Moodle's ordering type (standard in recent Moodle, a plugin before)")
    el = _head("ordering", q, ctx)
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", str(len(q.items))),
        ("gradingtype", "ALL_OR_NOTHING"),  # as lessonkit scores it
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        sub(el, tag).text = value
    for n, item in enumerate(q.items, 1):
        _answer(el, str(n), html(ctx.text(item.text)))
    return el


def _numerical(q: NumericQuestion, ctx: Context) -> Element:
    el = _head("numerical", q, ctx)
    answer = _answer(el, "100", number(q.answer), fmt="moodle_auto_format")
    sub(answer, "tolerance").text = number(q.tolerance)
    for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0.1"), ("showunits", "3"), ("unitsleft", "0")):
        sub(el, tag).text = value  # showunits 3: units are not used, the number alone is graded
    return el


def _short(q: TextQuestion, ctx: Context) -> Element:
    el = _head("shortanswer", q, ctx)
    sub(el, "usecase").text = "0"
    for text in ctx.accepted(q):
        _answer(el, "100", text, fmt="moodle_auto_format")
    return el


def question(q: Question, ctx: Context, order_as: str = "matching") -> Element:
    """One ``<question>`` of the Moodle type closest to the lessonkit one."""
    if isinstance(q, SingleQuestion | MultipleQuestion):
        return _choices(q, ctx)
    if isinstance(q, TrueFalseQuestion):
        return _true_false(q, ctx)
    if isinstance(q, OrderQuestion) and order_as == "ordering":
        return _ordering(q, ctx)
    if isinstance(q, MatchQuestion | OrderQuestion):
        return _matching(q, ctx)
    if isinstance(q, NumericQuestion):
        return _numerical(q, ctx)
    if isinstance(q, TextQuestion):
        return _short(q, ctx)
    raise TypeError(q.type)  # pragma: no cover


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
    root.extend(question(q, ctx, order_as) for q in ctx.questions(quiz))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
