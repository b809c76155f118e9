"""Every party on every issue's scale at a glance: issues × parties as one plotly figure.

One panel per issue, options ordered from one pole to the other along x, one row per
party. Filled markers are stated positions, open ones our reading of a party's actions,
× is "no public position" in a column of its own; a thin grey bar spans what each party
could accept (an estimate). Shapes and fills carry the meaning, so colour is a bonus.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import plotly.graph_objects as go

from . import stancetext as st
from .i18n import check_lang, format_date, ui
from .selection import DateLike, party_ids, select_issues
from .viewkit import group_style, hover, ptext, template, wrap

if TYPE_CHECKING:
    import datetime as dt

    from .content import Issue, Stance
    from .course import Course

TEXT = {
    "en": {
        "title": "Where each party stands (as of {date})",
        "none_column": "no public<br>position",
        "stated": "Stated position (filled)",
        "estimate": "Our reading of its actions (open)",
        "none": "No public position (×)",
        "acceptable": "Could accept: analytical estimate (grey bar)",
        "could_accept": "Could accept (estimate): {options}",
        "alt": (
            "Positions of {parties} on {n} issues ({issues}) as of {date}: one panel per issue with its options "
            "from one pole to the other. Filled markers are stated positions, open markers our reading of a "
            "party's actions, × no public position; grey bars show what a party could accept (an estimate)."
        ),
        "empty": "No party or issue to show.",
        "panel": "<b>{issue}</b>: {question}",
    },
    "ja": {
        "title": "各当事者の立場（{date}現在）",
        "none_column": "公の立場<br>なし",
        "stated": "表明された立場（塗りつぶし）",
        "estimate": "行動から読み取った立場（白抜き）",
        "none": "公の立場なし（×）",
        "acceptable": "受け入れうる範囲：分析上の推定（灰色の帯）",
        "could_accept": "受け入れうる範囲（推定）：{options}",
        "alt": (
            "{date}現在の、{parties}の{n}つの争点（{issues}）についての立場。争点ごとに1段で、選択肢を一方の極から"
            "他方の極へ並べる。塗りつぶしの印は表明された立場、白抜きは行動から読み取った立場、×は公の立場なし。"
            "灰色の帯は受け入れうる範囲（分析上の推定）。"
        ),
        "empty": "表示する当事者または争点がありません。",
        "panel": "<b>{issue}</b>：{question}",
    },
}

ROW_PX = 30
PANEL_PAD_PX = 90
NONE_X = -1.2


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted option indices: [0, 1, 3] -> [(0, 1), (3, 3)]."""
    runs: list[tuple[int, int]] = []
    for i in sorted(indices):
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _place(issue: Issue, stance: Stance | None) -> tuple[float, str]:
    """Where the marker goes and its shape: filled = stated, open = estimate, × = no position."""
    if stance is None or stance.position is None:
        return NONE_X, "x-thin-open"
    return issue.option_index(stance.position), ("circle" if stance.stated else "circle-open")


def _hover(course: Course, party: str, issue: Issue, stance: Stance | None, lang: str) -> str:
    lines = [f"<b>{ptext(course.party(party).name.get(lang))}</b> · {ptext(issue.name.get(lang))}"]
    lines.append(f"<b>{ptext(st.position_text(issue, stance, lang))}</b>")
    if stance is not None:
        basis = st.basis_text(stance, lang)
        if basis:
            lines.append(ptext(basis))
        lines += [ptext(line) for line in wrap(stance.summary.get(lang))]
        if stance.acceptable:
            options = st.labels(issue, stance.acceptable, lang)
            lines += [ptext(line) for line in wrap(ui(TEXT, "could_accept", lang, options=options))]
        lines.append(ptext(ui(st.TEXT, "as_of", lang, date=format_date(stance.as_of, lang))))
    return hover(lines)


def _panel(course: Course, issue: Issue, parties: list[str], date: dt.date, n: int, lang: str) -> list[dict]:
    """The traces of one issue's panel, on axes ``x{n}``/``y{n}``."""
    axes = {"xaxis": f"x{n}" if n > 1 else "x", "yaxis": f"y{n}" if n > 1 else "y"}
    xs, ys, symbols, colours, texts, hovers, bar_x, bar_y = [], [], [], [], [], [], [], []
    order = [p.id for p in course.parties]
    for row, party in enumerate(parties):
        stance = course.stance(party, issue.id, date)
        x, symbol = _place(issue, stance)
        xs.append(x)
        ys.append(row)
        symbols.append(symbol)
        colours.append(group_style(order.index(party))[0])
        texts.append(ptext(course.party(party).short.get(lang)))
        hovers.append(_hover(course, party, issue, stance, lang))
        for lo, hi in _runs([issue.option_index(o) for o in (stance.acceptable if stance else [])]):
            bar_x += [lo - 0.25, hi + 0.25, None]
            bar_y += [row, row, None]
    return [
        {
            "type": "scatter",
            **axes,
            "x": bar_x,
            "y": bar_y,
            "mode": "lines",
            "line": {"color": "#9a9a9a", "width": 7},
            "opacity": 0.6,
            "hoverinfo": "skip",
            "showlegend": False,
            "name": ptext(issue.name.get(lang)),
        },
        {
            "type": "scatter",
            **axes,
            "x": xs,
            "y": ys,
            "mode": "markers+text",
            "text": texts,
            "textposition": "middle right",
            "marker": {"symbol": symbols, "color": colours, "size": 14, "line": {"width": 2, "color": colours}},
            "hovertext": hovers,
            "hoverinfo": "text",
            "customdata": parties,
            "showlegend": False,
            "name": ptext(issue.name.get(lang)),
        },
    ]


