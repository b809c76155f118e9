"""TimelineExplorer driven in-process: set control values, read value traits and the figure."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
from html import escape as html_escape

import ipywidgets as W
import plotly.graph_objects as go
import pytest

import lessonkit
from lessonkit.content import Localized
from lessonkit.figures.timeline import timeline
from lessonkit.style.plot import PLOTLY_MIME
from lessonkit.widgets.explorer import TimelineExplorer


def shown(x: TimelineExplorer) -> list[str]:
    return x.figure.layout.meta["event_ids"]


def controls(x: TimelineExplorer) -> list[W.Widget]:
    return [x.parties, x.categories, x.dates.first, x.dates.last, x.group_by, x.reset, x.event]


def test_starts_with_everything_shown(sample):
    x = TimelineExplorer(sample)
    assert shown(x) == ["lake-closed", "first-round"]
    assert "Showing 2 of 2 events. Facts as of 30 Jun 2024." in x.status.value
    assert x.listing.value.count("<li>") == 2 and x.listing.value.startswith('<ol lang="en"')
    assert [v for _, v in x.event.options] == ["", "lake-closed", "first-round"]  # "" = nothing picked
    assert "Pick an event" in x.details.value
    assert x.dates.value == (dt.date(2020, 5, 1), dt.date(2024, 3, 1))


def test_party_filter_updates_figure_list_status_and_output(sample):
    x = TimelineExplorer(sample)
    x.parties.value = ("mediator",)
    assert shown(x) == ["first-round"]
    assert "Showing 1 of 2" in x.status.value
    assert "First round of talks" in x.listing.value and "closes the lake" not in x.listing.value
    output, alt = x.output.outputs  # the figure, then its text alternative for screen readers
    assert output["data"][PLOTLY_MIME]["layout"]["meta"]["event_ids"] == ["first-round"]
    assert output["data"]["text/plain"] == x.figure.layout.meta["description"]
    assert html_escape(x.figure.layout.meta["description"]) in alt["data"]["text/html"]
    assert "lk-sr-only" in alt["data"]["text/html"]
    json.dumps([output, alt])  # what the Output widget sends to the page must be plain JSON
    x.parties.value = ()
    assert shown(x) == ["lake-closed", "first-round"]  # none picked means all


def test_category_and_date_filters(sample):
    x = TimelineExplorer(sample)
    x.categories.value = ("incident",)
    assert shown(x) == ["lake-closed"]
    x.categories.value = ()
    x.dates.value = (dt.date(2024, 1, 1), dt.date(2024, 3, 1))
    assert shown(x) == ["first-round"]
    assert x.filters["start"] == dt.date(2024, 1, 1) and x.filters["end"] == dt.date(2024, 3, 31)


def test_figure_matches_the_builder_with_the_same_filters(sample):
    x = TimelineExplorer(sample, lang="ja", parties=["south"], start="2020-01-01")
    assert isinstance(x.figure, go.Figure)
    assert x.figure.to_json() == timeline(sample, lang="ja", **x.filters).to_json()


def test_rows_by_party(sample):
    x = TimelineExplorer(sample)
    x.group_by.value = "party"
    assert list(x.figure.layout.yaxis.ticktext) == ["Northland", "Southland", "The Mediator"]


def test_event_details(sample):
    x = TimelineExplorer(sample)
    x.event.value = "first-round"
    html = x.details.value
    assert "<h4>First round of talks</h4>" in html
    assert "10 Mar 2024 – 12 Mar 2024" in html and "Confirmed" in html and "The talks" in html
    assert "Anna Nord, Foreign Minister of Northland (Northland)" in html
    assert '<a href="https://example.org/mediator/readouts/2024-03-10"' in html
    assert "Office of the Mediator: Readout of the first round of lake talks" in html
    assert "(published 11 Mar 2024)" in html


def test_opens_with_an_event_picked(sample):
    x = TimelineExplorer(sample, start="2024-03-01", end="2024-03-31", event="first-round", lang="en")
    assert x.event.value == "first-round"
    assert x.details.value == TimelineExplorer(sample, event="first-round").details.value
    assert "<h4>First round of talks</h4>" in x.details.value
    assert shown(x) == ["first-round"]
    assert x.details.value in x._repr_mimebundle_()["text/html"]
    x.event.value = ""  # the pick is an ordinary selection: students can change it
    assert "Pick an event" in x.details.value
    ja = TimelineExplorer(sample, event="lake-closed", lang="ja")
    assert ja.event.value == "lake-closed" and "<h4>ノースランドが湖を閉鎖</h4>" in ja.details.value


def test_event_keyword_comes_after_the_filters_and_before_lang():
    names = list(inspect.signature(TimelineExplorer).parameters)
    assert names == ["course", "parties", "categories", "start", "end", "event", "lang", "height", "color_by"]


@pytest.mark.parametrize(
    ("filters", "named"),
    [
        ({"start": "2024-01-01"}, "start=2024-01-01, end=2024-03-31"),
        ({"parties": ["mediator"]}, "parties=mediator"),
        ({"categories": ["diplomacy"], "end": "2023-12-31"}, "categories=diplomacy, start=2020-05-01, end=2023-12-31"),
    ],
    ids=["before-start", "party", "category-and-end"],
)
def test_an_event_outside_the_filters_is_an_error_naming_both(sample, filters, named):
    with pytest.raises(ValueError, match="event 'lake-closed'") as error:
        TimelineExplorer(sample, event="lake-closed", **filters)
    message = str(error.value)
    assert named in message and "(2020-05-01; category incident; parties north, south)" in message
    assert "widen the filters or leave out event" in message


def test_an_unknown_event_is_an_error(sample):
    with pytest.raises(ValueError, match="unknown event 'no-such-event'; known: lake-closed, first-round"):
        TimelineExplorer(sample, event="no-such-event")


def test_selection_survives_filters_that_keep_it_and_clears_otherwise(sample):
    x = TimelineExplorer(sample)
    x.event.value = "first-round"
    x.parties.value = ("mediator",)
    assert x.event.value == "first-round" and "First round" in x.details.value
    x.categories.value = ("incident",)
    assert x.event.value == "" and "Pick an event" in x.details.value


def test_reset_shows_everything_again(sample):
    x = TimelineExplorer(sample, parties=["mediator"], categories=["diplomacy"], start="2024-01-01")
    assert shown(x) == ["first-round"]
    x.reset.click()
    assert x.parties.value == () and x.categories.value == ()
    assert shown(x) == ["lake-closed", "first-round"]


def test_japanese_interface(sample):
    x = TimelineExplorer(sample, lang="ja")
    assert [c.description for c in controls(x)] == [
        "当事者",
        "分野",
        "期間：開始",
        "終了",
        "行の分け方",
        "すべて表示",
        "出来事",
    ]
    assert x.dates.options[0][0] == "2020年5月"
    assert "出来事2件のうち2件を表示" in x.status.value
    x.event.value = "first-round"
    assert "<b>日付：</b>2024年3月10日〜2024年3月12日" in x.details.value
    assert "アンナ・ノルド（ノースランド外相、ノースランド）" in x.details.value
    assert "（2024年3月11日公開）" in x.details.value


def test_every_control_has_a_description_and_is_a_keyboard_widget(sample):
    for lang in ("en", "ja"):
        x = TimelineExplorer(sample, lang=lang)
        for control in controls(x):
            assert control.description.strip()
            assert isinstance(control, W.SelectMultiple | W.Dropdown | W.Button)


def test_display_bundle_has_static_fallbacks(sample):
    x = TimelineExplorer(sample)
    x.event.value = "lake-closed"
    bundle = x._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].splitlines() == [
        "Timeline explorer: Showing 2 of 2 events. Facts as of 30 Jun 2024.",
        "1. 1 May 2020: Northland closes the lake (Incident; Confirmed) [North Gazette]",
        "2. 10 Mar 2024 – 12 Mar 2024: First round of talks (Diplomacy; Confirmed) [Office of the Mediator]",
    ]
    assert x.listing.value in bundle["text/html"] and x.details.value in bundle["text/html"]
    assert x._repr_html_() == bundle["text/html"]


def test_lazy_export(sample):
    assert lessonkit.TimelineExplorer is TimelineExplorer


def test_bad_arguments_fail_early(sample):
    with pytest.raises(ValueError, match="unknown category 'war'"):
        TimelineExplorer(sample, categories=["war"])
    with pytest.raises(ValueError, match="unknown language"):
        TimelineExplorer(sample, lang="fr")


def test_hostile_content_is_escaped(hostile):
    event = hostile.events[1].model_copy(
        update={"place": Localized(en="<b>Geneva</b>", ja="<b>ジュネーブ</b>"), "host": "mediator"}
    )
    course = dataclasses.replace(hostile, events=(hostile.events[0], event))
    x = TimelineExplorer(course)
    x.event.value = "first-round"
    for html in (x.details.value, x.listing.value, x.status.value, x._repr_mimebundle_()["text/html"]):
        assert "<img" not in html and "<script" not in html and "<b>Geneva" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in x.details.value
    assert "&lt;b&gt;Geneva&lt;/b&gt;" in x.details.value
    assert "javascript:" not in x.details.value  # an unsafe source URL becomes plain text
    output, alt = x.output.outputs
    assert "<img" not in alt["data"]["text/html"]  # the text alternative is escaped HTML
    spec = output["data"][PLOTLY_MIME]
    layout = {k: v for k, v in spec["layout"].items() if k != "meta"}  # meta is plain text, never drawn
    assert "<img" not in json.dumps(spec["data"]) and "<img" not in json.dumps(layout)


def test_the_month_range_moves_like_a_slider(sample):
    """Two dropdowns with the range slider's API: index and value stay in step, "from" never
    passes "to", and one change refreshes the timeline once."""
    x = TimelineExplorer(sample)
    refreshed = []
    x.dates.observe(lambda change: refreshed.append(change["new"]), names="value")
    last = len(x.dates.options) - 1
    x.dates.first.index = 2
    assert x.dates.index == (2, last) and x.dates.value[0] == x.dates.options[2][1]
    x.dates.last.index = 1  # before "from": "from" follows
    assert x.dates.index == (1, 1)
    x.dates.index = (0, last)
    assert (x.dates.first.index, x.dates.last.index) == (0, last)
    assert len(refreshed) == 3
