"""Stance cards (StanceComparison) and the stance matrix, asserted as HTML values and figure data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

import plotly.graph_objects as go
import pytest

import lessonkit
from lessonkit.content import Localized
from lessonkit.figures.stance_layout import (
    COLUMN_PX,
    DESIGN_WIDTH_PX,
    LEGEND_ROW_PX,
    LINE_PX,
    ROW_PX,
    TICKS_PAD_PX,
    _label,
)
from lessonkit.figures.stances import NONE_X, _runs, stance_matrix, stance_matrix_text
from lessonkit.widgets.stances import StanceComparison, stance_cards_html


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


def panel(fig: go.Figure, n: int) -> tuple[dict, dict, dict]:
    """(bars, markers, not recorded) of the n-th issue panel."""
    axis = "x" if n == 1 else f"x{n}"
    bars, markers, unrecorded = [t for t in fig.to_plotly_json()["data"] if t.get("xaxis") == axis]
    return bars, markers, unrecorded


def legend(fig: go.Figure) -> list[str]:
    return [t.name for t in fig.data if t.showlegend is not False]


def test_matrix_defaults_to_the_principal_parties(sample):
    _, markers, unrecorded = panel(stance_matrix(sample), 1)
    assert list(markers["customdata"]) == ["north", "south"]
    assert list(unrecorded["customdata"]) == []


def test_matrix_places_parties_on_each_scale(sample):
    fig = stance_matrix(sample, parties=["north", "south", "mediator"])
    bars, markers, _ = panel(fig, 1)  # fishing
    assert list(markers["customdata"]) == ["north", "south"]
    assert list(markers["x"]) == [0, 2]
    assert list(markers["y"]) == [0, 1]
    assert list(markers["marker"]["symbol"]) == ["circle", "circle"]
    assert list(markers["text"]) == ["NL", "SL"]
    assert list(fig.layout.xaxis.ticktext) == [
        "no public<br>position",
        "Northland only",
        "Shared quotas",
        "Open to both",
    ]
    assert list(fig.layout.xaxis.tickvals) == [NONE_X, 0, 1, 2]
    assert list(fig.layout.yaxis.ticktext) == ["Northland", "Southland", "The Mediator"]
    assert list(bars["x"]) == [-0.25, 1.25, None, 0.75, 2.25, None]  # what north and south could accept
    assert bars["line"]["width"] < 10


def test_no_public_position_and_not_recorded_look_different(sample):
    """The Mediator has no stance on fishing (not recorded) and a null position on water."""
    fig = stance_matrix(sample, parties=["north", "south", "mediator"])
    _, fishing, fishing_gaps = panel(fig, 1)
    _, water, water_gaps = panel(fig, 2)
    # no public position: × in the column of its own
    assert water["customdata"][2] == "mediator"
    assert (water["x"][2], water["marker"]["symbol"][2]) == (NONE_X, "x-thin-open")
    assert "<b>No public position</b>" in water["hovertext"][2]
    # not recorded: no marker at all, the words written across the row, and said so on hover
    assert "mediator" not in fishing["customdata"]
    assert fishing_gaps["mode"] == "text" and "marker" not in fishing_gaps
    assert list(fishing_gaps["customdata"]) == ["mediator"] and list(fishing_gaps["y"]) == [2]
    assert list(fishing_gaps["text"]) == ["(not recorded)"]
    assert fishing_gaps["x"][0] > NONE_X and fishing_gaps["x"][0] % 1 == 0.5  # on the scale, between grid lines
    assert "<b>No position recorded in this course</b>" in fishing_gaps["hovertext"][0]
    assert list(water_gaps["customdata"]) == []
    assert legend(fig) == [
        "Stated position (filled)",
        "Our reading of its actions (open)",
        "No public position (×)",
        "(not recorded): no position in the course data",
        "Could accept: analytical estimate (grey bar)",
    ]
    key = next(t for t in fig.data if t.name.startswith("(not recorded)"))
    assert key.mode == "text" and list(key.text) == ["(not recorded)"]
    alt = fig.layout.meta["description"]
    assert "× no public position" in alt
    assert alt.endswith(
        "“(not recorded)” across a row means the course data hold no position for that party on that issue."
    )


def test_not_recorded_is_only_explained_when_it_occurs(sample):
    fig = stance_matrix(sample)  # north and south: every stance recorded
    assert not any("not recorded" in name for name in legend(fig))
    assert "not recorded" not in fig.layout.meta["description"]
    assert "No public position (×)" in legend(fig)  # the × column is always explained


def test_not_recorded_in_japanese(sample):
    fig = stance_matrix(sample, parties=["north", "mediator"], lang="ja")
    _, _, gaps = panel(fig, 1)
    assert list(gaps["text"]) == ["（記録なし）"]
    assert "<b>この教材には立場の記録がありません</b>" in gaps["hovertext"][0]
    assert "（記録なし）：この教材のデータに立場の記録がない" in legend(fig)
    assert fig.layout.meta["description"].endswith(
        "行の「（記録なし）」は、その争点についての当事者の立場が教材のデータにないことを示す。"
    )
    text = stance_matrix_text(sample, parties=["mediator"], issues=["fishing"], lang="ja")
    assert "・仲介者：この教材には立場の記録がありません。" in text.splitlines()


def test_matrix_marks_estimates_with_open_symbols(changed):
    _, markers, _ = panel(stance_matrix(changed, issues=["fishing"]), 1)
    assert markers["marker"]["symbol"][0] == "circle-open"
    assert markers["x"][0] == 1


def test_matrix_filters_and_languages(sample):
    fig = stance_matrix(sample, parties=["south", "north"], issues=["water"], lang="ja")
    _, markers, _ = panel(fig, 1)
    assert list(markers["customdata"]) == ["south", "north"]
    assert list(markers["text"]) == ["南", "北"]
    assert "共同委員会" in fig.layout.xaxis.ticktext
    assert fig.layout.annotations[0].text == "<b>水位</b>：湖の水位を誰が決めるか。"
    assert fig.layout.title.text == "各当事者の立場（2024年6月30日現在）"
    assert "公の立場なし（×）" in legend(fig)


def test_matrix_hover_and_text_alternative(sample):
    _, markers, _ = panel(stance_matrix(sample), 2)
    assert "<b>Northland decides</b>" in markers["hovertext"][0]
    assert "Could accept (estimate): Northland decides" in markers["hovertext"][0]
    meta = stance_matrix(sample).layout.meta["description"]
    assert meta.startswith("Positions of Northland, Southland on 2 issues")
    text = stance_matrix_text(sample, issues=["water"], parties=["north", "south", "mediator"])
    assert "- The Mediator: No public position. As of 12 Mar 2024." in text.splitlines()
    text = stance_matrix_text(sample, issues=["fishing"], parties=["mediator"])
    assert "- The Mediator: No position recorded in this course." in text.splitlines()
    assert "“(not recorded)” across a row" in text.splitlines()[0]
    assert "・北" not in stance_matrix_text(sample, lang="ja")  # party names, not short labels, in text


# --- the matrix's layout: labels wrapped, never rotated, every panel as tall as it needs -----

# Option labels as long as the real course's (lesson 03): five options, Japanese and English.
LONG_LABELS = {
    "en": [
        "US-backed 'Article 5-like' guarantees",
        "European guarantees without the US",
        "Limited guarantee, lower cap on the army",
        "Guarantors including Russia (Istanbul 2022 model)",
        "Demilitarisation, no Western guarantee",
    ],
    "ja": [
        "米国も加わる「第5条型」の保証",
        "米国抜きの欧州による保証",
        "限定的な保証と軍の上限",
        "ロシアも保証国に（2022年イスタンブール方式）",
        "中立化に加えNATO拡大も制限",
    ],
}


@pytest.fixture(scope="module")
def long_labels(sample):
    """The sample with a five-option fishing issue whose labels and question are long."""
    fishing = sample.issue("fishing")
    options = [
        fishing.options[0].model_copy(
            update={"id": f"o{n}", "label": Localized(en=LONG_LABELS["en"][n], ja=LONG_LABELS["ja"][n])}
        )
        for n in range(5)
    ]
    question = Localized(
        en="What would protect Ukraine from a new attack after the war? (From the strongest Western-backed "
        "protection to the weakest.)",
        ja="戦争が終わった後、ウクライナを再度の攻撃からどう守るか（西側の関与が最も強い案から最も弱い案へ）。",
    )
    issue = fishing.model_copy(update={"options": options, "question": question})
    stances = [
        s.model_copy(update={"position": "o3", "acceptable": ["o2", "o3"]}) if s.issue == "fishing" else s
        for s in sample.stances
    ]
    return dataclasses.replace(sample, issues=(issue, sample.issue("water")), stances=tuple(stances))


def columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_option_labels_are_wrapped_and_never_rotated(long_labels, lang):
    fig = stance_matrix(long_labels, parties=["north", "south", "mediator"], lang=lang)
    labels = list(fig.layout.xaxis.ticktext)[1:]
    assert fig.layout.xaxis.tickangle == 0 and fig.layout.xaxis2.tickangle == 0
    plot_px = DESIGN_WIDTH_PX - fig.layout.margin.l - fig.layout.margin.r
    column_px = plot_px / 6  # five options and the "no public position" column
    for label, full in zip(labels, LONG_LABELS[lang], strict=True):
        lines = label.split("<br>")
        assert "".join(lines).replace(" ", "") == full.replace(" ", "")  # wrapped, nothing cut
        assert 1 < len(lines) <= 5
        for line in lines:
            widest_word = max(columns(word) for word in re.findall(r"[!-~]+|\S", line))
            assert columns(line) * COLUMN_PX <= column_px or columns(line) == widest_word, line


def test_latin_words_inside_japanese_are_never_split(long_labels):
    labels = [t.split("<br>") for t in stance_matrix(long_labels, lang="ja").layout.xaxis.ticktext]
    assert any("NATO" in line for line in labels[5]) and any("2022年" in line for line in labels[4])
    assert not any(line.startswith(("、", "）")) or line.endswith("（") for label in labels for line in label)


def test_wrapping_is_even():
    assert _label("Lift now, before any deal", 13) == "Lift now,<br>before<br>any deal"
    assert _label("非軍事化、西側の保証なし", 13) == "非軍事化、<br>西側の<br>保証なし"  # by phrase, never 西｜側
    assert _label("Open to both", 20) == "Open to both"
    assert _label("a <b> & c", 20) == "a &lt;b&gt; &amp; c"


def domains(fig: go.Figure) -> list[tuple[float, float]]:
    """Each panel's y domain, top panel first."""
    layout = fig.to_plotly_json()["layout"]
    return [
        tuple(layout["yaxis" + (str(n) if n > 1 else "")]["domain"]) for n in range(1, len(fig.layout.annotations) + 1)
    ]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_panel_has_room_for_its_title_rows_and_labels(long_labels, lang):
    """In pixels at the default height: title above the rows, the option labels below them,
    and the next panel's title only after the last label line."""
    fig = stance_matrix(long_labels, parties=["north", "south", "mediator"], lang=lang)
    height, margin = fig.layout.height, fig.layout.margin
    plot_px = height - margin.t - margin.b

    def px(y: float) -> float:  # paper y -> pixels from the top of the figure
        return margin.t + (1 - y) * plot_px

    titles = [a for a in fig.layout.annotations]
    axes = [fig.layout.xaxis, fig.layout.xaxis2]
    panels = domains(fig)
    for n, ((bottom, top), title, axis) in enumerate(zip(panels, titles, axes, strict=True)):
        title_lines = title.text.count("<br>") + 1
        assert title.yanchor == "top" and px(title.y) + title_lines * LINE_PX <= px(top)
        assert px(bottom) - px(top) == pytest.approx(3 * ROW_PX)  # one row per party
        label_lines = max(t.count("<br>") + 1 for t in axis.ticktext)
        labels_end = px(bottom) + TICKS_PAD_PX + label_lines * LINE_PX
        next_start = px(titles[n + 1].y) if n + 1 < len(titles) else margin.t + plot_px
        assert labels_end <= next_start
    # the first panel (five long options) needs more label lines than the water panel
    assert max(t.count("<br>") for t in fig.layout.xaxis.ticktext) > max(
        t.count("<br>") for t in fig.layout.xaxis2.ticktext
    )
    # long titles wrap instead of running off the figure
    assert titles[0].text.count("<br>") >= (1 if lang == "en" else 0)
    assert all(
        columns(re.sub("<[^>]+>", "", line)) * COLUMN_PX <= DESIGN_WIDTH_PX for line in titles[0].text.split("<br>")
    )