def _key_traces(lang: str) -> list[dict]:
    key = {"type": "scatter", "x": [None], "y": [None], "hoverinfo": "skip"}
    marker = {"color": "#444444", "size": 12, "line": {"width": 2, "color": "#444444"}}
    return [
        {**key, "mode": "markers", "name": ptext(ui(TEXT, "stated", lang)), "marker": {**marker, "symbol": "circle"}},
        {
            **key,
            "mode": "markers",
            "name": ptext(ui(TEXT, "estimate", lang)),
            "marker": {**marker, "symbol": "circle-open"},
        },
        {
            **key,
            "mode": "markers",
            "name": ptext(ui(TEXT, "none", lang)),
            "marker": {**marker, "symbol": "x-thin-open"},
        },
        {
            **key,
            "mode": "lines",
            "name": ptext(ui(TEXT, "acceptable", lang)),
            "line": {"color": "#9a9a9a", "width": 7},
        },
    ]


def stance_matrix(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    issues: Iterable[str] | None = None,
    as_of: DateLike | None = None,
    lang: str = "en",
    height: int | None = None,
) -> go.Figure:
    """Issues × parties: each party placed on each issue's ordered option scale.

    ``parties`` defaults to the course's principal parties, as in the other stance views. The figure's
    ``layout.meta`` holds a text alternative; :func:`stance_matrix_text` gives the full text.
    """
    check_lang(lang)
    date = st.cutoff(course, as_of)
    chosen_issues = select_issues(course, issues)
    ids = party_ids(course, parties)
    panel_px = [PANEL_PAD_PX + ROW_PX * max(1, len(ids)) for _ in chosen_issues]
    total = sum(panel_px) or 1
    traces, annotations, layout, top = [], [], {}, 1.0
    names = [ptext(course.party(p).name.get(lang)) for p in ids]
    for n, (issue, px) in enumerate(zip(chosen_issues, panel_px, strict=True), 1):
        traces += _panel(course, issue, ids, date, n, lang)
        bottom = top - px / total
        suffix = str(n) if n > 1 else ""
        layout[f"xaxis{suffix}"] = {
            "domain": [0, 1],
            "anchor": f"y{suffix}",
            "range": [NONE_X - 0.6, len(issue.options) - 0.3],
            "tickmode": "array",
            "tickvals": [NONE_X, *range(len(issue.options))],
            "ticktext": [
                ui(TEXT, "none_column", lang),
                *("<br>".join(ptext(x) for x in wrap(o.label.get(lang), 18)) for o in issue.options),
            ],
            "showgrid": True,
            "zeroline": False,
            "fixedrange": True,
        }
        layout[f"yaxis{suffix}"] = {
            "domain": [bottom + 0.55 * PANEL_PAD_PX / total, top - 0.3 * PANEL_PAD_PX / total],
            "anchor": f"x{suffix}",
            "tickmode": "array",
            "tickvals": list(range(len(ids))),
            "ticktext": names,
            "range": [len(ids) - 0.5, -0.5],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
        }
        annotations.append(
            {
                "text": ui(
                    TEXT, "panel", lang, issue=ptext(issue.name.get(lang)), question=ptext(issue.question.get(lang))
                ),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": top,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
            }
        )
        top = bottom
    if not traces:
        annotations.append(
            {"text": ptext(ui(TEXT, "empty", lang)), "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}
        )
    layout.update(
        {
            "template": template(),
            "title": {"text": ptext(ui(TEXT, "title", lang, date=format_date(date, lang)))},
            "height": height or max(360, 110 + total),
            "annotations": annotations,
            "plot_bgcolor": "#ffffff",
            "hovermode": "closest",
            "hoverlabel": {"align": "left"},
            "legend": {"orientation": "h", "x": 0, "y": -0.02, "yanchor": "top"},
            "margin": {"l": 130, "r": 30, "t": 70, "b": 70},
            "meta": {"description": _alt(course, ids, chosen_issues, date, lang)},
        }
    )
    return go.Figure({"data": [*traces, *_key_traces(lang)], "layout": layout})


def _alt(course: Course, parties: list[str], issues: list[Issue], date: dt.date, lang: str) -> str:
    if not parties or not issues:
        return ui(TEXT, "empty", lang)
    sep = ui(st.TEXT, "sep", lang)
    return ui(
        TEXT,
        "alt",
        lang,
        parties=sep.join(course.party(p).name.get(lang) for p in parties),
        n=len(issues),
        issues=sep.join(i.name.get(lang) for i in issues),
        date=format_date(date, lang),
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
