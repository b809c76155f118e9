"""What every benchmark shares: statistics, kernel memory, running a notebook under a kernel.

Nothing here asserts: benchmarks measure and report, the runner (``run.py``) compares
with the targets. Times are wall-clock (``time.perf_counter``); memory is the kernel
process's resident set (``VmRSS`` in ``/proc/<pid>/status``), its peak ``VmHWM``.
"""

from __future__ import annotations

import copy
import math
import os
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
LESSONS = REPO / "lessons"
ARTIFACTS = REPO / "test-artifacts" / "benchmarks"

# The floors a lesson is compared with, each a fresh kernel that imports the three libraries
# every lesson needs and shows one figure:
# - the bare notebook shows it the usual way, as a cell's value, through plotly's renderers
#   (which import nbformat and jsonschema: about a second the first time);
# - the trap-free floor sends the figure's own mimetype, as lessonkit does, and so never
#   imports plotly's renderers: the least a notebook with these libraries can cost.
BARE_CELLS = [
    "import pandas as pd\nimport plotly\nimport plotly.graph_objects as go\nimport ipywidgets as widgets",
    "go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[2, 1, 3, 2], mode='lines+markers'))",
]
TRAP_FREE_CELLS = [
    "import pandas as pd\nimport plotly.graph_objects as go\nimport ipywidgets as widgets\n"
    "from IPython.display import display",
    "fig = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[2, 1, 3, 2], mode='lines+markers'))\n"
    "display({'application/vnd.plotly.v1+json': fig.to_plotly_json(), 'text/plain': 'a line'}, raw=True)",
]
FLOOR_CELLS = BARE_CELLS  # the name earlier reports used
FLOORS = {"bare": BARE_CELLS, "trap_free": TRAP_FREE_CELLS}


# -- statistics ----------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def p95(values: Sequence[float]) -> float:
    """95th percentile, nearest rank: the value 95 % of the samples do not exceed."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """Median, 95th percentile and maximum in milliseconds, and the sample count."""
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "median_ms": median(ms), "p95_ms": p95(ms), "max_ms": max(ms) if ms else math.nan}


def timed(fn, *args: Any, **kwargs: Any) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


# -- memory --------------------------------------------------------------------


def proc_status(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of a process in MB (MiB), from /proc."""
    found = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(rest.split()[0]) / 1024
    return found


def rss_mb(pid: int) -> float:
    try:
        return proc_status(pid).get("VmRSS", math.nan)
    except OSError:
        return math.nan


