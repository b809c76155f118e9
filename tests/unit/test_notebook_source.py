"""Notebook sources (lessons/NN-slug/notebook.yaml): errors with file, line and field; the .ipynb they build."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from lessonkit.content.notebook import NotebookSource
from lessonkit.course.notebook_source import load_notebook_source, notebook_problems
from lessonkit.errors import LessonError
from lessonkit.teacher.build_notebooks import notebook_text

GOOD = """\
cells:
  - markdown:
      en: |
        # Lesson 1 · The lake

        Two countries share a **lake**.
      ja: |
        # レッスン1　湖

        二つの国が一つの湖を
        分け合っています。情報は **2024年6月30日** 時点のものです。
        - 項目
  - code: |
      import lessonkit as lk

      course = lk.load_course()
      lk.lesson_intro(course, "01", lang=LANG)
  - exercise:
      id: ex-01-1
      code: |
        # answer = ...
      solution: |
        answer = course.frame("events", lang=LANG)
  - check:
      id: ex-01-1-check
      points: 2
      code: |
        assert len(answer) == len(course.events)
        LANGUAGE = "kept"
  - code: |
      lk.role_brief(course, "01", "north", lang=LANG)
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "notebook.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(LessonError) as exc:
        load_notebook_source(_write(tmp_path, text))
    return [str(p).replace(str(tmp_path), "TMP") for p in exc.value.problems]


def test_a_good_source_loads(tmp_path):
    source = load_notebook_source(_write(tmp_path, GOOD))
    assert [c.kind for c in source.cells] == ["markdown", "code", "exercise", "check", "code"]
    assert source.cells[3].check is not None and source.cells[3].check.points == 2
    assert source.cells[1].code is not None and source.cells[1].code.startswith("import lessonkit")
    assert load_notebook_source(tmp_path) == source  # the lesson folder works too


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "cells:\n  - markdown:\n      en: Hi\n      ja: やあ\n      fr: Salut\n",
            "TMP/notebook.yaml:5: cells[0].markdown.fr: is not a known field (check the spelling)",
        ),
        (
            "cells:\n  - markdown:\n      en: Hi\n",
            "TMP/notebook.yaml:2: cells[0].markdown.ja: is required but missing",
        ),
        (
            "cells:\n  - code: x = 1\n  - text: |\n      Hi\n",
            "TMP/notebook.yaml:3: cells[1]: 'text' is not a kind of cell; use one of markdown, code, exercise, check",
        ),
        (
            "cells:\n  - exercise:\n      code: '# x = ...'\n      solution: x = 1\n",
            "TMP/notebook.yaml:2: cells[0].exercise.id: is required but missing",
        ),
        (
            "cells:\n  - check:\n      id: c-1\n      points: many\n      code: assert x\n",
            "TMP/notebook.yaml:4: cells[0].check.points: 'many' is not a number",
        ),
        (
            "cells:\n  - code: x = 1\n    markdown:\n      en: a\n      ja: b\n",
            "TMP/notebook.yaml:2: cells[0]: a cell is one of markdown, code, exercise, check, not code and markdown",
        ),
        ("cells:\n  - code:\n", "TMP/notebook.yaml:2: cells[0]: the code cell is empty"),
        ("cells:\n  - code: '  '\n", "TMP/notebook.yaml:2: cells[0].code: must not be empty"),
        ("cells: []\n", "TMP/notebook.yaml:1: cells: list should have at least 1 item after validation, not 0"),
        ("title: x\n", "TMP/notebook.yaml:1: title: is not a known field (check the spelling)"),
        ("cells:\n  - code: [\n", "TMP/notebook.yaml:3: not valid YAML"),
        (
            "cells:\n  - exercise:\n      id: ex-1\n      code: a\n      solution: b\n"
            "  - check:\n      id: ex-1\n      code: assert b\n",
            "TMP/notebook.yaml:7: cells[1].check.id: 'ex-1' is already the id of cells[0]; nbgrader needs each id once",
        ),
    ],
    ids=[
        "unknown-key",
        "missing-ja",
        "bad-kind",
        "exercise-without-id",
        "points-not-a-number",
        "two-kinds",
        "empty-cell",
        "blank-code",
        "no-cells",
        "unknown-top-key",
        "yaml-syntax",
        "duplicate-id",
    ],
)
def test_broken_sources_name_file_line_and_field(tmp_path, text, expected):
    found = _problems(tmp_path, text)
    assert any(p.startswith(expected) for p in found), found


