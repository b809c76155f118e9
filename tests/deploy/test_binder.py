"""Binder's build, reproduced: pinned requirements, then postBuild, in a fresh environment.

repo2docker installs binder/requirements.txt with pip, runs binder/postBuild from the
repository root, and opens the URL in the README's badge. This does the same in a new
virtual environment on a copy of the tracked files, then runs the start notebook with
that environment's own kernel.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]


def test_binder_files_are_pinned_and_complete():
    requirements = (REPO / "binder/requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in requirements if line.strip() and not line.startswith("#")]
    assert pins and all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.+-]*", p) for p in pins), pins
    assert "fonts-noto-cjk" in (REPO / "binder/apt.txt").read_text(encoding="utf-8").split()
    assert (REPO / "binder/postBuild").stat().st_mode & 0o111, "postBuild must be executable"
    overrides = json.loads((REPO / "binder/overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/notebook-extension:tracker"]["autoStartDefaultKernel"] is True


def test_every_dependency_of_the_package_is_pinned_for_binder():
    """postBuild installs lessonkit with --no-deps: each declared dependency needs its pin."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=!~\[ ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in project["dependencies"]}
    requirements = (REPO / "binder/requirements.txt").read_text(encoding="utf-8").splitlines()
    pinned = {line.split("==")[0].lower().replace("_", "-") for line in requirements if "==" in line}
    assert names <= pinned, f"not pinned in binder/requirements.txt: {sorted(names - pinned)}"


def test_readme_badge_opens_the_start_page():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    badge = re.search(r"\(https://mybinder\.org/v2/gh/[^)]+\)", readme)
    assert badge and "urlpath=lab/tree/notebooks/en/00-start-here.ipynb" in badge.group(0)
    assert (REPO / "notebooks/en/00-start-here.ipynb").is_file()


@pytest.mark.slow
def test_binder_build_runs_the_start_notebook(tmp_path):
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True)
    repo = tmp_path / "repo"
    for name in filter(None, tracked.stdout.split("\0")):
        if (REPO / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, repo / name)
    env_dir = tmp_path / "binder-env"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", "binder/requirements.txt"], cwd=repo, check=True)
    path = f"{env_dir / 'bin'}:/usr/bin:/bin"
    subprocess.run(["bash", "binder/postBuild"], cwd=repo, check=True, env={"PATH": path, "HOME": str(tmp_path)})
    settings = env_dir / "share/jupyter/lab/settings/overrides.json"
    assert json.loads(settings.read_text(encoding="utf-8"))["@jupyterlab/notebook-extension:tracker"]

    notebook = repo / "notebooks/en/00-start-here.ipynb"
    out = tmp_path / "executed.ipynb"
    code = (
        "import nbformat, sys; from nbclient import NotebookClient; "
        "nb = nbformat.read(sys.argv[1], as_version=4); "
        "meta = {'metadata': {'path': sys.argv[3]}}; "
        "NotebookClient(nb, timeout=180, kernel_name='python3', resources=meta).execute(); "
        "nbformat.write(nb, sys.argv[2])"
    )
    subprocess.run(
        [str(python), "-c", code, str(notebook), str(out), str(notebook.parent)],
        check=True,
        env={"PATH": path, "HOME": str(tmp_path)},
    )
    executed = nbformat.read(out, as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    assert outputs and not [o for o in outputs if o.output_type == "error"]
    assert any("text/html" in o.get("data", {}) for o in outputs)
