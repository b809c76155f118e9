"""Every party on every issue's scale at a glance: issues × parties as one plotly figure.

One panel per issue, options ordered from one pole to the other along x, one row per
party. Filled markers are stated positions, open ones our reading of a party's actions,
× is "no public position" in a column of its own, and "(not recorded)" written across a
row means the course holds no stance for that party on that issue at that date; a thin
grey bar spans what each party could accept (an estimate). Shapes, fills and words carry
the meaning, so colour is a bonus.

The layout is computed in pixels for a notebook-width figure (:mod:`~lessonkit.figures.stance_layout`):
option labels are wrapped to their column and never rotated, and each panel is as tall as
its title, its rows and its label lines need, so nothing overlaps at the default height.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from lessonkit.course.selection import DateLike, party_ids, select_issues
from lessonkit.figures import stance_text as st
from lessonkit.figures.figure import CourseFigure
from lessonkit.figures.stance_layout import LEGEND_ROW_PX, RIGHT_PX, TOP_PX, _layout_px, _lines
from lessonkit.style.plot import group_style, hover, ptext, template
from lessonkit.text.i18n import check_lang, format_date, ui
from lessonkit.text.words import table

if TYPE_CHECKING:
    import datetime as dt

    from lessonkit.content import Issue, Stance
    from lessonkit.course.model import Course

# the band of acceptable options: light enough to sit behind the markers, 3.4:1 on white
ESTIMATE_GREY = "#8a8a8a"
TEXT = table("stance_chart")
NONE_X = -1.0  # the "no public position" column, one column left of the first option
NOT_RECORDED_GREY = "#595959"  # 7:1 on white


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted option indices: [0, 1, 3] -> [(0, 1), (3, 3)]."""
    runs: list[tuple[int, int]] = []
    for i in sorted(indices):
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _hover(course: Course, party: str, issue: Issue, stance: Stance | None, lang: str) -> str:
    lines = [f"<b>{ptext(course.party(party).name.get(lang))}</b> · {ptext(issue.name.get(lang))}"]
    lines.append(f"<b>{ptext(st.position_text(issue, stance, lang))}</b>")
    if stance is not None:
        basis = st.basis_text(stance, lang)
        if basis:
            lines.append(ptext(basis))
        lines += _lines(stance.summary.get(lang), 64)
        if stance.acceptable:
            options = st.labels(issue, stance.acceptable, lang)
            lines += _lines(ui(TEXT, "could_accept", lang, options=options), 64)
        lines.append(ptext(ui(st.TEXT, "as_of", lang, date=format_date(stance.as_of, lang))))
    return hover(lines)


