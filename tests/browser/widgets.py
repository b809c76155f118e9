"""The course's widgets as a student finds them on the page: by their structure, labels and texts.

ipywidgets renders a VBox as ``.widget-vbox`` and nests them, so each widget is found by
what sits directly inside it (``:has(> ...)``), which holds the same in JupyterLab and in
Voilà. Drop-down options show their label with non-breaking spaces; their ``value``
attribute is the label as written, so options are chosen by value.
"""

from __future__ import annotations

import contextlib

# StanceComparison: a row of two multiple selects (parties, issues) on top
COMPARISON = ".widget-vbox:has(> .widget-hbox > .widget-select-multiple)"
# NegotiationSandbox: one drop-down per issue and the Clear button, side by side in one box
SANDBOX = ".widget-vbox:has(> .widget-dropdown):has(> .widget-button)"
# one quiz question: its prompt (in <strong>) and its Check / Try again row
QUIZ_CARD = ".widget-vbox:has(> .widget-html strong):has(> .widget-hbox > button.widget-button)"
# the whole quiz: the name and student-id row sits directly inside it
QUIZ = ".widget-vbox:has(> .widget-hbox > .widget-text)"


def comparison(page):
    return page.locator(COMPARISON).first


def sandbox(page):
    return page.locator(SANDBOX).first


def quiz(page):
    return page.locator(QUIZ).first


def quiz_card(page, prompt: str):
    return page.locator(QUIZ_CARD).filter(has_text=prompt)


def choose(select, *labels: str) -> None:
    """Pick options of a drop-down or a multiple select (the others are unpicked)."""
    select.scroll_into_view_if_needed()
    select.select_option(value=list(labels))


def press(scope, label: str) -> None:
    """Click the ipywidgets button with this text."""
    button = scope.locator("button.widget-button", has_text=label)
    button.scroll_into_view_if_needed()
    button.click()


def show_cell(page, element) -> None:
    """Select the JupyterLab cell holding ``element`` (click its prompt): the notebook scrolls it into view.

    For outputs taller than the window, where scrolling the element itself stops short:
    JupyterLab's windowed notebook re-estimates the heights of cells it has not drawn.
    """
    cell = page.locator(".jp-Notebook .jp-Cell", has=element).first
    cell.locator(".jp-InputPrompt").first.click()
    page.keyboard.press("Escape")  # command mode, as after Run All


def plot_texts(plot) -> dict[str, object]:
    """What a plotly figure drew: its SVG, its markers and the labels on its axes."""
    return plot.evaluate(
        """p => ({
            svg: p.querySelectorAll('svg.main-svg').length,
            points: p.querySelectorAll('.scatterlayer .point').length,
            yticks: [...p.querySelectorAll('.ytick text')].map(t => t.textContent),
            title: [...p.querySelectorAll('.gtitle')].map(t => t.textContent).join(' '),
        })"""
    )


def pick(card, choice: str) -> None:
    """Click a radio button by its text, as a student does with the mouse.

    Playwright clicks the button itself, after checking nothing covers it: a long choice
    that wraps over the next one's button fails here (see also ``unusable_choices``).
    """
    card.get_by_label(choice, exact=True).check()


_UNUSABLE = """box => {
    const found = [];
    for (const input of box.querySelectorAll('input[type=radio], input[type=checkbox]')) {
        const label = input.closest('label');
        const text = (label ? label.textContent : input.value).trim();
        input.scrollIntoView({block: 'center'});
        const r = input.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (hit !== input && !(label && label.contains(hit))) {
            const by = hit && hit.closest('label') ? hit.closest('label').textContent.trim() : String(hit);
            found.push(`covered: "${text}" (its button is under "${by}")`);
        }
        if (label && label.scrollWidth > label.clientWidth + 1) {
            found.push(`cut off: "${text}" (shows ${label.clientWidth}px of ${label.scrollWidth}px)`);
        }
    }
    for (const select of box.querySelectorAll('select')) {
        const width = select.getBoundingClientRect().width;
        if (width < 64) {
            const label = select.parentElement.querySelector('.widget-label');
            found.push(`squeezed: the drop-down for "${label ? label.textContent.trim() : '?'}" is ${width}px wide`);
        }
    }
    return found;
}"""


def unusable_choices(box) -> list[str]:
    """Quiz choices a mouse user cannot click on their button, cannot read in full, or barely sees."""
    return box.evaluate(_UNUSABLE)


_CUT_BUTTONS = """box => [...box.querySelectorAll('button')]
    .filter(b => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
    .map(b => `"${b.textContent.trim()}" shows ${b.clientWidth}px of ${b.scrollWidth}px`)"""


def cut_off_buttons(box) -> list[str]:
    """Buttons whose label does not fit and ends in an ellipsis."""
    return box.evaluate(_CUT_BUTTONS)


_UNDRAWN = """() => [...document.querySelectorAll('.jp-OutputArea-output')]
    .map(e => e.innerText.trim())
    .filter(t => t.startsWith('Loading widget') || t.startsWith('Error displaying widget'))"""


def undrawn_widgets(page, timeout_ms: int = 60_000) -> list[str]:
    """Outputs still reading "Loading widget..." after ``timeout_ms``, or "Error displaying widget"
    (in Voilà: a model the page could not restore from the kernel); [] when every widget is drawn."""
    with contextlib.suppress(Exception):  # still loading: reported below with the rest
        page.wait_for_function(f"() => ({_UNDRAWN})().every(t => t.startsWith('Error'))", timeout=timeout_ms)
    return page.evaluate(_UNDRAWN)
