"""Small steps a student takes in JupyterLab, as Playwright actions."""

from __future__ import annotations

import time
from pathlib import Path

IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"

_ALL_CELLS_RAN = """() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (!panel) return false;
    const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
    return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
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


def run_all(page, timeout_ms: int = 180_000) -> None:
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(_ALL_CELLS_RAN, timeout=timeout_ms)
    page.wait_for_selector(IDLE, state="attached", timeout=timeout_ms)


def shot(page, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
