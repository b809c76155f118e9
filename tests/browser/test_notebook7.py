"""The course's look in Notebook 7 (the ``notebook`` package, served by the same Jupyter server
as JupyterLab): a lesson runs, the stylesheet its widgets carry applies there too (primary
button, cards, feedback tint), figures draw offline and nothing is cut off, in both languages.
"""

from __future__ import annotations

import pytest
from tests.browser.conftest import ARTIFACTS
from tests.browser.lab import run_all, shot, wait_for_kernel
from tests.browser.test_accessibility import cut_off

pytestmark = pytest.mark.browser

# computed styles of the course's own elements: what style/course.css sets, or not
_LOOK = """() => {
    const css = sel => { const el = document.querySelector(sel); return el ? getComputedStyle(el) : null; };
    const primary = css('.lk .jupyter-button.mod-primary');
    const card = css('.lk .lk-card');
    return {
        sheets: document.querySelectorAll('.lk style').length,
        primary: primary && primary.backgroundColor,
        primaryText: primary && primary.color,
        card: card && [card.borderTopWidth, card.borderTopColor, card.borderTopLeftRadius],
        plots: document.querySelectorAll('.js-plotly-plot .main-svg').length,
    };
}"""

ACCENT = "rgb(11, 92, 173)"  # --lk-accent
LINE = "rgb(140, 147, 155)"  # --lk-line


@pytest.mark.parametrize(("lang", "lesson"), [("en", "03-demands"), ("ja", "04-obstacles")])
def test_a_lesson_in_notebook_7_wears_the_course_look(page, lab_server, lang, lesson):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(lab_server.url(f"notebooks/notebooks/{lang}/{lesson}.ipynb"), timeout=120_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
    wait_for_kernel(lab_server)
    run_all(page, idle=False)
    page.wait_for_selector(".lk .lk-card", timeout=60_000)
    look = page.evaluate(_LOOK)
    shot(page, ARTIFACTS / "notebook7", f"{lang}-{lesson}")
    assert look["sheets"] >= 1, "no course widget carries the stylesheet"
    assert look["primary"] == ACCENT and look["primaryText"] == "rgb(255, 255, 255)", look
    assert look["card"] == ["1px", LINE, "6px"], look
    assert look["plots"] >= 1, "a figure did not draw"
    assert cut_off(page) == []
