"""Students' copies have their own frozen models: what is shown, a hashed key and decoded feedback, no answers."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest

from lessonkit.quizzes.student_file import (
    HashedAnswerKey,
    NoAnswerKey,
    build_student_quiz,
    load_student_quiz,
    opaque_id,
    read_student_quiz,
    student_quiz_path,
)
from lessonkit.quizzes.student_model import StudentQuiz
from lessonkit.quizzes.types import REGISTRY
from lessonkit.quizzes.widget import Quiz

WHERE = ("lake-treaty-sample", "01-the-lake", "check")
# sha256 of json.dumps(build_student_quiz(sample check quiz, seed=3, salt="s" * 32), ensure_ascii=False, indent=1),
# as the writer before the student models made them: the file on disk must not change.
GOLDEN = {
    "practice": "5caf20c750af65254cb8bda965c3fcb002898814053fb1d38e999ca4838f56c2",
    "exam": "7679684eb712033172f06d1d0f959b3d9676f27f38263d3d23100e77f7d5a240",
}


@pytest.fixture(scope="module")
def quiz(sample):
    return sample.lesson("01").quiz("check")


def _data(quiz, mode: str) -> dict:
    return build_student_quiz(quiz, course=WHERE[0], lesson=WHERE[1], mode=mode, seed=3, salt="s" * 32)


@pytest.mark.parametrize("mode", ["practice", "exam"])
def test_the_file_format_is_unchanged(quiz, mode):
    text = json.dumps(_data(quiz, mode), ensure_ascii=False, indent=1)
    assert hashlib.sha256(text.encode()).hexdigest() == GOLDEN[mode]


def test_a_practice_copy_reads_into_student_models(quiz):
    copy = read_student_quiz(_data(quiz, "practice"))
    assert isinstance(copy, StudentQuiz) and copy.salt == "s" * 32 and copy.total_points == quiz.total_points
    for authored, student in zip(quiz.questions, copy.questions, strict=True):
        assert type(student) is REGISTRY[authored.type].student_model and student.type == authored.type
        assert student.key and student.explanation == authored.explanation
        for secret in ("answer", "accepted", "tolerance", "correct", "pairs"):
            assert not hasattr(student, secret), (authored.id, secret)
    single = copy.question("q-closed")
    assert [c.feedback for c in single.choices] == [c.feedback for c in quiz.question("q-closed").choices]
    match = copy.question("q-match")
    assert [o.id for o in match.lefts] == ["north", "south"]
    assert sorted(o.id for o in match.rights) == sorted(opaque_id(*WHERE, "q-match", p) for p in ("north", "south"))


def test_student_models_are_frozen(quiz):
    copy = read_student_quiz(_data(quiz, "practice"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        copy.questions[0].points = 100  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        copy.salt = None  # type: ignore[misc]


def test_an_exam_copy_has_no_key_no_feedback_no_explanation(quiz):
    copy = read_student_quiz(_data(quiz, "exam"))
    assert copy.salt is None
    assert all(q.key == frozenset() and q.explanation is None for q in copy.questions)
    assert all(c.feedback is None for c in copy.question("q-closed").choices)
    with pytest.raises(ValueError, match="no answer key"):
        HashedAnswerKey(copy)


def test_older_files_without_optional_fields_still_load(quiz, tmp_path):
    data = _data(quiz, "practice")
    for item in data["questions"]:
        item.pop("links", None)
        item.pop("decimals", None)
    path = tmp_path / "quiz-check.student.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    copy, key, _ = load_student_quiz(path)
    assert copy.question("q-days").decimals == 0 and copy.question("q-days").links.events == []
    assert key.check("q-days", 3).correct


def test_a_file_of_another_format_is_refused(tmp_path):
    path = tmp_path / "x.student.json"
    path.write_text(json.dumps({"format": "lessonkit-student-quiz/2"}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a lessonkit student quiz"):
        load_student_quiz(path)
    with pytest.raises(ValueError, match="unknown question type 'essay'"):
        read_student_quiz({**_data_stub(), "questions": [{"id": "q", "type": "essay", "points": 1, "prompt": _t()}]})


def _t() -> dict:
    return {"en": "P", "ja": "問"}


def _data_stub() -> dict:
    return {"format": "lessonkit-student-quiz/1", "quiz": "q", "title": _t(), "mode": "exam"}


def test_the_hashed_key_refuses_unknown_ids(quiz):
    key = HashedAnswerKey(read_student_quiz(_data(quiz, "practice")))
    assert key.check("q-match", {"north": "north"}).status == "invalid"  # a pair id is not a right's id
    assert key.check("q-match", {"north": opaque_id(*WHERE, "q-match", "south")}).status == "wrong"
    with pytest.raises(RuntimeError, match="no answer key"):
        NoAnswerKey().check("q-match", {})


def test_a_saved_match_answer_comes_back_in_a_student_copy(quiz, tmp_path, monkeypatch):
    """Restoring checks the answer's shape against the copy's own ids (opaque for match rights)."""
    folder = tmp_path / "01-the-lake"
    folder.mkdir()
    student_quiz_path(folder, "check").write_text(json.dumps(_data(quiz, "practice")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def widget() -> Quiz:
        copy, key, data = load_student_quiz(student_quiz_path(folder, "check"))
        return Quiz(copy, mode=data["mode"], lesson_id=WHERE[1], answer_key=key, student="Ann")  # type: ignore[arg-type]

    first = widget()
    answer = {"north": opaque_id(*WHERE, "q-match", "north"), "south": opaque_id(*WHERE, "q-match", "south")}
    first.cards["q-match"].input.set(answer)
    first.cards["q-closed"].input.set("a")
    assert first.check("q-match").correct  # type: ignore[union-attr]
    assert first.save() is not None
    again = widget()  # restores what Ann saved
    assert again.answers() == {"q-match": answer, "q-closed": "a"}
