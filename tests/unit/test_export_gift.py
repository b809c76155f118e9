"""GIFT export read back by pygiftparser and gift-pegjs, not by our own code."""

from __future__ import annotations

import html

import pytest
from tests.export_readers import gift_text, hostile_course, moodle_placeholders, read_gift_js, read_gift_py
from tests.helpers import edit

from lessonkit import load_course
from lessonkit.teacher.export import export_quiz
from lessonkit.teacher.export.gift import escape, plain, rich

UNIT = {"en": "{} ({})", "ja": "{}（単位：{}）"}


@pytest.fixture
def hostile(sample_copy):
    return hostile_course(sample_copy)


def prompt(q, lang: str) -> str:
    if q.type == "numeric" and q.unit is not None:
        return UNIT[lang].format(q.prompt.get(lang), q.unit.get(lang))
    return q.prompt.get(lang)


def gift(course, lang: str) -> str:
    result = export_quiz(course.lessons[0].quizzes[0], format="gift", lang=lang, course=course)
    assert isinstance(result.content, str)
    return result.content


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_pygiftparser_reads_every_type(hostile, lang):
    quiz = hostile.lessons[0].quizzes[0]
    parsed = read_gift_py(gift(hostile, lang))
    assert [p.title for p in parsed] == [q.id for q in quiz.questions]
    assert all(p.valid for p in parsed)
    for q, p in zip(quiz.questions, parsed, strict=True):
        assert p.markup == "html"
        assert gift_text(p.text) == prompt(q, lang), q.id
        assert gift_text(p.generalFeedback) == q.explanation.get(lang), q.id
        check = CHECKS[q.type]
        check(q, p.answers, lang)


def _single(q, answers, lang):
    assert type(answers).__name__ == "SelectSet"
    got = [(gift_text(a.answer), a.fraction, gift_text(a.feedback)) for a in answers.answers]
    want = [(c.text.get(lang), 100 if c.correct else 0, c.feedback.get(lang) if c.feedback else "") for c in q.choices]
    assert got == want


def _multiple(q, answers, lang):
    assert type(answers).__name__ == "MultipleChoicesSet"
    assert answers.checkValidity()  # positive weights add up to 100
    right = sum(c.correct for c in q.choices)
    got = [(gift_text(a.answer), a.fraction) for a in answers.answers]
    assert got == [(c.text.get(lang), 100 / right if c.correct else -100) for c in q.choices]


def _true_false(q, answers, lang):
    assert type(answers).__name__ == "TrueFalseSet"
    assert answers.answer is q.answer
    right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
    assert gift_text(answers.feedbackCorrect) == (right.get(lang) if right else "")
    assert gift_text(answers.feedbackWrong) == (wrong.get(lang) if wrong else "")


def _pairs(answers):
    assert type(answers).__name__ == "MatchingSet"
    return [(gift_text(a.question), gift_text(a.answer)) for a in answers.answers]


def _match(q, answers, lang):
    assert _pairs(answers) == [(p.left.get(lang), p.right.get(lang)) for p in q.pairs]


def _order(q, answers, lang):
    assert _pairs(answers) == [(str(n), item.text.get(lang)) for n, item in enumerate(q.items, 1)]


def _numeric(q, answers, lang):
    assert type(answers).__name__ == "NumericAnswerSet"
    [answer] = answers.answers
    assert (answer.value, answer.tolerance, answer.fraction) == (q.answer, q.tolerance, 100)


def _text(q, answers, lang):
    assert type(answers).__name__ == "ShortSet"
    assert [gift_text(a.answer) for a in answers.answers] == q.accepted[lang]


CHECKS = {
    "single": _single,
    "multiple": _multiple,
    "true_false": _true_false,
    "match": _match,
    "order": _order,
    "numeric": _numeric,
    "text": _text,
}


