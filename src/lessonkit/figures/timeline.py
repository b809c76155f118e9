"""The course's events on a date axis, as a plotly figure, plus its plain-text alternative.

One row per category (or party); events close in time take separate lanes inside their
row so that 60+ events stay readable and hoverable at the default size. Titles live in
the hover text, never as on-plot labels, so nothing overlaps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, MutableMapping
from typing import TYPE_CHECKING, Any, Literal

from lessonkit.course.selection import DateLike, select_events
from lessonkit.figures.figure import CourseFigure
from lessonkit.style.plot import group_style, hover, ptext, template
from lessonkit.text.i18n import check_lang, format_date, format_span, inner, mark, ui
from lessonkit.text.words import table
from lessonkit.text.wrap import wrap

if TYPE_CHECKING:
    from lessonkit.content import Event
    from lessonkit.course.model import Course

ColorBy = Literal["category", "party"]

TEXT = table("timeline")

CERTAINTY_SUFFIX = {"confirmed": "", "reported": "-open", "claimed": "-open-dot"}
BAR_PATTERN = {"confirmed": "", "reported": "/", "claimed": "."}
LANE_PX = 26


ONE_DAY = dt.timedelta(days=1)
MILLISECOND = dt.timedelta(milliseconds=1)


def event_dates(event: Event, lang: str) -> str:
    """The event's date, or its first and last day, in the reader's language."""
    return format_span(event.date, event.end_date, lang)


def publishers(course: Course, event: Event, lang: str) -> str:
    return ui(TEXT, "sep", lang).join(dict.fromkeys(course.source(s).publisher for s in event.sources))


def _groups(
    course: Course, events: list[Event], parties: list[str] | None, color_by: str, lang: str
) -> list[tuple[str, str, int, list[Event]]]:
    """[(group id, label, style index, events in it)] in the course's order, empty groups left out."""
    if color_by == "category":
        table = [(c.id, c.name.get(lang), i) for i, c in enumerate(course.info.categories)]
        member = {c: [e for e in events if e.category == c] for c, _, _ in table}
    elif color_by == "party":
        order = [p.id for p in course.parties]
        chosen = parties or order
        table = [(p.id, p.name.get(lang), order.index(p.id)) for p in course.parties if p.id in chosen]
        member = {p: [e for e in events if p in e.actors] for p, _, _ in table}
    else:
        raise ValueError(f"color_by must be 'category' or 'party', not {color_by!r}")
    return [(gid, label, index, member[gid]) for gid, label, index in table if member[gid]]


def _lanes(events: list[Event], gap: dt.timedelta) -> list[int]:
    """A lane per event so that no two markers or bars in one lane come closer than ``gap``."""
    ends: list[dt.date] = []
    lanes = []
    for event in events:
        lane = next((i for i, end in enumerate(ends) if event.date - end >= gap), len(ends))
        if lane == len(ends):
            ends.append(event.date)
        ends[lane] = event.end_date or event.date
        lanes.append(lane)
    return lanes


def _eras(course: Course, x0: dt.date, x1: dt.date, lang: str) -> list[dict]:
    eras = sorted(course.info.eras, key=lambda era: era.start)
    shapes = []
    for n, era in enumerate(eras):
        end = era.end + ONE_DAY if era.end else (eras[n + 1].start if n + 1 < len(eras) else course.as_of + ONE_DAY)
        start, end = max(era.start, x0), min(end, x1)
        if start >= end:
            continue
        # a label starts at its band's left edge, or ends at its right edge in the right half of the
        # plot, so it stays inside; narrow bands put theirs at the bottom, clear of a wide neighbour's
        width = (end - start) / (x1 - x0)
        side = ("top " if width >= 1 / 8 else "bottom ") + ("left" if start - x0 < (x1 - x0) / 2 else "right")
        name = ptext(era.name.get(lang)) if width >= 1 / 40 else ""  # no label on a sliver
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": start.isoformat(),
                "x1": end.isoformat(),
                "y0": 0,
                "y1": 1,
                "layer": "below",
                "line": {"width": 0},
                "fillcolor": "#f0f0f0" if n % 2 == 0 else "#e0e0e0",
                "name": f"era:{era.id}",
                "label": {"text": name, "textposition": side, "font": {"size": 11}},
            }
        )
    return shapes


def _hover(course: Course, event: Event, lang: str) -> str:
    names = ui(TEXT, "sep", lang).join(course.party(p).name.get(lang) for p in event.actors)
    category = next((c.name.get(lang) for c in course.info.categories if c.id == event.category), event.category)
    lines = [
        f"<b>{ptext(event.title.get(lang))}</b>",
        ptext(f"{event_dates(event, lang)} · {category} · {ui(TEXT, event.certainty.value, lang)}"),
        ptext(ui(TEXT, "parties", lang, names=names)),
        *(ptext(line) for line in wrap(event.summary.get(lang))),
        ptext(ui(TEXT, "sources", lang, publishers=publishers(course, event, lang))),
    ]
    return hover(lines)


