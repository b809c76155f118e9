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
held, sources), and :func:`map_text` gives the same content as a table.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lessonkit.course.selection import DateLike, check_ids, party_ids
from lessonkit.figures import stance_text as st
from lessonkit.figures.figure import CourseFigure
from lessonkit.style.plot import hover, ptext, template
from lessonkit.text.i18n import check_lang, format_date, sentences, ui
from lessonkit.text.words import table
from lessonkit.text.wrap import wrap

if TYPE_CHECKING:
    from lessonkit.content import Issue, Option, Region
    from lessonkit.course.geo import Shape
    from lessonkit.course.model import Course

TEXT = table("map")

# What an option does to a region: fill colour and pattern, so the outcome never rests on colour alone.
OUTCOMES = {
    "whole": ("#d6604d", "x"),
    "part": ("#fddbc7", "/"),
    "none": ("#f7f7f7", ""),
}
NO_STATUS = ("#ffffff", "")
LINE = "#444444"
PATTERN_INK = "#333333"
SMALL = 0.15  # square degrees: below this a region's label gets a dot and sits above it


@dataclass(frozen=True)
class RegionRow:
    """One region in a map's view: the facts the figure, the hover and the table share."""

    region: Region
    status_id: str | None
    since: dt.date | None
    outcome: str | None  # whole / part / none, when an option is shown
    sources: tuple[str, ...]
    note: str | None


def _issue_and_option(course: Course, issue: str, option: str | None) -> tuple[Issue | None, Option | None]:
    if option is None:
        return None, None
    check_ids([issue], [i.id for i in course.issues], "issue")
    found = course.issue(issue)
    check_ids([option], [o.id for o in found.options], f"option for issue {issue!r}:")
    return found, next(o for o in found.options if o.id == option)


def _outcome(option: Option, region_id: str) -> str:
    if region_id in option.regions:
        return "whole"
    return "part" if region_id in option.regions_in_part else "none"


def region_rows(course: Course, *, option: str | None = None, issue: str = "territory", as_of: DateLike | None = None,
                lang: str = "en") -> list[RegionRow]:  # fmt: skip
    """Every region with its status on ``as_of`` (default: the course's date) and, given an
    option, what that option would do to it."""
    check_lang(lang)
    date = st.cutoff(course, as_of)
    _, chosen = _issue_and_option(course, issue, option)
    rows = []
    for region in course.regions:
        period = region.period(date)
        outcome = None
        if chosen is not None:
            outcome = (
                "whole" if region.id in chosen.regions else "part" if region.id in chosen.regions_in_part else "none"
            )
        rows.append(
            RegionRow(
                region=region,
                status_id=period.status if period else None,
                since=period.since if period else None,
                outcome=outcome,
                sources=tuple(period.sources) if period else (),
                note=period.note.get(lang) if period and period.note else None,
            )
        )
    return rows


def _holder(course: Course, issue: Issue | None, lang: str) -> str:
    if issue is None or issue.holder is None:
        return ""
    return course.party(issue.holder).name.get(lang)


def _status_name(course: Course, status_id: str | None, lang: str) -> str:
    return course.region_status(status_id).name.get(lang) if status_id else ui(TEXT, "no_status", lang)


def _share(course: Course, row: RegionRow, holder: str, date: dt.date, lang: str) -> str | None:
    share = row.region.occupied_share
    if share is None or share.as_of > date or row.status_id is None:
        return None
    key = "share" if holder else "share_plain"
    return ui(TEXT, key, lang, holder=holder, share=share.text.get(lang), date=format_date(share.as_of, lang))


def _publishers(course: Course, source_ids: Iterable[str], lang: str) -> str:
    return ui(TEXT, "sep", lang).join(dict.fromkeys(course.source(s).publisher for s in source_ids))