def test_height_grows_by_one_row_per_party_and_issue(sample):
    two = stance_matrix(sample, parties=["north", "south"]).layout.height
    three = stance_matrix(sample, parties=["north", "south", "mediator"]).layout.height
    legend_row = LEGEND_ROW_PX  # the three parties add the "(not recorded)" key to the legend
    assert three - two == 2 * ROW_PX + legend_row
    one_issue = stance_matrix(sample, parties=["north", "south"], issues=["fishing"]).layout.height
    assert 250 < one_issue < two < 700
    assert stance_matrix(sample, height=900).layout.height == 900  # a height of your own is kept


def test_legend_sits_below_the_last_panel_in_its_own_margin(sample):
    fig = stance_matrix(sample, parties=["north", "south", "mediator"])
    assert (fig.layout.legend.y, fig.layout.legend.yanchor, fig.layout.legend.orientation) == (0, "top", "v")
    assert fig.layout.margin.b >= LEGEND_ROW_PX * len(legend(fig))
    assert min(bottom for bottom, _ in domains(fig)) > 0  # the last labels stay above the legend


def test_matrix_is_deterministic_and_has_an_empty_state(sample):
    assert stance_matrix(sample).to_json() == stance_matrix(sample).to_json()
    for empty in (stance_matrix(sample, parties=[]), stance_matrix(sample, issues=[])):
        assert empty.layout.meta["description"] == "No party or issue to show."
        assert [a.text for a in empty.layout.annotations] == ["No party or issue to show."]
        assert list(empty.data) == []
    assert (
        stance_matrix(sample, parties=[], lang="ja").layout.annotations[0].text
        == "表示する当事者または争点がありません。"
    )


def test_matrix_escapes_hostile_text(hostile):
    dumped = stance_matrix(hostile, parties=["north", "south", "mediator"]).to_json()
    assert "<img" not in dumped and "<script" not in dumped
    assert "&lt;img" in dumped


def test_runs():
    assert _runs([3, 0, 1]) == [(0, 1), (3, 3)]
    assert _runs([]) == []
