"""A classroom on one machine: 1, then 10, then 30 kernels running one lesson at the same time.

Run: ``.venv/bin/python -m benchmarks.load_test [--lesson en/03-demands] [--classes 10 30]``.

Every "student" starts a kernel and runs every cell of the lesson at the same moment
(the worst case: the teacher says "Run All" and everybody does). All kernels stay up
until the last one has finished, as they would in a class, so the total memory is
what the machine holds with the whole class on the lesson. Reported per class size:
wall time until the last kernel finished, each student's time (median, slowest),
failures, total kernel memory (sum of RSS when everyone is done, and the highest sum
seen while running), and the CPU the idle kernels use in the ten seconds after. The
baseline is the same lesson run by one kernel alone, measured just before. Kernels talk
over IPC sockets, as in the notebook tests.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import NOTEBOOKS, cpu_s, kernel_manager, kernel_pid, median, rss_mb

DEFAULT_LESSON = "en/03-demands"
IDLE_S = 10.0  # seconds the finished class is watched doing nothing


class _Roll:
    """Counts students who finished (or failed); ``everyone`` is set when all have."""

    def __init__(self, n: int) -> None:
        self.n, self.count, self.everyone = n, 0, asyncio.Event()

    def arrive(self, result: dict) -> None:
        if not result.get("arrived"):
            result["arrived"] = True
            self.count += 1
            if self.count >= self.n:
                self.everyone.set()


async def _student(nb, cwd: Path, folder: Path, pids: list[int], roll: _Roll, release: asyncio.Event) -> dict:
    from nbclient import NotebookClient

    nb = copy.deepcopy(nb)
    km = kernel_manager(folder, asynchronous=True)
    client = NotebookClient(nb, km=km, timeout=1200, startup_timeout=600, resources={"metadata": {"path": str(cwd)}})
    started = time.perf_counter()
    result: dict = {"ok": False}
    try:
        async with client.async_setup_kernel():
            pid = kernel_pid(km)
            pids.append(pid)
            result["ready_s"] = time.perf_counter() - started
            for index, cell in enumerate(nb.cells):
                await client.async_execute_cell(cell, index)
            result["done_s"] = time.perf_counter() - started
            result["rss_mb"] = rss_mb(pid)
            result["ok"] = True
            roll.arrive(result)
            await release.wait()  # stay up, as a student's kernel would, until the class is done
    except Exception as e:  # counted as a failure, with its first line
        text = str(e).strip()
        result["error"] = f"{type(e).__name__}: {text.splitlines()[0][:200] if text else ''}"
    finally:
        roll.arrive(result)
        if client.kc is not None:
            client.kc.stop_channels()
        if km.has_kernel:
            await km.shutdown_kernel(now=True)
        await km.cleanup_resources()
    return result


async def _class(nb, cwd: Path, n: int) -> dict:
    pids: list[int] = []
    roll, release = _Roll(n), asyncio.Event()
    peak = 0.0

    async def monitor() -> None:
        nonlocal peak
        while not release.is_set():
            peak = max(peak, sum(r for r in map(rss_mb, list(pids)) if r == r))  # r == r: not NaN
            await asyncio.sleep(0.25)

    with tempfile.TemporaryDirectory(prefix="bench-class-") as tmp:
        folders = [Path(tmp) / f"s{i:02}" for i in range(n)]
        for f in folders:
            f.mkdir()
        watcher = asyncio.create_task(monitor())
        started = time.perf_counter()
        tasks = [asyncio.create_task(_student(nb, cwd, f, pids, roll, release)) for f in folders]
        await roll.everyone.wait()
        wall = time.perf_counter() - started
        alive = [r for r in map(rss_mb, pids) if r == r]
        cpu = sum(c for c in map(cpu_s, pids) if c == c)
        await asyncio.sleep(IDLE_S)  # the class sits on the lesson: what do idle kernels cost?
        idle_cpu = sum(c for c in map(cpu_s, pids) if c == c) - cpu
        release.set()
        results = await asyncio.gather(*tasks)
        await watcher
    ok = [r for r in results if r["ok"]]
    return {
        "students": n,
        "wall_s": wall,
        "failures": n - len(ok),
        "errors": sorted({r["error"] for r in results if "error" in r})[:5],
        "student_median_s": median([r["done_s"] for r in ok]),
        "student_max_s": max((r["done_s"] for r in ok), default=float("nan")),
        "ready_median_s": median([r["ready_s"] for r in ok]),
        "total_rss_mb": sum(alive),
        "peak_total_rss_mb": max(peak, sum(alive)),
        "per_kernel_rss_mb": median([r["rss_mb"] for r in ok]),
        "kernel_cpu_s": cpu,
        "idle_s": IDLE_S,
        "idle_cpu_s": idle_cpu,
    }


def measure(lesson: str = DEFAULT_LESSON, classes: tuple[int, ...] = (10, 30), log=print) -> dict:
    import nbformat

    path = NOTEBOOKS / f"{lesson}.ipynb"
    nb = nbformat.read(path, as_version=4)
    rows = []
    for n in (1, *classes):
        row = asyncio.run(_class(nb, path.parent, n))
        rows.append(row)
        log(
            f"  {n:2} kernels: wall {row['wall_s']:6.1f} s, each median {row['student_median_s']:5.1f} s "
            f"(slowest {row['student_max_s']:5.1f} s), failures {row['failures']}, "
            f"memory {row['total_rss_mb']:7.0f} MB (peak {row['peak_total_rss_mb']:.0f} MB), "
            f"kernel CPU {row['kernel_cpu_s']:.0f} s; idle: {row['idle_cpu_s']:.2f} CPU-s in {row['idle_s']:.0f} s"
        )
    single = rows[0]
    for row in rows:
        row["ratio_wall"] = row["wall_s"] / single["wall_s"]
    return {"lesson": lesson, "cores": os.cpu_count(), "alone": single, "classes": rows[1:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lesson", default=DEFAULT_LESSON)
    parser.add_argument("--classes", type=int, nargs="+", default=[10, 30])
    args = parser.parse_args()
    measure(args.lesson, tuple(args.classes))


if __name__ == "__main__":
    main()
