"""The loaded Course: look-ups, stance history, frames, and the lazy package surface."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from tests.helpers import COURSE_DIR

import lessonkit
from lessonkit.content import Localized


def test_sample_loads(sample):
    assert sample.info.id == "lake-treaty-sample"
    assert [e.id for e in sample.events] == ["lake-closed", "first-round"]
    assert sample.events[1].is_span and not sample.events[0].is_span


def test_lookups(sample):
    assert sample.party("north").name.get("ja") == "ノースランド"
    assert sample.issue("water").option_index("joint-board") == 1
    assert sample.lesson("01").id == "01-the-lake"
    with pytest.raises(KeyError, match="no lesson '09'"):
        sample.lesson("09")
    assert sample.lesson("01-the-lake").quiz().id == "check"


def test_stance_as_of(sample):
    assert sample.stance("north", "fishing").position == "north-only"
    assert sample.stance("north", "fishing", as_of=dt.date(2024, 1, 1)) is None
    assert sample.stance("mediator", "water").position is None


def test_localized_needs_a_known_language():
    text = Localized(en="a", ja="あ")
    assert text.get("ja") == "あ"
    with pytest.raises(ValueError, match="unknown language"):
        text.get("fr")


def test_models_are_frozen(sample):
    with pytest.raises(Exception, match="frozen"):
        sample.events[0].date = dt.date(2000, 1, 1)


def test_events_frame(sample):
    frame = sample.events_frame(lang="ja")
    assert list(frame["id"]) == ["lake-closed", "first-round"]
    assert str(frame["date"].dtype).startswith("datetime64")
    assert frame.loc[0, "title"] == "ノースランドが湖を閉鎖"


def test_import_is_light():
    code = (
        "import sys, lessonkit; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'plotly', 'ipywidgets', 'pandas'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        lessonkit.no_such_thing  # noqa: B018


def test_people_frame_shows_each_role_as_it_was_on_the_event_day():
    course = lessonkit.load_course(COURSE_DIR)
    riyadh = course.people_frame(event="riyadh-talks-2025", lang="en").set_index("id")["role"]
    assert riyadh["rubio"].startswith("US Secretary of State") and "Senator" not in riyadh["rubio"]
    assert "special envoy" not in riyadh["dmitriev"].lower()  # appointed on 23 Feb 2025, after Riyadh
    everyone = course.people_frame(lang="ja")
    assert list(everyone.columns) == ["id", "name", "role", "party"] and len(everyone) == len(course.people)
