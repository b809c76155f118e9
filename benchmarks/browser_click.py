"""Click-to-feedback time of a quiz answer in JupyterLab, in Chromium (Playwright).

Run: ``.venv/bin/python -m benchmarks.browser_click [--clicks N]``.

JupyterLab and Chromium are started exactly as the browser tests start them: this
module is a pytest module that uses the fixtures of ``tests/browser/conftest.py``
(loaded with ``-p tests.browser.conftest``) and the steps of ``tests/browser/lab.py``.
It opens a copy of the start page (``00-start-here``) with one extra cell at the end, a
Ping button whose handler only writes a counter into an ``HTML`` widget: the baseline,
a widget round trip with nothing to compute. After Run All, it picks an answer in the
exit quiz's first single-choice question, then times, in the page, from the click on
Check until the feedback shows; then Try again. Ping and Check alternate (ABAB...).
Also reported: Run All in the browser, and the memory of the JupyterLab server and its
kernel afterwards (what one student costs a school server).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import REPO, median, p95, rss_mb

CLICKS = 25
NOTEBOOK = "notebooks/en/00-start-here.ipynb"
BENCH_NOTEBOOK = "notebooks/en/00-start-here-bench.ipynb"
OUT = "LESSONKIT_BENCH_BROWSER_OUT"
CLICKS_ENV = "LESSONKIT_BENCH_CLICKS"

PING_CELL = """import itertools
import ipywidgets as W
_pings = itertools.count(1)
ping_button, ping_out = W.Button(description="Ping"), W.HTML("")
ping_button.on_click(lambda _b: setattr(ping_out, "value", f"pong {next(_pings)}"))
W.VBox([ping_button, ping_out])"""

# The first quiz card with radio buttons; its Check and Try again buttons and feedback.
# A card is a VBox: prompt, answer control, HBox(Check, Try again), feedback HTML.
_FIND = """() => {
    for (const check of document.querySelectorAll('button.widget-button')) {
        if (check.textContent.trim() !== 'Check') continue;
        const card = check.closest('.widget-hbox')?.parentElement;
        if (card && card.querySelector('input[type=radio]')) {
            card.setAttribute('data-bench', 'card');
            return true;
        }
    }
    return false;
}"""

_TIME_CHECK = """async () => {
    const card = document.querySelector('[data-bench=card]');
    const check = [...card.querySelectorAll('button.widget-button')].find(b => b.textContent.trim() === 'Check');
    const feedback = card.lastElementChild;
    const start = performance.now();
    check.click();
    await new Promise((resolve, reject) => {
        const done = () => feedback.textContent.trim() !== '';
        if (done()) return resolve();
        const timer = setTimeout(() => reject(new Error('no feedback within 30 s')), 30000);
        new MutationObserver((_, obs) => {
            if (done()) { obs.disconnect(); clearTimeout(timer); resolve(); }
        }).observe(feedback, {childList: true, subtree: true, characterData: true});
    });
    return performance.now() - start;
}"""

_TIME_PING = """async () => {
    const button = [...document.querySelectorAll('button.widget-button')].find(b => b.textContent.trim() === 'Ping');
    const out = button.parentElement.querySelector('.widget-html');
    const before = out.textContent;
    const start = performance.now();
    button.click();
    await new Promise((resolve, reject) => {
        const done = () => out.textContent !== before && out.textContent.includes('pong');
        if (done()) return resolve();
        const timer = setTimeout(() => reject(new Error('no pong within 30 s')), 30000);
        new MutationObserver((_, obs) => {
            if (done()) { obs.disconnect(); clearTimeout(timer); resolve(); }
        }).observe(out, {childList: true, subtree: true, characterData: true});
    });
    return performance.now() - start;
}"""

_RETRY_READY = """() => {
    const card = document.querySelector('[data-bench=card]');
    const retry = [...card.querySelectorAll('button.widget-button')].find(b => b.textContent.trim() === 'Try again');
    return !retry.disabled;
}"""

_RETRY = """() => {
    const card = document.querySelector('[data-bench=card]');
    [...card.querySelectorAll('button.widget-button')].find(b => b.textContent.trim() === 'Try again').click();
}"""

# Click the radio input itself: long choice labels can overlap, so a pointer click on
# the label might land on its neighbour.
_ANSWER = """(n) => {
    const radios = document.querySelectorAll('[data-bench=card] input[type=radio]');
    radios[n % radios.length].click();
    return radios[n % radios.length].checked;
}"""

_RESET = """() => {
    const card = document.querySelector('[data-bench=card]');
    const check = [...card.querySelectorAll('button.widget-button')].find(b => b.textContent.trim() === 'Check');
    return card.lastElementChild.textContent.trim() === '' && !check.disabled
        && ![...card.querySelectorAll('input[type=radio]')].some(r => r.checked);
}"""


def _server_and_kernel_rss(port: int) -> dict[str, float]:
    """RSS of the JupyterLab server this session started (on ``port``) and of its kernels."""
    try:
        import psutil
    except ImportError:
        return {}
    for proc in psutil.Process().children(recursive=True):
        try:
            cmd = proc.cmdline()
        except psutil.Error:
            continue
        if any(a.endswith("jupyter-lab") for a in cmd[:2]) and f"--ServerApp.port={port}" in cmd:
            kernels = [k.pid for k in proc.children(recursive=True) if "ipykernel_launcher" in " ".join(k.cmdline())]
            return {"server_rss_mb": rss_mb(proc.pid), "kernel_rss_mb": sum(rss_mb(k) for k in kernels)}
    return {}


@pytest.mark.browser
def test_quiz_click_to_feedback(page, lab_server):
    import nbformat
    from tests.browser.lab import open_notebook, run_all

    clicks = int(os.environ.get(CLICKS_ENV, CLICKS))
    nb = nbformat.read(lab_server.root / NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PING_CELL))
    nbformat.write(nb, lab_server.root / BENCH_NOTEBOOK)

    open_notebook(page, lab_server, BENCH_NOTEBOOK)
    start = time.perf_counter()
    run_all(page)
    run_all_s = time.perf_counter() - start
    page.get_by_role("button", name="Ping").first.wait_for()
    assert page.evaluate(_FIND), "no single-choice question with a Check button on the page"
    card = page.locator("[data-bench=card]")
    card.scroll_into_view_if_needed()

    checks, pings = [], []
    for i in range(clicks + 2):  # the first two of each are warm-up
        ping = page.evaluate(_TIME_PING)
        assert page.evaluate(_ANSWER, i), "the answer did not take"
        page.wait_for_timeout(300)  # let the answer reach the kernel before timing Check
        check = page.evaluate(_TIME_CHECK)
        if i >= 2:
            pings.append(ping)
            checks.append(check)
        page.wait_for_function(_RETRY_READY, timeout=30_000)
        page.evaluate(_RETRY)
        page.wait_for_function(_RESET, timeout=30_000)
        page.wait_for_timeout(100)

    result = {
        "clicks": len(checks),
        "check_ms": checks,
        "ping_ms": pings,
        "run_all_s": run_all_s,
        **_server_and_kernel_rss(lab_server.port),
    }
    out = os.environ.get(OUT)
    if out:
        Path(out).write_text(json.dumps(result), encoding="utf-8")


def measure(clicks: int = CLICKS, log=print) -> dict:
    """Run the measurement under pytest with the browser tier's fixtures; its numbers, or why not."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "browser.json"
        env = {**os.environ, OUT: str(out), CLICKS_ENV: str(clicks)}
        argv = [sys.executable, "-m", "pytest", str(Path(__file__)), "-p", "tests.browser.conftest"]
        argv += ["-q", "-p", "no:cacheprovider", "-rs", "-o", "addopts=", "-W", "ignore::DeprecationWarning"]
        done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=1200)
        if not out.exists():
            tail = (done.stdout + done.stderr).strip().splitlines()[-15:]
            log("  browser measurement did not run:\n    " + "\n    ".join(tail))
            return {"skipped": "\n".join(tail)}
        result = json.loads(out.read_text(encoding="utf-8"))
    checks, pings = result["check_ms"], result["ping_ms"]
    result.update(
        check_median_ms=median(checks),
        check_p95_ms=p95(checks),
        ping_median_ms=median(pings),
        ping_p95_ms=p95(pings),
        ratio=median(checks) / median(pings),
    )
    log(
        f"  quiz Check click-to-feedback: median {result['check_median_ms']:.0f} ms, "
        f"p95 {result['check_p95_ms']:.0f} ms over {len(checks)} clicks; "
        f"Ping baseline median {result['ping_median_ms']:.0f} ms "
        f"({result['ratio']:.1f}x); Run All in the browser {result['run_all_s']:.1f} s"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=CLICKS)
    measure(parser.parse_args().clicks)


if __name__ == "__main__":
    main()
