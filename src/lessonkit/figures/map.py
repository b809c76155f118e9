"""A map of a course's regions as a plotly figure that draws with no network, plus its text table.

Plotly's geo and map-tile subplots (``choropleth``, ``scattergeo``, ``scattermap`` ...) fetch
base-map data from a CDN even with an embedded GeoJSON, and draw nothing offline. So the
regions are filled polygons (``scatter`` with ``fill="toself"``) on plain axes: x is
longitude, y is latitude, with the aspect ratio of the map's middle latitude.

Two views, one vocabulary:

- statuses (``option=None``): each region filled with its status's colour *and* pattern, as
  of a date;
- an option of an issue (``option="..."``): which regions the option would leave, wholly or
  in part, under the control of the issue's ``holder``.

Every region also has a label and a hover text (name, status, since when, how much is
held, sources), and :func:`map_text` gives the same content as a table. The work is split by
job: :mod:`~lessonkit.figures.map_regions` (what each region's row says),
:mod:`~lessonkit.figures.map_draw` (outlines as typed arrays, traces, axes),
:mod:`~lessonkit.figures.map_table` (the text alternatives); this module assembles figures.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from lessonkit.course.selection import DateLike, check_ids, party_ids
from lessonkit.figures import stance_text as st
from lessonkit.figures.figure import CourseFigure
from lessonkit.figures.map_draw import (
    NO_STATUS,
    OUTCOMES,
    axes,
    label_trace,
    legend_traces,
    map_template,
    region_traces,
)
from lessonkit.figures.map_regions import (
    TEXT,
    RegionRow,
    alt_text,
    caption,
    check_mappable,
    holder,
    hover_text,
    issue_and_option,
    region_rows,
)
from lessonkit.figures.map_table import demand_maps_text, map_text
from lessonkit.style.plot import ptext
from lessonkit.text.i18n import check_lang, format_date, ui
from lessonkit.text.wrap import wrap

if TYPE_CHECKING:
    import datetime as dt

    from lessonkit.content import Option
    from lessonkit.course.model import Course

__all__ = [
    "RegionRow",
    "demand_maps",
    "demand_maps_spec",
    "demand_maps_text",
    "map_text",
    "region_rows",
    "shared_map_spec",
    "territory_map",
    "territory_map_spec",
]


def _status_legend(course: Course, rows: list[RegionRow], lang: str) -> list[tuple[str, str, str]]:
    used = {r.status_id for r in rows}
    entries: list[tuple[str, str, str]] = [
        (s.name.get(lang), s.colour, s.pattern) for s in course.region_statuses if s.id in used
    ]
    if None in used:
        entries.append((ui(TEXT, "no_status", lang), *NO_STATUS))
    return entries


def _outcome_legend(who: str, lang: str) -> list[tuple[str, str, str]]:
    return [(ui(TEXT, key, lang, holder=who), *OUTCOMES[key]) for key in OUTCOMES]


def _texts(
    course: Course, rows: list[RegionRow], chosen: Option | None, who: str, date: dt.date, lang: str
) -> dict[str, str]:
    return {r.region.id: hover_text(course, r, chosen, who, date, lang) for r in rows}


def territory_map_spec(
    course: Course,
    *,
    option: str | None = None,
    issue: str = "territory",
    as_of: DateLike | None = None,
    lang: str = "en",
    height: int | None = None,
) -> dict:
    """:func:`territory_map` as a plain JSON-ready dict (what a widget sends to the page)."""
    check_lang(lang)
    check_mappable(course)
    date = st.cutoff(course, as_of)
    the_issue, chosen = issue_and_option(course, issue, option)
    who = holder(course, the_issue, lang)
    rows = region_rows(course, option=option, issue=issue, as_of=date, lang=lang)
    texts = _texts(course, rows, chosen, who, date, lang)
    ids = ("x", "y")
    traces = [*region_traces(course, rows, texts, ids, lang), label_trace(course, rows, lang, ids)]
    if chosen is None:
        title = ui(TEXT, "title", lang, date=format_date(date, lang))
        legend = _status_legend(course, rows, lang)
    else:
        title = ui(TEXT, "title_option", lang, option=chosen.label.get(lang), holder=who)
        legend = _outcome_legend(who, lang)
    xaxis, yaxis = axes(course)
    layout = {
        "template": map_template(),
        "title": {"text": ptext(title)},
        "height": height or 640,
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "plot_bgcolor": "#ffffff",
        "xaxis": xaxis,
        "yaxis": yaxis,
        "legend": {"orientation": "h", "y": -0.02, "x": 0, "yanchor": "top", "tracegroupgap": 2},
        "margin": {"l": 10, "r": 10, "t": 70, "b": 90},
        "annotations": [
            {
                "text": ptext(caption(course, lang)),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1.0,
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 11, "color": "#555555"},
            }
        ],
        "meta": {
            "description": alt_text(course, rows, chosen, who, date, lang),
            "region_ids": [r.region.id for r in rows],
            "as_of": date.isoformat(),
            "issue": the_issue.id if the_issue else None,
            "option": chosen.id if chosen else None,
        },
    }
    return {"data": [*traces, *legend_traces(legend)], "layout": layout}


def territory_map(
    course: Course,
    *,
    option: str | None = None,
    issue: str = "territory",
    as_of: DateLike | None = None,
    lang: str = "en",
    height: int | None = None,
) -> CourseFigure:
    """The course's regions as a figure that needs no network.

    Without ``option``: each region's status on ``as_of`` (default: the course's date). With
    ``option`` (an option id of ``issue``): the regions it would leave, wholly or in part,
    under the control of the issue's holder. ``layout.meta.description`` holds a short text
    alternative; :func:`map_text` gives the full table.
    """
    return CourseFigure(territory_map_spec(course, option=option, issue=issue, as_of=as_of, lang=lang, height=height))


def demand_maps_spec(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    issue: str = "territory",
    as_of: DateLike | None = None,
    lang: str = "en",
    height: int | None = None,
) -> dict:
    """:func:`demand_maps` as a plain dict."""
    check_lang(lang)
    check_mappable(course)
    check_ids([issue], [i.id for i in course.issues], "issue")
    the_issue = course.issue(issue)
    date = st.cutoff(course, as_of)
    ids = party_ids(course, parties)
    who = holder(course, the_issue, lang)
    xaxis, yaxis = axes(course)
    columns = min(2, len(ids)) or 1
    rows_n = math.ceil(len(ids) / columns)
    gap = 0.04
    layout: dict = {
        "template": map_template(),
        "title": {
            "text": ptext(ui(TEXT, "demands_title", lang, issue=the_issue.name.get(lang), date=format_date(date, lang)))
        },
        "height": height or 60 + 330 * rows_n,
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "plot_bgcolor": "#ffffff",
        "legend": {"orientation": "h", "y": -0.02, "x": 0, "yanchor": "top"},
        "margin": {"l": 10, "r": 10, "t": 90, "b": 70},
        "annotations": [],
        "meta": {"issue": issue, "as_of": date.isoformat(), "parties": ids, "positions": {}},
    }
    traces: list[dict] = []
    for n, party in enumerate(ids):
        stance = course.stance(party, issue, date)
        position = stance.position if stance is not None else None
        rows = region_rows(course, option=position, issue=issue, as_of=date, lang=lang)
        chosen = next((o for o in the_issue.options if o.id == position), None)
        suffix = "" if n == 0 else str(n + 1)
        ids_xy = (f"x{suffix}", f"y{suffix}")
        traces += region_traces(course, rows, _texts(course, rows, chosen, who, date, lang), ids_xy, lang)
        col, row = n % columns, n // columns
        width, tall = (1 - gap * (columns - 1)) / columns, (1 - gap * (rows_n - 1)) / rows_n
        x_dom = [col * (width + gap), col * (width + gap) + width]
        top = 1 - row * (tall + gap)
        y_dom = [top - tall, top - 0.07]
        layout[f"xaxis{suffix}"] = {**xaxis, "domain": x_dom}
        layout[f"yaxis{suffix}"] = {**yaxis, "domain": y_dom, "scaleanchor": ids_xy[0]}
        name = course.party(party).name.get(lang)
        text = ui(TEXT, "panel", lang, party=name, position=st.position_text(the_issue, stance, lang))
        if stance is not None and stance.position is not None and not stance.stated:
            text += ui(TEXT, "reading", lang)
        layout["annotations"].append(
            {
                "text": "<br>".join(ptext(line) for line in wrap(text, 44)),
                "xref": "paper",
                "yref": "paper",
                "x": x_dom[0],
                "y": top,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "align": "left",
                "font": {"size": 12},
            }
        )
        layout["meta"]["positions"][party] = position
    layout["annotations"].append(
        {
            "text": ptext(caption(course, lang)),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 1.0,
            "xanchor": "left",
            "yanchor": "bottom",
            "yshift": 8,
            "showarrow": False,
            "font": {"size": 11, "color": "#555555"},
        }
    )
    layout["meta"]["description"] = demand_maps_text(course, parties=ids, issue=issue, as_of=date, lang=lang)
    legend = _outcome_legend(who, lang)
    return {"data": [*traces, *legend_traces(legend)], "layout": layout}


def demand_maps(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    issue: str = "territory",
    as_of: DateLike | None = None,
    lang: str = "en",
    height: int | None = None,
) -> CourseFigure:
    """One small map per party (default: the principal parties): the option it demands on
    ``issue`` as of ``as_of``, drawn like :func:`territory_map` with that option."""
    return CourseFigure(demand_maps_spec(course, parties=parties, issue=issue, as_of=as_of, lang=lang, height=height))


def shared_map_spec(
    course: Course, *, option: str | None = None, issue: str = "territory", as_of: DateLike | None = None,
    lang: str = "en",
) -> dict:  # fmt: skip
    """:func:`territory_map_spec`, built once per course, option, date and language and shared by
    every widget of the kernel (``Course.memo``): a second sandbox, or a student going back to an
    option, costs a look-up. The spec is shared: read it, never change it."""
    date = st.cutoff(course, as_of)
    key = ("territory_map_spec", option, issue, date, lang)
    spec = course.memo.get(key)
    if spec is None:
        spec = course.memo[key] = territory_map_spec(course, option=option, issue=issue, as_of=date, lang=lang)
    return spec
