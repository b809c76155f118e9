"""The question-type registry: every type of the content model has its behaviour in one place, and a new
type flows through grading, students' copies, item analysis and every export without touching other modules."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import typing
import zipfile
from typing import Any, ClassVar, Literal

import pytest

from lessonkit.content.base import Localized
from lessonkit.content.quiz import QUESTION_TYPES, Question, Quiz, _Question
from lessonkit.quizzes.common import UI, Result
from lessonkit.quizzes.html import feedback_html, static_html
from lessonkit.quizzes.scoring import answer_problem, check_answer
from lessonkit.quizzes.student_file import HashedAnswerKey, build_student_quiz, read_student_quiz
from lessonkit.quizzes.student_model import Encoder, StudentQuestion
from lessonkit.quizzes.types import REGISTRY, behaviour
from lessonkit.quizzes.types.base import QuestionType, answer_line, result
from lessonkit.quizzes.types.export import ShortAnswerForm
from lessonkit.teacher.export import export_quiz
from lessonkit.teacher.grading.item_analysis import describe_answer
from lessonkit.text.i18n import ui


def _union_members() -> list[type]:
    annotated = typing.get_args(Question)[0]
    return list(typing.get_args(annotated))


def test_the_registry_covers_every_type_of_the_content_model():
    members = _union_members()
    names = [typing.get_args(m.model_fields["type"].annotation)[0] for m in members]
    assert sorted(REGISTRY) == sorted(names) == sorted(QUESTION_TYPES)
    for model, name in zip(members, names, strict=True):
        kind = REGISTRY[name]
        assert kind.name == name and kind.model is model
        assert issubclass(kind.student_model, StudentQuestion) and kind.student_model.type == name
        for lang in ("en", "ja"):
            assert ui(UI, kind.hint, lang), (name, lang)  # the hint is in both catalogues


@pytest.mark.parametrize("name", QUESTION_TYPES)
def test_every_type_defines_every_behaviour(name):
    kind = REGISTRY[name]
    required = (
        "problem",
        "grade",
        "make_input",
        "static_html",
        "answer_text",
        "right_forms",
        "answer_form",
        "export_form",
        "json_fields",
    )
    for method in required:
        assert getattr(type(kind), method) is not getattr(QuestionType, method), (name, method)


def test_behaviour_of_a_question_or_a_name(sample):
    q = sample.lesson("01").quiz("check").question("q-match")
    assert behaviour(q) is behaviour("match") is REGISTRY["match"]
    with pytest.raises(KeyError, match="unknown question type 'essay'"):
        behaviour("essay")


def test_the_types_import_no_widgets():
    code = "import lessonkit.quizzes.types, lessonkit.quizzes.student_file, sys; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- a toy type, registered in the test only


class YearQuestion(_Question):
    """A year, right when it is exactly ``answer``."""

    type: Literal["year"]  # type: ignore[assignment]
    answer: int


class StudentYear(StudentQuestion):
    type: ClassVar[str] = "year"


class YearType(QuestionType):
    name = "year"
    model = YearQuestion
    student_model = StudentYear
    echo_answer = True

    def problem(self, q: Any, answer: object) -> str | None:
        return None if isinstance(answer, int) and not isinstance(answer, bool) else "expected a year"

    def grade(self, q: Any, answer: Any, lang: str) -> Result:
        return result(q, answer == q.answer)

    def static_html(self, q: Any, lang: str, seed: int) -> str:
        return answer_line(lang)

    def answer_text(self, q: Any, lang: str) -> list[str]:
        return [str(q.answer)]

    def describe(self, q: Any, answer: Any, lang: str) -> str:
        return f"year {answer}"

    def student_fields(self, q: Any, enc: Encoder) -> dict[str, Any]:
        return {"era": "CE"}

    def right_forms(self, q: Any, where: tuple[str, str, str]) -> list[str]:
        return [str(q.answer)]

    def answer_form(self, sq: Any, answer: Any) -> str | None:
        return str(answer)

    def export_form(self, q: Any, lang: str) -> ShortAnswerForm:
        return ShortAnswerForm(accepted=(str(q.answer),))

    def json_fields(self, q: Any, lang: str, text: Any) -> dict[str, Any]:
        return {"answer": q.answer}


def _text(en: str, ja: str) -> Localized:
    return Localized(en=en, ja=ja)


@pytest.fixture
def year_quiz(monkeypatch) -> Quiz:
    monkeypatch.setitem(REGISTRY, "year", YearType())
    monkeypatch.setitem(UI["en"], "hint_year", "Answer with a year.")  # its catalogue word
    monkeypatch.setitem(UI["ja"], "hint_year", "年で答えてください。")
    question = YearQuestion(
        id="q-year",
        type="year",
        prompt=_text("When were the talks?", "協議は何年ですか。"),
        explanation=_text("In 2025.", "2025年です。"),
        answer=2025,
    )
    return Quiz.model_construct(id="toy", title=_text("Toy", "おもちゃ"), mode="practice", questions=[question])


def test_a_new_type_is_graded_and_shown(year_quiz):
    q = year_quiz.questions[0]
    assert check_answer(q, 2025).correct and not check_answer(q, 2024).correct
    assert check_answer(q, "2025").status == "invalid" and answer_problem(q, "2025") == "expected a year"
    assert check_answer(q, None).status == "unanswered"
    html = static_html(year_quiz, "en", "practice")
    assert "When were the talks?" in html and "Answer with a year." in html and "________" in html
    assert "2024" in feedback_html(q, check_answer(q, 2024), "en", answer=2024)  # echo_answer
    assert describe_answer(q, 2024, "en") == "year 2024"


def test_a_new_type_goes_through_a_student_copy(year_quiz):
    data = build_student_quiz(year_quiz, course="c", lesson="l", mode="practice", salt="s" * 32)
    assert data["questions"][0]["era"] == "CE" and "2025" not in json.dumps(data)
    copy = read_student_quiz(json.loads(json.dumps(data)))
    assert isinstance(copy.questions[0], StudentYear)
    key = HashedAnswerKey(copy)
    assert key.check("q-year", 2025).correct and key.check("q-year", 2024).status == "wrong"


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "qti", "json"])
def test_a_new_type_is_exported_in_every_format(year_quiz, fmt):
    out = export_quiz(year_quiz, format=fmt, lang="en")
    if fmt == "qti":
        with zipfile.ZipFile(io.BytesIO(out.content)) as zf:  # type: ignore[arg-type]
            text = "".join(zf.read(name).decode() for name in zf.namelist())
        assert "short_answer_question" in text and "2025" in text
    elif fmt == "json":
        assert json.loads(out.content)["questions"][0] == {  # type: ignore[arg-type]
            "id": "q-year",
            "type": "year",
            "points": 1,
            "prompt": "When were the talks?",
            "explanation": "In 2025.",
            "answer": 2025,
            "links": {"events": [], "stances": []},
        }
    else:
        assert "2025" in out.content and "When were the talks?" in out.content  # type: ignore[operator]
    if fmt != "json":
        assert any("short answers" in note for note in out.notes)
