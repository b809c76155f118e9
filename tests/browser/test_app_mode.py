"""Voilà (`make app`) serves a lesson as an app: no code cells, widgets live, offline."""

from __future__ import annotations

import pytest
from tests.browser.conftest import ARTIFACTS
from tests.browser.lab import shot

pytestmark = pytest.mark.browser


def test_start_page_as_an_app_hides_code(page, voila_server):
    page.goto(voila_server.url("ja/00-start-here.ipynb"), timeout=120_000)
    page.get_by_text("時点の情報です").first.wait_for(timeout=120_000)
    assert page.get_by_text("import lessonkit").count() == 0
    shot(page, ARTIFACTS, "app-start-page-ja")
