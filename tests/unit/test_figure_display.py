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
    "timeline-en-by-party": lambda c: lessonkit.timeline(c, lang="en", color_by="party", start="2025-01-01"),
    "stance_matrix": lambda c: lessonkit.stance_matrix(c, lang="en"),
    "stance_matrix-ja-early": lambda c: lessonkit.stance_matrix(c, lang="ja", as_of="2022-03-01"),
    "stance_matrix-empty": lambda c: lessonkit.stance_matrix(c, lang="en", parties=["us"], as_of="2000-01-01"),
    "territory_map": lambda c: lessonkit.territory_map(c, lang="en"),
    "territory_map-ja-option": lambda c: lessonkit.territory_map(c, option="freeze-line", lang="ja"),
    "demand_maps": lambda c: lessonkit.demand_maps(c, lang="ja"),
    "demand_maps-en": lambda c: lessonkit.demand_maps(c, lang="en"),
}


@pytest.mark.parametrize("name", FIGURES)
def test_bundle_is_plotlys_own_mimetype_json(name):
    import plotly.io as pio
    from plotly.io._renderers import renderers

    fig = FIGURES[name](lessonkit.load_course(COURSE_DIR))
    assert isinstance(fig, CourseFigure)
    assert "_lk_spec" in fig.__dict__  # not built yet: shown as the library's own spec
    ours = figure_bundle(fig)
    theirs = renderers._build_mime_bundle(fig.to_dict(), "plotly_mimetype")  # built, validated by plotly
    assert "_lk_spec" not in fig.__dict__
    assert figure_bundle(fig) == ours  # and shown the same once built
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


def test_a_course_figure_is_a_full_plotly_figure_once_used():
    import copy

    import plotly.graph_objects as go

    course = lessonkit.load_course(COURSE_DIR)
    fig = lessonkit.territory_map(course)
    fig.update_layout(height=300)  # a student's change is kept and shown
    assert fig.layout.height == 300 and figure_bundle(fig)[PLOTLY_MIME]["layout"]["height"] == 300
    twin = copy.deepcopy(lessonkit.timeline(course))
    assert len(twin.data) == len(lessonkit.timeline(course).data)
    assert isinstance(twin, go.Figure) and isinstance(twin, CourseFigure)  # once used, a plotly Figure
    assert go.Figure(lessonkit.timeline(course).to_dict()).layout.meta is not None
    with pytest.raises(AttributeError):
        _ = lessonkit.timeline(course).no_such_property
    assert CourseFigure({"data": [], "layout": {}}, skip_invalid=True).data == ()  # other arguments build at once


def test_showing_a_figure_does_not_build_it():
    """IPython asks every value for a canary attribute no object has; a course figure answers
    without building itself, so a lesson's figures reach the page without plotly's validation."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    course = lessonkit.load_course(COURSE_DIR)
    for name, make in FIGURES.items():
        fig = make(course)
        with capture_output() as cap:
            shell.display_formatter.format(fig)  # a cell's value
            shell.display_pub.publish(figure_bundle(fig))
        assert "_lk_spec" in fig.__dict__, f"{name} was built by being shown"
        assert cap is not None