def _hover(course: Course, row: RegionRow, option: Option | None, holder: str, date: dt.date, lang: str) -> str:
    lines = [f"<b>{ptext(row.region.name.get(lang))}</b>"]
    if option is not None and row.outcome is not None:
        outcome = ui(TEXT, row.outcome, lang, holder=holder)
        lines.append(ptext(ui(TEXT, "option_line", lang, option=option.label.get(lang), outcome=outcome)))
    if row.status_id is None:
        lines.append(ptext(ui(TEXT, "no_status", lang)))
    else:
        status = ui(
            TEXT,
            "status_line",
            lang,
            status=_status_name(course, row.status_id, lang),
            date=format_date(row.since, lang),
        )
        lines.append(ptext(status))
    share = _share(course, row, holder or _default_holder(course, lang), date, lang)
    if share:
        lines += [ptext(line) for line in wrap(share)]
    if row.note:
        lines += [ptext(line) for line in wrap(row.note)]
    share_sources = row.region.occupied_share.sources if share else []
    if row.sources or share_sources:
        publishers = _publishers(course, [*row.sources, *share_sources], lang)
        lines += [ptext(line) for line in wrap(ui(TEXT, "sources", lang, publishers=publishers))]
    return hover(lines)


def _default_holder(course: Course, lang: str) -> str:
    """The holder named by the first issue that names one: who "holds" a share of a region."""
    for issue in course.issues:
        if issue.holder is not None:
            return course.party(issue.holder).name.get(lang)
    return ""


def _style(course: Course, row: RegionRow) -> tuple[str, str]:
    if row.outcome is not None:
        return OUTCOMES[row.outcome]
    if row.status_id is None:
        return NO_STATUS
    status = course.region_status(row.status_id)
    return status.colour, status.pattern


def _xy(shape: Shape, dx: float = 0.0) -> tuple[list, list]:
    """The exterior rings as one polyline with gaps; holes are left out (smaller regions
    inside are drawn later, on top)."""
    xs: list = []
    ys: list = []
    for ring in shape.exteriors:
        if xs:
            xs.append(None)
            ys.append(None)
        xs += [round(x + dx, 4) for x, _ in ring]
        ys += [y for _, y in ring]
    return xs, ys


def _fill(name: str, colour: str, pattern: str) -> dict:
    fill = {"fill": "toself", "fillcolor": colour, "name": name}
    if pattern:
        fill["fillpattern"] = {"shape": pattern, "fgcolor": PATTERN_INK, "bgcolor": colour, "size": 8, "solidity": 0.15}
    return fill


def _region_traces(
    course: Course, rows: list[RegionRow], texts: dict[str, str], axes: tuple[str, str], lang: str
) -> list[dict]:
    shapes = course.boundaries.shapes
    order = sorted(rows, key=lambda r: -shapes[r.region.id].area())  # big first: small ones stay visible
    traces = []
    for row in order:
        shape = shapes[row.region.id]
        colour, pattern = _style(course, row)
        xs, ys = _xy(shape)
        traces.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "xaxis": axes[0],
                "yaxis": axes[1],
                "mode": "lines",
                "line": {"color": LINE, "width": 0.8},
                **_fill(ptext(row.region.label(lang)), colour, pattern),
                "hoveron": "fills",
                "hoverinfo": "text",
                "text": texts[row.region.id],
                "showlegend": False,
                "customdata": [row.region.id],
                "meta": {"region": row.region.id, "status": row.status_id, "outcome": row.outcome},
            }
        )
    return traces


def _label_trace(course: Course, rows: list[RegionRow], lang: str, axes: tuple[str, str]) -> dict:
    shapes = course.boundaries.shapes
    xs, ys, texts, positions, sizes = [], [], [], [], []
    for row in rows:
        shape = shapes[row.region.id]
        x, y = shape.label_point()
        small = shape.area() < SMALL
        xs.append(x)
        ys.append(y)
        texts.append(ptext(row.region.label(lang)))
        positions.append("top center" if small else "middle center")
        sizes.append(4 if small else 0)
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "xaxis": axes[0],
        "yaxis": axes[1],
        "mode": "markers+text",
        "text": texts,
        "textposition": positions,
        "textfont": {"size": 9, "color": "#111111"},
        "marker": {"size": sizes, "color": "#111111"},
        "hoverinfo": "skip",
        "showlegend": False,
        "name": "labels",
    }


def _legend_traces(entries: list[tuple[str, str, str]]) -> list[dict]:
    """Legend keys (name, colour, pattern) that draw nothing on the map."""
    return [
        {
            "type": "scatter",
            "x": [None, None, None],
            "y": [None, None, None],
            "mode": "lines",
            "line": {"color": LINE, "width": 0.8},
            **_fill(ptext(name), colour, pattern),
            "hoverinfo": "skip",
            "legendgroup": "key",
        }
        for name, colour, pattern in entries
    ]


