"""Accessibility audit (WCAG 2.1 A and AA rules of axe-core, from npm, injected by Playwright) of
every lesson in both languages, in JupyterLab after Run All and in Voilà, scoped to the course's
own content (rendered Markdown and cell outputs, not JupyterLab's chrome): no violation of
impact serious or critical. What axe reports below that is listed in docs/accessibility.md."""

from __future__ import annotations

import json

import pytest
from tests.browser.conftest import ARTIFACTS, REPO
from tests.browser.lab import open_notebook, run_all
from tests.browser.widgets import undrawn_widgets

import lessonkit as lk

pytestmark = pytest.mark.browser

AXE = REPO / "tests" / "node" / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
LESSONS = [f"{lang}/{lesson.id}" for lesson in lk.load_course(REPO / "lessons").lessons for lang in ("en", "ja")]

_AUDIT = """async ([selectors, rules]) => {
    const include = selectors.flatMap(s => [...document.querySelectorAll(s)]);
    if (include.length === 0) return {error: 'nothing to audit'};
    const result = await axe.run({include: include}, {runOnly: {type: 'tag', values: rules}});
    return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.html.slice(0, 200))}));
}"""


def audit(page, selectors: list[str]) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing: run `make tests/node/node_modules/.package-lock.json` ({AXE})")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(_AUDIT, [selectors, RULES])
    assert not (isinstance(found, dict) and found.get("error")), found
    return found


_CUT = """() => {
    const out = [];
    const ctx = document.createElement('canvas').getContext('2d');
    const visible = el => el.offsetParent !== null && el.getClientRects().length > 0;
    for (const el of document.querySelectorAll(
            '.jp-OutputArea-output button, .jp-OutputArea-output .widget-label, .jp-OutputArea-output label')) {
        if (visible(el) && el.scrollWidth > el.clientWidth + 1) out.push(el.tagName + ': ' + el.innerText.slice(0, 80));
    }
    for (const s of document.querySelectorAll('.jp-OutputArea-output select')) {
        if (!visible(s) || s.multiple || s.size > 1 || s.selectedIndex < 0) continue;
        const text = s.options[s.selectedIndex].text;
        ctx.font = getComputedStyle(s).font;
        if (ctx.measureText(text).width + 24 > s.clientWidth) out.push('select: ' + text.slice(0, 80));
    }
    // a label that wrapped onto more lines than its row is tall runs into the next control
    for (const el of document.querySelectorAll('.jp-OutputArea-output .widget-inline-hbox > .widget-label')) {
        if (!visible(el)) continue;
        const row = el.parentElement.getBoundingClientRect(), box = el.getBoundingClientRect();
        if (box.bottom > row.bottom + 1 || box.top < row.top - 1) {
            out.push('label over its row: ' + el.innerText.slice(0, 80));
        }
    }
    return out;
}"""


# per plotly figure on the page: the text of the visually hidden alternative in the next output
_FIGURE_ALTS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(p => {
    const child = p.closest('.jp-OutputArea-child');
    const alt = child && child.nextElementSibling && child.nextElementSibling.querySelector('.lk-figure-alt');
    return alt && alt.textContent.trim() ? alt.textContent.trim().slice(0, 60) : null;
})"""


def cut_off(page) -> list[str]:
    """Buttons and labels whose text overflows their box, dropdowns too narrow for the chosen
    option (text width plus the arrow), labels wrapped taller than their row, among visible widgets."""
    return page.evaluate(_CUT)


def whole_lesson(page, path) -> None:
    """A screenshot of the whole lesson, top to bottom: Voilà scrolls inside its own panel
    (``#rendered_cells``), so the window is made as tall as the lesson, then set back."""
    size = page.viewport_size
    height = page.evaluate("() => (document.querySelector('#rendered_cells') || document.body).scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(height + 40, 30_000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def _record(name: str, violations: list[dict]) -> None:
    folder = ARTIFACTS / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name.replace('/', '-')}.json").write_text(json.dumps(violations, indent=1, ensure_ascii=False))


@pytest.mark.parametrize("notebook", LESSONS, ids=[n.replace("/", "-") for n in LESSONS])
def test_lesson_in_jupyterlab_has_no_serious_accessibility_violation(page, lab_server, notebook):
    open_notebook(page, lab_server, f"notebooks/{notebook}.ipynb")
    run_all(page)
    violations = audit(
        page,
        [
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedHTMLCommon",
            ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output",
        ],
    )
    _record(f"lab-{notebook}", violations)
    assert [v for v in violations if v["impact"] in BLOCKING] == []
    # every figure's text alternative is in the page, right after the drawing, for a screen reader
    alts = page.evaluate(_FIGURE_ALTS)
    assert None not in alts, f"figures without their text alternative beside them: {alts}"


@pytest.mark.parametrize("notebook", LESSONS, ids=[n.replace("/", "-") for n in LESSONS])
def test_lesson_in_voila_is_accessible_and_nothing_is_cut_off(page, voila_server, notebook):
    (ARTIFACTS / "lessons").mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 900})  # figures are drawn for the window they open in
    page.goto(voila_server.url(f"{notebook}.ipynb"), timeout=120_000)
    page.wait_for_selector(".jp-OutputArea-output", timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    assert undrawn_widgets(page) == []
    violations = audit(page, [".jp-RenderedHTMLCommon", ".jp-OutputArea-output"])
    _record(f"voila-{notebook}", violations)
    assert [v for v in violations if v["impact"] in BLOCKING] == []
    # nothing cut off at a laptop's width and at a narrow window's; a screenshot of each to look at
    cut = {}
    for width in (1280, 800):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(300)  # reflow
        cut[width] = cut_off(page)
        name = f"{notebook.replace('/', '-')}-{width}.png"
        if width == 1280:
            whole_lesson(page, ARTIFACTS / "lessons" / name)
        else:
            page.screenshot(path=str(ARTIFACTS / "lessons" / name), full_page=True)
    assert cut == {1280: [], 800: []}


def test_the_audit_finds_a_planted_violation(page, voila_server):
    """The scoped audit is not blind: an image without a text alternative and an unnamed select
    planted in a lesson's output are reported (so an empty report means something)."""
    page.goto(voila_server.url("en/00-start-here.ipynb"), timeout=120_000)
    page.wait_for_selector(".jp-OutputArea-output", timeout=120_000)
    page.evaluate(
        """() => document.querySelector('.jp-OutputArea-output').insertAdjacentHTML('beforeend',
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><select></select>')"""
    )
    found = {v["id"] for v in audit(page, [".jp-RenderedHTMLCommon", ".jp-OutputArea-output"])}
    assert {"image-alt", "select-name"} <= found
    # and the cut-off check sees a squeezed dropdown and a clipped button
    page.evaluate(
        """() => document.querySelector('.jp-OutputArea-output').insertAdjacentHTML('beforeend',
        '<select style="width:70px"><option>— not decided —</option></select>'
        + '<button style="width:60px;overflow:hidden;white-space:nowrap">Save my answers</button>'
        + '<div class="widget-inline-hbox" style="height:20px;display:flex"><label class="widget-label" '
        + 'style="width:80px;white-space:normal;overflow:visible">NATO summit in Bucharest</label></div>')"""
    )
    assert len(cut_off(page)) == 3
