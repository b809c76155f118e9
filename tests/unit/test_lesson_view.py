"""Lesson-page renderers, the claim checker and students' own events, on the sample course."""

from __future__ import annotations

import pandas as pd
import pytest
from tests.helpers import PAYLOAD

import lessonkit as lk


@pytest.mark.parametrize(("lang", "words"), [("en", "Learning objectives"), ("ja", "学習目標")])
def test_lesson_intro(sample, lang, words):
    intro = lk.lesson_intro(sample, "01", lang=lang)
    bundle = intro._repr_mimebundle_()
    assert words in bundle["text/html"] and words in bundle["text/plain"]
    assert sample.lesson("01").objectives[0].get(lang) in bundle["text/plain"]
    assert ("10 min" if lang == "en" else "10分") in bundle["text/plain"]
    assert sample.lesson("01").vocabulary[0].term.get(lang) in bundle["text/html"]


def test_discussion_lists_the_questions(sample):
    text = lk.discussion(sample, "01-the-lake", lang="ja").text
    assert "1. ノースランドが漁獲枠は" in text


def test_accounts_side_by_side(sample):
    view = lk.accounts(sample, "first-round", lang="en")
    assert view.html.index("Northland") < view.html.index("Southland")
    assert "“Quotas are a basis for talks.”" in view.text
    assert "paraphrase" in view.text and "Anna Nord" in view.text


def test_accounts_japanese_quotes_use_kagikakko(sample):
    assert "「漁獲枠は協議の土台だ。」" in lk.accounts(sample, "first-round", lang="ja").text


def test_quiz_knows_its_lesson(sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = lk.quiz(sample, "01", lang="ja")
    assert widget.quiz.id == "check"


def test_claim_check_hides_verdicts_until_checked(sample):
    widget = lk.ClaimCheck(sample, lang="en")
    assert "wrong" not in widget.static_html() and "misattributed" not in widget.static_text()
    widget.check("talks-date")
    assert "Choose a verdict first" in widget.results["talks-date"].value
    widget.choices["talks-date"].value = "wrong"
    widget.check("talks-date")
    assert "Your verdict matches: wrong" in widget.results["talks-date"].value
    assert "10 March 2024" in widget.results["talks-date"].value
    widget.choices["quotas-quote"].value = "correct"
    widget.check("quotas-quote")
    assert "The sources say: misattributed" in widget.results["quotas-quote"].value
    assert "2 of 2 checked · 1 matching the sources" in widget.score.value


def test_claim_check_in_japanese_shows_the_original_only(sample):
    widget = lk.ClaimCheck(sample, lang="ja")
    assert "3月20日に協議が始まった" in widget.static_html()
    widget.choices["talks-date"].value = "simplified"
    widget.check("talks-date")
    assert "出典によると「誤り」です" in widget.results["talks-date"].value


def test_renderers_escape_content(hostile):
    for view in (lk.lesson_intro(hostile, "01", lang="en"), lk.discussion(hostile, "01", lang="en")):
        assert "<script>" not in view.html and "<img src=x" not in view.html


def test_with_events_from_a_dataframe(sample):
    rows = pd.DataFrame(
        [
            {
                "id": "my-event",
                "date": "2024-05-01",
                "title": "Talks resume",
                "actors": "north,south",
                "category": "diplomacy",
                "source_url": "https://example.org/x",
                "source_publisher": "Me",
            }
        ]
    )
    course = sample.with_events(rows)
    event = course.event("my-event")
    assert event.era == "talks" and event.certainty.value == "reported"
    assert course.source(event.sources[0]).publisher == "Me"
    assert len(course.events) == len(sample.events) + 1 and sample.event("lake-closed")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"date": "2024-13-01"}, "new events:1: date: '2024-13-01' is not a date"),
        ({"actors": ["westland"]}, "new events:1: actors[0]: 'westland' is not a known party"),
        (
            {"category": "war"},
            "new events:1: category: 'war' is not a category listed in course.yaml (diplomacy, incident)",
        ),
        ({"host": "nowhere"}, "new events:1: host: 'nowhere' is not a known party"),
        ({"people": ["nobody"]}, "new events:1: people[0]: 'nobody' is not a known person"),
        (
            {"sources": ["no-such-source"], "source_url": None},
            "new events:1: sources[0]: 'no-such-source' is not a known source",
        ),
        ({"source_url": "javascript:alert(1)"}, "new events:1: source_url: must be a full https:// address"),
        ({"id": "lake-closed"}, "'lake-closed' is already used by an event of the course"),
    ],
)
def test_with_events_reports_mistakes_plainly(sample, row, message):
    base = {
        "id": "x",
        "date": "2024-02-01",
        "title": "T",
        "actors": ["north"],
        "category": "diplomacy",
        "source_url": "https://example.org/a",
    }
    with pytest.raises(lk.LessonError) as info:
        sample.with_events([{**base, **row}])
    assert message in str(info.value)


