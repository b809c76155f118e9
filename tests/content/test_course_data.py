"""The real course's facts: sourced, dated, bilingual, complete and fair in structure.

Parametrised per item so a failure names the event, stance or source at fault.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from urllib.parse import urlparse

import pytest
from tests.helpers import real_course

COURSE = real_course()
SOURCE_IDS = {s.id for s in COURSE.sources}
PRINCIPALS = COURSE.info.principal_parties

REQUIRED_PARTIES = {"us", "ru", "ua", "eu", "de", "fr", "uk", "pl", "it", "sa", "tr", "cn", "nato"}
REQUIRED_ISSUES = {
    "territory",
    "nato",
    "guarantees",
    "troops",
    "sanctions",
    "sequencing",
    "participation",
    "elections",
    "assets",
}


def localized_texts(model) -> list[tuple[str, object]]:
    """Every Localized value inside a model, with its field path."""
    from lessonkit.content import Localized

    found: list[tuple[str, object]] = []

    def walk(value, path):
        if isinstance(value, Localized):
            found.append((path, value))
        elif hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name), f"{path}.{name}" if path else name)
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")

    walk(model, "")
    return found


def test_counts_meet_the_course_plan():
    assert len(COURSE.events) >= 55
    assert len(COURSE.sources) >= 60
    assert {p.id for p in COURSE.parties} >= REQUIRED_PARTIES
    assert len(COURSE.people) >= 20
    assert {i.id for i in COURSE.issues} >= REQUIRED_ISSUES


@pytest.mark.parametrize("event", COURSE.events, ids=lambda e: e.id)
def test_event_cites_existing_sources(event):
    assert event.sources and set(event.sources) <= SOURCE_IDS


@pytest.mark.parametrize("stance", COURSE.stances, ids=lambda s: f"{s.key}@{s.as_of}")
def test_stance_cites_existing_sources(stance):
    assert stance.sources and set(stance.sources) <= SOURCE_IDS
    if stance.quote:
        assert stance.quote.source in SOURCE_IDS
        assert stance.quote.date <= stance.as_of


@pytest.mark.parametrize("stance", COURSE.stances, ids=lambda s: f"{s.key}@{s.as_of}")
def test_stance_demand_is_among_what_it_could_accept(stance):
    if stance.position is not None and stance.acceptable:
        assert stance.position in stance.acceptable


@pytest.mark.parametrize("party", PRINCIPALS)
@pytest.mark.parametrize("issue", sorted(REQUIRED_ISSUES))
def test_every_principal_party_has_a_stance_on_every_issue(party, issue):
    assert COURSE.stance(party, issue) is not None, f"{party} has no stance on {issue} (write position: null)"


@pytest.mark.parametrize("issue", COURSE.issues, ids=lambda i: i.id)
def test_issue_has_3_to_6_ordered_options(issue):
    assert 3 <= len(issue.options) <= 6


def _all_dated():
    for e in COURSE.events:
        yield f"event:{e.id}", e.end_date or e.date
    for s in COURSE.stances:
        yield f"stance:{s.key}@{s.as_of}", s.as_of
    for s in COURSE.statements:
        yield f"statement:{s.id}", s.date
    for s in COURSE.sources:
        yield f"source:{s.id}", s.published


@pytest.mark.parametrize(("item", "date"), list(_all_dated()), ids=lambda v: v if isinstance(v, str) else "")
def test_nothing_after_the_as_of_date(item, date):
    assert date <= COURSE.as_of


def _all_items():
    for kind in ("events", "parties", "people", "issues", "stances", "statements", "claims"):
        for item in getattr(COURSE, kind):
            yield f"{kind}:{getattr(item, 'id', None) or item.key}", item
    for lesson in COURSE.lessons:
        yield f"lessons:{lesson.id}", lesson


@pytest.mark.parametrize(("name", "item"), list(_all_items()), ids=lambda v: v if isinstance(v, str) else "")
def test_both_languages_are_real_text(name, item):
    for path, text in localized_texts(item):
        assert text.en.strip() and text.ja.strip(), path
        # Japanese text should contain Japanese script (names like "NATO" alone are fine)
        if len(text.ja) > 12:
            assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text.ja), f"{path}: ja looks untranslated: {text.ja!r}"


def test_no_duplicate_events():
    keys = Counter((e.date, unicodedata.normalize("NFKC", e.title.en).casefold()) for e in COURSE.events)
    assert [k for k, n in keys.items() if n > 1] == []


def test_no_source_listed_twice():
    urls = Counter(s.url.rstrip("/") for s in COURSE.sources)
    assert [u for u, n in urls.items() if n > 1] == []


@pytest.mark.parametrize("source", COURSE.sources, ids=lambda s: s.id)
def test_source_url_is_well_formed_https(source):
    parsed = urlparse(source.url)
    assert parsed.scheme == "https" and "." in parsed.netloc and " " not in source.url


@pytest.mark.parametrize("issue", sorted(REQUIRED_ISSUES))
def test_stances_have_the_same_structure_for_every_principal(issue):
    """Fairness: every principal party's stance carries the same kinds of content."""
    for party in PRINCIPALS:
        stance = COURSE.stance(party, issue)
        assert stance.summary.en and stance.summary.ja
        if stance.position is not None:
            assert stance.acceptable, f"{party}:{issue} gives a position but no acceptable range"


def test_riyadh_meeting_in_detail():
    riyadh = [e for e in COURSE.events if e.date.isoformat() == "2025-02-18" and e.host == "sa"]
    assert len(riyadh) == 1, "one event for the Riyadh meeting, hosted by Saudi Arabia"
    meeting = riyadh[0]
    assert {"rubio", "waltz", "witkoff", "lavrov", "ushakov", "dmitriev"} <= set(meeting.people)
    assert meeting.place is not None and len(meeting.outcomes) >= 3
    said = [s for s in COURSE.statements if s.event == meeting.id]
    parties = {COURSE.person(s.speaker).party for s in said}
    assert {"us", "ru", "ua"} <= parties


def test_japanese_style():
    """Names and titles as Japanese teachers write them (factbase style notes).

    Claims quote and discuss the source article's own wording, errors included, so
    they are left out, and so is anything quoted in 「」.
    """
    texts = [t.ja for name, item in _all_items() if not name.startswith("claims:") for _, t in localized_texts(item)]
    joined = re.sub(r"「[^」]*」", "", "\n".join(texts))  # quoting a source's own spelling is fine
    for wrong, right in (
        ("ラヴロフ", "ラブロフ"),
        ("米露", "米ロ"),
        ("キエフ", "キーウ"),
        ("トランプ前大統領", "トランプ大統領"),
    ):
        assert wrong not in joined, f"write {right}, not {wrong}"
