"""``lessonkit grade`` end to end: a class of 30 with hostile files mixed in, exit codes, no heavy imports."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from tests.grading_class import make_hostile, simulated_class, write

import lessonkit
from lessonkit.cli.main import main

SAMPLE = str(lessonkit.sample_course_path())


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_class_with_hostile_files(capsys, tmp_path):
    inbox = tmp_path / "inbox"
    simulated_class(inbox / "class", 30)
    expected = make_hostile(inbox / "junk")
    out, report = tmp_path / "grades.csv", tmp_path / "report.html"
    code, stdout, err = run(capsys, "grade", str(inbox), "--course", SAMPLE, "--out", str(out), "--report", str(report))
    assert code == 1
    assert stdout == ""
    assert err.startswith(f"graded 30 of {30 + len(expected)} files; {len(expected)} not graded\n")
    for name in expected:
        assert f"not graded: {inbox / 'junk' / name}: " in err or f"/{name}: " in err, name
    assert "Traceback" not in err
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 30 and len({r["student_id"] for r in rows}) == 30
    html = report.read_text(encoding="utf-8")
    assert html.count("<tr><td><code>") == len(expected)
    assert f"wrote gradebook: {out}" in err and f"wrote report: {report}" in err


def test_all_good_exits_0_and_prints_the_csv(capsys, tmp_path):
    simulated_class(tmp_path, 3)
    code, stdout, err = run(capsys, "grade", str(tmp_path), "--course", SAMPLE)
    assert code == 0
    assert not stdout.startswith("\ufeff"), "a terminal or pipe gets no byte-order mark"
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert [r["student_id"] for r in rows] == ["s-001", "s-002", "s-003"]
    assert "graded 3 of 3 files; 0 not graded" in err and "01-the-lake/check: 3 students, mean" in err


def test_course_found_upward(capsys, tmp_path, monkeypatch):
    import shutil

    shutil.copytree(SAMPLE, tmp_path / "lessons")
    write(tmp_path / "collected", "a.json")
    monkeypatch.chdir(tmp_path / "collected")
    code, stdout, _ = run(capsys, "grade", ".")
    assert code == 0 and "a.json" in stdout


def test_empty_folder_exits_1_and_says_so(capsys, tmp_path):
    code, _, err = run(capsys, "grade", str(tmp_path), "--course", SAMPLE)
    assert code == 1
    assert f"note: {tmp_path}: no .json file in this folder" in err


def test_warnings_and_clashes_are_printed_without_control_characters(capsys, tmp_path):
    write(tmp_path, "a.json", student_id="s-1", student_name="Ann\x1b]0;pwned\x07", answers={"q-days": "3"})
    write(tmp_path, "b.json", student_id="s-1", student_name="Bob", answers={"q-x": 1}, quiz="check")
    code, _, err = run(capsys, "grade", str(tmp_path), "--course", SAMPLE)
    assert "\x1b" not in err and "\x07" not in err and "\\x1b]0;pwned\\x07" in err
    assert "warning: " in err and "q-days: invalid answer: expected a number" in err
    assert "check: id 's-1' is used with different names" in err
    assert code == 1  # b.json, saved at the same second by the same id, is not graded


def test_usage_errors_exit_2(capsys, tmp_path):
    write(tmp_path, "a.json")
    for argv in (
        ["grade"],
        ["grade", str(tmp_path / "missing"), "--course", SAMPLE],
        ["grade", str(tmp_path), "--course", SAMPLE, "--lang", "fr"],
        ["grade", str(tmp_path), "--course", SAMPLE, "--out", str(tmp_path / "no" / "g.csv")],
        ["grade", str(tmp_path), "--course", SAMPLE, "--out", str(tmp_path / "x"), "--report", str(tmp_path / "x")],
    ):
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert "usage:" in err and "Traceback" not in err


def test_a_broken_course_exits_1(capsys, tmp_path, sample_copy):
    (sample_copy / "01-the-lake" / "quizzes.yaml").write_text("quizzes: [", encoding="utf-8")
    write(tmp_path / "in", "a.json")
    code, _, err = run(capsys, "grade", str(tmp_path / "in"), "--course", str(sample_copy))
    assert code == 1 and "not valid YAML" in err


def test_grade_imports_no_plotly_ipywidgets_or_pandas(tmp_path):
    write(tmp_path, "a.json")
    code = (
        "import sys; from lessonkit.cli.main import main; "
        f"main(['grade', {str(tmp_path)!r}, '--course', {SAMPLE!r}, '--out', {str(tmp_path / 'g.csv')!r}, "
        f"'--report', {str(tmp_path / 'r.html')!r}]); "
        "print('HEAVY', sorted({m.split('.')[0] for m in sys.modules} & {'plotly', 'ipywidgets', 'pandas', 'IPython'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out
    assert (tmp_path / "g.csv").exists() and (tmp_path / "r.html").exists()


def test_an_output_that_cannot_be_written_exits_1(capsys, tmp_path, monkeypatch):
    write(tmp_path / "in", "a.json")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "g.csv"))

    monkeypatch.setattr("lessonkit.teacher.grading.run.write_gradebook", full)
    code, _, err = run(capsys, "grade", str(tmp_path / "in"), "--course", SAMPLE, "--out", str(tmp_path / "g.csv"))
    assert code == 1 and "No space left on device" in err and "Traceback" not in err