def test_added_events_with_an_unknown_host_never_reach_the_explorer(sample):
    """The course's own event rules run on added rows: the explorer never meets an unknown party."""
    row = {"id": "x", "date": "2024-02-01", "title": "T", "actors": ["north"], "category": "diplomacy"}
    with pytest.raises(lk.LessonError, match="host: 'nowhere' is not a known party"):
        sample.with_events([{**row, "sources": [sample.sources[0].id], "host": "nowhere"}])


def test_added_events_may_come_after_the_as_of_date(sample):
    """Students record news from after the course's date (lesson 05); only that rule is relaxed."""
    later = sample.info.as_of.replace(year=sample.info.as_of.year + 1)
    row = {"id": "later", "date": later, "title": "T", "actors": ["north"], "category": "diplomacy"}
    course = sample.with_events([{**row, "sources": [sample.sources[0].id]}])
    assert course.event("later").date == later


def test_with_events_escapes_in_the_timeline(sample):
    course = sample.with_events(
        [
            {
                "id": "x",
                "date": "2024-02-01",
                "title": PAYLOAD,
                "actors": ["north"],
                "category": "diplomacy",
                "source_url": "https://example.org/a",
            }
        ]
    )
    fig = lk.timeline(course)
    assert "<script>" not in str(fig.to_plotly_json())


def test_accounts_do_not_double_quotation_marks(sample):
    quoted = sample.with_events([])  # same course; statements below are built from the sample's own
    from lessonkit.widgets.lesson_page import _quoted

    assert _quoted("“Already quoted.”", "en") == "“Already quoted.”"
    assert _quoted("「引用済み」", "ja") == "「引用済み」"
    assert _quoted("Plain.", "en") == "“Plain.”" and _quoted("平文", "ja") == "「平文」"
    assert quoted.statements == sample.statements


@pytest.mark.parametrize(("lang", "words"), [("en", "Who took part"), ("ja", "出席者")])
def test_event_card(sample, lang, words):
    card = lk.event_card(sample, "first-round", lang=lang)
    assert words in card.html and words in card.text
    assert sample.person("anna-north").name.get(lang) in card.text
    assert ("10 Mar 2024 – 12 Mar 2024" if lang == "en" else "2024年3月10日〜2024年3月12日") in card.text
    assert 'href="https://example.org/mediator' in card.html


def test_event_card_escapes(hostile):
    card = lk.event_card(hostile, hostile.events[0].id, lang="en")
    assert "<script>" not in card.html and "<img src=x" not in card.html


def test_claim_order_is_seeded_not_the_files(sample):
    orders = {tuple(c.id for c in lk.ClaimCheck(sample, lang="en", seed=seed).claims) for seed in range(6)}
    assert len(orders) == 2  # both orders of two claims occur across seeds
    again = [c.id for c in lk.ClaimCheck(sample, lang="en", seed=3).claims]
    assert again == [c.id for c in lk.ClaimCheck(sample, lang="en", seed=3).claims]


def test_claim_location_in_japanese(sample):
    widget = lk.ClaimCheck(sample, lang="ja")
    assert "リード文" in widget.static_html() and "lead paragraph" not in widget.static_html()
