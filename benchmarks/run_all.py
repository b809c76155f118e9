"""Run All of every lesson notebook against the floor, kernel memory, executed-notebook size.

Run: ``.venv/bin/python -m benchmarks.run_all [--reps N] [--lang en]``.

Each lesson run is paired with a floor run just before it (a fresh kernel that only
imports pandas, plotly and ipywidgets and draws one figure): floor, lesson, floor,
lesson... through every notebook, ``reps`` times over, so slow drift of a shared
machine falls on both alike. Reported: medians, and the median of the per-pair ratios.
Targets: Run All within 1.25x the floor; kernel RSS after Run All <= 150 MB; no output
embeds plotly.js.

"Run All" is the time from sending the first cell to the last cell's reply, on a kernel
that is already up, as in JupyterLab (which starts the kernel when the notebook opens);
the kernel start is reported beside it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import (
    ARTIFACTS,
    NOTEBOOKS,
    floor_notebook,
    label,
    lesson_notebooks,
    median,
    run_notebook,
)

TARGET_RATIO = 1.25
TARGET_RSS_MB = 150.0
PLOTLY_JS = re.compile(r"plotly\.js v\d|plotly-latest|cdn\.plot\.ly/plotly")
BIG_OUTPUT = 1_000_000  # characters: a single output this big is a bundled library, not a figure


def notebook_size(nb) -> dict[str, object]:
    """Bytes on disk, the largest single output, and whether anything carries plotly.js."""
    import nbformat

    text = nbformat.writes(nb)
    largest, where = 0, ""
    for n, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            for mime, data in output.get("data", {}).items():
                size = len(data if isinstance(data, str) else json.dumps(data))
                if size > largest:
                    largest, where = size, f"cell {n} {mime}"
    for model_id, model in (
        nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {}).items()
    ):
        size = len(json.dumps(model))
        if size > largest:
            largest, where = size, f"widget {model.get('model_name', '?')} {model_id[:8]}"
    return {
        "bytes": len(text.encode("utf-8")),
        "largest_output": largest,
        "largest_where": where,
        "plotly_js": bool(PLOTLY_JS.search(text)) or largest > BIG_OUTPUT,
    }


def _last_line(source: str) -> str:
    """A cell's last line of code (not a comment or a solution marker), to name the cell by."""
    lines = [line for line in source.strip().splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return lines[-1].strip()[:80] if lines else ""


def _biggest_step(run, nb) -> dict[str, object]:
    """The code cell after which kernel memory grew most (for explaining a miss)."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    steps = [b - a for a, b in zip(run.cell_rss_mb, run.cell_rss_mb[1:], strict=False)]
    if not steps or len(code) != len(steps):
        return {}
    i = max(range(len(steps)), key=steps.__getitem__)
    return {"ready_mb": run.cell_rss_mb[0], "cell": i + 1, "grew_mb": steps[i], "source": _last_line(code[i].source)}


def _figure_cells(nb) -> int:
    """Code cells that displayed a plotly ``Figure`` themselves (not through a widget's output)."""
    return sum(
        any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in cell.get("outputs", []))
        for cell in nb.cells
        if cell.cell_type == "code"
    )


def _slowest_cells(runs: list, nb, n: int = 3) -> list[dict[str, object]]:
    """The code cells that took longest (median over runs), with their last line."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    times = [median([r.cell_s[i] for r in runs]) for i in range(len(code))]
    order = sorted(range(len(code)), key=times.__getitem__, reverse=True)[:n]
    found = []
    for i in order:
        found.append({"cell": i + 1, "s": times[i], "source": _last_line(code[i].source)})
    return found


def measure(reps: int = 3, langs: tuple[str, ...] = ("en", "ja"), log=print) -> dict:
    import nbformat

    floor = floor_notebook()
    paths = lesson_notebooks(langs)
    lessons = {p: nbformat.read(p, as_version=4) for p in paths}
    cwd = NOTEBOOKS / langs[0]
    log("  warming up (one floor run, not counted)")
    run_notebook(floor, cwd)

    floors: list = []
    runs: dict[Path, list] = {p: [] for p in paths}
    pairs: dict[Path, list[tuple[float, float, float]]] = {p: [] for p in paths}
    errors: dict[Path, str] = {}
    for rep in range(reps):
        for p in paths:
            if p in errors:
                continue
            f = run_notebook(floor, p.parent)
            floors.append(f)
            try:
                r = run_notebook(lessons[p], p.parent)
            except Exception as e:  # a failing lesson is reported, the others still run
                errors[p] = _error_text(e)
                log(f"  rep {rep + 1}/{reps} {label(p):28} FAILED: {errors[p]}")
                continue
            runs[p].append(r)
            pairs[p].append((r.cells_s / f.cells_s, r.total_s / f.total_s, r.cpu_s / f.cpu_s))
            log(
                f"  rep {rep + 1}/{reps} {label(p):28} floor {f.cells_s:5.2f} s  lesson {r.cells_s:5.2f} s "
                f"({r.cells_s / f.cells_s:4.1f}x; CPU {r.cpu_s / f.cpu_s:4.1f}x)  RSS {r.rss_mb:5.1f} MB"
            )

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    floor_size = notebook_size(floors[-1].nb)
    rows = []
    for p in paths:
        if not runs[p]:
            rows.append({"notebook": label(p), "error": errors.get(p, "no run")})
            continue
        last = runs[p][-1]
        executed = ARTIFACTS / "executed" / p.parent.name / p.name
        executed.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(last.nb, executed)
        rows.append(
            {
                "notebook": label(p),
                "n": len(runs[p]),
                "cells_s": median([r.cells_s for r in runs[p]]),
                "cpu_s": median([r.cpu_s for r in runs[p]]),
                "start_s": median([r.start_s for r in runs[p]]),
                "total_s": median([r.total_s for r in runs[p]]),
                "ratio": median([a for a, _, _ in pairs[p]]),
                "ratio_total": median([b for _, b, _ in pairs[p]]),
                "ratio_cpu": median([c for _, _, c in pairs[p]]),
                "rss_mb": median([r.rss_mb for r in runs[p]]),
                "hwm_mb": max(r.hwm_mb for r in runs[p]),
                "biggest_step": _biggest_step(last, last.nb),
                "slowest_cells": _slowest_cells(runs[p], lessons[p]),
                "figure_cells": _figure_cells(last.nb),
                "error": errors.get(p),
                **{f"size_{k}": v for k, v in notebook_size(last.nb).items()},
            }
        )
    return {
        "reps": reps,
        "floor": {
            "cells_s": median([f.cells_s for f in floors]),
            "cpu_s": median([f.cpu_s for f in floors]),
            "start_s": median([f.start_s for f in floors]),
            "total_s": median([f.total_s for f in floors]),
            "rss_mb": median([f.rss_mb for f in floors]),
            "hwm_mb": max(f.hwm_mb for f in floors),
            "n": len(floors),
            "imports_s": median([f.cell_s[0] for f in floors]),
            "figure_s": median([f.cell_s[1] for f in floors]),
            "ready_rss_mb": median([f.cell_rss_mb[0] for f in floors]),
            "imports_rss_mb": median([f.cell_rss_mb[1] for f in floors]),
            **{f"size_{k}": v for k, v in floor_size.items()},
        },
        "lessons": rows,
        "target_ratio": TARGET_RATIO,
        "target_rss_mb": TARGET_RSS_MB,
    }


def _error_text(e: Exception) -> str:
    """The first line of what went wrong, without the terminal colours nbclient keeps."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(e))
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("-")]
    found = next((line for line in reversed(lines) if re.match(r"^\w+(Error|Exception)\b", line)), None)
    return (found or (lines[-1] if lines else type(e).__name__))[:300]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--lang", action="append", choices=["en", "ja"])
    args = parser.parse_args()
    result = measure(args.reps, tuple(args.lang or ("en", "ja")))
    fl = result["floor"]
    print(f"floor: Run All {fl['cells_s']:.2f} s, start {fl['start_s']:.2f} s, RSS {fl['rss_mb']:.1f} MB")
    for r in result["lessons"]:
        if "cells_s" not in r:
            print(f"{r['notebook']:28} FAILED: {r['error']}")
            continue
        print(
            f"{r['notebook']:28} {r['cells_s']:5.2f} s {r['ratio']:5.2f}x floor  RSS {r['rss_mb']:5.1f} MB  "
            f"{r['size_bytes'] / 1024:6.1f} KiB  plotly.js {'YES' if r['size_plotly_js'] else 'no'}"
        )


if __name__ == "__main__":
    main()
