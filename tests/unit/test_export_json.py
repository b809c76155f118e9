"""The neutral JSON export, and what every format shares: names, errors, no dropped question, light imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.export_readers import hostile_course, unzip

from lessonkit import LessonError
from lessonkit.teacher.export import FORMATS, export_quiz, find_quiz


def test_json_document(sample):
    result = export_quiz(sample.lessons[0].quizzes[0], format="json", course=sample)
    doc = json.loads(result.content)
    assert result.notes == []  # nothing is converted
    assert (doc["schema"], doc["version"], doc["lang"]) == ("lessonkit-quiz", 1, "en")
    assert (doc["course"], doc["lesson"]) == ("lake-treaty-sample", "01-the-lake")
    assert doc["quiz"] == {"id": "check", "title": "Check your understanding", "mode": "practice", "total_points": 7}
    q = {x["id"]: x for x in doc["questions"]}
    first = {"id": "a", "text": "May 2020", "correct": True, "feedback": "Right: 1 May 2020."}
    assert q["q-closed"]["choices"][0] == first
    assert q["q-closed"]["links"] == {"events": ["lake-closed"], "stances": []}
    assert [c["correct"] for c in q["q-wants"]["choices"]] == [False, True, True]
    assert (q["q-talks"]["answer"], q["q-talks"]["feedback_true"]) == (True, None)
    assert [i["id"] for i in q["q-order"]["items"]] == ["closed", "talks"]  # the right order, unconverted
    assert q["q-match"]["pairs"][1] == {"id": "south", "left": "Southland", "right": "A veto"}
    assert (q["q-days"]["answer"], q["q-days"]["tolerance"], q["q-days"]["unit"]) == (3.0, 0.0, "days")
    assert q["q-name"]["accepted"] == ["Northland"]
    assert q["q-days"]["prompt"] == "How many days did the first round last?"  # the unit stays a field


def test_json_japanese_is_balanced(sample):
    doc = json.loads(export_quiz(sample.lessons[0].quizzes[0], format="json", lang="ja").content)
    q = {x["id"]: x for x in doc["questions"]}
    assert doc["quiz"]["title"] == "理解度チェック"
    assert q["q-name"]["accepted"] == ["ノースランド", "のーすらんど"]
    assert q["q-days"]["unit"] == "日"
    assert "ノースランド" in doc["questions"][0]["prompt"]
    assert "\\u" not in export_quiz(sample.lessons[0].quizzes[0], format="json", lang="ja").content


def test_json_keeps_hostile_text_verbatim(sample_copy):
    course = hostile_course(sample_copy)
    doc = json.loads(export_quiz(course.lessons[0].quizzes[0], format="json").content)
    assert doc["questions"][0]["prompt"] == course.lessons[0].quizzes[0].questions[0].prompt.en


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_question_is_dropped(sample, fmt):
    quiz = sample.lessons[0].quizzes[0]
    result = export_quiz(quiz, format=fmt, lang="ja", course=sample)
    body = result.content
    if isinstance(body, bytes):
        body = "".join(data.decode("utf-8") for data in unzip(body).values())
    for q in quiz.questions:
        assert q.id in body, (fmt, q.id)


@pytest.mark.parametrize(
    ("fmt", "lang", "name"),
    [
        ("gift", "en", "01-the-lake-check.en.gift.txt"),
        ("moodle-xml", "ja", "01-the-lake-check.ja.moodle.xml"),
        ("qti", "en", "01-the-lake-check.en.qti.zip"),
        ("json", "ja", "01-the-lake-check.ja.json"),
    ],
)
def test_file_names(sample, fmt, lang, name):
    assert export_quiz(sample.lessons[0].quizzes[0], format=fmt, lang=lang, course=sample).filename == name


def test_without_a_course_the_quiz_names_itself(sample):
    result = export_quiz(sample.lessons[0].quizzes[0], format="gift")
    assert result.filename == "check.en.gift.txt"
    assert "$CATEGORY: $course$/top/Check your understanding\n" in result.content


@pytest.mark.parametrize(
    "kwargs",
    [{"format": "docx"}, {"format": "gift", "lang": "fr"}, {"format": "gift", "order_as": "ordering"}],
)
def test_bad_arguments_raise_value_error(sample, kwargs):
    with pytest.raises(ValueError):
        export_quiz(sample.lessons[0].quizzes[0], **kwargs)


@pytest.mark.parametrize(
    ("lesson", "quiz", "message"), [("07", None, "no lesson '07'"), ("01", "final", "no quiz 'final'")]
)
def test_find_quiz_names_what_is_missing(sample, lesson, quiz, message):
    with pytest.raises(LessonError, match=message):
        find_quiz(sample, lesson, quiz)


def test_find_quiz_by_number_or_id(sample):
    assert find_quiz(sample, "01") is find_quiz(sample, "01-the-lake", "check")


def test_export_imports_no_plotly_ipywidgets_or_pandas():
    code = (
        "import sys, lessonkit; from lessonkit.teacher.export import export_quiz; "
        "c = lessonkit.sample_course(); q = c.lessons[0].quizzes[0]; "
        "[export_quiz(q, format=f, course=c) for f in ('gift', 'moodle-xml', 'qti', 'json')]; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'plotly', 'ipywidgets', 'pandas', 'IPython'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
