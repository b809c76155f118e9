"""The start page opens and renders offline in a real browser, in both languages."""

from __future__ import annotations

import pytest
from tests.browser.conftest import ARTIFACTS
from tests.browser.lab import open_notebook, run_all, shot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("lang", "words"), [("en", "Facts as of"), ("ja", "情報の基準日")])
def test_start_page_runs_and_shows_the_course_map(page, lab_server, lang, words):
    open_notebook(page, lab_server, f"notebooks/{lang}/00-start-here.ipynb")
    run_all(page)
    output = page.locator(".jp-OutputArea-output").filter(has_text=words)
    output.first.wait_for()
    shot(page, ARTIFACTS, f"start-page-{lang}")
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
