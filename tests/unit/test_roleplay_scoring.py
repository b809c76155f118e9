"""Role-play scoring: hand-computed scores, red lines, acceptable ranges, open issues, real positions."""

from __future__ import annotations

import pytest
from tests.roleplay_course import LESSON, load_roleplay_course

from lessonkit.roleplay.scoring import OPEN_VALUE, check_deal, closeness, party_score, score_deal


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return load_roleplay_course(tmp_path_factory.mktemp("rp") / "course")


@pytest.fixture(scope="module")
def play(course):
    return course.lesson(LESSON).roleplay


SCALE = ["a", "b", "c", "d", "e"]


def test_closeness_is_relative_to_the_farthest_option_from_the_position():
    assert closeness(SCALE, "a", "a") == 1
    assert closeness(SCALE, "a", "e") == 0
    assert closeness(SCALE, "a", "b") == pytest.approx(0.75)
    assert closeness(SCALE, "b", "e") == 0  # farthest from b is e (3 steps)
    assert closeness(SCALE, "b", "a") == pytest.approx(2 / 3)
    assert closeness(SCALE, "c", "a") == 0 and closeness(SCALE, "c", "e") == 0  # middle: both poles are farthest
    assert closeness(SCALE, "c", None) == OPEN_VALUE == 0.5
    assert closeness(SCALE, None, "c") is None


def test_party_score_by_hand():
    scales = {"x": SCALE, "y": ["p", "q", "r"]}
    s = party_score("me", {"x": 3, "y": 1}, {"x": "a", "y": "r"}, scales, {"x": "b", "y": None})
    assert s.score == pytest.approx(100 * (3 * 0.75 + 1 * 0.5) / 4)  # 68.75
    assert s.rounded == 69
    # weight 0 and no position leave the sum
    s = party_score("me", {"x": 0, "y": 2}, {"x": "a", "y": None}, scales, {"x": "e", "y": "p"})
    assert s.score is None and s.rounded is None


def test_sample_deal_scores_red_lines_and_ranges(course, play):
    r = score_deal(course, play, {"fishing": "open", "water": "south-veto", "ferry": "monthly"})
    # north: fishing 0 (w3), water 0 (w2), ferry weekly->monthly 1-1/3 (w1): 100*(2/3)/6
    assert r.scores["north"].score == pytest.approx(100 * (2 / 3) / 6)
    # south: fishing 1 (w1), water 1 (w3), ferry seasonal->monthly 1-1/3 (w2): 100*(1+3+4/3)/6
    assert r.scores["south"].score == pytest.approx(100 * (4 + 4 / 3) / 6)
    # mediator: no position on fishing or water; monthly is its position on ferry
    assert r.scores["mediator"].score == 100
    assert [(c.issue, c.option, c.stated) for c in r.scores["north"].crossed] == [
        ("water", "south-veto", True),
        ("fishing", "open", False),
    ]
    assert r.scores["south"].crossed == () and r.scores["mediator"].crossed == ()
    assert r.assessment.outside["north"] == ["fishing", "water"]
    assert r.assessment.unknown["mediator"] == ["fishing", "water", "ferry"]  # no estimate: unknown, not no
    assert not r.in_every_range
    assert r.matches == {"fishing": ["south"], "water": ["south"], "ferry": ["mediator"]}
    assert r.real["water"] == {"north": "north-decides", "south": "south-veto", "mediator": None}


def test_open_issues_count_half_and_a_deal_in_every_range(course, play):
    r = score_deal(course, play, {"fishing": "quotas", "water": "joint-board"})
    assert r.deal == {"fishing": "quotas", "water": "joint-board", "ferry": None}
    assert r.open_issues == ["ferry"]
    assert {p: s.score for p, s in r.scores.items()} == {"north": 50, "south": 50, "mediator": 50}
    assert r.assessment.outside["north"] == ["water"]  # north accepts only north-decides
    r = score_deal(course, play, {"fishing": "quotas", "ferry": "monthly"})
    assert r.in_every_range and r.assessment.zones["fishing"] == ["quotas"]
    nothing = score_deal(course, play, {})
    assert all(s.score == 50 for s in nothing.scores.values() if s.score is not None)
    assert not nothing.in_every_range  # nothing decided is not a deal


def test_unknown_ids_are_refused(course, play):
    assert check_deal(course, play, {"nope": "x", "water": "bogus"}) == [
        "'nope' is not an issue on the table",
        "'bogus' is not an option of 'water'",
    ]
    with pytest.raises(ValueError, match="not an issue on the table"):
        score_deal(course, play, {"nope": None})


def test_scoring_imports_no_widgets():
    import subprocess
    import sys

    code = (
        "import sys, lessonkit.roleplay.scoring, lessonkit.teacher.debrief.report; print('ipywidgets' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
