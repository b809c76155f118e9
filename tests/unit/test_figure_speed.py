"""What keeps figures small and handlers quick (issue #14): map outlines as float32 typed arrays with
NaN between polygons, geometry and map specs shared through the course, look-ups by id, stance
cards cached by the stances in force, and a loaded course frozen out of the garbage collector's way.
Structure, not timings: the times are measured by ``make bench`` (docs/benchmarks.md)."""

from __future__ import annotations

import base64
import datetime as dt
import gc
import math
from array import array

from tests.helpers import real_course

from lessonkit.figures.figure import figure_bundle
from lessonkit.figures.map import shared_map_spec, territory_map, territory_map_spec
from lessonkit.figures.map_draw import typed_array
from lessonkit.style.plot import PLOTLY_MIME
from lessonkit.widgets.sandbox import NegotiationSandbox
from lessonkit.widgets.stances import StanceComparison, stance_cards_html


def decode(spec: dict) -> list[float]:
    assert spec["dtype"] == "f4"
    values = array("f")
    values.frombytes(base64.b64decode(spec["bdata"]))
    return list(values)


def test_typed_array_is_little_endian_float32_base64():
    spec = typed_array([1.5, math.nan, -30.25])
    assert set(spec) == {"dtype", "bdata"}
    assert base64.b64decode(spec["bdata"]) == b"\x00\x00\xc0\x3f" + b"\x00\x00\xc0\x7f" + b"\x00\x00\xf2\xc1"


def test_map_outlines_are_typed_arrays_matching_the_boundaries_with_nan_between_polygons():
    course = real_course()
    spec = territory_map_spec(course)
    regions = [t for t in spec["data"] if "region" in t.get("meta", {})]
    assert len(regions) == len(course.regions)
    multi = 0
    for trace in regions:
        shape = course.boundaries.shapes[trace["meta"]["region"]]
        xs, ys = decode(trace["x"]), decode(trace["y"])
        expected = []
        for ring in shape.exteriors:
            if expected:
                expected.append((math.nan, math.nan))
            expected += ring
        assert len(xs) == len(ys) == len(expected)
        for x, y, (ex, ey) in zip(xs, ys, expected, strict=True):
            if math.isnan(ex):
                assert math.isnan(x) and math.isnan(y)  # a gap: plotly.js starts a new polygon
                continue
            assert abs(x - ex) < 1e-5 and abs(y - ey) < 1e-5  # far finer than the files' 0.001 degree
        multi += len(shape.exteriors) > 1
    assert multi >= 1  # the course has regions of several polygons, so the gaps are exercised


def test_figure_json_keeps_the_typed_arrays_and_stays_small():
    course = real_course()
    spec = figure_bundle(territory_map(course, option="cede-donetsk", lang="ja"))[PLOTLY_MIME]
    outlines = [t for t in spec["data"] if "region" in t.get("meta", {})]
    assert outlines and all(t["x"]["dtype"] == t["y"]["dtype"] == "f4" for t in outlines)
    assert len(str(spec)) < 90_000  # 83 KiB before for the outlines alone written out as decimals
    # what every outline shares is sent once, as the template's scatter defaults; the other traces
    # of the map set those keys themselves, so no label gets filled and every legend key shows
    defaults = spec["layout"]["template"]["data"]["scatter"][0]
    assert defaults["fill"] == "toself" and defaults["hoveron"] == "fills" and defaults["showlegend"] is False
    assert all("line" not in t and "hoveron" not in t for t in outlines)
    others = [t for t in spec["data"] if t not in outlines]
    assert others and all("fill" in t and "showlegend" in t and "mode" in t for t in others)


def test_map_specs_are_shared_by_every_sandbox_of_a_kernel():
    course = real_course()
    assert shared_map_spec(course, option="freeze-line") is shared_map_spec(course, option="freeze-line")
    first, second = NegotiationSandbox(course, lang="ja"), NegotiationSandbox(course, parties=["ru", "ua"], lang="ja")
    assert first.map.outputs[0]["data"][PLOTLY_MIME] is second.map.outputs[0]["data"][PLOTLY_MIME]


def test_look_ups_by_id_and_stances_by_party_and_issue_match_a_scan():
    course = real_course()
    for source in course.sources[:20]:
        assert course.source(source.id) is next(s for s in course.sources if s.id == source.id)
    for stance in course.stances:
        history = course.stance_history(stance.party, stance.issue)
        assert history == tuple(s for s in course.stances if s.party == stance.party and s.issue == stance.issue)
        for day in (stance.as_of, stance.as_of - dt.timedelta(days=1), course.as_of):
            found = [s for s in history if s.as_of <= day]
            assert course.stance(stance.party, stance.issue, day) is (found[-1] if found else None)


def test_a_date_change_rebuilds_only_the_cards_whose_stance_changed():
    course = real_course()
    cache: dict = {}
    dates = sorted({s.as_of for s in course.stances})
    first = dates[-1] + dt.timedelta(days=1)
    later = first + dt.timedelta(days=30)  # no stance changes between the two dates
    stance_cards_html(course, as_of=first, lang="en", cache=cache)
    built = len(cache)
    assert stance_cards_html(course, as_of=later, lang="en", cache=cache) == stance_cards_html(
        course, as_of=later, lang="en"
    )
    assert len(cache) == built


def test_stance_cards_are_shared_by_every_comparison_of_a_kernel():
    course = real_course()
    first = StanceComparison(course, lang="ja")
    second = StanceComparison(course, lang="ja")
    assert first._cache is second._cache
    assert first.cards.value == second.cards.value


def test_a_loaded_course_is_frozen_out_of_the_collectors_way():
    real_course()
    assert gc.get_freeze_count() > 10_000
