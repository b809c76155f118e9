"""A role-play lesson's student copies: one folder per role, each with only its own brief.

Privacy holds at the data level, not by hiding: ``roles.yaml`` (every role's private brief)
is never copied into a student folder. Each role's folder ``OUT/roles/<party>/`` is a complete
student copy of the lesson (the course's public facts, the lesson's metadata and quiz files)
plus the role's notebook, whose brief cell is rewritten to load the one brief file written
beside it (``brief-<lesson>-<party>.json``). A group handed its folder cannot read another
role's priorities, red lines, gains or risks, because no file in it holds them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat

from lessonkit.roleplay.brief_file import brief_filename, build_brief, write_brief
from lessonkit.teacher.assign.notebooks import student_notebook

if TYPE_CHECKING:
    from lessonkit.course.model import Course

CALL = "role_brief("


def brief_cell(party: str, lang: str, brief: str) -> str:
    """The code that opens this role's brief from its file, in place of the lesson's own cell."""
    call = f"lk.role_brief(course, ROLE, lang={json.dumps(lang)}, brief={json.dumps(brief)})"
    return f"ROLE = {json.dumps(party)}  # your role\n{call}"


def role_notebook(source: Path, party: str, lang: str, brief: str) -> nbformat.NotebookNode:
    """The student notebook for one role: the first cell that opens a brief opens this role's
    file; every other brief cell (another role's, such as the mediator's) is left out."""
    nb = student_notebook(source)
    cells, placed = [], False
    for cell in nb.cells:
        if cell.cell_type == "code" and CALL in cell.source:
            if placed:
                continue
            cell.source, placed = brief_cell(party, lang, brief), True
        cells.append(cell)
    if not placed:
        cells.append(nbformat.v4.new_code_cell(brief_cell(party, lang, brief)))
    nb.cells = cells
    nbformat.validate(nb)
    return nb


def write_role_files(
    course: Course, lesson: str, party: str, folder: Path, source: Path | None, lang: str
) -> Path | None:
    """The role's brief file and, when the lesson has a notebook, its notebook, in ``folder``.
    Returns the notebook's path (None when the lesson has no notebook)."""
    folder.mkdir(parents=True, exist_ok=True)
    name = brief_filename(lesson, party)
    write_brief(folder / name, build_brief(course, lesson, party))
    if source is None or not source.is_file():
        return None
    target = folder / f"{lesson}-{party}.ipynb"
    nbformat.write(role_notebook(source, party, lang, name), target)
    return target
