"""The timeline figure and its text alternative, asserted as data (no browser)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys

import plotly.graph_objects as go
import pytest

import lessonkit
from lessonkit.content.facts import Certainty
from lessonkit.course.selection import select_events
from lessonkit.figures.figure import CourseFigure
from lessonkit.figures.timeline import timeline, timeline_spec, timeline_text
from lessonkit.text.wrap import wrap

DAY_MS = 24 * 3600 * 1000


def traces(fig: go.Figure) -> list[dict]:
    return fig.to_plotly_json()["data"]


def event_traces(fig: go.Figure, kind: str) -> list[dict]:
    return [t for t in traces(fig) if t["type"] == kind and t.get("customdata") is not None]


def with_events(course, *events):
    return dataclasses.replace(course, events=tuple(sorted(events, key=lambda e: (e.date, e.id))))


def test_points_are_markers_and_spans_are_bars(sample):
    fig = timeline(sample)
    points = [i for t in event_traces(fig, "scatter") for i in t["customdata"]]
    assert sorted(points) == ["first-round", "lake-closed"]  # a span also gets a marker at its start
    (bar,) = event_traces(fig, "bar")
    assert list(bar["customdata"]) == ["first-round"]
    assert bar["orientation"] == "h"
    assert list(bar["base"]) == ["2024-03-10"]
    assert list(bar["x"]) == [3 * DAY_MS]  # 10 to 12 March, both days included
    assert fig.layout.barmode == "overlay"
    assert fig.layout.xaxis.type == "date"


def test_hover_shows_date_title_summary_and_publishers(sample):
    (incident,) = [t for t in event_traces(timeline(sample), "scatter") if "lake-closed" in t["customdata"]]
    text = incident["hovertext"][0]
    assert "<b>Northland closes the lake</b>" in text
    assert "1 May 2020" in text and "Confirmed" in text
    assert "bans Southland" in text and "Sources: North Gazette" in text
    assert incident["hoverinfo"] == "text"  # no hovertemplate, so a '%{' in content is inert

    (ja,) = [t for t in event_traces(timeline(sample, lang="ja"), "scatter") if "lake-closed" in t["customdata"]]
    assert "ノースランドが湖を閉鎖" in ja["hovertext"][0]
    assert "2020年5月1日" in ja["hovertext"][0] and "出典：North Gazette" in ja["hovertext"][0]


def test_span_hover_gives_first_and_last_day(sample):
    (bar,) = event_traces(timeline(sample), "bar")
    assert "10 Mar 2024 – 12 Mar 2024" in bar["hovertext"][0]
    (bar_ja,) = event_traces(timeline(sample, lang="ja"), "bar")
    assert "2024年3月10日〜2024年3月12日" in bar_ja["hovertext"][0]


@pytest.mark.parametrize(
    ("lang", "rows", "title", "axis", "era"),
    [
        ("en", ["Diplomacy", "Incident"], "Timeline (as of 30 Jun 2024)", "Date", "The dispute"),
        ("ja", ["外交", "事件"], "年表（基準日：2024年6月30日）", "日付", "対立"),
    ],
)
def test_labels_in_the_chosen_language(sample, lang, rows, title, axis, era):
    fig = timeline(sample, lang=lang)
    assert list(fig.layout.yaxis.ticktext) == rows
    assert fig.layout.title.text == title
    assert fig.layout.xaxis.title.text == axis
    assert era in [s.label.text for s in fig.layout.shapes if s.name and s.name.startswith("era:")]
    assert fig.layout.legend.title.text == ("Category" if lang == "en" else "分野")


def test_japanese_dates_on_the_axis(sample):
    stops = timeline(sample, lang="ja").layout.xaxis.tickformatstops
    assert [s.value for s in stops] == ["%Y年%-m月%-d日", "%Y年%-m月", "%Y年"]
    assert not timeline(sample).layout.xaxis.tickformatstops


def test_eras_are_shaded_bands_clipped_to_the_range(sample):
    fig = timeline(sample)
    eras = {s.name: s for s in fig.layout.shapes if s.name and s.name.startswith("era:")}
    assert set(eras) == {"era:dispute", "era:talks"}  # "before" ends before the first event
    assert eras["era:dispute"].x1 == "2024-01-01" == eras["era:talks"].x0  # open era ends where the next starts
    assert eras["era:talks"].layer == "below" and eras["era:talks"].yref == "paper"
    assert eras["era:dispute"].fillcolor != eras["era:talks"].fillcolor


def test_range_slider_and_buttons(sample):
    for lang, label in (("en", "All"), ("ja", "全期間")):
        axis = timeline(sample, lang=lang).layout.xaxis
        assert axis.rangeslider.visible is True
        assert list(axis.rangeslider.range) == list(axis.range)
        assert label in [b.label for b in axis.rangeselector.buttons]


def test_groups_differ_by_symbol_as_well_as_colour(sample):
    legend = [t for t in traces(timeline(sample)) if t.get("legendgroup") in ("diplomacy", "incident")]
    legend = [t for t in legend if t.get("showlegend") is not False]
    styles = {t["name"]: (t["marker"]["color"], t["marker"]["symbol"]) for t in legend}
    assert set(styles) == {"Diplomacy", "Incident"}
    colours, symbols = zip(*styles.values(), strict=True)
    assert len(set(colours)) == 2 and len(set(symbols)) == 2


def test_certainty_is_shown_by_fill_and_explained_in_the_legend(sample):
    reported = sample.events[0].model_copy(update={"id": "rumour", "certainty": Certainty.reported})
    claimed = sample.events[0].model_copy(
        update={"id": "claim", "date": dt.date(2021, 1, 1), "certainty": Certainty.claimed}
    )
    claimed_span = sample.events[1].model_copy(update={"id": "claimed-talks", "certainty": Certainty.claimed})
    course = with_events(sample, *sample.events, reported, claimed, claimed_span)
    fig = timeline(course)
    symbol = {}
    for t in event_traces(fig, "scatter"):
        symbol.update(zip(t["customdata"], t["marker"]["symbol"], strict=True))
    assert symbol["lake-closed"] == "square"
    assert symbol["rumour"] == "square-open"
    assert symbol["claim"] == "square-open-dot"
    (bar,) = event_traces(fig, "bar")
    patterns = dict(zip(bar["customdata"], bar["marker"]["pattern"]["shape"], strict=True))
    assert patterns == {"first-round": "", "claimed-talks": "."}
    keys = [t["name"] for t in traces(fig) if t.get("legendgroup") == "key"]
    assert keys == ["Confirmed", "Reported (not confirmed)", "Claimed by one side", "Bar: lasted several days"]


def test_close_events_take_separate_lanes(sample):
    base = sample.events[0]
    crowd = [
        base.model_copy(update={"id": f"day-{n}", "date": dt.date(2020, 5, 1) + dt.timedelta(days=n)})
        for n in range(12)
    ]
    fig = timeline(with_events(sample, *crowd, sample.events[1]))
    (incidents,) = [t for t in event_traces(fig, "scatter") if "day-0" in t["customdata"]]
    assert len(set(incidents["y"])) == 12  # markers a day apart never sit on each other
    few = timeline(sample)
    assert fig.layout.height > few.layout.height


def test_sixty_events_fit_the_default_height(sample):
    base = sample.events[0]
    many = [
        base.model_copy(update={"id": f"e{n}", "date": dt.date(2020, 1, 1) + dt.timedelta(days=25 * n)})
        for n in range(64)
    ]
    fig = timeline(with_events(sample, *many))
    (row,) = [t for t in event_traces(fig, "scatter")]
    lanes = len(set(row["y"]))
    assert fig.layout.height >= 220 + 26 * lanes
    assert all(t.get("mode") != "text" and "text" not in t for t in traces(fig))  # titles only in hover


def test_filters(sample):
    assert timeline(sample, parties=["mediator"]).layout.meta["event_ids"] == ["first-round"]
    assert timeline(sample, categories=["incident"]).layout.meta["event_ids"] == ["lake-closed"]
    assert timeline(sample, start="2024-03-11").layout.meta["event_ids"] == ["first-round"]  # overlaps the span
    assert timeline(sample, end=dt.date(2024, 3, 9)).layout.meta["event_ids"] == ["lake-closed"]
    with pytest.raises(ValueError, match=r"unknown party 'atlantis'; known: north, south, mediator"):
        timeline(sample, parties=["atlantis"])
    with pytest.raises(ValueError, match="start: '2024-13-01' is not a date"):
        timeline(sample, start="2024-13-01")


def test_rows_by_party(sample):
    fig = timeline(sample, color_by="party")
    assert list(fig.layout.yaxis.ticktext) == ["Northland", "Southland", "The Mediator"]
    rows = {t["name"]: list(t["customdata"]) for t in event_traces(fig, "scatter")}
    assert rows == {
        "Northland": ["lake-closed", "first-round"],
        "Southland": ["lake-closed", "first-round"],
        "The Mediator": ["first-round"],
    }
    assert list(timeline(sample, parties=["south"], color_by="party").layout.yaxis.ticktext) == ["Southland"]
    with pytest.raises(ValueError, match="color_by"):
        timeline(sample, color_by="colour")


def test_text_alternative_in_meta_and_as_a_list(sample):
    meta = timeline(sample).layout.meta
    assert meta["event_ids"] == ["lake-closed", "first-round"]
    assert "2 events from 1 May 2020 to 12 Mar 2024" in meta["description"]
    assert "open markers reported" in meta["description"]
    assert "2件" in timeline(sample, lang="ja").layout.meta["description"]
    assert timeline_text(sample).splitlines() == [
        "2 events (as of 30 Jun 2024):",
        "1. 1 May 2020: Northland closes the lake (Incident; Confirmed) [North Gazette]",
        "2. 10 Mar 2024 – 12 Mar 2024: First round of talks (Diplomacy; Confirmed) [Office of the Mediator]",
    ]
    assert timeline_text(sample, lang="ja", categories=["incident"]).splitlines()[1] == (
        "1. 2020年5月1日：ノースランドが湖を閉鎖（事件、確認済み）［North Gazette］"
    )


def test_no_matching_events_says_so(sample):
    fig = timeline(sample, end="2000-01-01")
    assert fig.layout.meta["event_ids"] == []
    assert fig.layout.annotations[0].text == "No events match these filters."
    assert timeline_text(sample, end="2000-01-01", lang="ja") == "条件に合う出来事はありません。"


def test_deterministic_and_json_ready(sample):
    first, second = timeline(sample).to_json(), timeline(sample).to_json()
    assert first == second
    assert '"uid"' not in first
    spec = timeline_spec(sample, lang="ja")
    assert json.loads(json.dumps(spec)) == spec  # plain JSON types only: widgets send it as is
    assert go.Figure(spec).to_json() == timeline(sample, lang="ja").to_json()


def test_hostile_text_stays_text(hostile):
    fig = timeline(hostile)
    dumped = fig.to_json()
    assert "<img" not in dumped and "<script" not in dumped
    assert "&lt;img src=x onerror=alert(1)&gt;" in dumped
    assert "&lt;script&gt;" in dumped
    assert "<img" not in timeline(hostile, color_by="party").to_json()
    assert "<img" in timeline_text(hostile)  # plain text, never HTML: escaping is the renderer's job


def test_lazy_export_and_no_display(sample, monkeypatch):
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: pytest.fail("builders must not display"))
    assert lessonkit.timeline is timeline
    fig = lessonkit.timeline(sample)
    assert isinstance(fig, CourseFigure) and fig.data  # a plotly Figure once used
    assert isinstance(fig, go.Figure)


def test_exports_survive_their_modules_being_imported_first():
    # importing a submodule sets it as a package attribute: it must not hide an export
    code = (
        "import lessonkit as lk, lessonkit.widgets.explorer, lessonkit.widgets.stances, lessonkit.widgets.sandbox; "
        "import lessonkit.figures.timeline, lessonkit.figures.stances; "
        "print(all(callable(getattr(lk, n)) and not isinstance(getattr(lk, n), type(lk)) "
        "for n in ('timeline', 'stance_matrix', 'TimelineExplorer', 'StanceComparison', 'NegotiationSandbox')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_select_events_is_shared_by_every_view(sample):
    assert [e.id for e in select_events(sample, parties="mediator")] == ["first-round"]
    assert select_events(sample, categories=[]) == []


def test_wrap_handles_both_scripts():
    assert wrap("one two three four", 9) == ["one two", "three", "four"]
    lines = wrap("ノースランドが湖を閉鎖し、サウスランドの漁船の立ち入りを禁止した。", 20)
    assert "".join(lines) == "ノースランドが湖を閉鎖し、サウスランドの漁船の立ち入りを禁止した。"
    assert all(len(line) <= 11 for line in lines)
    assert not any(line.startswith(("、", "。")) for line in lines)
