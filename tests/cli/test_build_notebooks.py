"""``lessonkit build-notebooks``: writes notebooks/en and notebooks/ja; --check lists differences, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from lessonkit.cli.main import main

SOURCE = """\
cells:
  - markdown:
      en: |
        # The lake
      ja: |
        # 湖
  - code: |
      import lessonkit as lk

      course = lk.load_course()
      lk.lesson_intro(course, "01", lang=LANG)
"""


def _course(sample_copy: Path) -> Path:
    (sample_copy / "01-the-lake" / "notebook.yaml").write_text(SOURCE, encoding="utf-8")
    return sample_copy


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_writes_both_languages_then_check_passes(capsys, sample_copy, tmp_path):
    course, out = _course(sample_copy), tmp_path / "nb"
    code, _, err = run(capsys, "build-notebooks", "--course", str(course), "--out", str(out), "--check")
    assert code == 1 and "2 of 2 notebooks out of date" in err
    assert not out.exists()  # --check writes nothing
    code, stdout, _ = run(capsys, "build-notebooks", "--course", str(course), "--out", str(out))
    assert code == 0 and "2 written" in stdout
    ja = json.loads((out / "ja" / "01-the-lake.ipynb").read_text(encoding="utf-8"))
    assert ja["cells"][1]["source"][-1] == 'lk.lesson_intro(course, "01", lang="ja")'
    assert (out / "en" / "01-the-lake.ipynb").is_file()
    code, stdout, _ = run(capsys, "build-notebooks", "--course", str(course), "--out", str(out), "--check")
    assert code == 0 and "2 notebooks up to date" in stdout
    code, stdout, _ = run(capsys, "build-notebooks", "--course", str(course), "--out", str(out))
    assert code == 0 and "0 written" in stdout


def test_check_names_the_notebook_that_differs(capsys, sample_copy, tmp_path):
    course, out = _course(sample_copy), tmp_path / "nb"
    assert run(capsys, "build-notebooks", "--course", str(course), "--out", str(out))[0] == 0
    edited = out / "en" / "01-the-lake.ipynb"
    edited.write_text(edited.read_text(encoding="utf-8").replace("The lake", "The sea"), encoding="utf-8")
    code, stdout, _ = run(capsys, "build-notebooks", "--course", str(course), "--out", str(out), "--check")
    assert code == 1
    assert "en/01-the-lake.ipynb differs from" in stdout and "notebook.yaml" in stdout
    assert "ja/01-the-lake.ipynb" not in stdout
    assert run(capsys, "build-notebooks", "--course", str(course), "--out", str(out))[0] == 0
    assert "The lake" in edited.read_text(encoding="utf-8")


def test_default_out_is_notebooks_beside_the_course(capsys, sample_copy):
    course = _course(sample_copy)
    assert run(capsys, "build-notebooks", "--course", str(course))[0] == 0
    assert (course.parent / "notebooks" / "ja" / "01-the-lake.ipynb").is_file()


def test_a_broken_source_fails_with_file_and_line(capsys, sample_copy, tmp_path):
    (sample_copy / "01-the-lake" / "notebook.yaml").write_text(
        "cells:\n  - markdown:\n      en: Hi\n", encoding="utf-8"
    )
    code, _, err = run(capsys, "build-notebooks", "--course", str(sample_copy), "--out", str(tmp_path / "nb"))
    assert code == 1
    assert "01-the-lake/notebook.yaml:2: cells[0].markdown.ja: is required but missing" in err
    assert "Traceback" not in err and not (tmp_path / "nb").exists()
    code, _, err = run(capsys, "check", str(sample_copy))
    assert code == 1 and "notebook.yaml:2: cells[0].markdown.ja" in err


def test_nothing_to_build(capsys, sample_copy, tmp_path):
    code, _, err = run(capsys, "build-notebooks", "--course", str(sample_copy), "--out", str(tmp_path / "nb"))
    assert code == 0 and "nothing to build" in err


def test_students_copies_carry_no_notebook_source(capsys, sample_copy, tmp_path):
    """notebook.yaml holds the exercises' solutions: lessonkit assign never copies it."""
    source = SOURCE + (
        "  - exercise:\n      id: ex-lake\n      code: |\n        # answer = ...\n"
        "      solution: |\n        answer = 'SECRET-SOLUTION'\n"
    )
    (sample_copy / "01-the-lake" / "notebook.yaml").write_text(source, encoding="utf-8")
    assert run(capsys, "build-notebooks", "--course", str(sample_copy))[0] == 0
    out = tmp_path / "class"
    assert run(capsys, "assign", "01", "--course", str(sample_copy), "--out", str(out))[0] == 0
    student = out / "student"
    assert (student / "notebooks/en/01-the-lake.ipynb").is_file()
    assert not list(student.rglob("notebook.yaml"))
    assert not any("SECRET-SOLUTION" in p.read_text(encoding="utf-8") for p in student.rglob("*") if p.is_file())
