"""Figures display as plotly's mimetype JSON, identical to plotly's own renderer, without it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.helpers import COURSE_DIR

import lessonkit
from lessonkit.figures.figure import CourseFigure, figure_bundle
from lessonkit.style.plot import PLOTLY_MIME

FIGURES = {
    "timeline": lambda c: lessonkit.timeline(c, lang="ja"),
    "stance_matrix": lambda c: lessonkit.stance_matrix(c, lang="en"),
    "territory_map": lambda c: lessonkit.territory_map(c, lang="en"),
    "demand_maps": lambda c: lessonkit.demand_maps(c, lang="ja"),
}


@pytest.mark.parametrize("name", FIGURES)
def test_bundle_is_plotlys_own_mimetype_json(name):
    import plotly.io as pio
    from plotly.io._renderers import renderers

    fig = FIGURES[name](lessonkit.load_course(COURSE_DIR))
    assert isinstance(fig, CourseFigure)
    theirs = renderers._build_mime_bundle(fig.to_dict(), "plotly_mimetype")
    ours = figure_bundle(fig)
    assert ours[PLOTLY_MIME] == theirs[PLOTLY_MIME]
    assert ours["text/plain"] == fig.layout.meta["description"]
    assert pio.renderers is renderers


def test_showing_a_figure_imports_neither_nbformat_nor_plotlys_renderers():
    """Displayed the way a kernel does (IPython's formatter), in a fresh process."""
    code = (
        "import sys, lessonkit as lk\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "fig = lk.timeline(lk.sample_course())\n"
        "from IPython.display import display\n"
        "from IPython.utils.capture import capture_output\n"
        "with capture_output() as cap:\n"
        "    display(fig)\n"
        "data = cap.outputs[0].data\n"
        "assert 'application/vnd.plotly.v1+json' in data and 'text/html' not in data, sorted(data)\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('nbformat', 'jsonschema')"
        " or m == 'plotly.io._renderers']\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
