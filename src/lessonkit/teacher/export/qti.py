"""QTI 1.2 as Canvas reads it: a zip of ``imsmanifest.xml`` and one assessment file.

Items follow what Canvas itself exports (``lib/cc/qti/qti_items.rb`` in canvas-lms):
``question_type`` and ``points_possible`` in ``itemmetadata``, choices in
``response_lid``/``render_choice``, text and numbers in ``response_str``/``render_fib``,
a ``SCORE`` of 100 set by the right ``respcondition``, matching as one ``response_lid``
per left item adding 100/n per right pair, and feedback as ``itemfeedback`` shown by a
``displayfeedback``: ``general_fb`` for the explanation, ``<ident>_fb`` per answer.
Answer idents are numbers unique in the file, as in Canvas's own files; the right-hand
sides of a match are offered in a fixed shuffled order so their order never gives the
pairs away.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from itertools import count

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
from lessonkit.teacher.export.common import Context, Meta, html, number, shuffled

Element = ET.Element
sub = ET.SubElement

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _mattext(parent: Element, text: str, rich: bool = True) -> Element:
    material = sub(parent, "material")
    el = sub(material, "mattext", {"texttype": "text/html" if rich else "text/plain"})
    el.text = text
    return el


def _condition(parent: Element, continue_: str, test: Element | None, *, score: str = "", feedback: str = "") -> None:
    rc = sub(parent, "respcondition", {"continue": continue_})
    cond = sub(rc, "conditionvar")
    cond.append(test if test is not None else Element("other"))
    if score:
        sub(rc, "setvar", {"action": "Set", "varname": "SCORE"}).text = score
    if feedback:
        sub(rc, "displayfeedback", {"feedbacktype": "Response", "linkrefid": feedback})


def _varequal(value: str, respident: str = "response1") -> Element:
    el = Element("varequal", {"respident": respident})
    el.text = value
    return el


class _Item:
    """One ``<item>`` being built: its presentation, its scoring and its feedback texts."""

    def __init__(self, q: Question, form: ExportForm, ctx: Context, ident: str, ids: Iterator[int]):
        self.ctx, self.ids = ctx, ids  # answer idents: numbers unique in the file, as Canvas writes them
        self.el = Element("item", {"ident": ident, "title": q.id})
        self.meta = sub(sub(self.el, "itemmetadata"), "qtimetadata")
        self.field("question_type", form.qti)
        self.field("points_possible", str(q.points))
        self.presentation = sub(self.el, "presentation")
        _mattext(self.presentation, html(ctx.prompt(q, form)))
        self.scoring = sub(self.el, "resprocessing")
        outcomes = sub(self.scoring, "outcomes")
        sub(outcomes, "decvar", {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"})
        self.feedback: dict[str, str] = {}
        self.add_feedback("general_fb", ctx.text(q.explanation))
        _condition(self.scoring, "Yes", None, feedback="general_fb")

    def field(self, label: str, entry: str) -> None:
        f = sub(self.meta, "qtimetadatafield")
        sub(f, "fieldlabel").text = label
        sub(f, "fieldentry").text = entry

    def add_feedback(self, ident: str, text: str) -> bool:
        if text:
            self.feedback[ident] = text
        return bool(text)

    def choices(self, labels: list[tuple[str, Localized | None]], cardinality: str = "Single") -> list[str]:
        """A ``render_choice`` of texts, each showing its own feedback when chosen; returns their idents."""
        lid = sub(self.presentation, "response_lid", {"ident": "response1", "rcardinality": cardinality})
        render = sub(lid, "render_choice")
        idents = []
        for text, feedback in labels:
            ident = str(next(self.ids))
            _mattext(sub(render, "response_label", {"ident": ident}), html(text))
            if self.add_feedback(f"{ident}_fb", self.ctx.text(feedback)):
                _condition(self.scoring, "Yes", _varequal(ident), feedback=f"{ident}_fb")
            idents.append(ident)
        self.field("original_answer_ids", ",".join(idents))
        return idents

    def finish(self) -> Element:
        for ident, text in self.feedback.items():
            fb = sub(self.el, "itemfeedback", {"ident": ident})
            _mattext(sub(fb, "flow_mat"), html(text))
        return self.el


class _Writers:
    """The item body and scoring of each form (``ExportForm.kind``), as Canvas writes its own."""

    @staticmethod
    def choices(item: _Item, q: Question, form: ChoiceForm) -> None:
        labels = [(item.ctx.text(c.text), c.feedback) for c in form.choices]
        idents = item.choices(labels, "Multiple" if form.multiple else "Single")
        if not form.multiple:
            right = next(i for i, c in zip(idents, form.choices, strict=True) if c.correct)
            _condition(item.scoring, "No", _varequal(right), score="100")
            return
        both = Element("and")
        for ident, c in zip(idents, form.choices, strict=True):
            (both if c.correct else sub(both, "not")).append(_varequal(ident))
        _condition(item.scoring, "No", both, score="100")
        item.ctx.note(
            q.id, "Canvas gives partial credit for multiple-answer questions; lessonkit scores all-or-nothing"
        )

    @staticmethod
    def true_false(item: _Item, q: Question, form: TrueFalseForm) -> None:
        labels = [(item.ctx.ui("true"), form.feedback_true), (item.ctx.ui("false"), form.feedback_false)]
        true_id, false_id = item.choices(labels)
        _condition(item.scoring, "No", _varequal(true_id if form.answer else false_id), score="100")

    @staticmethod
    def pairs(item: _Item, q: Question, form: PairsForm) -> None:
        pairs = item.ctx.pairs(q, form)
        lefts = [str(next(item.ids)) for _ in pairs]
        rights = [str(next(item.ids)) for _ in pairs]
        offered = shuffled(list(zip(rights, (r for _, r in pairs), strict=True)), f"{q.id}:rights")
        share = f"{100 / len(pairs):.2f}"
        for left_id, right_id, (left, _) in zip(lefts, rights, pairs, strict=True):
            lid = sub(item.presentation, "response_lid", {"ident": f"response_{left_id}"})
            _mattext(lid, html(left))
            render = sub(lid, "render_choice")
            for ident, text in offered:
                _mattext(sub(render, "response_label", {"ident": ident}), text, rich=False)
            rc = sub(item.scoring, "respcondition")
            sub(rc, "conditionvar").append(_varequal(right_id, f"response_{left_id}"))
            sub(rc, "setvar", {"varname": "SCORE", "action": "Add"}).text = share
        item.field("original_answer_ids", ",".join(lefts))

    @staticmethod
    def short_answer(item: _Item, q: Question, form: ShortAnswerForm) -> None:
        _fib(item, decimal=False)
        rc = sub(item.scoring, "respcondition", {"continue": "No"})
        cond = sub(rc, "conditionvar")  # several varequal in one conditionvar: any of them, as Canvas writes it
        for text in item.ctx.accepted(q, form):
            cond.append(_varequal(text))
        sub(rc, "setvar", {"action": "Set", "varname": "SCORE"}).text = "100"

    @staticmethod
    def number(item: _Item, q: Question, form: NumberForm) -> None:
        _fib(item, decimal=True)
        any_of = Element("or")
        any_of.append(_varequal(number(form.value)))
        both = sub(any_of, "and")
        sub(both, "vargte", {"respident": "response1"}).text = number(form.value - form.tolerance)
        sub(both, "varlte", {"respident": "response1"}).text = number(form.value + form.tolerance)
        _condition(item.scoring, "No", any_of, score="100")


def _fib(item: _Item, decimal: bool) -> None:
    lid = sub(item.presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
    render = sub(lid, "render_fib", {"fibtype": "Decimal"} if decimal else {})
    sub(render, "response_label", {"ident": "answer1"} if decimal else {"ident": "answer1", "rshuffle": "No"})


def assessment(quiz: Quiz, ctx: Context, meta: Meta) -> str:
    """The ``questestinterop`` document: one section with one item per question."""
    root = Element(
        "questestinterop",
        {
            "xmlns": QTI_NS,
            "xmlns:xsi": XSI,
            "xsi:schemaLocation": f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd",
        },
    )
    test = sub(root, "assessment", {"ident": ident(meta), "title": ctx.text(meta.title)})
    section = sub(test, "section", {"ident": "root_section"})
    ids = count(1)
    for q, form in ctx.questions(quiz):
        item = _Item(q, form, ctx, f"{ident(meta)}-{q.id}", ids)
        getattr(_Writers, form.kind)(item, q, form)
        section.append(item.finish())
    return _xml(root)


def ident(meta: Meta) -> str:
    """The assessment's identifier: an XML name (no leading digit), as IMS packages need."""
    return f"lessonkit-{meta.stem}"


def manifest(meta: Meta) -> str:
    """``imsmanifest.xml``: Canvas finds the assessment through its one resource."""
    root = Element("manifest", {"identifier": f"{ident(meta)}-manifest", "xmlns": CP_NS})
    metadata = sub(root, "metadata")
    sub(metadata, "schema").text = "IMS Content"
    sub(metadata, "schemaversion").text = "1.1.3"
    sub(root, "organizations")
    resource = sub(sub(root, "resources"), "resource", {"identifier": ident(meta), "type": "imsqti_xmlv1p2"})
    sub(resource, "file", {"href": assessment_path(meta)})
    return _xml(root)


def assessment_path(meta: Meta) -> str:
    return f"{ident(meta)}/{ident(meta)}.xml"


def _xml(root: Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def export(quiz: Quiz, ctx: Context, meta: Meta) -> bytes:
    """The zip as bytes; entries carry a fixed date so the same quiz gives the same file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in (
            ("imsmanifest.xml", manifest(meta)),
            (assessment_path(meta), assessment(quiz, ctx, meta)),
        ):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
