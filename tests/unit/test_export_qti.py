"""Canvas QTI export: the zip's structure, and its items read back by qti2latex's Canvas readers."""

from __future__ import annotations

import copy
import html
import xml.etree.ElementTree as ET

import pytest
import qti2latex
from tests.export_readers import children, descendants, hostile_course, local, unzip

from lessonkit.teacher.export import export_quiz

CANVAS_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "true_false": "true_false_question",
    "order": "matching_question",
    "match": "matching_question",
    "numeric": "numerical_question",
    "text": "short_answer_question",
}


@pytest.fixture
def hostile(sample_copy):
    return hostile_course(sample_copy)


def export(course, lang="en"):
    result = export_quiz(course.lessons[0].quizzes[0], format="qti", lang=lang, course=course)
    assert isinstance(result.content, bytes)
    files = unzip(result.content)
    manifest = ET.fromstring(files.pop("imsmanifest.xml"))
    [(path, data)] = files.items()
    return result, manifest, path, ET.fromstring(data)


def plain(text: str) -> str:
    return html.unescape(text.replace("<br>", "\n"))


def test_zip_holds_a_manifest_pointing_at_one_assessment(sample):
    result, manifest, path, root = export(sample)
    assert result.filename == "01-the-lake-check.en.qti.zip"
    [resource] = descendants(manifest, "resource")
    assert resource.get("type") == "imsqti_xmlv1p2"
    assert [f.get("href") for f in children(resource, "file")] == [path]
    assert local(root.tag) == "questestinterop"
    [assessment] = children(root, "assessment")
    assert assessment.get("title") == "The lake dispute: Check your understanding"
    assert not assessment.get("ident")[0].isdigit()  # an XML name, as IMS identifiers must be


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_qti2latex_reads_every_item(hostile, lang):
    quiz = hostile.lessons[0].quizzes[0]
    _, _, _, root = export(hostile, lang)
    items = descendants(root, "item")
    assert [i.get("title") for i in items] == [q.id for q in quiz.questions]
    for q, item in zip(quiz.questions, items, strict=True):
        meta = qti2latex.get_qti_metadata(item)
        assert meta["question_type"] == CANVAS_TYPES[q.type]
        assert qti2latex.guess_type(meta, item) == CANVAS_TYPES[q.type]
        assert int(meta["points_possible"]) == q.points
        assert plain(qti2latex.get_item_stem(item)).startswith(q.prompt.get(lang))
        feedback = {fb.get("ident"): fb for fb in descendants(item, "itemfeedback")}
        assert plain(qti2latex.text_of(descendants(feedback["general_fb"], "mattext")[0])) == q.explanation.get(lang)
        CHECKS[q.type](q, item, lang)


def scoring_only(item: ET.Element) -> ET.Element:
    """The item without its feedback-only conditions.

    qti2latex reads every ``varequal`` in ``resprocessing`` as a right answer, including
    those that only show one choice's feedback (Canvas and text2qti write both kinds);
    the conditions that set ``SCORE`` are the ones that say what is right.
    """
    item = copy.deepcopy(item)
    for rp in descendants(item, "resprocessing"):
        for rc in children(rp, "respcondition"):
            if not descendants(rc, "setvar"):
                rp.remove(rc)
    return item


def correct(item: ET.Element) -> set[str]:
    return qti2latex.get_correct_idents(scoring_only(item))


def _chosen(item):
    """The texts of the choices qti2latex reads as correct."""
    choices = dict(qti2latex.get_choices(item))
    return {plain(choices[i]) for i in correct(item)}


def _single(q, item, lang):
    assert [plain(t) for _, t in qti2latex.get_choices(item)] == [c.text.get(lang) for c in q.choices]
    assert _chosen(item) == {c.text.get(lang) for c in q.choices if c.correct}
    feedback = {fb.get("ident"): plain(descendants(fb, "mattext")[0].text) for fb in descendants(item, "itemfeedback")}
    for ident, c in zip((i for i, _ in qti2latex.get_choices(item)), q.choices, strict=True):
        assert feedback.get(f"{ident}_fb") == (c.feedback.get(lang) if c.feedback else None)


def _multiple(q, item, lang):
    assert _chosen(item) == {c.text.get(lang) for c in q.choices if c.correct}
    [lid] = descendants(item, "response_lid")
    assert lid.get("rcardinality") == "Multiple"
    wrong = {v.text for n in descendants(item, "not") for v in descendants(n, "varequal")}
    texts = dict(qti2latex.get_choices(item))
    assert {plain(texts[i]) for i in wrong} == {c.text.get(lang) for c in q.choices if not c.correct}


def _true_false(q, item, lang):
    labels = {"en": ("True", "False"), "ja": ("正しい", "誤り")}[lang]
    assert [t for _, t in qti2latex.get_choices(item)] == list(labels)
    assert _chosen(item) == {labels[0] if q.answer else labels[1]}


def _pairs(item):
    """(left text, right text) from the matching structure Canvas exports."""
    rights = {lab.get("ident"): lab for lab in descendants(item, "response_label")}
    scored = {v.get("respident"): v.text for v in descendants(item, "varequal")}
    out = []
    for lid in descendants(item, "response_lid"):
        left = plain(children(children(lid, "material")[0], "mattext")[0].text)
        right = descendants(rights[scored[lid.get("ident")]], "mattext")[0]
        assert right.get("texttype") == "text/plain"
        out.append((left, right.text))
    shares = [float(s.text) for s in descendants(item, "setvar") if s.get("action") == "Add"]
    assert shares and abs(sum(shares) - 100) < 0.1
    offered = [lab.get("ident") for lab in descendants(descendants(item, "render_choice")[0], "response_label")]
    assert offered != [scored[lid.get("ident")] for lid in descendants(item, "response_lid")]  # gives nothing away
    return out


def _match(q, item, lang):
    assert _pairs(item) == [(p.left.get(lang), p.right.get(lang)) for p in q.pairs]


def _order(q, item, lang):
    assert _pairs(item) == [(str(n), i.text.get(lang)) for n, i in enumerate(q.items, 1)]


def _numeric(q, item, lang):
    assert descendants(item, "render_fib")[0].get("fibtype") == "Decimal"
    assert {float(v) for v in correct(item)} == {q.answer}
    low, high = (float(descendants(item, tag)[0].text) for tag in ("vargte", "varlte"))
    assert (low, high) == (q.answer - q.tolerance, q.answer + q.tolerance)


def _text(q, item, lang):
    assert correct(item) == set(q.accepted[lang])


CHECKS = {
    "single": _single,
    "multiple": _multiple,
    "true_false": _true_false,
    "match": _match,
    "order": _order,
    "numeric": _numeric,
    "text": _text,
}


def test_script_is_text_not_markup(hostile):
    result, *_ = export(hostile)
    data = unzip(result.content)
    assert all(b"<script" not in body for body in data.values())


def test_notes_for_canvas(sample):
    notes = export(sample)[0].notes
    assert any(n.startswith("q-order: Canvas QTI has no ordering type; exported as matching") for n in notes)
    assert any(n.startswith("q-wants: Canvas gives partial credit") for n in notes)


def test_same_quiz_gives_the_same_bytes(sample):
    assert export(sample)[0].content == export(sample)[0].content
