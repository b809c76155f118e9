"""`lessonkit assign`: student copies with no readable answer key, and the teacher's key."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

import lessonkit as lk
from lessonkit.cli.main import main
from lessonkit.quizzes.student_file import opaque_id
from lessonkit.teacher.assign.notebooks import STUB, strip_solutions

RIGHT = {
    "q-closed": "a",
    "q-wants": ["c", "b"],
    "q-talks": True,
    "q-order": ["closed", "talks"],
    "q-days": 3,
    "q-name": "のーすランド",
}
WRONG = {
    "q-closed": "b",
    "q-wants": ["b"],
    "q-talks": False,
    "q-order": ["talks", "closed"],
    "q-days": 3.5,
    "q-name": "Southland",
}


def _notebook(folder: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            'import lessonkit as lk\ncourse = lk.load_course()\nlk.quiz(course, "01", lang="en")'
        ),
        nbformat.v4.new_code_cell(
            "# count the events\n### BEGIN SOLUTION\nanswer = len(course.events)\n### END SOLUTION"
        ),
    ]
    nb.cells[1].metadata["nbgrader"] = {
        "grade": False,
        "grade_id": "ex-1",
        "locked": False,
        "schema_version": 3,
        "solution": True,
        "task": False,
    }
    (folder / "en").mkdir(parents=True)
    nbformat.write(nb, folder / "en" / "01-the-lake.ipynb")


@pytest.fixture
def assigned(sample_copy, tmp_path, capsys):
    def run(mode: str = "practice", lang: str = "en") -> Path:
        notebooks = tmp_path / "notebooks"
        if not notebooks.exists():
            _notebook(notebooks)
        out = tmp_path / f"out-{mode}-{lang}"
        code = main(
            [
                "assign",
                "01",
                "--out",
                str(out),
                "--course",
                str(sample_copy),
                "--notebooks",
                str(notebooks),
                "--mode",
                mode,
                "--lang",
                lang,
            ]
        )
        assert code == 0, capsys.readouterr().err
        return out

    return run


def test_student_copy_layout(assigned):
    out = assigned()
    student = out / "student"
    assert (student / "lessons/01-the-lake/quiz-check.student.json").is_file()
    assert not (student / "lessons/01-the-lake/quizzes.yaml").exists()
    assert not list(student.rglob("teacher-guide*"))
    assert (student / "notebooks/en/01-the-lake.ipynb").is_file()
    assert (out / "teacher/answer-key.en.md").is_file() and (out / "teacher/answer-key.en.html").is_file()
    assert lk.load_course(student / "lessons").info.lessons == ["01-the-lake"]


def _student_text(out: Path) -> str:
    files = [*out.joinpath("student").rglob("*.json"), *out.joinpath("student").rglob("*.ipynb")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


@pytest.mark.parametrize("mode", ["practice", "exam"])
def test_no_readable_answer_key_in_the_student_copy(assigned, sample, mode):
    out = assigned(mode)
    text = _student_text(out)
    quiz = sample.lesson("01").quiz("check")
    on_screen = {"prompt", "choices", "items", "pairs", "title", "unit"}
    shown = json.dumps([q.model_dump(include=on_screen) for q in quiz.questions], ensure_ascii=False)
    for q in quiz.questions:
        assert q.explanation.en not in text and q.explanation.ja not in text
        for choice in getattr(q, "choices", []):
            if choice.feedback:
                assert choice.feedback.en not in text
        for answers in getattr(q, "accepted", {}).values():
            for answer in answers:
                if answer not in shown:  # an answer that is also on screen (a name, say) proves nothing
                    assert answer not in text, answer
    data = json.loads((out / "student/lessons/01-the-lake/quiz-check.student.json").read_text(encoding="utf-8"))
    assert '"correct"' not in json.dumps(data) and '"answer"' not in json.dumps(data)
    order = next(q for q in data["questions"] if q["type"] == "order")
    assert [i["id"] for i in order["items"]] != ["closed", "talks"]
    match = next(q for q in data["questions"] if q["type"] == "match")
    assert {r["id"] for r in match["rights"]}.isdisjoint({p["id"] for p in match["lefts"]})
    if mode == "exam":
        assert "salt" not in data and all("key" not in q and "explanation" not in q for q in data["questions"])


def test_practice_copy_checks_answers_through_hashes(assigned, monkeypatch, tmp_path):
    out = assigned()
    course = lk.load_course(out / "student/lessons")
    monkeypatch.chdir(tmp_path)
    widget = lk.quiz(course, "01", lang="ja")
    match_right = {p: opaque_id("lake-treaty-sample", "01-the-lake", "check", "q-match", p) for p in ("north", "south")}
    for qid, answer in [*RIGHT.items(), ("q-match", match_right)]:
        assert widget.key.check(qid, answer).correct, qid
    for qid, answer in [
        *WRONG.items(),
        ("q-match", dict(zip(match_right, reversed(match_right.values()), strict=True))),
    ]:
        assert not widget.key.check(qid, answer).correct, qid
    assert widget.key.check("q-closed", "zzz").status == "invalid"


def test_practice_copy_shows_feedback_and_explanation_after_check(assigned, monkeypatch, tmp_path):
    out = assigned()
    course = lk.load_course(out / "student/lessons")
    monkeypatch.chdir(tmp_path)
    widget = lk.quiz(course, "01", lang="en")
    card = widget.cards["q-closed"]
    card.input.set("b")
    card.check.click()
    assert "That is when the talks began." in card.feedback.value
    assert "The lake was closed on 1 May 2020." in card.feedback.value


def test_match_menu_offers_opaque_ids(assigned, monkeypatch, tmp_path):
    out = assigned()
    monkeypatch.chdir(tmp_path)
    widget = lk.quiz(lk.load_course(out / "student/lessons"), "01", lang="en")
    menu = widget.cards["q-match"].input.menus["north"]
    values = [v for _, v in menu.options if v]
    assert sorted(values) == sorted(
        opaque_id("lake-treaty-sample", "01-the-lake", "check", "q-match", p) for p in ("north", "south")
    )


def test_exam_copy_has_no_feedback(assigned, monkeypatch, tmp_path):
    out = assigned("exam")
    monkeypatch.chdir(tmp_path)
    widget = lk.quiz(lk.load_course(out / "student/lessons"), "01", lang="en")
    assert widget.mode == "exam"
    assert "Explanation" not in widget.to_html()
    assert all(len(card.box.children) == 2 for card in widget.cards.values())  # prompt and input only


def test_solutions_removed_with_nbgrader_metadata_kept(assigned):
    out = assigned()
    nb = nbformat.read(out / "student/notebooks/en/01-the-lake.ipynb", as_version=4)
    cell = nb.cells[1]
    assert "answer = len(course.events)" not in cell.source
    assert STUB in cell.source and "# count the events" in cell.source
    assert cell.metadata["nbgrader"]["solution"] is True


def test_answer_key_has_answers_explanations_and_sources(assigned):
    out = assigned(lang="ja")
    key = (out / "teacher/answer-key.ja.md").read_text(encoding="utf-8")
    assert "正解：2020年5月" in key and "湖は2020年5月1日に閉鎖された。" in key
    assert "North Gazette" in key and "ノースランド → 単独で決める" in key
    html = (out / "teacher/answer-key.ja.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and 'href="https://example.org/north-gazette' in html


def test_strip_solutions_keeps_indentation():
    source = "if True:\n    ### BEGIN SOLUTION\n    x = 1\n    ### END SOLUTION\n"
    assert strip_solutions(source) == "if True:\n    # YOUR CODE HERE\n    raise NotImplementedError()\n"


def test_assign_errors(sample_copy, tmp_path, capsys):
    assert main(["assign", "09", "--out", str(tmp_path / "x"), "--course", str(sample_copy)]) == 1
    assert "no lesson '09'" in capsys.readouterr().err
    assert main(["assign", "01", "--course", str(sample_copy)]) == 2
    busy = tmp_path / "busy" / "student"
    busy.mkdir(parents=True)
    (busy / "file.txt").write_text("x", encoding="utf-8")
    assert main(["assign", "01", "--out", str(tmp_path / "busy"), "--course", str(sample_copy)]) == 1
    assert "already exists and is not empty" in capsys.readouterr().err


def test_answers_saved_in_a_student_copy_grade_with_the_teachers_course(assigned, sample, monkeypatch, tmp_path):
    """The whole round: assign, a student answers (opaque match ids included), saves, the teacher grades."""
    from lessonkit.teacher.grading import grade

    out = assigned()
    monkeypatch.chdir(tmp_path)
    widget = lk.quiz(lk.load_course(out / "student/lessons"), "01", lang="en")
    menus = widget.cards["q-match"].input.menus
    for left, menu in menus.items():
        menu.value = opaque_id("lake-treaty-sample", "01-the-lake", "check", "q-match", left)
    for qid, answer in RIGHT.items():
        widget.cards[qid].input.set(answer)
    widget.name.value, widget.student_id.value = "Aiko", "s-1"
    saved = widget.save()
    run = grade([saved], course=sample)
    assert not run.rejected
    assert [r.correct for r in run.submissions[0].results] == [True] * len(RIGHT | {"q-match": 0})


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["practice", "exam"])
def test_the_real_course_assigns_without_a_readable_key(tmp_path, monkeypatch, mode):
    from tests.helpers import COURSE_DIR, REPO

    course = lk.load_course(COURSE_DIR)
    lessons = [lesson.id for lesson in course.lessons]
    assert (
        main(
            [
                "assign",
                *lessons,
                "--out",
                str(tmp_path / "out"),
                "--course",
                str(COURSE_DIR),
                "--notebooks",
                str(REPO / "notebooks"),
                "--mode",
                mode,
                "--lang",
                "ja",
            ]
        )
        == 0
    )
    student = lk.load_course(tmp_path / "out/student/lessons")
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "out/student").rglob("*") if p.suffix in (".json", ".ipynb")
    )
    monkeypatch.chdir(tmp_path)
    for lesson in course.lessons:
        for quiz in lesson.quizzes:
            widget = lk.quiz(student, lesson.id, quiz.id, lang="ja")
            assert widget.mode == ("exam" if "exam" in (mode, quiz.mode) else "practice")
            for q in quiz.questions:
                assert q.explanation.ja not in text and q.explanation.en not in text, q.id
    assert "### BEGIN SOLUTION" not in text