def cpu_s(pid: int) -> float:
    """User plus system CPU time a process has used, in seconds (from /proc/<pid>/stat)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return math.nan
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def kernel_pid(km: Any) -> int:
    """The kernel's process id, from jupyter_client's local provisioner."""
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is None or getattr(process, "pid", None) is None:
        raise RuntimeError("cannot find the kernel's process (not a local kernel?)")
    return int(process.pid)


def kernel_manager(folder: Path, *, asynchronous: bool = False) -> Any:
    """A python3 kernel manager that talks to its kernel over IPC sockets in ``folder``.

    As the notebook tests do: no TCP ports to run out of with 30 kernels, and no warning
    about unencrypted TCP on every start.
    """
    from jupyter_client.manager import AsyncKernelManager, KernelManager

    km = (AsyncKernelManager if asynchronous else KernelManager)(kernel_name="python3")
    km.transport, km.ip = "ipc", str(folder / "kernel-ipc")
    km.connection_file = str(folder / "kernel.json")
    return km


# -- notebooks -----------------------------------------------------------------


def floor_notebook(cells: Sequence[str] = BARE_CELLS) -> Any:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def lesson_notebooks(langs: Sequence[str] = ("en", "ja")) -> list[Path]:
    return [p for lang in langs for p in sorted((NOTEBOOKS / lang).glob("[0-9][0-9]-*.ipynb"))]


def label(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@dataclass
class Run:
    """One notebook run under a fresh kernel."""

    start_s: float  # kernel start until it answers
    cells_s: float  # Run All: first cell sent until the last cell's reply
    rss_mb: float  # kernel RSS after Run All
    hwm_mb: float  # kernel peak RSS
    cpu_s: float  # kernel CPU time (user + system) during Run All: robust to a busy machine
    cell_rss_mb: list[float] = field(default_factory=list)  # RSS when ready, then after each code cell
    cell_s: list[float] = field(default_factory=list)  # wall time of each code cell
    nb: Any = None  # the executed notebook

    @property
    def total_s(self) -> float:
        return self.start_s + self.cells_s


def run_notebook(nb: Any, cwd: Path, *, timeout: int = 600) -> Run:
    """Run All on a copy of ``nb`` under a fresh python3 kernel started in ``cwd``.

    The kernel is the one JupyterLab starts (``ipykernel``), so plotly picks the same
    default renderer; widget state is stored in the notebook as nbclient does by default.
    Raises ``nbclient.exceptions.CellExecutionError`` when a cell fails.
    """
    import tempfile

    from nbclient import NotebookClient

    nb = copy.deepcopy(nb)
    folder = tempfile.TemporaryDirectory(prefix="bench-kernel-")
    km = kernel_manager(Path(folder.name))
    client = NotebookClient(nb, km=km, timeout=timeout, startup_timeout=300, resources={"metadata": {"path": str(cwd)}})
    started = time.perf_counter()
    try:
        with client.setup_kernel():
            ready = time.perf_counter()
            pid = kernel_pid(km)
            cell_rss, cpu_ready = [rss_mb(pid)], cpu_s(pid)
            cell_s = []
            for index, cell in enumerate(nb.cells):
                begin = time.perf_counter()
                client.execute_cell(cell, index)
                if cell.cell_type == "code":
                    cell_s.append(time.perf_counter() - begin)
                    cell_rss.append(rss_mb(pid))
            done = time.perf_counter()
            status, cpu_done = proc_status(pid), cpu_s(pid)
            client.set_widgets_metadata()
    finally:  # a kernel manager we made is ours to shut down, sockets and all
        if client.kc is not None:
            client.kc.stop_channels()
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        km.cleanup_resources()
        folder.cleanup()
    return Run(
        ready - started, done - ready, status["VmRSS"], status["VmHWM"], cpu_done - cpu_ready, cell_rss, cell_s, nb
    )


# -- machine -------------------------------------------------------------------


def _first(path: str, key: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                k, _, v = line.partition(":" if ":" in line else "=")
                if k.strip() == key:
                    return v.strip().strip('"')
    except OSError:
        return None
    return None


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def compile_lessonkit() -> str:
    """Write lessonkit's bytecode before measuring, as ``pip install`` does for the package.

    An editable install (``make lab``, ``make test``) has none until a process writes it, and a
    process never does under ``PYTHONDONTWRITEBYTECODE`` (set on this project's machines): every
    kernel would compile the library from source, about 50 ms per lesson that no installed copy
    (Binder's, the hub's) pays. Returns what was done, for the report."""
    import compileall
    import sys

    package = REPO / "src" / "lessonkit"

    def stale(source: Path) -> bool:
        cached = source.parent / "__pycache__" / f"{source.stem}.{sys.implementation.cache_tag}.pyc"
        return not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime

    n = sum(stale(f) for f in package.rglob("*.py"))
    compileall.compile_dir(package, quiet=1)
    return f"lessonkit bytecode written for {n} stale or missing modules before measuring"


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    import datetime as dt
    import platform
    import subprocess
    import sys
    from importlib import metadata

    mem_kb = _first("/proc/meminfo", "MemTotal")
    try:
        import psutil

        physical = psutil.cpu_count(logical=False)
    except ImportError:
        physical = None
    packages = []
    for name in (
        "lessonkit",
        "pandas",
        "numpy",
        "plotly",
        "ipywidgets",
        "pydantic",
        "PyYAML",
        "ipykernel",
        "jupyter_client",
        "nbclient",
        "jupyterlab",
        "jupyter_server",
        "playwright",
    ):
        try:
            packages.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            packages.append(f"{name} (not installed)")
    try:
        import yaml

        packages.append(f"libyaml {'available' if yaml.__with_libyaml__ else 'missing'}")
    except ImportError:
        pass
    try:
        chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        chromium = "not installed"
    cores = f"{os.cpu_count()} logical" + (f", {physical} physical" if physical else "")
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": cores,
        "memory": f"{int(mem_kb.split()[0]) / 1024 / 1024:.1f} GiB" if mem_kb else "unknown",
        "os": f"{_first('/etc/os-release', 'PRETTY_NAME') or platform.system()}, kernel {platform.release()}",
        "python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "packages": ", ".join(packages),
        "browser": chromium or "unknown",
        "bytecode": "PYTHONDONTWRITEBYTECODE set" if sys.flags.dont_write_bytecode else "written as usual",
    }
