"""Every notebook: committed clean, the same in English and Japanese, and run by a real kernel."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
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


def _can_isolate() -> bool:
    """Whether a process can be put in a network namespace of its own (root on Linux)."""
    unshare = shutil.which("unshare")
    return bool(unshare) and subprocess.run([unshare, "--net", "true"], capture_output=True).returncode == 0


OFFLINE = _can_isolate()


# Run after a lesson in the same kernel: what plotly's display path would have imported, and
# plotly's figure classes, which a lesson that only shows the course's figures never needs
# (figures/figure.py: a course figure is built on first use).
HEAVY_PROBE = (
    "import sys\n"
    "print(sorted(m for m in sys.modules if m.split('.')[0] in ('nbformat', 'jsonschema')"
    " or m in ('plotly.io._renderers', 'plotly.graph_objects', 'plotly.basedatatypes')))"
)


def execute(path: Path, tmp_path: Path, probe: str | None = None) -> nbformat.NotebookNode:
    """Run a notebook under a real kernel; with no network at all where the machine allows.

    The kernel runs in a network namespace of its own (``unshare --net``) and talks to this
    process over IPC sockets, so any attempt to reach the network fails as it would offline.
    """
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    nb = read(path)
    if probe is not None:
        nb.cells.append(nbformat.v4.new_code_cell(probe))
    km = KernelManager(kernel_name="python3")
    if OFFLINE:
        km.transport, km.ip = "ipc", str(tmp_path / "kernel-ipc")
        km.connection_file = str(tmp_path / "kernel.json")
        spec = km.kernel_spec
        spec.argv = ["unshare", "--net", "--", sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    client = NotebookClient(nb, km=km, timeout=180, resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    finally:  # a kernel manager we made is ours to shut down, sockets and all
        if client.kc is not None:
            client.kc.stop_channels()
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        km.cleanup_resources()
    return nb


@pytest.mark.slow
def test_notebooks_run_offline_here():
    """CI runs as root, so the notebooks below must have run with the network cut off."""
    if os.geteuid() != 0:
        pytest.skip("not root: notebooks run with the network available (unshare needs root)")
    assert OFFLINE, "unshare --net failed as root: the offline guarantee is not being tested"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_without_error_or_warning(path, tmp_path):
    nb = execute(path, tmp_path, probe=HEAVY_PROBE)
    probe = nb.cells.pop()
    imported = "".join(o.get("text", "") for o in probe.outputs).strip()
    assert imported == "[]", (
        f"{path.name}: the lesson's figures imported {imported} (plotly's renderer path or figure classes)"
    )
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            assert output.output_type != "error", f"{path.name}: {output.get('ename')}: {output.get('evalue')}"
            if output.output_type == "stream":
                assert output.name != "stderr", f"{path.name}: wrote to stderr:\n{output.text}"
