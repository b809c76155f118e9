"""Each principal party's stances over time: complete at every date a lesson shows, dated and fair.

Pins the corrections of issue 12: Ukraine's (and the US's and the EU's) positions before 2025
are recorded, and no party is shown demanding more of Ukraine's land back than Ukraine itself
unless it said so.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.helpers import COURSE_DIR

import lessonkit

COURSE = lessonkit.load_course(COURSE_DIR)
PRINCIPALS = COURSE.info.principal_parties
CORE_ISSUES = ("territory", "nato", "sequencing", "guarantees")
SOURCES = {s.id: s for s in COURSE.sources}
PEOPLE = {p.id: p for p in COURSE.people}
NOTEBOOK_SOURCES = sorted(Path(COURSE_DIR).glob("*/notebook.yaml"))

# The dates the lessons show stances at: lesson 01 (end of 2024), the Riyadh talks, the
# lesson 03 chart (30 September 2025) and the course's own date.
LESSON_DATES = (dt.date(2024, 12, 31), dt.date(2025, 2, 18), dt.date(2025, 9, 30), COURSE.as_of)


def test_the_lesson_dates_are_the_ones_the_notebooks_use():
    """A stance view at a date no test covers would escape the completeness check below."""
    used = set()
    for path in NOTEBOOK_SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "territory_map" in line or "map_text" in line:
                continue  # maps of control, not of stances
            used |= {dt.date.fromisoformat(d) for d in re.findall(r'as_of="(\d{4}-\d\d-\d\d)"', line)}
    assert used, "no dated stance view found: has the notebook code moved?"
    assert used <= set(LESSON_DATES)


@pytest.mark.parametrize("day", LESSON_DATES, ids=str)
@pytest.mark.parametrize("party", PRINCIPALS)
@pytest.mark.parametrize("issue", CORE_ISSUES)
def test_every_principal_party_has_a_stance_in_force(party, issue, day):
    """'No public position' must be written out; a missing record would show '(not recorded)'."""
    assert COURSE.stance(party, issue, day) is not None, f"{party}:{issue} has no stance on {day}"


def test_ukraine_before_2025_is_recorded_beside_russia():
    end_2024 = dt.date(2024, 12, 31)
    for issue in CORE_ISSUES:
        ua = COURSE.stance("ua", issue, end_2024)
        assert ua is not None and ua.position is not None, issue
    assert COURSE.stance("ua", "nato", end_2024).as_of == dt.date(2022, 9, 30)  # the NATO application
    assert COURSE.stance("ua", "territory", end_2024).position == "borders-1991"  # the peace formula


@pytest.mark.parametrize("party", sorted({s.party for s in COURSE.stances}))
def test_each_history_is_in_date_order_without_duplicates(party):
    """Widgets take the latest stance on or before a date, reading the history oldest first."""
    for issue in {s.issue for s in COURSE.stances if s.party == party}:
        dates = [s.as_of for s in COURSE.stance_history(party, issue)]
        assert dates == sorted(dates), f"{party}:{issue} out of order: {dates}"
        assert len(dates) == len(set(dates)), f"{party}:{issue} has two stances on one date"


@pytest.mark.parametrize("stance", COURSE.stances, ids=lambda s: f"{s.party}:{s.issue}:{s.as_of}")
def test_a_stance_is_dated_by_what_it_cites(stance):
    """Sources are at most a week later than the stance (reports of it), and a quote is not later."""
    for sid in stance.sources:
        lag = (SOURCES[sid].published - stance.as_of).days
        assert lag <= 7, f"{sid} was published {lag} days after the stance it supports"
    if stance.quote is not None:
        assert stance.quote.date <= stance.as_of


def _territory_rank(position: str | None) -> int | None:
    options = [o.id for o in COURSE.issue("territory").options]
    return None if position is None else options.index(position)


def _territory_dates() -> list[dt.date]:
    return sorted({s.as_of for s in COURSE.stances if s.issue == "territory"} | {COURSE.as_of})


@pytest.mark.parametrize("day", _territory_dates(), ids=str)
def test_no_party_states_a_harder_territory_demand_than_ukraine(day):
    """Options run from Ukraine's pole (1991 borders) to Russia's; no one is shown to Ukraine's side
    of Ukraine's own demand on its own word unless the party said so itself."""
    ua = COURSE.stance("ua", "territory", day)
    if ua is None or ua.position is None:
        return
    ua_rank = _territory_rank(ua.position)
    for party in {s.party for s in COURSE.stances if s.issue == "territory"} - {"ua"}:
        s = COURSE.stance(party, "territory", day)
        if s is None or s.position is None:
            continue
        if _territory_rank(s.position) < ua_rank:
            assert not s.stated, f"{party} stated {s.position!r} on {day}, harder than Ukraine's {ua.position!r}"


@pytest.mark.parametrize("day", LESSON_DATES, ids=str)
def test_no_principal_party_is_shown_harder_than_ukraine_on_territory(day):
    """The demand maps and the matrix show the principal parties: even as a reading, none of them
    stands on Ukraine's side of Ukraine's own territorial demand."""
    ua_rank = _territory_rank(COURSE.stance("ua", "territory", day).position)
    for party in PRINCIPALS:
        rank = _territory_rank(COURSE.stance(party, "territory", day).position)
        assert rank is None or rank >= ua_rank, f"{party} harder than Ukraine on {day}"


@pytest.mark.parametrize("party", ["eu", "pl", "tr"])
def test_european_and_turkish_support_for_borders_is_a_reading_not_a_demand(party):
    """Since 2025 their sources say territorial integrity, non-recognition and 'up to Ukraine'."""
    for s in COURSE.stance_history(party, "territory"):
        if s.as_of.year >= 2025:
            assert not (s.stated and s.position == "borders-1991"), f"{party} {s.as_of}"


def test_us_troops_february_2025_is_a_reading():
    """Hegseth ruled out US troops and Article 5 cover, so 'backed by the US' is not his statement."""
    s = COURSE.stance("us", "troops", dt.date(2025, 2, 12))
    assert s.position == "western-force" and not s.stated


@pytest.mark.parametrize(
    "stance",
    [s for s in COURSE.stances if s.quote is not None and PEOPLE[s.quote.speaker].party == "ru"],
    ids=lambda s: f"{s.party}:{s.issue}:{s.as_of}",
)
def test_russian_speakers_quotes_are_marked_as_translations(stance):
    assert stance.quote.translated_from == "ru"
    assert stance.quote.translation_source in SOURCES


def test_no_stance_rests_on_a_relay_site_where_an_original_is_cited():
    """Meloni's words are cited from Ukrainska Pravda's AFP report, not a relay."""
    for s in COURSE.stances:
        assert not any(sid.startswith("sudanevents") for sid in s.sources), s
