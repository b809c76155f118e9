"""What a lesson's Run All is made of, measured in the same run as the lessons: the price of
each thing every lesson does (a cell's round trip, a widget model, the imports, loading the
course), so the report can say which part of a lesson over its target is the course's own.

Run in a fresh kernel beside the lessons (``run_all.measure`` calls it each rep):
``import lessonkit`` with ``load_course()`` (from the course cache, as a student's second lesson
finds it), ``import ipywidgets``, ``import pandas``, ten empty cells (one round trip each), and
200 HTML widgets sharing one layout and style (one comm each, as ``style.shared.make`` builds
them).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from benchmarks.common import median, run_notebook

EMPTY_CELLS = 10
MODELS = 200
# in the order lessons meet them: lessonkit in the first cell, ipywidgets with the first widget,
# pandas with the first exercise (what is already loaded changes what the next import costs)
CELLS = {
    "lessonkit": "import lessonkit as lk\ncourse = lk.load_course()",
    "ipywidgets": "import ipywidgets as W",
    "pandas": "import pandas as pd",
    **{f"empty_{n}": "pass" for n in range(EMPTY_CELLS)},
    "models": (
        "from ipywidgets.widgets.widget_string import HTMLStyle\n"
        "layout, style = W.Layout(), HTMLStyle()\n"
        f"shown = [W.HTML(str(n), layout=layout, style=style) for n in range({MODELS})]"
    ),
}


def notebook() -> Any:
    import nbformat

    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in CELLS.values()])


def once(nb: Any, cwd: Path) -> dict[str, float]:
    """One fresh kernel: seconds for each import, one round trip, one widget model."""
    run = run_notebook(nb, cwd)
    took = dict(zip(CELLS, run.cell_s, strict=True))
    round_trip = median([took[f"empty_{n}"] for n in range(EMPTY_CELLS)])
    return {
        "round_trip_s": round_trip,
        "pandas_s": took["pandas"] - round_trip,
        "ipywidgets_s": took["ipywidgets"] - round_trip,
        "lessonkit_s": took["lessonkit"] - round_trip,
        "model_s": (took["models"] - round_trip) / MODELS,
    }


def summary(found: list[dict[str, float]]) -> dict[str, float]:
    return {key: median([x[key] for x in found]) for key in found[0]} | {"n": len(found)}


def models_in(nb: Any) -> int:
    """Widget models an executed notebook's saved widget state holds (one comm each)."""
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    return len(state)


def uses_pandas(nb: Any) -> bool:
    """Whether a lesson imports pandas: its code imports it or asks the course for a table
    (``course.frame``, ``people_frame``, ``events_frame``: lessonkit imports pandas for them)."""
    pattern = re.compile(r"\bframe\(|_frame\(|^\s*(import|from) pandas\b", re.M)
    return any(cell.cell_type == "code" and pattern.search(cell.source) for cell in nb.cells)


def estimate(price: dict[str, float], *, cells: int, models: int, pandas: bool) -> dict[str, float]:
    """A lesson's Run All if it did nothing but what it cannot avoid: import what it uses, load
    the course, one round trip per cell, one comm per widget model. Everything else (building
    figure specs, quiz cards, tables, text) is what ``rest_s`` leaves."""
    parts = {
        "pandas_s": price["pandas_s"] if pandas else 0.0,
        "ipywidgets_s": price["ipywidgets_s"] if models else 0.0,
        "lessonkit_s": price["lessonkit_s"],
        "round_trips_s": cells * price["round_trip_s"],
        "models_s": models * price["model_s"],
    }
    return parts | {"total_s": sum(parts.values())}