def _end(event: Event) -> dt.date:
    """A span's last day (a single-day event ends on its date)."""
    return event.end_date or event.date


def _group_traces(
    gid: str, name: str, style: tuple[str, str], members: list[Event], ys: list[float], texts: list[str]
) -> list[dict]:
    """One group's traces: bars for its spans, a marker per event, and its legend entry."""
    colour, symbol = style
    spans = [i for i, e in enumerate(members) if e.is_span]
    traces = []
    if spans:
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "base": [members[i].date.isoformat() for i in spans],
                "x": [(_end(members[i]) - members[i].date + ONE_DAY) / MILLISECOND for i in spans],
                "y": [ys[i] for i in spans],
                "width": 0.5,
                "name": name,
                "legendgroup": gid,
                "showlegend": False,
                "hovertext": [texts[i] for i in spans],
                "hoverinfo": "text",
                "customdata": [members[i].id for i in spans],
                "marker": {
                    "color": colour,
                    "opacity": 0.6,
                    "pattern": {"shape": [BAR_PATTERN[members[i].certainty.value] for i in spans]},
                },
            }
        )
    traces.append(
        {
            "type": "scatter",
            "x": [e.date.isoformat() for e in members],
            "y": ys,
            "mode": "markers",
            "name": name,
            "legendgroup": gid,
            "showlegend": False,
            "hovertext": texts,
            "hoverinfo": "text",
            "customdata": [e.id for e in members],
            "marker": {
                "color": colour,
                "size": 11,
                "symbol": [symbol + CERTAINTY_SUFFIX[e.certainty.value] for e in members],
                "line": {"width": 1.5, "color": colour},
            },
        }
    )
    # the legend entry is an empty trace of its own, so it shows the group's filled symbol
    # (plotly would draw the first event's symbol, which may be an open one)
    traces.append(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "name": name,
            "legendgroup": gid,
            "hoverinfo": "skip",
            "marker": {"color": colour, "size": 11, "symbol": symbol},
        }
    )
    return traces


def _key_traces(lang: str) -> list[dict]:
    """Legend entries that explain the marker fills and the bars; they draw nothing."""
    key = {"type": "scatter", "x": [None], "y": [None], "legendgroup": "key", "hoverinfo": "skip"}
    keys = [
        {
            **key,
            "mode": "markers",
            "name": ptext(ui(TEXT, certainty, lang)),
            "marker": {"symbol": "circle" + suffix, "color": "#555555", "size": 10},
        }
        for certainty, suffix in CERTAINTY_SUFFIX.items()
    ]
    keys.append(
        {**key, "mode": "lines", "name": ptext(ui(TEXT, "span_key", lang)), "line": {"color": "#555555", "width": 8}}
    )
    return keys


def _date_axis(lang: str) -> dict:
    axis: dict = {
        "type": "date",
        "title": {"text": ui(TEXT, "x_title", lang)},
        "rangeslider": {"visible": True, "thickness": 0.08},
        "rangeselector": {
            "buttons": [
                {"count": 6, "step": "month", "stepmode": "backward", "label": ui(TEXT, "button_6m", lang)},
                {"count": 1, "step": "year", "stepmode": "backward", "label": ui(TEXT, "button_1y", lang)},
                {"step": "all", "label": ui(TEXT, "button_all", lang)},
            ]
        },
    }
    ticks = [mark(f"tick_{step}", lang) for step in ("day", "month", "year")]
    if all(ticks):  # plotly's own date ticks are English; other languages give theirs
        ranges = ([None, "M1"], ["M1", "M12"], ["M12", None])
        axis["tickformatstops"] = [{"dtickrange": r, "value": v} for r, v in zip(ranges, ticks, strict=True)]
    return axis


def timeline(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    lang: str = "en",
    height: int | None = None,
    color_by: ColorBy = "category",
) -> CourseFigure:
    """The events as a figure: points for one-day events, bars for spans, shaded eras.

    Colour and marker shape both mark the row's group; fill marks certainty. The figure's
    ``layout.meta`` holds a text alternative and the ids of the events shown.
    """
    spec = timeline_spec(
        course,
        parties=parties,
        categories=categories,
        start=start,
        end=end,
        lang=lang,
        height=height,
        color_by=color_by,
    )
    return CourseFigure(spec)