def test_gift_pegjs_reads_closing_braces_backslashes_and_negative_numbers(sample_copy):
    course = hostile_course(sample_copy, braces_in_answers=True)
    quiz = course.lessons[0].quizzes[0]
    category, *parsed = read_gift_js(gift(course, "en"))
    assert category == {"type": "Category", "title": "$course$/top/The lake dispute/Check your understanding"}
    assert [p["type"] for p in parsed] == ["MC", "MC", "TF", "Matching", "Matching", "Numerical", "Short"]
    single, multiple, true_false, order, match, numeric, text = parsed
    q = {x.id: x for x in quiz.questions}

    def txt(field):  # gift-pegjs undoes the GIFT escapes itself
        return html.unescape(field["text"]) if field else ""

    assert txt(single["stem"]) == q["q-closed"].prompt.en
    assert "\\ back" in txt(single["stem"])
    assert [(txt(c["text"]), c["isCorrect"], txt(c["feedback"])) for c in single["choices"]] == [
        (c.text.en, c.correct, c.feedback.en if c.feedback else "") for c in q["q-closed"].choices
    ]
    assert [txt(c["text"]) for c in multiple["choices"]][1] == "%Shared quotas = ~ #}"
    assert [c["weight"] for c in multiple["choices"]] == [-100, 50, 50]
    assert true_false["isTrue"] is True
    assert {txt(true_false["trueFeedback"]), txt(true_false["falseFeedback"])} == {"Yes: {3 = days #}", "No ~ it was 3"}
    pairs = [(txt(m["subquestion"]), moodle_placeholders(m["subanswer"])) for m in match["matchPairs"]]
    assert pairs == [(p.left.en, p.right.en) for p in q["q-match"].pairs]
    assert [moodle_placeholders(m["subanswer"]) for m in order["matchPairs"]] == [i.text.en for i in q["q-order"].items]
    assert numeric["choices"] == {"type": "range", "number": -3.5, "range": 0.5}
    assert [txt(c["text"]) for c in text["choices"]] == ["North=land", "{Nord:land #2}"]
    assert txt(single["globalFeedback"]) == q["q-closed"].explanation.en


def test_japanese_survives(sample):
    text = gift(sample, "ja")
    assert "::q-closed::[html]ノースランドが湖を閉鎖したのはいつか。" in text
    assert "=ノースランド\n" in text and "=のーすらんど\n" in text
    assert "Northland" not in text  # only the chosen language's accepted answers
    assert "$CATEGORY: $course$/top/湖をめぐる対立/理解度チェック" in text


def test_notes_name_each_conversion(sample):
    notes = export_quiz(sample.lessons[0].quizzes[0], format="gift").notes
    assert any(n.startswith("q-order: GIFT has no ordering type; exported as matching of position") for n in notes)
    assert any(n.startswith("q-days: GIFT gets no unit: 'days'") for n in notes)
    assert any(n.startswith("q-wants: GIFT scores multiple answers per choice (+50% each right") for n in notes)
    assert any(n.startswith("q-name: GIFT compares short answers") for n in notes)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("a{b}c", r"a\{b\}c"),
        ("=~#:", r"\=\~\#\:"),
        ("back\\slash", r"back\\slash"),
        ("two\nlines\r\nend", r"two\nlines\nend"),
        ("日本語", "日本語"),
    ],
)
def test_escape(text, want):
    assert escape(text) == want


def test_rich_escapes_html_and_guards_a_leading_weight_or_format():
    assert rich("<script>") == "&lt;script&gt;"
    assert rich("a -> b") == "a -&gt; b"  # a match's left side may say ->
    assert rich("%50% off") == "&\\#37;50% off"
    assert rich("[html] x") == "&\\#91;html] x"
    assert rich("one\ntwo") == "one<br>two"
    assert plain("%50") == "%100%%50"


def test_marks_other_than_one_are_noted(sample_copy):
    edit(sample_copy / "01-the-lake/quizzes.yaml", "answer: 3\n", "answer: 3\n        points: 4\n")
    result = export_quiz(load_course(sample_copy).lessons[0].quizzes[0], format="gift")
    assert "q-days: GIFT has no marks per question; set this one to 4 in Moodle" in result.notes


def test_an_arrow_in_a_short_answer_is_noted(sample_copy):
    edit(sample_copy / "01-the-lake/quizzes.yaml", "accepted: {en: [Northland]", 'accepted: {en: ["North->land"]')
    result = export_quiz(load_course(sample_copy).lessons[0].quizzes[0], format="gift")
    assert any(n.startswith("q-name: an accepted answer contains '->'") for n in result.notes)