def _panel(course: Course, issue: Issue, parties: list[str], date: dt.date, n: int, lang: str) -> list[dict]:
    """The three traces of one issue's panel, on axes ``x{n}``/``y{n}``: the grey bars, the
    markers of recorded stances, and "(not recorded)" across the rows of the others."""
    axes = {"xaxis": f"x{n}" if n > 1 else "x", "yaxis": f"y{n}" if n > 1 else "y"}
    name = ptext(issue.name.get(lang))
    order = [p.id for p in course.parties]
    marks: dict[str, list] = {
        "x": [],
        "y": [],
        "symbol": [],
        "colour": [],
        "text": [],
        "side": [],
        "hover": [],
        "party": [],
    }
    missing: dict[str, list] = {"y": [], "hover": [], "party": []}
    bar_x: list[float | None] = []
    bar_y: list[int | None] = []
    for row, party in enumerate(parties):
        stance = course.stance(party, issue.id, date)
        if stance is None:
            missing["y"].append(row)
            missing["hover"].append(_hover(course, party, issue, stance, lang))
            missing["party"].append(party)
            continue
        if stance.position is None:
            x, symbol = NONE_X, "x-thin-open"
        else:
            x, symbol = issue.option_index(stance.position), ("circle" if stance.stated else "circle-open")
        marks["x"].append(x)
        marks["y"].append(row)
        marks["symbol"].append(symbol)
        marks["colour"].append(group_style(order.index(party))[0])
        marks["text"].append(ptext(course.party(party).short.get(lang)))
        # a label right of its marker, except in the last column, where it would run off the plot
        marks["side"].append("middle left" if x == len(issue.options) - 1 else "middle right")
        marks["hover"].append(_hover(course, party, issue, stance, lang))
        marks["party"].append(party)
        for lo, hi in _runs([issue.option_index(o) for o in stance.acceptable]):
            bar_x += [lo - 0.25, hi + 0.25, None]
            bar_y += [row, row, None]
    colours = marks["colour"]
    return [
        {
            "type": "scatter",
            **axes,
            "x": bar_x,
            "y": bar_y,
            "mode": "lines",
            "line": {"color": ESTIMATE_GREY, "width": 7},
            "opacity": 0.6,
            "hoverinfo": "skip",
            "showlegend": False,
            "name": name,
        },
        {
            "type": "scatter",
            **axes,
            "x": marks["x"],
            "y": marks["y"],
            "mode": "markers+text",
            "text": marks["text"],
            "textposition": marks["side"],
            "marker": {"symbol": marks["symbol"], "color": colours, "size": 14, "line": {"width": 2, "color": colours}},
            "hovertext": marks["hover"],
            "hoverinfo": "text",
            "customdata": marks["party"],
            "showlegend": False,
            "name": name,
        },
        {
            "type": "scatter",
            **axes,
            "x": [(len(issue.options) - 1) // 2 + 0.5] * len(missing["y"]),  # mid-scale, between grid lines
            "y": missing["y"],
            "mode": "text",
            "text": [ptext(ui(TEXT, "not_recorded", lang))] * len(missing["y"]),
            "textposition": "middle center",
            "textfont": {"color": NOT_RECORDED_GREY},
            "hovertext": missing["hover"],
            "hoverinfo": "text",
            "customdata": missing["party"],
            "showlegend": False,
            "name": name,
        },
    ]


def _key_traces(lang: str, not_recorded: bool) -> list[dict]:
    key = {"type": "scatter", "x": [None], "y": [None], "hoverinfo": "skip"}
    marker = {"color": "#444444", "size": 12, "line": {"width": 2, "color": "#444444"}}

    def symbol(name: str, shape: str) -> dict:
        return {**key, "mode": "markers", "name": ptext(ui(TEXT, name, lang)), "marker": {**marker, "symbol": shape}}

    keys = [symbol("stated", "circle"), symbol("estimate", "circle-open"), symbol("none", "x-thin-open")]
    if not_recorded:
        keys.append(
            {
                **key,
                "mode": "text",
                "text": [ptext(ui(TEXT, "not_recorded", lang))],
                "textfont": {"color": NOT_RECORDED_GREY},
                "name": ptext(ui(TEXT, "not_recorded_key", lang)),
            }
        )
    keys.append(
        {
            **key,
            "mode": "lines",
            "name": ptext(ui(TEXT, "acceptable", lang)),
            "line": {"color": ESTIMATE_GREY, "width": 7},
        }
    )
    return keys


def stance_matrix(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    issues: Iterable[str] | None = None,
    as_of: DateLike | None = None,
    lang: str = "en",
    height: int | None = None,
) -> CourseFigure:
    """Issues × parties: each party placed on each issue's ordered option scale.

    ``parties`` defaults to the course's principal parties, as in the other stance views. The
    default ``height`` gives every panel room for its title, one row per party and its wrapped
    option labels; a ``height`` of your own scales all panels alike. The figure's
    ``layout.meta`` holds a text alternative; :func:`stance_matrix_text` gives the full text.
    """
    check_lang(lang)
    date = st.cutoff(course, as_of)
    chosen_issues = select_issues(course, issues)
    ids = party_ids(course, parties)
    if not ids or not chosen_issues:
        return _empty(course, ids, chosen_issues, date, lang, height)
    sizes = _layout_px(course, ids, chosen_issues, lang)
    total = sum(panel["block"] for panel in sizes["panels"])
    unrecorded = _unrecorded(course, ids, chosen_issues, date)
    keys = _key_traces(lang, unrecorded)
    bottom_px = 16 + LEGEND_ROW_PX * len(keys)
    traces: list[dict] = []
    annotations: list[dict] = []
    layout: dict[str, Any] = {}
    top = 1.0
    for n, (issue, panel) in enumerate(zip(chosen_issues, sizes["panels"], strict=True), 1):
        traces += _panel(course, issue, ids, date, n, lang)
        y_top = top - panel["head"] / total
        suffix = str(n) if n > 1 else ""
        layout[f"xaxis{suffix}"] = {
            "domain": [0, 1],
            "anchor": f"y{suffix}",
            "range": [NONE_X - 0.5, len(issue.options) - 0.5],
            "tickmode": "array",
            "tickvals": [NONE_X, *range(len(issue.options))],
            "ticktext": panel["ticktext"],
            "tickangle": 0,
            "showgrid": True,
            "zeroline": False,
            "fixedrange": True,
        }
        layout[f"yaxis{suffix}"] = {
            "domain": [y_top - panel["rows"] / total, y_top],
            "anchor": f"x{suffix}",
            "tickmode": "array",
            "tickvals": list(range(len(ids))),
            "ticktext": [ptext(course.party(p).name.get(lang)) for p in ids],
            "range": [len(ids) - 0.5, -0.5],
            "automargin": True,
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
        }
        annotations.append(
            {
                "text": "<br>".join(panel["title"]),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "xshift": 8 - sizes["left"],
                "y": top,
                "xanchor": "left",
                "yanchor": "top",
                "align": "left",
                "showarrow": False,
            }
        )
        top -= panel["block"] / total
    layout.update(
        {
            "template": template(),
            "title": {"text": ptext(ui(TEXT, "title", lang, date=format_date(date, lang)))},
            "height": height or TOP_PX + total + bottom_px,
            "annotations": annotations,
            "plot_bgcolor": "#ffffff",
            "hovermode": "closest",
            "hoverlabel": {"align": "left"},
            "legend": {"orientation": "v", "x": 0, "xanchor": "left", "y": 0, "yanchor": "top"},
            "margin": {"l": sizes["left"], "r": RIGHT_PX, "t": TOP_PX, "b": bottom_px},
            "meta": {"description": _alt(course, ids, chosen_issues, date, lang)},
        }
    )
    return CourseFigure({"data": [*traces, *keys], "layout": layout})


def _empty(
    course: Course, ids: list[str], issues: list[Issue], date: dt.date, lang: str, height: int | None
) -> CourseFigure:
    """The figure when there is no party or no issue: its title and a sentence saying so."""
    layout = {
        "template": template(),
        "title": {"text": ptext(ui(TEXT, "title", lang, date=format_date(date, lang)))},
        "height": height or 360,
        "annotations": [
            {
                "text": ptext(ui(TEXT, "empty", lang)),
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "showarrow": False,
            }
        ],
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
        "plot_bgcolor": "#ffffff",
        "meta": {"description": _alt(course, ids, issues, date, lang)},
    }
    return CourseFigure({"data": [], "layout": layout})


def _unrecorded(course: Course, parties: list[str], issues: list[Issue], date: dt.date) -> bool:
    """Whether any party has no recorded stance on any of the issues at ``date``."""
    return any(course.stance(p, i.id, date) is None for p in parties for i in issues)


def _alt(course: Course, parties: list[str], issues: list[Issue], date: dt.date, lang: str) -> str:
    if not parties or not issues:
        return ui(TEXT, "empty", lang)
    sep = ui(st.TEXT, "sep", lang)
    note = ui(TEXT, "alt_not_recorded", lang) if _unrecorded(course, parties, issues, date) else ""
    return (
        ui(
            TEXT,
            "alt",
            lang,
            parties=sep.join(course.party(p).name.get(lang) for p in parties),
            n=len(issues),
            issues=sep.join(i.name.get(lang) for i in issues),
            date=format_date(date, lang),
        )
        + note
    )


def stance_matrix_text(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    issues: Iterable[str] | None = None,
    as_of: DateLike | None = None,
    lang: str = "en",
) -> str:
    """The text alternative to :func:`stance_matrix`: each party's position on each issue."""
    check_lang(lang)
    date = st.cutoff(course, as_of)
    chosen_issues = select_issues(course, issues)
    ids = party_ids(course, parties)
    lines = st.stance_lines(course, ids, chosen_issues, date, lang)
    return "\n".join([_alt(course, ids, chosen_issues, date, lang), *lines])
