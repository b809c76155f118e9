"""The region map: data in, a plotly figure that needs no network out, plus its text table.

A small fictional map is written into a copy of the sample course, so these tests know
nothing about Ukraine; the last ones also run on the real course.
"""

from __future__ import annotations

import json
import math
import time

import pytest
from tests.helpers import COURSE_DIR, PAYLOAD, edit

import lessonkit
from lessonkit import LessonError
from lessonkit.figures.map import (
    demand_maps,
    demand_maps_text,
    map_text,
    region_rows,
    territory_map,
    territory_map_spec,
)
from lessonkit.style.plot import PLOTLY_MIME
from lessonkit.widgets.sandbox import NegotiationSandbox

REGIONS_YAML = """\
region_statuses:
  - id: held
    name: {en: "Held by Northland", ja: "ノースランドが支配"}
    colour: "#d6604d"
    pattern: "x"
  - id: free
    name: {en: "Under Southland's control", ja: "サウスランドが支配"}
    colour: "#d1e5f0"
    pattern: ""
regions:
  - id: XS-01
    name: {en: "South Bay", ja: "南湾"}
    history:
      - since: 2000-01-01
        status: free
        sources: [north-gazette-2020]
      - since: 2021-05-01
        status: held
        note: {en: "Taken in the dispute.", ja: "対立の中で占拠された。"}
        sources: [north-gazette-2020]
    occupied_share:
      text: {en: "all of it", ja: "全域"}
      as_of: 2024-01-10
      sources: [north-gazette-2020]
  - id: XS-02
    name: {en: "South Shore", ja: "南岸"}
    short: {en: "Shore", ja: "岸"}
    history:
      - since: 2000-01-01
        status: free
        sources: [north-gazette-2020]
  - id: XS-03
    name: {en: "Lake Town", ja: "湖の町"}
    history:
      - since: 2000-01-01
        status: free
        sources: [north-gazette-2020]
"""


