"""The delegation view, by simulated clicks: own score and red lines only, save -> a valid deal file."""

from __future__ import annotations

import html
import pickle

import pytest
from tests.roleplay_course import LESSON, load_roleplay_course

import lessonkit as lk
from lessonkit.roleplay.brief_file import brief_filename, build_brief, read_brief, write_brief
from lessonkit.roleplay.deal_file import read_deal

SOUTH_PRIVATE = ["SOUTH-PRIVATE", "南の私的"]
MEDIATOR_PRIVATE = ["MEDIATOR-PRIVATE", "仲介の私的"]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return load_roleplay_course(tmp_path_factory.mktemp("rp") / "course")


def _everything(widget) -> str:
    """Every string reachable from the widget's state, its HTML and its text alternative."""
    parts = [widget.static_html(), widget.static_text(), repr(widget.play), str(widget.role)]
    for child in widget.children:
        parts.append(str(child.get_state()))
        for sub in getattr(child, "children", ()):
            parts.append(str(sub.get_state()))
    parts.append(str(pickle.dumps(widget.play)))
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_brief_shows_own_brief_only(course, lang):
    w = lk.role_brief(course, "north", lang=lang)
    text = _everything(w)
    assert "NORTH-PRIVATE-BASIS" in text or "北の私的根拠" in text
    for private in SOUTH_PRIVATE + MEDIATOR_PRIVATE:
        assert private not in text
    assert w.play.parties == ["north"]
    assert ("Estimate" if lang == "en" else "推定") in w.brief.value
    assert ("own words" if lang == "en" else "当事者自身の発言に基づく") in w.brief.value
    assert ("the course's estimate" if lang == "en" else "教材による推定") in html.unescape(w.brief.value)


def test_clicks_change_own_score_and_red_lines_then_save(course, tmp_path):
    w = lk.role_brief(course, "north", lang="en", save_dir=tmp_path)
    assert w.score.score == 50  # everything open
    w.choices["fishing"].value = "north-only"
    assert w.score.score == pytest.approx(100 * (3 + 2 * 0.5 + 0.5) / 6)
    assert "75 of 100" in w.result.value and "crosses none" in w.result.value
    w.choices["water"].value = "south-veto"
    assert "red line on Water level" in w.result.value and "own words" in w.result.value
    assert "Southland" not in w.result.value.replace("Southland holds a veto", "")
    w.save.click()
    assert "Type your group" in w.status.value and not list(tmp_path.iterdir())
    w.class_box.value, w.group_box.value = "3-B", "<img src=x onerror=alert(1)>"
    w.round.value = "2"
    w.save.click()
    deal = read_deal(w.saved_path)
    assert deal.choices == {"fishing": "north-only", "water": "south-veto", "ferry": None}
    assert (deal.party, deal.role, deal.round, deal.class_) == ("north", "delegation", "2", "3-B")
    assert str(w.saved_path) in w.status.value.replace("&lt;", "<") or w.saved_path.name in w.status.value
    assert "<img" not in w.status.value


def test_mediator_view_defaults_to_the_final_round(course):
    w = lk.role_brief(course, "mediator", lang="ja")
    assert w.round.value == "final"
    assert "仲介団" in w.heading
    assert "公の立場なし" in w.brief.value  # no public position on fishing and water
    for private in [*SOUTH_PRIVATE, "NORTH-PRIVATE", "北の私的"]:
        assert private not in _everything(w)


def test_static_fallback_and_voila_safety(course):
    w = lk.role_brief(course, "south")
    bundle = w._repr_mimebundle_()
    assert "text/plain" in bundle and "text/html" in bundle
    assert "Southland" in bundle["text/plain"]
    assert "FigureWidget" not in type(w).__mro__.__repr__()


def test_brief_file_in_a_students_copy(course, tmp_path):
    path = write_brief(tmp_path / brief_filename(LESSON, "south"), build_brief(course, LESSON, "south"))
    text = path.read_text(encoding="utf-8")
    assert "SOUTH-PRIVATE" in text and "NORTH-PRIVATE" not in text and "MEDIATOR-PRIVATE" not in text
    assert read_brief(path).play.parties == ["south"]
    w = lk.role_brief(course, "south", brief=path)
    assert w.lesson == LESSON and w.play.parties == ["south"]
    with pytest.raises(ValueError, match="brief of 'south', not 'north'"):
        lk.role_brief(course, "north", brief=path)


def test_unknown_role_says_what_to_do(course):
    with pytest.raises(KeyError, match="brief="):
        lk.role_brief(course, "east")
