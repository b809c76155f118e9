"""Scoring and the gradebook: a simulated class checked against check_answer, the CSV read back."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from tests.grading_class import STARTED, simulated_class, write
from tests.helpers import edit

import lessonkit
from lessonkit.course.loader import load_course
from lessonkit.quizzes.scoring import check_answer
from lessonkit.teacher.grading import grade
from lessonkit.teacher.grading.gradebook import BASE_COLUMNS

QUESTIONS = ["q-closed", "q-wants", "q-talks", "q-order", "q-match", "q-days", "q-name"]


@pytest.fixture
def class_of_30(tmp_path):
    return simulated_class(tmp_path / "class", 30)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_class_of_30_totals_agree_with_check_answer(sample, class_of_30, tmp_path):
    run = grade([tmp_path / "class"], course=sample, out=tmp_path / "grades.csv")
    assert run.ok and len(run.submissions) == 30 and not run.rejected
    quiz = sample.lesson("01-the-lake").quiz("check")
    rows = {row["student_id"]: row for row in read_csv(tmp_path / "grades.csv")}
    assert len(rows) == 30
    totals = []
    for path in class_of_30:  # independently: the raw JSON, then check_answer per question
        data = json.loads(path.read_text(encoding="utf-8"))
        row = rows[data["student"]["id"]]
        points = {
            q.id: check_answer(q, data["answers"].get(q.id), data["language"]).points_awarded for q in quiz.questions
        }
        assert {qid: float(row[qid]) for qid in QUESTIONS} == points
        assert float(row["total"]) == sum(points.values())
        assert row["maximum"] == "7"
        assert float(row["percent"]) == pytest.approx(100 * sum(points.values()) / 7, abs=0.05)
        totals.append(sum(points.values()))
    assert min(totals) < 3 < 6 < max(totals) <= 7  # the seed gives a real spread


def test_csv_columns_rows_and_bom(sample, class_of_30, tmp_path):
    out = tmp_path / "grades.csv"
    run = grade([tmp_path / "class"], course=sample, out=out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel on Japanese Windows needs the BOM"
    assert b"\r\n" in raw
    rows = read_csv(out)
    assert list(rows[0]) == [*BASE_COLUMNS, *QUESTIONS, "total", "maximum", "percent"]
    assert list(rows[0]) == list(run.columns)
    assert {r["student_name"] for r in rows} >= {"山田 花子 8", "佐藤 太郎 1", "José Núñez 3"}
    assert rows[0]["saved"].endswith("Z") and rows[0]["course"] == "lake-treaty-sample"
    assert {r["language"] for r in rows} == {"en", "ja"}
    assert [r["student_id"] for r in rows] == [f"s-{n:03d}" for n in range(1, 31)], "rows in roster (id) order"


def test_wrong_shapes_score_zero_and_are_reported(sample, tmp_path):
    answers = {"q-closed": "zzz", "q-days": "3", "q-order": ["closed", "closed"], "q-talks": True}
    write(tmp_path, "a.json", answers=answers)
    run = grade([tmp_path], course=sample)
    (s,) = run.submissions
    statuses = {r.question_id: r.status for r in s.results}
    assert statuses["q-closed"] == statuses["q-days"] == statuses["q-order"] == "invalid"
    assert s.total == 1 and run.ok
    assert any("q-days: invalid answer: expected a number" in w for w in s.warnings)
    assert run.rows[0]["q-closed"] == "0"


def test_unknown_questions_are_reported_and_the_rest_graded(sample, tmp_path):
    write(tmp_path, "a.json", answers={"q-closed": "a", "q-removed": "b", "q-old": True})
    run = grade([tmp_path], course=sample)
    (s,) = run.submissions
    assert s.total == 1 and s.unknown == ("q-removed", "q-old")
    assert "q-removed" not in run.columns
    assert s.warnings == ["answers to questions this quiz does not have (not graded): q-removed, q-old"]


def test_typed_text_never_becomes_a_spreadsheet_formula(sample, tmp_path):
    write(tmp_path, "a.json", student_name='=HYPERLINK("http://x","y")', student_id="+1")
    write(tmp_path, "b.json", student_name="@SUM(A1)", student_id="-2")
    run = grade([tmp_path], course=sample, out=tmp_path / "g.csv")
    names = {r["student_name"] for r in read_csv(tmp_path / "g.csv")}
    assert names == {'\'=HYPERLINK("http://x","y")', "'@SUM(A1)"}
    assert {r["student_id"] for r in run.rows} == {"'+1", "'-2"}


def test_japanese_names_survive_the_csv(sample, tmp_path):
    write(tmp_path, "a.json", student_name="山田　花子", student_id="", language="ja")
    write(tmp_path, "b.json", student_name="ｶﾀｶﾅ ﾀﾛｳ", student_id="Ｓ－０４２", language="ja")
    grade([tmp_path], course=sample, out=tmp_path / "g.csv")
    text = (tmp_path / "g.csv").read_bytes().decode("utf-8-sig")
    assert "山田　花子" in text and "ｶﾀｶﾅ ﾀﾛｳ" in text and "Ｓ－０４２" in text


@pytest.fixture
def two_quizzes(sample_copy):
    """The sample course with a second quiz, ``recap``, that reuses two question ids."""
    path = sample_copy / "01-the-lake" / "quizzes.yaml"
    text = path.read_text(encoding="utf-8")
    recap = """
  - id: recap
    title: {en: "Recap", ja: "復習"}
    questions:
      - id: q-talks
        type: true_false
        prompt: {en: "Talks began in 2024.", ja: "協議は2024年に始まった。"}
        answer: true
        explanation: {en: "March 2024.", ja: "2024年3月。"}
      - id: q-days
        type: numeric
        prompt: {en: "Days of talks?", ja: "協議の日数は？"}
        answer: 3
        points: 2
        explanation: {en: "Three.", ja: "3日。"}