def test_notebook_problems_checks_lesson_folders_only(tmp_path):
    (tmp_path / "01-a").mkdir()
    (tmp_path / "01-a" / "lesson.yaml").write_text("id: 01-a\n", encoding="utf-8")
    (tmp_path / "01-a" / "notebook.yaml").write_text("cells:\n  - markdown:\n      en: Hi\n", encoding="utf-8")
    (tmp_path / "02-draft").mkdir()  # not a lesson folder yet (no lesson.yaml): not checked
    (tmp_path / "02-draft" / "notebook.yaml").write_text("cells: [\n", encoding="utf-8")
    problems = notebook_problems(tmp_path)
    assert [(Path(p.path).name, p.line, p.field) for p in problems] == [("notebook.yaml", 2, "cells[0].markdown.ja")]


def _built(lang: str) -> dict:
    source = NotebookSource.model_validate({"cells": _cells()})
    return json.loads(notebook_text(source, "01-the-lake", lang))


def _cells() -> list:
    import yaml

    return yaml.safe_load(GOOD)["cells"]


def test_building_replaces_lang_in_code_only_and_joins_japanese():
    en, ja = _built("en"), _built("ja")
    assert [c["id"] for c in en["cells"]] == ["01-00", "01-01", "01-02", "01-03", "01-04"]
    assert "".join(en["cells"][0]["source"]) == "# Lesson 1 · The lake\n\nTwo countries share a **lake**."
    # soft-wrapped Japanese lines joined, spaces around bold dropped, the list item kept on its own line
    assert "".join(ja["cells"][0]["source"]) == (
        "# レッスン1　湖\n\n二つの国が一つの湖を分け合っています。情報は**2024年6月30日**時点のものです。\n- 項目"
    )
    assert "".join(ja["cells"][1]["source"]).endswith('lk.lesson_intro(course, "01", lang="ja")')
    assert "".join(en["cells"][4]["source"]) == 'lk.role_brief(course, "01", "north", lang="en")'
    check = "".join(ja["cells"][3]["source"])
    assert 'LANGUAGE = "kept"' in check  # only the word LANG is replaced


def test_exercise_and_check_cells_carry_nbgrader_metadata():
    cells = _built("en")["cells"]
    exercise, check = cells[2], cells[3]
    assert "".join(exercise["source"]) == (
        '# answer = ...\n### BEGIN SOLUTION\nanswer = course.frame("events", lang="en")\n### END SOLUTION'
    )
    assert exercise["metadata"]["nbgrader"] == {
        "grade": False,
        "grade_id": "ex-01-1",
        "locked": False,
        "schema_version": 3,
        "solution": True,
        "task": False,
    }
    assert check["metadata"]["nbgrader"]["points"] == 2
    assert check["metadata"]["nbgrader"]["locked"] is True and check["metadata"]["nbgrader"]["grade"] is True
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in cells if c["cell_type"] == "code")


def test_the_json_is_what_nbformat_writes(tmp_path):
    """Byte for byte: the library writes the JSON itself, as nbformat would."""
    source = NotebookSource.model_validate({"cells": _cells()})
    for lang in ("en", "ja"):
        text = notebook_text(source, "01-the-lake", lang)
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
        path = tmp_path / f"{lang}.ipynb"
        nbformat.write(nb, path)
        assert path.read_text(encoding="utf-8") == text
