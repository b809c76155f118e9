"""Moodle XML export: well-formed, Moodle's element names and grades, every type, hostile text."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

import pytest
from tests.export_readers import hostile_course
from tests.helpers import edit

from lessonkit import load_course
from lessonkit.teacher.export import export_quiz

MOODLE_TYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true_false": "truefalse",
    "order": "matching",
    "match": "matching",
    "numeric": "numerical",
    "text": "shortanswer",
}


@pytest.fixture
def hostile(sample_copy):
    return hostile_course(sample_copy)


def export(course, lang="en", **kwargs):
    result = export_quiz(course.lessons[0].quizzes[0], format="moodle-xml", lang=lang, course=course, **kwargs)
    assert isinstance(result.content, str)
    return result, ET.fromstring(result.content)


def text_of(el: ET.Element, path: str) -> str:
    """A Moodle text field as a student reads it (HTML entities undone, <br> as a newline)."""
    found = el.find(path)
    assert found is not None, path
    return html.unescape((found.text or "").replace("<br>", "\n"))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_question_type(hostile, lang):
    quiz = hostile.lessons[0].quizzes[0]
    _, root = export(hostile, lang)
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert [q.get("type") for q in questions] == [MOODLE_TYPES[q.type] for q in quiz.questions]
    for q, el in zip(quiz.questions, questions, strict=True):
        assert text_of(el, "name/text") == q.id
        assert el.find("questiontext").get("format") == "html"
        assert text_of(el, "questiontext/text").startswith(q.prompt.get(lang))
        assert text_of(el, "generalfeedback/text") == q.explanation.get(lang)
        assert el.findtext("defaultgrade") == str(q.points)
        CHECKS[q.type](q, el, lang)


def _answers(el):
    return [(a.get("fraction"), text_of(a, "text"), text_of(a, "feedback/text")) for a in el.findall("answer")]


def _single(q, el, lang):
    assert el.findtext("single") == "true"
    feedback = [c.feedback.get(lang) if c.feedback else "" for c in q.choices]
    want = [("100" if c.correct else "0", c.text.get(lang), f) for c, f in zip(q.choices, feedback, strict=True)]
    assert _answers(el) == want


def _multiple(q, el, lang):
    assert el.findtext("single") == "false"
    want = [("50" if c.correct else "-100", c.text.get(lang)) for c in q.choices]
    assert [(f, t) for f, t, _ in _answers(el)] == want


def _true_false(q, el, lang):
    answers = {t: (f, fb) for f, t, fb in _answers(el)}
    assert answers == {
        "true": ("100" if q.answer else "0", q.feedback_true.get(lang) if q.feedback_true else ""),
        "false": ("0" if q.answer else "100", q.feedback_false.get(lang) if q.feedback_false else ""),
    }


def _subquestions(el):
    return [(text_of(s, "text"), s.findtext("answer/text")) for s in el.findall("subquestion")]


def _match(q, el, lang):
    assert _subquestions(el) == [(p.left.get(lang), p.right.get(lang)) for p in q.pairs]


def _order(q, el, lang):
    assert _subquestions(el) == [(str(n), i.text.get(lang)) for n, i in enumerate(q.items, 1)]
    assert el.findtext("shuffleanswers") == "false"  # positions stay 1, 2, ...


def _numeric(q, el, lang):
    [answer] = el.findall("answer")
    assert (float(answer.findtext("text")), float(answer.findtext("tolerance"))) == (q.answer, q.tolerance)
    assert el.findtext("showunits") == "3"
    assert text_of(el, "questiontext/text").endswith(q.unit.get(lang) + ("）" if lang == "ja" else ")"))


def _text(q, el, lang):
    assert el.findtext("usecase") == "0"
    assert [(f, t) for f, t, _ in _answers(el)] == [("100", a) for a in q.accepted[lang]]


CHECKS = {
    "single": _single,
    "multiple": _multiple,
    "true_false": _true_false,
    "match": _match,
    "order": _order,
    "numeric": _numeric,
    "text": _text,
}


def test_html_is_escaped_twice_so_script_never_runs(hostile):
    result, root = export(hostile)
    assert "<script" not in result.content and "<b>" not in result.content
    assert "&lt;script&gt;" in root.find("question[2]/questiontext/text").text


def test_order_as_moodle_ordering(sample):
    result, root = export(sample, order_as="ordering")
    [el] = [q for q in root.findall("question") if q.get("type") == "ordering"]
    assert text_of(el, "name/text") == "q-order"
    assert [text_of(a, "text") for a in el.findall("answer")] == ["The lake is closed", "The first round of talks"]
    assert (el.findtext("gradingtype"), el.findtext("selecttype")) == ("ALL_OR_NOTHING", "ALL")
    assert any(n.startswith("q-order: Moodle XML: exported as Moodle's ordering type") for n in result.notes)


def test_default_converts_order_and_says_so(sample):
    result, _ = export(sample)
    assert any(n.startswith("q-order: Moodle XML has no ordering type; exported as matching") for n in result.notes)


def test_category_path_uses_the_lesson_and_quiz_titles(sample):
    _, root = export(sample, "ja")
    assert root.findtext("question/category/text") == "$course$/top/湖をめぐる対立/理解度チェック"


def test_control_characters_are_replaced_and_noted(sample_copy):
    edit(sample_copy / "01-the-lake/quizzes.yaml", '"Put these in order."', '"Put these\\x01 in order."')
    result, root = export(load_course(sample_copy))
    assert "q-order: a control character XML cannot hold was replaced with U+FFFD" in result.notes
    assert "\ufffd" in root.find("question[5]/questiontext/text").text