def _status_legend(course: Course, rows: list[RegionRow], lang: str) -> list[tuple[str, str, str]]:
    used = {r.status_id for r in rows}
    entries = [(s.name.get(lang), s.colour, s.pattern) for s in course.region_statuses if s.id in used]
    if None in used:
        entries.append((ui(TEXT, "no_status", lang), *NO_STATUS))
    return entries


def _outcome_legend(holder: str, lang: str) -> list[tuple[str, str, str]]:
    return [(ui(TEXT, key, lang, holder=holder), *OUTCOMES[key]) for key in OUTCOMES]


def _axes(course: Course) -> tuple[dict, dict]:
    x0, y0, x1, y1 = course.boundaries.bounds()
    pad = 0.03 * max(x1 - x0, y1 - y0)
    ratio = 1 / math.cos(math.radians((y0 + y1) / 2))
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    xaxis = {**hidden, "range": [x0 - pad, x1 + pad], "constrain": "domain"}
    yaxis = {**hidden, "range": [y0 - pad, y1 + pad], "scaleanchor": "x", "scaleratio": round(ratio, 4)}
    return xaxis, yaxis


def _caption(course: Course, lang: str) -> str:
    return sentences([ui(TEXT, "caption", lang), *(a[lang] for a in course.boundaries.attribution)], lang)


def _check_mappable(course: Course) -> None:
    if not course.regions:
        raise ValueError("this course has no regions (data/*.yaml: regions) to map")


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
    _check_mappable(course)
    date = st.cutoff(course, as_of)
    the_issue, chosen = _issue_and_option(course, issue, option)
    holder = _holder(course, the_issue, lang)
    rows = region_rows(course, option=option, issue=issue, as_of=date, lang=lang)
    texts = {r.region.id: _hover(course, r, chosen, holder, date, lang) for r in rows}
    axes = ("x", "y")
    traces = [*_region_traces(course, rows, texts, axes, lang), _label_trace(course, rows, lang, axes)]
    if chosen is None:
        title = ui(TEXT, "title", lang, date=format_date(date, lang))
        legend = _status_legend(course, rows, lang)
    else:
        title = ui(TEXT, "title_option", lang, option=chosen.label.get(lang), holder=holder)
        legend = _outcome_legend(holder, lang)
    xaxis, yaxis = _axes(course)
    layout = {
        "template": template(),
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
                "text": ptext(_caption(course, lang)),
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
            "description": _alt(course, rows, chosen, holder, date, lang),
            "region_ids": [r.region.id for r in rows],
            "as_of": date.isoformat(),
            "issue": the_issue.id if the_issue else None,
            "option": chosen.id if chosen else None,
        },
    }
    return {"data": [*traces, *_legend_traces(legend)], "layout": layout}


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


def _alt(course: Course, rows: list[RegionRow], chosen: Option | None, holder: str, date: dt.date, lang: str) -> str:
    sep = ui(TEXT, "sep", lang)
    if chosen is not None:
        return ui(
            TEXT,
            "alt_option",
            lang,
            n=len(rows),
            option=chosen.label.get(lang),
            whole=sum(r.outcome == "whole" for r in rows),
            part=sum(r.outcome == "part" for r in rows),
            holder=holder,
        )
    counts = sep.join(
        ui(TEXT, "count", lang, status=s.name.get(lang), n=sum(r.status_id == s.id for r in rows))
        for s in course.region_statuses
        if any(r.status_id == s.id for r in rows)
    )
    return ui(TEXT, "alt", lang, n=len(rows), date=format_date(date, lang), counts=counts)


def _cell(text: str) -> str:
    """Table cell text: one line, and a ``|`` cannot open a new column."""
    return " ".join(text.split()).replace("|", "\\|")


