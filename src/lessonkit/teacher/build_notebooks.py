"""Build each lesson's English and Japanese notebooks from its ``notebook.yaml``.

The ``.ipynb`` JSON is written here, byte for byte as nbformat writes it (keys sorted, indent 1,
UTF-8 text, sources split into lines, a final newline), so building needs no nbformat. Cells get
deterministic ids (``NN-ii``: the lesson folder's number and the cell's index) and no outputs.

- Markdown: the English text without leading and trailing blank lines; the Japanese text with its
  soft-wrapped lines joined and the spaces around bold dropped (``lessonkit.text.ja_join``).
- Code: the word ``LANG`` becomes ``"en"`` or ``"ja"``.
- Exercise: the starting code, then the solution between ``### BEGIN SOLUTION`` and
  ``### END SOLUTION`` (``lessonkit assign`` removes it from students' copies), with nbgrader's
  solution-cell metadata. Check: the asserts, with nbgrader's locked, graded metadata.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lessonkit.content.notebook import Cell, NotebookSource
from lessonkit.course.notebook_source import NOTEBOOK_FILE, listed_lessons, read_notebook_source
from lessonkit.errors import LessonError, Problem
from lessonkit.text.ja_join import ja_join, ja_tighten

LANGS = ("en", "ja")

METADATA = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}

_LANG = re.compile(r"\bLANG\b")


def _nbgrader(grade_id: str, *, solution: bool, points: int | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "grade": not solution,
        "grade_id": grade_id,
        "locked": not solution,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _cell(cell: Cell, lang: str, cell_id: str) -> dict[str, Any]:
    if cell.markdown is not None:
        text = cell.markdown.en.strip("\n") if lang == "en" else ja_tighten(ja_join(cell.markdown.ja), strict=True)
        return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": text}
    metadata: dict[str, Any] = {}
    if cell.exercise is not None:
        ex = cell.exercise
        src = f"{ex.code.strip()}\n### BEGIN SOLUTION\n{ex.solution.strip()}\n### END SOLUTION"
        metadata = _nbgrader(ex.id, solution=True)
    elif cell.check is not None:
        src = cell.check.code.strip("\n")
        metadata = _nbgrader(cell.check.id, solution=False, points=cell.check.points)
    else:
        src = (cell.code or "").strip("\n")
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": cell_id,
        "metadata": metadata,
        "outputs": [],
        "source": _LANG.sub(f'"{lang}"', src),
    }


def notebook_text(source: NotebookSource, name: str, lang: str) -> str:
    """The ``.ipynb`` file (JSON text) of lesson folder ``name`` in ``lang``."""
    cells = [_cell(cell, lang, f"{name[:2]}-{i:02d}") for i, cell in enumerate(source.cells)]
    for cell in cells:
        cell["source"] = cell["source"].splitlines(True)
    nb = {"cells": cells, "metadata": METADATA, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, sort_keys=True, indent=1, separators=(",", ": "), ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class Built:
    """One notebook as its source builds it."""

    source: Path
    path: Path
    text: str

    def differs(self) -> bool:
        """Whether the file on disk is missing or differs from what the source builds."""
        try:
            return self.path.read_bytes() != self.text.encode("utf-8")
        except OSError:
            return True

    def write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(self.text.encode("utf-8"))


def build_notebooks(course_root: str | Path, out: str | Path | None = None) -> list[Built]:
    """Every notebook of every lesson listed in the course that has a ``notebook.yaml``, built in
    memory (nothing is written): ``out/en/<folder>.ipynb`` and ``out/ja/<folder>.ipynb``, ``out``
    being ``notebooks/`` beside the course by default. Raise ``LessonError`` listing every problem
    in the sources; ``NeedsMarkdownIt`` without markdown-it-py."""
    root = Path(course_root)
    out_dir = Path(out) if out is not None else root.parent / "notebooks"
    problems: list[Problem] = []
    built: list[Built] = []
    for name in listed_lessons(root):
        path = root / name / NOTEBOOK_FILE
        if not path.is_file():
            continue
        source = read_notebook_source(path, problems)
        if source is None:
            continue
        built += [Built(path, out_dir / lang / f"{name}.ipynb", notebook_text(source, name, lang)) for lang in LANGS]
    if problems:
        raise LessonError(problems)
    return built
