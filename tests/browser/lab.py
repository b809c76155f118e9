"""Small steps a student takes in JupyterLab, as Playwright actions."""

from __future__ import annotations

import time
from pathlib import Path

IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"

# "done" once every code cell shows an execution count; "halted" when Run All stopped
# early (a cell raised: the cells after it lose their [*] without ever running)
_RUN_STATE = """() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (!panel) return null;
    const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent);
    const ran = prompts.filter(p => /\\[\\d+\\]/.test(p)).length;
    if (prompts.length > 0 && ran === prompts.length) return 'done';
    if (ran > 0 && !prompts.some(p => p.includes('*'))) return 'halted';
    return null;
}"""


def wait_for_kernel(server, timeout: float = 120) -> None:
    """Until a kernel is idle with a live connection: a run sent earlier would be lost."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kernels = server.api("api/kernels")
        if any(k["execution_state"] == "idle" and k.get("connections", 0) > 0 for k in kernels):
            return
        time.sleep(0.25)
    raise TimeoutError("no kernel became ready")


def open_notebook(page, server, path: str) -> None:
    page.goto(server.url(f"lab/tree/{path}") + "&reset", timeout=120_000)  # no restored tabs
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
    wait_for_kernel(server)
    page.wait_for_selector(IDLE, state="attached", timeout=120_000)


def run_all(page, timeout_ms: int = 180_000, *, idle: bool = True) -> None:
    """Run → Run All Cells, then wait until every cell ran (and, with ``idle``, JupyterLab's
    execution indicator shows idle: Notebook 7 has none)."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    state = page.wait_for_function(_RUN_STATE, timeout=timeout_ms).json_value()
    if state == "halted":
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        shown = "\n".join(e.inner_text()[-2000:] for e in errors.all()) or "(no error output)"
        raise AssertionError(f"Run All stopped before the last cell:\n{shown}")
    if idle:
        page.wait_for_selector(IDLE, state="attached", timeout=timeout_ms)


def shot(page, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
