"""Stance cards (StanceComparison) and the stance matrix, asserted as HTML values and figure data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import plotly.graph_objects as go
import pytest

import lessonkit
from lessonkit.stance_plot import NONE_X, _runs, stance_matrix, stance_matrix_text
from lessonkit.stance_widget import StanceComparison, stance_cards_html


def articles(html: str) -> dict[str, str]:
    """Card HTML by party id, for the first issue section only when ``html`` is one section."""
    return dict(re.findall(r'<article [^>]*data-party="([^"]+)"[^>]*>(.*?)</article>', html))


def field_labels(card: str) -> list[str]:
    return re.findall(r"<b>(.*?)</b>", card)


def sections(html: str) -> list[str]:
    return re.findall(r"<section>.*?</section>", html)


@pytest.fixture(scope="module")
def changed(sample):
    """The sample with an earlier, different Northland position on fishing (a change of position)."""
    old = sample.stance("north", "fishing").model_copy(
        update={"as_of": dt.date(2024, 1, 15), "position": "north-only", "acceptable": ["north-only"], "quote": None}
    )
    new = sample.stance("north", "fishing").model_copy(update={"position": "quotas", "stated": False})
    rest = [s for s in sample.stances if s.key != "north:fishing"]
    return dataclasses.replace(
        sample, stances=tuple(sorted([old, new, *rest], key=lambda s: (s.party, s.issue, s.as_of)))
    )


def test_default_cards_are_the_principal_parties_on_every_issue(sample):
    x = StanceComparison(sample)
    assert x.parties.value == ("north", "south")
    fishing, water = sections(x.cards.value)
    assert "<h3>Fishing rights</h3><p>Who may fish in the lake?</p>" in fishing
    assert list(articles(fishing)) == ["north", "south"] and list(articles(water)) == ["north", "south"]


def test_a_card_shows_position_quote_estimate_sources_and_date(sample):
    north = articles(sections(stance_cards_html(sample))[0])["north"]
    assert "<b>Demands:</b> Northland only" in north
    assert "Stated by the party itself" in north
    assert "Northland wants the lake for its own boats" in north
    assert "“Quotas are a basis for talks.” — Anna Nord, Foreign Minister of Northland, 12 Mar 2024" in north
    assert '<a href="https://example.org/mediator/readouts/2024-03-10"' in north
    assert "Northland only, Shared quotas." in north and "The minister called quotas" in north
    assert "As of 12 Mar 2024" in north


def test_every_party_gets_the_same_card_structure(sample):
    html = stance_cards_html(sample, parties=["north", "south", "mediator"])
    for section in sections(html):
        cards = articles(section)
        structures = {
            party: [label for label in field_labels(card) if label != cards_name(card)] for party, card in cards.items()
        }
        assert len({tuple(s) for s in structures.values()}) == 1, structures


def cards_name(card: str) -> str:
    return re.search(r"<h4>(.*?)</h4>", card).group(1)


def test_no_public_position_is_explicit(sample):
    fishing, water = sections(stance_cards_html(sample, parties=["mediator"]))
    assert "<b>Demands:</b> No position recorded in this course" in fishing
    assert "<b>Demands:</b> No public position" in water
    assert "The Mediator has taken no public position." in water
    assert "No estimate. <b>Basis of the estimate:</b> —" in water and "No quotation recorded." in water


def test_picking_parties_and_issues_changes_the_cards(sample):
    x = StanceComparison(sample)
    before = x.cards.value
    x.parties.value = ("south", "mediator")
    assert x.cards.value != before
    assert list(articles(sections(x.cards.value)[0])) == ["south", "mediator"]
    x.issues.value = ("water",)
    assert [s.count("<article") for s in sections(x.cards.value)] == [2]
    assert "<h3>Water level</h3>" in x.cards.value
    x.parties.value = ()
    assert list(articles(x.cards.value)) == ["north", "south", "mediator"]  # none picked means all


def test_as_of_reads_older_positions(sample):
    x = StanceComparison(sample)
    assert [d for _, d in x.as_of.options] == [dt.date(2024, 3, 12), dt.date(2024, 6, 30)]
    early = StanceComparison(sample, as_of="2024-01-01")
    assert early.cards.value.count("No position recorded in this course") == 4
    assert "As of 1 Jan 2024" in early.cards.value


def test_change_of_position_is_shown(changed):
    north = articles(sections(stance_cards_html(changed, issues=["fishing"]))[0])["north"]
    assert "<b>Demands:</b> Shared quotas" in north
    assert "Our reading of its actions" in north
    assert "<b>Position changed:</b>" in north
    assert "<li>15 Jan 2024: Northland only</li><li>12 Mar 2024: Shared quotas</li>" in north
    before = articles(sections(stance_cards_html(changed, issues=["fishing"], as_of="2024-02-01"))[0])["north"]
    assert "Position changed" not in before and "<b>Demands:</b> Northland only" in before
    ja = stance_cards_html(changed, issues=["fishing"], lang="ja")
    assert "<b>立場の変化：</b>" in ja and "<li>2024年1月15日：ノースランドのみ</li>" in ja


def test_japanese_cards(sample):
    x = StanceComparison(sample, lang="ja")
    assert [c.description for c in (x.parties, x.issues, x.as_of)] == ["当事者", "争点", "時点"]
    north = articles(sections(x.cards.value)[0])["north"]
    assert "<b>要求：</b>ノースランドのみ" in north
    assert "「漁獲枠は協議の土台だ。」（ノースランド外相のアンナ・ノルド、2024年3月12日）" in north
    assert "2024年3月12日現在" in north


def test_display_bundle_has_static_fallbacks(sample):
    x = StanceComparison(sample)
    bundle = x._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert x.cards.value in bundle["text/html"]
    lines = bundle["text/plain"].splitlines()
    assert lines[0] == "Compare positions: Northland, Southland on Fishing rights, Water level, as of 30 Jun 2024."
    assert "- Northland: Northland only (Stated by the party itself)." in lines[2]


def test_lazy_exports():
    assert lessonkit.StanceComparison is StanceComparison
    assert lessonkit.stance_matrix is stance_matrix


def test_hostile_content_is_escaped_in_cards(hostile):
    x = StanceComparison(hostile, parties=["north", "south", "mediator"])
    html = x._repr_mimebundle_()["text/html"]
    assert "<img" not in html and "<script" not in html and "javascript:" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# --- the matrix ------------------------------------------------------------------------------


def panel(fig: go.Figure, n: int) -> tuple[dict, dict]:
    """(bars, markers) of the n-th issue panel."""
    axis = "x" if n == 1 else f"x{n}"
    bars, markers = [t for t in fig.to_plotly_json()["data"] if t.get("xaxis") == axis]
    return bars, markers


def test_matrix_defaults_to_the_principal_parties(sample):
    _, markers = panel(stance_matrix(sample), 1)
    assert list(markers["customdata"]) == ["north", "south"]


def test_matrix_places_parties_on_each_scale(sample):
    fig = stance_matrix(sample, parties=["north", "south", "mediator"])
    bars, markers = panel(fig, 1)  # fishing
    assert list(markers["customdata"]) == ["north", "south", "mediator"]
    assert list(markers["x"]) == [0, 2, NONE_X]
    assert list(markers["marker"]["symbol"]) == ["circle", "circle", "x-thin-open"]
    assert list(markers["text"]) == ["NL", "SL", "MED"]
    assert list(fig.layout.xaxis.ticktext) == [
        "no public<br>position",
        "Northland only",
        "Shared quotas",
        "Open to both",
    ]
    assert list(fig.layout.yaxis.ticktext) == ["Northland", "Southland", "The Mediator"]
    assert list(bars["x"]) == [-0.25, 1.25, None, 0.75, 2.25, None]  # what north and south could accept
    assert bars["line"]["width"] < 10


def test_matrix_marks_estimates_with_open_symbols(changed):
    _, markers = panel(stance_matrix(changed, issues=["fishing"]), 1)
    assert markers["marker"]["symbol"][0] == "circle-open"
    assert markers["x"][0] == 1


def test_matrix_filters_and_languages(sample):
    fig = stance_matrix(sample, parties=["south", "north"], issues=["water"], lang="ja")
    _, markers = panel(fig, 1)
    assert list(markers["customdata"]) == ["south", "north"]
    assert list(markers["text"]) == ["南", "北"]
    assert "共同委員会" in fig.layout.xaxis.ticktext
    assert fig.layout.annotations[0].text == "<b>水位</b>：湖の水位を誰が決めるか。"
    assert fig.layout.title.text == "各当事者の立場（2024年6月30日現在）"
    assert "公の立場なし（×）" in [t.name for t in fig.data]


def test_matrix_hover_and_text_alternative(sample):
    _, markers = panel(stance_matrix(sample), 2)
    assert "<b>Northland decides</b>" in markers["hovertext"][0]
    assert "Could accept (estimate): Northland decides" in markers["hovertext"][0]
    meta = stance_matrix(sample).layout.meta["description"]
    assert meta.startswith("Positions of Northland, Southland on 2 issues")
    text = stance_matrix_text(sample, issues=["water"], parties=["north", "south", "mediator"])
    assert "- The Mediator: No public position. As of 12 Mar 2024." in text.splitlines()
    assert "・北" not in stance_matrix_text(sample, lang="ja")  # party names, not short labels, in text


def test_matrix_is_deterministic_and_has_an_empty_state(sample):
    assert stance_matrix(sample).to_json() == stance_matrix(sample).to_json()
    empty = stance_matrix(sample, parties=[])
    assert empty.layout.meta["description"] == "No party or issue to show."


def test_matrix_escapes_hostile_text(hostile):
    dumped = stance_matrix(hostile, parties=["north", "south", "mediator"]).to_json()
    assert "<img" not in dumped and "<script" not in dumped
    assert "&lt;img" in dumped


def test_runs():
    assert _runs([3, 0, 1]) == [(0, 1), (3, 3)]
    assert _runs([]) == []