"""
    path.write_text(text + recap, encoding="utf-8")
    return load_course(sample_copy)


def test_several_quizzes_one_csv_with_qualified_columns(two_quizzes, tmp_path):
    write(tmp_path, "a.json", answers={"q-closed": "a", "q-talks": True})
    write(tmp_path, "b.json", quiz="recap", answers={"q-talks": True, "q-days": 3})
    run = grade([tmp_path], course=two_quizzes, out=tmp_path / "g.csv")
    assert run.ok
    rows = read_csv(tmp_path / "g.csv")
    check = [f"01-the-lake/check/{q}" for q in QUESTIONS]
    recap = ["01-the-lake/recap/q-talks", "01-the-lake/recap/q-days"]
    assert list(rows[0]) == [*BASE_COLUMNS, *check, *recap, "total", "maximum", "percent"]
    first, second = rows
    assert (first["quiz"], first["01-the-lake/check/q-closed"], first["01-the-lake/recap/q-talks"]) == (
        "check",
        "1",
        "",
    )
    assert (second["quiz"], second["01-the-lake/recap/q-days"], second["01-the-lake/check/q-talks"]) == (
        "recap",
        "2",
        "",
    )
    assert (second["total"], second["maximum"], second["percent"]) == ("3", "3", "100.0")
    assert [(q.quiz.id, q.n) for q in run.quizzes] == [("check", 1), ("recap", 1)]


def test_the_latest_submission_is_graded_and_the_earlier_named(sample, tmp_path):
    write(tmp_path, "first.json", saved=STARTED + dt.timedelta(minutes=10), answers={"q-closed": "b"})
    write(tmp_path, "second.json", saved=STARTED + dt.timedelta(minutes=40), answers={"q-closed": "a"})
    run = grade([tmp_path], course=sample)
    (s,) = run.submissions
    assert s.path.name == "second.json" and s.total == 1
    (r,) = run.rejected
    assert (r.path.name, r.kind) == ("first.json", "superseded")
    assert "second.json" in r.detail and "09:10:00Z" in r.detail and "09:40:00Z" in r.detail
    assert not run.ok


def test_same_second_keeps_the_first_by_path_and_says_so(sample, tmp_path):
    write(tmp_path, "b.json", answers={"q-closed": "b"})
    write(tmp_path, "a.json", answers={"q-closed": "a", "q-talks": True})
    run = grade([tmp_path], course=sample)
    assert [s.path.name for s in run.submissions] == ["a.json"]
    assert "same time" in run.rejected[0].detail and "a.json" in run.rejected[0].detail


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"student_id": "S-042", "student_name": "Ann"}, {"student_id": "ｓ－０４２ ", "student_name": "Ann"}),
        ({"student_id": "", "student_name": "Ann  Lee"}, {"student_id": "", "student_name": " ann lee"}),
        ({"student_id": "", "student_name": "山田　花子"}, {"student_id": "", "student_name": "山田 花子"}),
    ],
    ids=["id-width-and-case", "name-space-and-case", "ideographic-space"],
)
def test_one_student_however_they_typed_it(sample, tmp_path, first, second):
    write(tmp_path, "a.json", saved=STARTED + dt.timedelta(minutes=1), **first)
    write(tmp_path, "b.json", saved=STARTED + dt.timedelta(minutes=2), **second)
    run = grade([tmp_path], course=sample)
    assert [s.path.name for s in run.submissions] == ["b.json"]
    assert [r.kind for r in run.rejected] == ["superseded"]


def test_different_students_are_not_merged(sample, tmp_path):
    write(tmp_path, "a.json", student_id="s-1", student_name="Ann")
    write(tmp_path, "b.json", student_id="s-2", student_name="Ann", answers={"q-talks": True})
    write(tmp_path, "c.json", student_id="", student_name="Ann", answers={"q-days": 3})
    run = grade([tmp_path], course=sample)
    assert len(run.submissions) == 3 and run.ok
    (clash,) = run.clashes
    assert clash.kind == "name" and [p.name for p, _, _ in clash.files] == ["a.json", "b.json", "c.json"]


def test_same_id_with_different_names_is_a_clash(sample, tmp_path):
    write(tmp_path, "a.json", student_id="s-7", student_name="Ann Lee")
    write(tmp_path, "b.json", student_id="S-7", student_name="Bob Kato", answers={"q-talks": True})
    write(tmp_path, "c.json", student_id="s-7", student_name="", answers={"q-days": 3})  # an id alone is no clash
    run = grade([tmp_path], course=sample)
    clashes = [c for c in run.clashes if c.kind == "id"]
    assert len(clashes) == 1 and clashes[0].value == "s-7"
    assert "'Ann Lee' (" in str(clashes[0]) and "'Bob Kato' (" in str(clashes[0])
    assert len(run.submissions) == 1, "one id, one quiz: graded once, the others superseded"


def test_the_packaged_sample_is_the_default_key(tmp_path):
    write(tmp_path, "a.json", answers={"q-closed": "a"})
    run = grade([tmp_path], course=lessonkit.sample_course())
    assert run.submissions[0].total == 1


def test_a_quiz_edited_since_keeps_grading(sample_copy, tmp_path):
    """A question removed after the students saved: its answers are reported, the rest graded."""
    edit(sample_copy / "01-the-lake" / "quizzes.yaml", "      - id: q-name\n", "      - id: q-name-2\n")
    write(tmp_path, "a.json", answers={"q-closed": "a", "q-name": "Northland"})
    run = grade([tmp_path], course=load_course(sample_copy))
    assert run.submissions[0].unknown == ("q-name",) and run.submissions[0].total == 1