def map_text(
    course: Course,
    *,
    option: str | None = None,
    issue: str = "territory",
    as_of: DateLike | None = None,
    lang: str = "en",
) -> str:
    """The text alternative to :func:`territory_map`: a Markdown table, one row per region."""
    check_lang(lang)
    _check_mappable(course)
    date = st.cutoff(course, as_of)
    the_issue, chosen = _issue_and_option(course, issue, option)
    holder = _holder(course, the_issue, lang)
    rows = region_rows(course, option=option, issue=issue, as_of=date, lang=lang)
    dash = ui(TEXT, "dash", lang)
    if chosen is None:
        lines = [ui(TEXT, "table_title", lang, date=format_date(date, lang)), "", ui(TEXT, "table_header", lang)]
    else:
        title = ui(
            TEXT,
            "table_title_option",
            lang,
            option=chosen.label.get(lang),
            issue=the_issue.name.get(lang),
            date=format_date(date, lang),
        )
        lines = [title, "", ui(TEXT, "table_header_option", lang)]
    lines.append("|---" * (lines[-1].count("|") - 1) + "|")
    for row in rows:
        share = _share(course, row, holder or _default_holder(course, lang), date, lang)
        sources = [*row.sources, *(row.region.occupied_share.sources if share else [])]
        cells = [
            row.region.name.get(lang),
            _status_name(course, row.status_id, lang),
            format_date(row.since, lang) if row.since else dash,
            share or dash,
            _publishers(course, sources, lang) or dash,
        ]
        if chosen is not None:
            cells.insert(1, ui(TEXT, row.outcome, lang, holder=holder))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


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
    _check_mappable(course)
    check_ids([issue], [i.id for i in course.issues], "issue")
    the_issue = course.issue(issue)
    date = st.cutoff(course, as_of)
    ids = party_ids(course, parties)
    holder = _holder(course, the_issue, lang)
    xaxis, yaxis = _axes(course)
    columns = min(2, len(ids)) or 1
    rows_n = math.ceil(len(ids) / columns)
    gap = 0.04
    layout: dict = {
        "template": template(),
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
        axes = (f"x{suffix}", f"y{suffix}")
        texts = {r.region.id: _hover(course, r, chosen, holder, date, lang) for r in rows}
        traces += _region_traces(course, rows, texts, axes, lang)
        col, row = n % columns, n // columns
        width, tall = (1 - gap * (columns - 1)) / columns, (1 - gap * (rows_n - 1)) / rows_n
        x_dom = [col * (width + gap), col * (width + gap) + width]
        top = 1 - row * (tall + gap)
        y_dom = [top - tall, top - 0.07]
        layout[f"xaxis{suffix}"] = {**xaxis, "domain": x_dom}
        layout[f"yaxis{suffix}"] = {**yaxis, "domain": y_dom, "scaleanchor": axes[0]}
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
            "text": ptext(_caption(course, lang)),
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
    legend = _outcome_legend(holder, lang)
    return {"data": [*traces, *_legend_traces(legend)], "layout": layout}


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


def demand_maps_text(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    issue: str = "territory",
    as_of: DateLike | None = None,
    lang: str = "en",
) -> str:
    """The text alternative to :func:`demand_maps`: per party, its demand and the regions it
    would leave wholly or in part under the holder's control."""
    check_lang(lang)
    check_ids([issue], [i.id for i in course.issues], "issue")
    the_issue = course.issue(issue)
    date = st.cutoff(course, as_of)
    holder = _holder(course, the_issue, lang)
    sep = ui(TEXT, "sep", lang)
    lines = [ui(TEXT, "demands_title", lang, issue=the_issue.name.get(lang), date=format_date(date, lang))]
    for party in party_ids(course, parties):
        stance = course.stance(party, issue, date)
        name = course.party(party).name.get(lang)
        position = st.position_text(the_issue, stance, lang)
        if stance is None or stance.position is None:
            lines.append(ui(TEXT, "no_position_line", lang, party=name, position=position))
            continue
        reading = "" if stance.stated else ui(TEXT, "reading", lang)
        lines.append(ui(TEXT, "demands_line", lang, party=name, position=position, reading=reading))
        rows = region_rows(course, option=stance.position, issue=issue, as_of=date, lang=lang)
        for key in ("whole", "part"):
            names = sep.join(r.region.name.get(lang) for r in rows if r.outcome == key)
            lines.append(ui(TEXT, f"list_{key}", lang, holder=holder, names=names or ui(TEXT, "dash", lang)))
    return "\n".join(lines)
