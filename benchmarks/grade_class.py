"""Time to grade a class: ``grade()`` in-process and the whole ``lessonkit grade`` command.

Run: ``.venv/bin/python benchmarks/grade_class.py``. Classes of 30 and 300 students on
the sample quiz (seven questions), with the gradebook CSV and the HTML report written.
In-process: median of 5 runs. Command: median of 3, including Python start-up and imports;
its baseline, measured alongside, is ``lessonkit --version`` (start-up and imports alone).
``make bench`` runs it through ``measure()``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # for the simulated class the tests use

from tests.grading_class import simulated_class  # noqa: E402

import lessonkit  # noqa: E402
from lessonkit.teacher.grading import grade  # noqa: E402


def median_s(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(sizes: tuple[int, ...] = (30, 300)) -> dict[str, object]:
    """Median seconds for ``grade()`` and for the command, per class size; and the baseline."""
    course = lessonkit.sample_course()
    sample = str(lessonkit.sample_course_path())
    version = [sys.executable, "-m", "lessonkit", "--version"]
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "class"
            simulated_class(folder, n)
            out, report = Path(tmp) / "g.csv", Path(tmp) / "r.html"
            inproc = median_s(lambda: grade([folder], course=course, out=out, report=report), 5)  # noqa: B023
            argv = [sys.executable, "-m", "lessonkit", "grade", str(folder), "--course", sample]
            argv += ["--out", str(out), "--report", str(report)]
            command = median_s(lambda: subprocess.run(argv, check=True, capture_output=True), 3)  # noqa: B023
            rows.append({"students": n, "grade_s": inproc, "command_s": command})
    baseline = median_s(lambda: subprocess.run(version, check=True, capture_output=True), 3)
    return {"classes": rows, "baseline_command_s": baseline}


def main() -> None:
    for row in measure()["classes"]:
        n, inproc, command = row["students"], row["grade_s"], row["command_s"]
        print(f"{n:4} students: grade() {inproc * 1000:7.1f} ms   lessonkit grade {command * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