def timeline_spec(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    lang: str = "en",
    height: int | None = None,
    color_by: ColorBy = "category",
    hovers: MutableMapping[str, str] | None = None,
) -> dict:
    """:func:`timeline` as a plain JSON-ready dict: what widgets send to the page without
    paying for plotly's validation on every click. ``hovers`` (event id -> hover text, for
    one course and language) lets a widget reuse hover texts from one redraw to the next."""
    check_lang(lang)
    hovers = {} if hovers is None else hovers
    parties = list(parties) if parties is not None else None
    events = select_events(course, parties=parties, categories=categories, start=start, end=end)
    groups = _groups(course, events, parties, color_by, lang)
    first = min((e.date for e in events), default=course.as_of)
    last = max((e.end_date or e.date for e in events), default=course.as_of)
    pad = max(dt.timedelta(days=15), (last - first) / 40)
    x0, x1 = first - pad, last + pad
    gap = (x1 - x0) / 80

    traces: list[dict] = []
    ticks, labels, separators, top = [], [], [], 0
    for gid, label, index, members in groups:
        lanes = _lanes(members, gap)
        ys = [top + lane + 0.5 for lane in lanes]
        texts = [hovers[e.id] if e.id in hovers else hovers.setdefault(e.id, _hover(course, e, lang)) for e in members]
        traces += _group_traces(gid, ptext(label), group_style(index), members, ys, texts)
        rows = max(lanes) + 1
        ticks.append(top + rows / 2)
        labels.append(ptext(label))
        separators.append(top)
        top += rows

    group_name = ui(TEXT, f"group_{color_by}", lang)
    shapes = _eras(course, x0, x1, lang) + [
        {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": y, "y1": y, "line": {"color": "#c8c8c8", "width": 1}}
        for y in separators[1:]
    ]
    as_of = format_date(course.as_of, lang)
    layout: dict[str, Any] = {
        "template": template(),
        "title": {"text": ptext(ui(TEXT, "title", lang, as_of=as_of))},
        "height": height or max(460, 220 + LANE_PX * top),
        "barmode": "overlay",
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "plot_bgcolor": "#ffffff",
        "xaxis": {**_date_axis(lang), "range": [x0.isoformat(), x1.isoformat()]},
        "yaxis": {
            "tickmode": "array",
            "tickvals": ticks,
            "ticktext": labels,
            "range": [max(top, 1), -0.8],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
        },
        "legend": {"title": {"text": group_name}, "tracegroupgap": 4},
        "shapes": shapes,
        "margin": {"l": 130, "r": 20, "t": 70, "b": 40},
        "meta": {"description": _alt(course, events, shapes, color_by, lang), "event_ids": [e.id for e in events]},
    }
    layout["xaxis"]["rangeslider"]["range"] = layout["xaxis"]["range"]
    if not events:
        layout["annotations"] = [
            {"text": ptext(ui(TEXT, "empty", lang)), "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5}
        ]
    return {"data": [*traces, *_key_traces(lang)], "layout": layout}


def _alt(course: Course, events: list[Event], shapes: list[dict], color_by: str, lang: str) -> str:
    if not events:
        return ui(TEXT, "empty", lang)
    shown = [s["name"].removeprefix("era:") for s in shapes if s.get("name", "").startswith("era:")]
    eras = mark("comma", lang).join(e.name.get(lang) for e in course.info.eras if e.id in shown)
    return ui(
        TEXT,
        "alt",
        lang,
        n=len(events),
        first=format_date(events[0].date, lang),
        last=format_date(max(e.end_date or e.date for e in events), lang),
        group=ui(TEXT, f"group_{color_by}", lang).lower() if lang == "en" else ui(TEXT, f"group_{color_by}", lang),
        eras=inner(eras, lang),
    )


def timeline_lines(course: Course, events: list[Event], lang: str) -> list[str]:
    """One plain line per event: date, title, category, certainty, publishers."""
    names = {c.id: c.name.get(lang) for c in course.info.categories}
    return [
        ui(
            TEXT,
            "list_item",
            lang,
            date=event_dates(e, lang),
            title=e.title.get(lang),
            group=names.get(e.category, e.category),
            certainty=inner(ui(TEXT, e.certainty.value, lang), lang),
            publishers=publishers(course, e, lang),
        )
        for e in events
    ]


def timeline_text(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    lang: str = "en",
) -> str:
    """The text alternative to :func:`timeline`: the same events, one numbered line each."""
    check_lang(lang)
    events = select_events(course, parties=parties, categories=categories, start=start, end=end)
    if not events:
        return ui(TEXT, "empty", lang)
    header = ui(TEXT, "list_header", lang, n=len(events), as_of=format_date(course.as_of, lang))
    return "\n".join([header, *(f"{n}. {line}" for n, line in enumerate(timeline_lines(course, events, lang), 1))])
