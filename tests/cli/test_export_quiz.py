"""`lessonkit export-quiz`: exit codes, where the file goes, notes on stderr, light imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest
from tests.export_readers import read_gift_py

import lessonkit
from lessonkit.cli.main import main

SAMPLE = str(lessonkit.sample_course_path())


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["export-quiz", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "json"])
def test_text_formats_go_to_stdout_with_notes_on_stderr(capsys, fmt):
    code, out, err = run(capsys, "01", "--course", SAMPLE, "--format", fmt)
    assert code == 0
    assert "q-closed" in out and "note:" not in out
    if fmt == "json":
        assert json.loads(out)["quiz"]["id"] == "check"
        assert err == ""
    else:
        assert "note: q-order:" in err


def test_gift_on_stdout_reads_back(capsys):
    _, out, _ = run(capsys, "01-the-lake", "--quiz", "check", "--course", SAMPLE, "--format", "gift", "--lang", "ja")
    assert [q.title for q in read_gift_py(out)] == [
        "q-closed",
        "q-wants",
        "q-talks",
        "q-order",
        "q-match",
        "q-days",
        "q-name",
    ]
    assert "ノースランド" in out


def test_qti_to_a_file(capsys, tmp_path):
    target = tmp_path / "quiz.zip"
    code, out, err = run(capsys, "01", "--course", SAMPLE, "--format", "qti", "-o", str(target))
    assert code == 0 and out == ""
    assert f"wrote {target} (7 questions)" in err
    with zipfile.ZipFile(target) as zf:
        assert "imsmanifest.xml" in zf.namelist()


def test_moodle_ordering_to_a_file(capsys, tmp_path):
    target = tmp_path / "quiz.xml"
    code, _, err = run(
        capsys, "01", "--course", SAMPLE, "--format", "moodle-xml", "--moodle-ordering", "-o", str(target)
    )
    assert code == 0
    types = [q.get("type") for q in ET.parse(target).getroot().findall("question")]
    assert "ordering" in types and "note: q-order: Moodle XML: exported as Moodle's ordering type" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["07"], "no lesson '07'"),
        (["01", "--quiz", "final"], "no quiz 'final'"),
    ],
)
def test_unknown_lesson_or_quiz_exits_1(capsys, argv, message):
    code, out, err = run(capsys, *argv, "--course", SAMPLE, "--format", "gift")
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err


def test_broken_course_exits_1(capsys, sample_copy):
    (sample_copy / "01-the-lake/quizzes.yaml").write_text("quizzes: [", encoding="utf-8")
    code, _, err = run(capsys, "01", "--course", str(sample_copy), "--format", "gift")
    assert code == 1 and "not valid YAML" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["01"], "--format"),
        (["01", "--format", "docx"], "invalid choice"),
        (["01", "--format", "gift", "--lang", "fr"], "invalid choice"),
        (["--format", "gift"], "lesson"),
        (["01", "--format", "qti"], "--format qti writes a zip file: give -o FILE"),
        (["01", "--format", "gift", "--moodle-ordering"], "--moodle-ordering is only for --format moodle-xml"),
    ],
)
def test_usage_errors_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv, "--course", SAMPLE)
    assert code == 2 and out == ""
    assert "usage:" in err and message in err and "Traceback" not in err


def test_export_quiz_imports_no_plotly_ipywidgets_or_pandas(tmp_path):
    code = (
        "import sys; from lessonkit.cli.main import main; "
        f"main(['export-quiz', '01', '--course', {SAMPLE!r}, '--format', 'qti', '-o', {str(tmp_path / 'q.zip')!r}]); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'plotly', 'ipywidgets', 'pandas', 'IPython'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_japanese_survives_a_non_utf8_console():
    argv = ["export-quiz", "01", "--course", SAMPLE, "--format", "gift", "--lang", "ja"]
    code = f"from lessonkit.cli.main import main; main({argv!r})"
    env = {"PYTHONIOENCODING": "ascii", "PATH": "", "LESSONKIT_CACHE_DIR": os.environ.get("LESSONKIT_CACHE_DIR", "off")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True)
    assert "ノースランド" in result.stdout.decode("utf-8")
