"""The real course as students read it in Japanese: statement panels, the explorer's people
and the stance quotes use full-width punctuation, no doubled brackets, and roles as of the
day; the Riyadh statements quote every side, in translation where the words were not English."""

from __future__ import annotations

import re

import pytest
from tests.helpers import COURSE_DIR, japanese_problems

import lessonkit
from lessonkit.figures import stance_text as st
from lessonkit.widgets.explorer import event_html

COURSE = lessonkit.load_course(COURSE_DIR)
EVENTS_WITH_STATEMENTS = sorted({s.event for s in COURSE.statements if s.event})
EVENTS_WITH_PEOPLE = [e.id for e in COURSE.events if e.people]


@pytest.mark.parametrize("event", EVENTS_WITH_STATEMENTS)
def test_statement_panel_in_japanese(event):
    for line in lessonkit.accounts(COURSE, event, lang="ja").text.splitlines():
        assert japanese_problems(line) == [], line


@pytest.mark.parametrize("event", [e.id for e in COURSE.events])
def test_event_card_in_japanese(event):
    for line in lessonkit.event_card(COURSE, event, lang="ja").text.splitlines():
        assert japanese_problems(line) == [], line


@pytest.mark.parametrize("event", EVENTS_WITH_PEOPLE)
def test_explorer_people_in_japanese(event):
    ev = COURSE.event(event)
    html = event_html(COURSE, ev, "ja")
    people = re.search(r"人物：</b></p><ul>(.*?)</ul>", html).group(1)
    for item in re.findall(r"<li>(.*?)</li>", people):
        assert japanese_problems(item) == [], item


@pytest.mark.parametrize("stance", [s for s in COURSE.stances if s.quote], ids=lambda s: f"{s.key}@{s.as_of}")
def test_stance_quote_in_japanese(stance):
    text = st.quote_text(COURSE, stance.quote, "ja")
    assert japanese_problems(text) == [], text


def test_roles_are_those_held_on_the_day():
    assert COURSE.person("rubio").role_on(COURSE.event("rubio-confirmation-hearing").date).en.startswith("US Senator")
    assert "interim National Security Adviser" in COURSE.person("rubio").role_on(COURSE.event("geneva-talks").date).en
    assert "special envoy" not in COURSE.person("dmitriev").role_on(COURSE.event("riyadh-talks-2025").date).en
    assert "special envoy" in COURSE.person("dmitriev").role_on(COURSE.event("alaska-summit").date).en
    jeddah = COURSE.event("jeddah-ceasefire-proposal").date
    assert COURSE.person("umerov").role_on(jeddah).en == "Ukrainian Defence Minister"
    assert "Security and Defence Council" in COURSE.person("umerov").role_on(COURSE.event("geneva-talks").date).en


def test_riyadh_quotes_every_side_at_or_beside_the_table():
    said = [s for s in COURSE.statements if s.event == "riyadh-talks-2025"]
    quoted = {COURSE.person(s.speaker).party for s in said if s.verbatim}
    assert {"us", "ru", "ua", "tr", "cn"} <= quoted
    for s in said:
        if s.verbatim and COURSE.person(s.speaker).party != "us":
            assert s.translated_from is not None, s.id
