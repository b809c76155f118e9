"""The responses file: written atomically, read back strictly, hostile files refused with a clear message."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from lessonkit.quizzes.responses import (
    FORMAT,
    Responses,
    ResponsesError,
    build_responses,
    default_filename,
    parse_responses,
    read_responses,
    write_responses,
)

STARTED = dt.datetime(2025, 2, 18, 9, 0, tzinfo=dt.UTC)
SAVED = dt.datetime(2025, 2, 18, 18, 30, 15, 123456, tzinfo=dt.timezone(dt.timedelta(hours=9)))
ANSWERS = {
    "q-closed": "a",
    "q-wants": ["b", "c"],
    "q-talks": True,
    "q-order": ["closed", "talks"],
    "q-match": {"north": "north", "south": "south"},
    "q-days": 3.5,
    "q-name": "ノースランド",
}


def build(**overrides):
    args = {
        "course": "lake-treaty-sample",
        "lesson": "01-the-lake",
        "quiz": "check",
        "language": "ja",
        "mode": "exam",
        "student_name": "山田 花子",
        "student_id": "s-042",
        "answers": ANSWERS,
        "started": STARTED,
        "saved": SAVED,
        "version": "0.1.0",
    }
    return build_responses(**{**args, **overrides})


def test_build_has_exactly_the_documented_fields():
    data = build()
    assert list(data) == [
        "format",
        "course",
        "lesson",
        "quiz",
        "language",
        "mode",
        "student",
        "answers",
        "started",
        "saved",
        "lessonkit",
    ]
    assert data["format"] == FORMAT == "lessonkit-responses/1"
    assert data["student"] == {"name": "山田 花子", "id": "s-042"}
    assert data["started"] == "2025-02-18T09:00:00Z"
    assert data["saved"] == "2025-02-18T09:30:15Z"  # converted to UTC, whole seconds


def test_build_defaults_to_now_and_this_version():
    import lessonkit

    data = build(saved=None, version=None)
    assert data["lessonkit"] == lessonkit.__version__
    saved = dt.datetime.fromisoformat(data["saved"])
    assert abs(saved - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_build_refuses_what_would_not_read_back():
    with pytest.raises(ResponsesError, match="longer than 2000"):
        build(answers={"q-name": "x" * 2001})
    with pytest.raises(ResponsesError, match="give a name or an id"):
        build(student_name=" ", student_id="")


def test_write_then_read_round_trips(tmp_path):
    path = write_responses(tmp_path / "r.json", build())
    text = path.read_text(encoding="utf-8")
    assert "山田 花子" in text and "ノースランド" in text  # ensure_ascii=False: readable by a teacher
    responses = read_responses(path)
    assert isinstance(responses, Responses)
    assert responses.answers == ANSWERS
    assert responses.student.name == "山田 花子"
    assert responses.saved == dt.datetime(2025, 2, 18, 9, 30, 15, tzinfo=dt.UTC)
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_write_replaces_atomically_and_cleans_up_on_failure(tmp_path, monkeypatch):
    path = write_responses(tmp_path / "r.json", build())
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("lessonkit.quizzes.responses.os.replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_responses(path, build(answers={"q-closed": "b"}))
    assert path.read_bytes() == before  # the old file is whole
    assert list(tmp_path.iterdir()) == [path]  # and the temporary file is gone


def test_default_filename():
    assert default_filename("01-the-lake", "check", "Ann Lee", "S-042") == "responses-01-the-lake-check-s-042.json"
    assert default_filename("01-the-lake", "check", "Ann Lee") == "responses-01-the-lake-check-ann-lee.json"
    assert default_filename("01-the-lake", "check", "山田　花子") == "responses-01-the-lake-check-山田-花子.json"
    assert default_filename("01", "check", "../../etc/passwd") == "responses-01-check-etc-passwd.json"
    assert default_filename("01", "check", "<script>", "") == "responses-01-check-script.json"
    assert default_filename("01", "check", "  ", "") == "responses-01-check-anonymous.json"
    assert len(default_filename("01", "check", "x" * 500)) < 100


def write_json(tmp_path, obj) -> object:
    path = tmp_path / "responses.json"
    path.write_text(obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def good() -> dict:
    return build()


BAD = {
    "not-json": ("{answers: 1", "not valid JSON"),
    "empty-file": ("", "not valid JSON"),
    "nan": ('{"format": "lessonkit-responses/1", "x": NaN}', "NaN is not a number JSON allows"),
    "huge-integer": ('{"format": "lessonkit-responses/1", "x": ' + "9" * 5000 + "}", "not valid JSON"),
    "deeply-nested": ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
    "a-list": ([good()], "expected a JSON object"),
    "a-string": ('"lessonkit-responses/1"', "expected a JSON object"),
    "no-format": ({k: v for k, v in good().items() if k != "format"}, "not a lessonkit responses file"),
    "other-format": ({**good(), "format": "nbgrader"}, "format is 'nbgrader'"),
    "newer-format": ({**good(), "format": "lessonkit-responses/2"}, "update lessonkit"),
    "missing-quiz": ({k: v for k, v in good().items() if k != "quiz"}, "quiz: missing"),
    "missing-answers": ({k: v for k, v in good().items() if k != "answers"}, "answers: missing"),
    "unknown-field": ({**good(), "grade": 100}, "grade: unknown field"),
    "student-extra": ({**good(), "student": {"name": "a", "id": "", "admin": True}}, "student.admin: unknown field"),
    "name-not-text": ({**good(), "student": {"name": 7, "id": ""}}, "student.name"),
    "no-student": ({**good(), "student": {"name": "", "id": ""}}, "give a name or an id"),
    "bad-language": ({**good(), "language": "fr"}, "language"),
    "bad-mode": ({**good(), "mode": "homework"}, "mode"),
    "course-path": ({**good(), "course": "../etc"}, "course"),
    "answers-not-object": ({**good(), "answers": ["a"]}, "answers"),
    "question-id-path": ({**good(), "answers": {"../x": "a"}}, "is not a question id"),
    "answer-object-of-numbers": ({**good(), "answers": {"q": {"a": 1}}}, "answers.q: not an answer"),
    "answer-null": ({**good(), "answers": {"q": None}}, "answers.q: not an answer"),
    "text-too-long": ({**good(), "answers": {"q": "x" * 2001}}, "answers.q: text answer longer than 2000"),
    "too-many-answers": ({**good(), "answers": {f"q{i}": 1 for i in range(501)}}, "more than 500 answers"),
    "long-id-list": ({**good(), "answers": {"q": ["a"] * 201}}, "more than 200 ids"),
    "started-number": ({**good(), "started": 0}, "started: must be an ISO 8601 timestamp"),
    "started-not-utc": ({**good(), "started": "2025-02-18T18:00:00+09:00"}, "started: must be in UTC"),
    "started-naive": ({**good(), "started": "2025-02-18T09:00:00"}, "started"),
    "saved-garbage": ({**good(), "saved": "yesterday"}, "saved"),
    "version-number": ({**good(), "lessonkit": 1}, "lessonkit"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_files_are_refused_naming_file_and_problem(tmp_path, case):
    content, message = BAD[case]
    path = write_json(tmp_path, content)
    with pytest.raises(ResponsesError) as info:
        read_responses(path)
    text = str(info.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "Traceback" not in text and "pydantic" not in text.lower()
    assert isinstance(info.value, ValueError)


def test_file_over_a_megabyte_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 1_000_001)
    monkeypatch.setattr("pathlib.Path.read_bytes", lambda self: pytest.fail("read a huge file"))
    with pytest.raises(ResponsesError, match="larger than 1 MB"):
        read_responses(path)


def test_huge_text_is_refused_by_parse_too():
    with pytest.raises(ResponsesError, match="larger than 1 MB"):
        parse_responses("[" + " " * 1_000_001 + "]", "pasted")


def test_not_utf8_is_refused(tmp_path):
    path = tmp_path / "r.json"
    path.write_bytes(json.dumps(good()).encode("utf-8").replace(b"check", b"\xff\xfe"))
    with pytest.raises(ResponsesError, match="not UTF-8"):
        read_responses(path)


def test_missing_file_is_a_responses_error(tmp_path):
    with pytest.raises(ResponsesError, match="cannot read"):
        read_responses(tmp_path / "nope.json")


def test_byte_order_mark_is_tolerated(tmp_path):
    path = tmp_path / "r.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(good()).encode("utf-8"))
    assert read_responses(path).quiz == "check"


def test_script_in_student_name_is_kept_as_data(tmp_path):
    data = build(student_name="<script>alert(1)</script>", student_id="")
    responses = read_responses(write_responses(tmp_path / "r.json", data))
    assert responses.student.name == "<script>alert(1)</script>"  # stored verbatim; escaped where shown


def test_strict_types_do_not_coerce(tmp_path):
    answers = {"a": "true", "b": "3", "c": 3, "d": False, "e": 2.5}
    responses = read_responses(write_json(tmp_path, {**good(), "answers": answers}))
    assert responses.answers == answers
    assert [type(v) for v in responses.answers.values()] == [str, str, int, bool, float]


def test_errors_are_capped_and_deduplicated():
    data = {**good(), "answers": {f"q{i}": {"a": i} for i in range(50)}}
    with pytest.raises(ResponsesError) as info:
        parse_responses(json.dumps(data), "f.json")
    assert "(and 47 more)" in str(info.value)
    assert len(str(info.value)) < 1000


def test_module_does_not_import_widgets():
    import subprocess

    code = (
        "import lessonkit.quizzes.responses, lessonkit.quizzes.scoring, lessonkit.quizzes.textmatch, sys; "
        "print('ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_documented_example_is_valid():
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "responses-format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", doc, re.S).group(1)
    responses = parse_responses(example, "docs/responses-format.md")
    assert responses.format == FORMAT
    assert set(responses.answers) == set(ANSWERS)