def _square(code: str, x0: float, y0: float, size: float) -> dict:
    ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
    return {"type": "Feature", "properties": {"id": code}, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def geojson(features: list[dict]) -> str:
    head = '{"type": "FeatureCollection", "attribution": {"en": "Shapes: invented", "ja": "形：架空"}, "features": [\n'
    return head + ",\n".join(json.dumps(f) for f in features) + "\n]}\n"


FEATURES = [_square("XS-01", 10.0, 50.0, 1.0), _square("XS-02", 11.0, 50.0, 1.0), _square("XS-03", 10.4, 50.4, 0.2)]


def add_map(course_dir, regions_yaml: str = REGIONS_YAML, features: list[dict] | None = None) -> None:
    """Regions, boundaries and region-naming options in a copy of the sample course."""
    (course_dir / "data" / "regions.yaml").write_text(regions_yaml, encoding="utf-8")
    (course_dir / "data" / "geo").mkdir()
    (course_dir / "data" / "geo" / "lake.geojson").write_text(geojson(features or FEATURES), encoding="utf-8")
    issues = course_dir / "data" / "issues.yaml"
    edit(issues, "  - id: fishing\n", "  - id: fishing\n    holder: north\n")
    edit(
        issues,
        '        label: {en: "Northland only", ja: "ノースランドのみ"}\n',
        '        label: {en: "Northland only", ja: "ノースランドのみ"}\n'
        "        regions: [XS-01]\n        regions_in_part: [XS-02]\n",
    )
    edit(
        issues,
        '        label: {en: "Shared quotas", ja: "漁獲枠の共有"}\n',
        '        label: {en: "Shared quotas", ja: "漁獲枠の共有"}\n        regions: [XS-01]\n',
    )


@pytest.fixture
def mapped_dir(sample_copy):
    add_map(sample_copy)
    return sample_copy


@pytest.fixture
def mapped(mapped_dir):
    return lessonkit.load_course(mapped_dir)


def problems(course_dir) -> list[str]:
    with pytest.raises(LessonError) as err:
        lessonkit.load_course(course_dir)
    return [str(p) for p in err.value.problems]


# ---------------------------------------------------------------- the figure needs no network

GEO_TRACES = {"choropleth", "scattergeo", "choroplethmap", "choroplethmapbox", "scattermap", "scattermapbox"}
GEO_SUBPLOTS = ("geo", "mapbox", "map")


def assert_offline(spec: dict) -> None:
    kinds = {t["type"] for t in spec["data"]}
    assert kinds == {"scatter"}, kinds
    assert not kinds & GEO_TRACES
    for key in spec["layout"]:
        assert not any(key == s or (key.startswith(s) and key[len(s) :].isdigit()) for s in GEO_SUBPLOTS), key
    text = json.dumps(spec)
    assert "http://" not in text and "https://" not in text  # no tiles, no topojson, no CDN


@pytest.mark.parametrize("option", [None, "north-only", "quotas", "open"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_figure_uses_only_plain_scatter_traces(mapped, option, lang):
    fig = territory_map(mapped, option=option, issue="fishing", lang=lang)
    assert_offline(fig.to_plotly_json())


def test_demand_maps_use_only_plain_scatter_traces(mapped):
    assert_offline(demand_maps(mapped, parties=["north", "south", "mediator"], issue="fishing").to_plotly_json())


def test_axes_are_longitude_and_latitude_with_a_matching_aspect_ratio(mapped):
    layout = territory_map_spec(mapped)["layout"]
    assert layout["yaxis"]["scaleanchor"] == "x"
    assert layout["yaxis"]["scaleratio"] == pytest.approx(1 / math.cos(math.radians(50.5)), rel=0.001)
    assert layout["xaxis"]["range"][0] < 10 < 12 < layout["xaxis"]["range"][1]


# ---------------------------------------------------------------- statuses, not by colour alone


def _regions(spec: dict) -> dict[str, dict]:
    return {t["meta"]["region"]: t for t in spec["data"] if "meta" in t}


def test_each_status_has_its_own_pattern_and_a_legend_entry(mapped):
    spec = territory_map_spec(mapped, lang="en")
    by_region = _regions(spec)
    assert by_region["XS-01"]["fillpattern"]["shape"] == "x"
    assert "fillpattern" not in by_region["XS-02"]  # plain fill for "free"
    legend = [t for t in spec["data"] if t.get("legendgroup") == "key"]
    assert [t["name"] for t in legend] == ["Held by Northland", "Under Southland&#x27;s control".replace("&#x27;", "'")]


def test_status_as_of_an_earlier_date(mapped):
    spec = territory_map_spec(mapped, as_of="2020-01-01")
    assert _regions(spec)["XS-01"]["meta"]["status"] == "free"
    assert spec["layout"]["meta"]["as_of"] == "2020-01-01"
    before = territory_map_spec(mapped, as_of="1999-01-01")
    assert _regions(before)["XS-01"]["meta"]["status"] is None  # nothing recorded yet: said so, not guessed


def test_an_option_shows_what_it_leaves_to_the_holder(mapped):
    spec = territory_map_spec(mapped, option="north-only", issue="fishing", lang="en")
    outcome = {code: t["meta"]["outcome"] for code, t in _regions(spec).items()}
    assert outcome == {"XS-01": "whole", "XS-02": "part", "XS-03": "none"}
    patterns = {code: t.get("fillpattern", {}).get("shape", "") for code, t in _regions(spec).items()}
    assert len(set(patterns.values())) == 3  # each outcome its own pattern
    assert "Northland" in spec["layout"]["title"]["text"]
    assert spec["layout"]["meta"]["option"] == "north-only"


def test_small_regions_are_drawn_last_so_they_stay_visible(mapped):
    order = [t["meta"]["region"] for t in territory_map_spec(mapped)["data"] if "meta" in t]
    assert order[-1] == "XS-03"


# ---------------------------------------------------------------- both languages, escaped


def test_labels_and_hover_in_english(mapped):
    spec = territory_map_spec(mapped, lang="en")
    labels = next(t for t in spec["data"] if t["name"] == "labels")
    assert set(labels["text"]) == {"South Bay", "Shore", "Lake Town"}
    hover = _regions(spec)["XS-01"]["text"]
    assert "<b>South Bay</b>" in hover and "Held by Northland (since 1 May 2021)" in hover
    assert "Taken in the dispute." in hover and "Sources: " in hover and "all of it" in hover


def test_labels_and_hover_in_japanese(mapped):
    spec = territory_map_spec(mapped, option="north-only", issue="fishing", lang="ja")
    labels = next(t for t in spec["data"] if t["name"] == "labels")
    assert set(labels["text"]) == {"南湾", "岸", "湖の町"}
    hover = _regions(spec)["XS-01"]["text"]
    assert "ノースランドが支配（2021年5月1日から）" in hover
    assert "「ノースランドのみ」の場合：ノースランドの支配下に残る（全域）" in hover
    assert "対立の中で占拠された。" in hover and "出典：" in hover
    assert "ノースランド" in spec["layout"]["title"]["text"]
    assert "形：架空" in spec["layout"]["annotations"][0]["text"]  # the file's attribution, in Japanese


def test_hostile_region_names_show_as_text(mapped_dir):
    hostile = REGIONS_YAML.replace('"South Bay"', json.dumps(PAYLOAD)).replace('"南湾"', json.dumps(PAYLOAD))
    hostile = hostile.replace('"Taken in the dispute."', json.dumps(PAYLOAD))
    (mapped_dir / "data" / "regions.yaml").write_text(hostile, encoding="utf-8")
    course = lessonkit.load_course(mapped_dir)
    for lang in ("en", "ja"):
        text = json.dumps(territory_map_spec(course, option="north-only", issue="fishing", lang=lang))
        assert "<img" not in text and "<script" not in text
        assert "&lt;img src=x onerror=alert(1)&gt;" in text
    sandbox = NegotiationSandbox(course, lang="en")
    sandbox.choices["fishing"].value = "north-only"
    assert "<img" not in sandbox.static_html() and "<script" not in sandbox.static_html()


# ---------------------------------------------------------------- the text alternative


def test_map_text_is_a_table_of_regions_and_statuses(mapped):
    text = map_text(mapped, lang="en")
    lines = text.splitlines()
    assert lines[0] == "Regions as of 30 Jun 2024"
    assert lines[2] == "| Region | Status | Since | How much is held | Sources |"
    assert len([line for line in lines if line.startswith("| ") and "Region |" not in line]) == 3
    assert "| South Bay | Held by Northland | 1 May 2021 | Held by Northland (10 Jan 2024): all of it |" in text


def test_map_text_with_an_option_in_japanese(mapped):
    text = map_text(mapped, option="north-only", issue="fishing", lang="ja")
    assert text.splitlines()[0].startswith("「ノースランドのみ」（漁業権）の場合の地域")
    assert "| 南岸 | ノースランドの支配下に残る（一部） | サウスランドが支配 |" in text


def test_a_pipe_in_content_cannot_break_the_table(mapped_dir):
    (mapped_dir / "data" / "regions.yaml").write_text(REGIONS_YAML.replace("South Shore", "South | Shore"), "utf-8")
    text = map_text(lessonkit.load_course(mapped_dir))
    assert "| South \\| Shore |" in text


def test_the_figure_carries_a_short_description(mapped):
    meta = territory_map_spec(mapped, lang="en")["layout"]["meta"]
    assert meta["description"].startswith("Map of 3 regions, as of 30 Jun 2024. Held by Northland: 1, ")
    assert meta["region_ids"] == ["XS-01", "XS-02", "XS-03"]


def test_demand_maps_one_panel_per_party(mapped):
    spec = demand_maps(mapped, parties=["north", "south", "mediator"], issue="fishing", lang="en").to_plotly_json()
    layout = spec["layout"]
    assert layout["meta"]["positions"] == {"north": "north-only", "south": "open", "mediator": None}
    assert {"xaxis", "xaxis2", "xaxis3"} <= set(layout) and layout["yaxis3"]["scaleanchor"] == "x3"
    texts = [a["text"] for a in layout["annotations"]]
    assert "Northland: Northland only" in texts[0] and texts[2].replace("<br>", " ").startswith(
        "The Mediator: No position recorded"
    )
    alt = demand_maps_text(mapped, parties=["north", "mediator"], issue="fishing", lang="en")
    assert "- Whole regions left under the control of Northland: South Bay" in alt
    assert "- Regions left in part under the control of Northland: South Shore" in alt
    assert "The Mediator: No position recorded in this course." in alt


def test_region_rows_and_errors(mapped, sample):
    rows = region_rows(mapped, option="quotas", issue="fishing")
    assert [(r.region.id, r.outcome) for r in rows] == [("XS-01", "whole"), ("XS-02", "none"), ("XS-03", "none")]
    with pytest.raises(ValueError, match="unknown option for issue 'fishing'"):
        territory_map(mapped, option="everything", issue="fishing")
    with pytest.raises(ValueError, match="unknown issue 'territory'"):
        territory_map(mapped, option="open")  # the default issue id is not in this course
    with pytest.raises(ValueError, match="no regions"):
        territory_map(sample)
    with pytest.raises(ValueError, match="unknown language"):
        map_text(mapped, lang="fr")


# ---------------------------------------------------------------- the sandbox shows the chosen option


def test_sandbox_maps_the_chosen_option(mapped):
    x = NegotiationSandbox(mapped, lang="en")
    assert x.map_issue == "fishing" and x.map in x.children
    assert x.map_option is None
    spec = x.map.outputs[0]["data"][PLOTLY_MIME]
    assert spec["layout"]["meta"]["option"] is None  # statuses while undecided
    x.choices["fishing"].value = "north-only"
    spec = x.map.outputs[0]["data"][PLOTLY_MIME]
    assert x.map_option == "north-only" and spec["layout"]["meta"]["option"] == "north-only"
    assert "under the option “Northland only”" in x.map.outputs[0]["data"]["text/plain"]
    assert "Northland only" in x.static_text()
    x.choices["water"].value = "joint-board"  # another issue: the map stays
    assert x.map_option == "north-only"
    x.clear.click()
    assert x.map_option is None


def test_sandbox_without_regions_has_no_map(sample):
    x = NegotiationSandbox(sample)
    assert x.map_issue is None and x.map not in x.children and not x.map.outputs


# ---------------------------------------------------------------- authors' mistakes name file and line


def test_an_option_naming_an_unknown_region_is_an_error_with_file_and_line(mapped_dir):
    edit(
        mapped_dir / "data" / "issues.yaml",
        "        regions: [XS-01]\n        regions_in_part",
        "        regions: [XS-09]\n        regions_in_part",
    )
    found = problems(mapped_dir)
    assert len(found) == 1
    assert found[0].endswith("issues[0].options[0].regions[0]: 'XS-09' is not a known region")
    assert found[0].startswith(str((mapped_dir / "data" / "issues.yaml").relative_to(mapped_dir.parent.parent))) or (
        "issues.yaml:" in found[0]
    )
    line = int(found[0].split("issues.yaml:")[1].split(":")[0])
    text = (mapped_dir / "data" / "issues.yaml").read_text(encoding="utf-8").splitlines()
    assert "XS-09" in text[line - 1]


def test_a_region_code_must_be_iso_3166_2(mapped_dir):
    edit(
        mapped_dir / "data" / "issues.yaml",
        "regions: [XS-01]\n        regions_in_part",
        "regions: [xs-1]\n        regions_in_part",
    )
    assert any("'xs-1' is not an ISO 3166-2 code like UA-14" in p for p in problems(mapped_dir))


def test_options_that_name_regions_need_a_holder(mapped_dir):
    edit(mapped_dir / "data" / "issues.yaml", "    holder: north\n", "")
    assert any("holder: options name regions" in p for p in problems(mapped_dir))


def test_every_region_needs_a_boundary_and_every_boundary_a_region(sample_copy):
    add_map(
        sample_copy, features=[_square("XS-01", 10, 50, 1), _square("XS-02", 11, 50, 1), _square("XS-04", 9, 50, 1)]
    )
    found = problems(sample_copy)
    assert any("regions[2].id: 'XS-03' has no boundary in data/geo/*.geojson" in p for p in found)
    assert any(
        p.endswith("lake.geojson:4: properties.id: 'XS-04' is not a region listed in data/*.yaml") for p in found
    )


def test_a_broken_ring_is_reported_with_its_line(sample_copy):
    broken = _square("XS-02", 11, 50, 1)
    broken["geometry"]["coordinates"][0].pop()  # no longer closed
    add_map(sample_copy, features=[FEATURES[0], broken, FEATURES[2]])
    found = problems(sample_copy)
    assert any(
        p.endswith(
            "lake.geojson:3: features[1].geometry: XS-02: a ring is not closed "
            "(its last position must repeat its first)"
        )
        for p in found
    )


def test_statuses_must_differ_by_pattern(mapped_dir):
    edit(mapped_dir / "data" / "regions.yaml", '    pattern: ""\n', '    pattern: "x"\n')
    assert any(
        "region_statuses[1].pattern: 'x' is the pattern of status 'held' already" in p for p in problems(mapped_dir)
    )


def test_unknown_status_and_late_dates(mapped_dir):
    edit(mapped_dir / "data" / "regions.yaml", "        status: held\n", "        status: occupied\n")
    edit(mapped_dir / "data" / "regions.yaml", "      as_of: 2024-01-10\n", "      as_of: 2030-01-01\n")
    found = problems(mapped_dir)
    assert any("regions[0].history[1].status: 'occupied' is not a known region status" in p for p in found)
    assert any("regions[0].occupied_share.as_of: 2030-01-01 is after the course's as-of date" in p for p in found)


def test_history_runs_oldest_first(mapped_dir):
    edit(mapped_dir / "data" / "regions.yaml", "      - since: 2021-05-01\n", "      - since: 1999-05-01\n")
    assert any("history must run oldest first" in p for p in problems(mapped_dir))


# ---------------------------------------------------------------- the real course


@pytest.fixture(scope="module")
def course():
    return lessonkit.load_course(COURSE_DIR)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("option", [None, "borders-1991", "borders-2022", "freeze-line", "cede-donetsk", "all-claims"])
def test_the_course_map_needs_no_network(course, option, lang):
    assert_offline(territory_map(course, option=option, lang=lang).to_plotly_json())


def test_the_course_demand_maps_need_no_network(course):
    assert_offline(demand_maps(course, lang="ja").to_plotly_json())


def test_the_course_map_is_quick_to_build(course):
    territory_map(course)  # warm plotly's validators
    start = time.perf_counter()
    for option in (None, "cede-donetsk"):
        territory_map(course, option=option, lang="ja")
    assert (time.perf_counter() - start) / 2 < 1.0  # measured about 0.07 s; generous for shared machines


def test_japanese_caption_has_no_gap_between_sentences():
    """A space after 「。」 shows as a stray gap: the caption and the attribution run together."""
    course = lessonkit.load_course(COURSE_DIR)
    text = json.dumps(territory_map(course, lang="ja").to_plotly_json(), ensure_ascii=False)
    assert "示していない。境界" in text and "。 " not in text
