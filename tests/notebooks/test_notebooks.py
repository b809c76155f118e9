"""Every notebook: committed clean, the same in English and Japanese, and run by a real kernel."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*/*.ipynb"))
IDS = [f"{p.parent.name}/{p.stem}" for p in NOTEBOOKS]


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def test_there_are_notebooks_in_both_languages():
    names = {lang: {p.name for p in NOTEBOOKS if p.parent.name == lang} for lang in ("en", "ja")}
    assert names["en"], "no notebooks found"
    assert names["en"] == names["ja"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_without_outputs(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: strip outputs before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_valid_notebook(path):
    nbformat.validate(read(path))


def _code_shape(source: str) -> str:
    """Code with its language switched off, so en and ja cells compare equal."""
    return re.sub(r"""(lang\s*=\s*)["'](en|ja)["']""", r"\1LANG", source)


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.parent.name == "en"], ids=lambda p: p.stem)
def test_english_and_japanese_have_the_same_cells(path):
    en, ja = read(path), read(path.parent.parent / "ja" / path.name)
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in ja.cells]
    for a, b in zip(en.cells, ja.cells, strict=True):
        if a.cell_type == "code":
            assert _code_shape(a.source) == _code_shape(b.source)
            assert a.source.count('lang="en"') == b.source.count('lang="ja"')


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_cells_stay_thin(path):
    """Logic belongs in lessonkit: no function or class definitions in a lesson's cells."""
    for cell in read(path).cells:
        if cell.cell_type == "code" and "nbgrader" not in cell.metadata:
            assert not re.search(r"^\s*(def|class) ", cell.source, re.M), cell.source
            assert len(cell.source.splitlines()) <= 6, cell.source


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_without_error_or_warning(path):
    from nbclient import NotebookClient

    nb = read(path)
    client = NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            assert output.output_type != "error", f"{path.name}: {output.get('ename')}: {output.get('evalue')}"
            if output.output_type == "stream":
                assert output.name != "stderr", f"{path.name}: wrote to stderr:\n{output.text}"
