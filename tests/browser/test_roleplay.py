"""Lesson 08 in Chromium as a class plays it: a delegation's own copy (from ``lessonkit assign``)
runs in JupyterLab, the group builds a deal with the dropdowns and saves it, and the teacher's
debrief report, written from the saved file, shows that deal."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.browser.conftest import ARTIFACTS
from tests.browser.lab import open_notebook, run_all, shot

pytestmark = pytest.mark.browser

LESSONKIT = str(Path(sys.executable).with_name("lessonkit"))
# the group settles two issues (the first option of each scale) and leaves the rest open
ISSUES = ("Ukraine and NATO", "Security guarantees")


def _assign(root: Path) -> Path:
    out = root / "class-08"
    subprocess.run(
        [
            LESSONKIT,
            "assign",
            "08",
            "--out",
            str(out),
            "--course",
            str(root / "lessons"),
            "--notebooks",
            str(root / "notebooks"),
        ],
        check=True,
        capture_output=True,
    )
    return out


def _option_labels(page, issue: str) -> list[str]:
    select = page.locator(".widget-dropdown", has_text=issue).locator("select").first
    return [o.strip() for o in select.locator("option").all_inner_texts()]


def test_a_delegation_saves_a_deal_and_the_debrief_shows_it(page, lab_server):
    out = _assign(lab_server.root)
    folder = out / "roles" / "ua" / "notebooks" / "en"
    notebook = folder / "08-role-play-ua.ipynb"
    assert notebook.is_file()
    open_notebook(page, lab_server, str(notebook.relative_to(lab_server.root)))
    run_all(page)
    brief = page.locator(".jp-OutputArea-output .widget-html", has_text="Private brief").first
    brief.scroll_into_view_if_needed()
    shot(page, ARTIFACTS, "roleplay-ua-brief")
    # the group picks an option on two issues: the score line follows
    score = page.locator(".jp-OutputArea-output .widget-html", has_text="Your score for this deal").last
    before = score.inner_text()
    for issue in ISSUES:
        first = _option_labels(page, issue)[1]  # [0] is "open"
        page.locator(".widget-dropdown", has_text=issue).locator("select").first.select_option(label=first)
    page.wait_for_function(
        "before => [...document.querySelectorAll('.widget-html')].some(e => e.innerText.includes("
        "'Your score for this deal') && !e.innerText.includes(before))",
        arg=before.strip(),
    )
    page.locator(".widget-text", has_text="Class").locator("input").fill("10B")
    page.locator(".widget-text", has_text="Group").locator("input").fill("Delegation <b>UA</b>")
    page.get_by_role("button", name="Save the deal").click()
    page.locator(".widget-html", has_text="Saved:").first.wait_for()
    shot(page, ARTIFACTS, "roleplay-ua-saved")
    deals = sorted(folder.glob("*.json"))
    deals = [d for d in deals if not d.name.startswith("brief-")]
    assert len(deals) == 1, deals
    # the teacher's debrief from the saved file, read in the browser through the server
    for lang in ("en", "ja"):
        report = out / f"debrief.{lang}.html"
        done = subprocess.run(
            [
                LESSONKIT,
                "debrief",
                str(deals[0]),
                "--course",
                str(lab_server.root / "lessons"),
                "--out",
                str(report),
                "--lang",
                lang,
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        page.goto(lab_server.url(f"files/{report.relative_to(lab_server.root)}"))
        body = page.locator("body")
        assert "Delegation <b>UA</b>" in body.inner_text()  # shown as text, never as markup
        assert page.locator("b", has_text=re.compile(r"^UA$")).count() == 0
        assert page.locator("svg").count() >= 1
        shot(page, ARTIFACTS, f"roleplay-debrief-{lang}")


def test_the_role_play_runs_as_an_app(page, voila_server):
    """Voilà (`make app`, Binder's app link): the Japanese lesson shows the brief and the deal
    builder, the builder scores a choice, and no code shows."""
    page.goto(voila_server.url("ja/08-role-play.ipynb"), timeout=120_000)
    brief = page.locator(".widget-html", has_text="指示書").first
    brief.wait_for(timeout=120_000)
    issue = "ウクライナのNATO加盟"
    select = page.locator(".widget-dropdown", has_text=issue).locator("select").first
    labels = [o.strip() for o in select.locator("option").all_inner_texts()]
    select.select_option(label=labels[1])
    page.locator(".widget-html", has_text="この案のあなたの点数").first.wait_for()
    select.scroll_into_view_if_needed()
    shot(page, ARTIFACTS, "app-roleplay-ja")
    assert page.get_by_text("import lessonkit").count() == 0
