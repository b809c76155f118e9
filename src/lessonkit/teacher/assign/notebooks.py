"""Student notebooks: outputs cleared and exercise solutions removed, the nbgrader way.

Solution cells keep their nbgrader metadata, and the code between ``### BEGIN SOLUTION``
and ``### END SOLUTION`` becomes the stub nbgrader itself writes, so a teacher who uses
nbgrader can take the notebooks as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
_SOLUTION = re.compile(rf"^([ \t]*){re.escape(BEGIN)}[^\n]*\n.*?^[ \t]*{re.escape(END)}[^\n]*$", re.M | re.S)


class NotebookError(ValueError):
    pass


def strip_solutions(source: str) -> str:
    """Replace every marked solution by the stub, keeping its indentation."""
    if source.count(BEGIN) != source.count(END):
        raise NotebookError("unbalanced ### BEGIN SOLUTION / ### END SOLUTION markers")

    def stub(match: re.Match[str]) -> str:
        indent = match.group(1)
        return "\n".join(indent + line for line in STUB.splitlines())

    return _SOLUTION.sub(stub, source)


def student_notebook(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs, cell.execution_count = [], None
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") or BEGIN in cell.source:
            try:
                cell.source = strip_solutions(cell.source)
            except NotebookError as exc:
                raise NotebookError(f"{path.name}: cell {cell.get('id', '?')}: {exc}") from None
    nbformat.validate(nb)
    return nb
