"""A timeline students filter by party, category and dates, with one event's details.

Everything the widget shows lives in value traits (``HTML.value``, ``Output.outputs``) and
in ``explorer.figure``, so tests and the kernel can read it without a browser. The figure
goes to the page as plotly's own mimetype inside an ``Output``: drawn offline by
JupyterLab and Voilà, with no ``FigureWidget`` front-end dependency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from lessonkit.course.selection import DateLike, as_date, check_ids, select_events
from lessonkit.figures.timeline import TEXT as TIMELINE_TEXT
from lessonkit.figures.timeline import ColorBy, event_dates, timeline_lines, timeline_spec
from lessonkit.style.controls import BUTTON_LAYOUT, DESCRIPTION_STYLE, NOTHING, PROSE, StaticFallback
from lessonkit.style.plot import figure_outputs
from lessonkit.style.shared import make, shared_layout
from lessonkit.style.sheet import dressed
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import check_lang, format_date, format_month, inner, ui
from lessonkit.text.sources import sources_html
from lessonkit.text.words import table
from lessonkit.widgets.month_range import MonthRange

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from lessonkit.content import Event
    from lessonkit.course.model import Course

TEXT = table("explorer")


def _month_label(day: dt.date, lang: str) -> str:
    return format_month(day, lang)


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def _month_end(day: dt.date) -> dt.date:
    return (day + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


class TimelineExplorer(StaticFallback, widgets.VBox):
    """Filters (parties, categories, months, row grouping), the timeline, one event's details
    and a numbered text list of the events shown, which is the figure's text alternative.

    ``event`` opens the explorer with that event picked and its details shown; it must be one
    of the events the filters show (the date slider works in whole months).
    """

    def __init__(
        self,
        course: Course,
        *,
        parties: Iterable[str] | None = None,
        categories: Iterable[str] | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
        event: str | None = None,
        lang: str = "en",
        height: int | None = None,
        color_by: ColorBy = "category",
    ) -> None:
        self.course, self.lang, self.height = course, check_lang(lang), height
        t = self._t
        party_ids = check_ids(parties, [p.id for p in course.parties], "party") or []
        category_ids = check_ids(categories, [c.id for c in course.info.categories], "category") or []
        acting = {a for e in course.events for a in e.actors} | set(party_ids)
        self._hovers: dict[str, str] = {}
        self._spec: dict[str, Any] = {}
        self._figure: go.Figure | None = None
        self._events: list[Event] = []
        self._quiet = True  # no redraws while controls are built or reset together
        self._quiet_event = False

        self.parties = make(
            widgets.SelectMultiple,
            options=[(p.name.get(lang), p.id) for p in course.parties if p.id in acting],
            value=tuple(party_ids),
            rows=min(8, max(2, len(acting))),
            description=t("parties"),
            style=DESCRIPTION_STYLE,
        )
        self.categories = make(
            widgets.SelectMultiple,
            options=[(c.name.get(lang), c.id) for c in course.info.categories],
            value=tuple(category_ids),
            rows=min(8, max(2, len(course.info.categories))),
            description=t("categories"),
            style=DESCRIPTION_STYLE,
        )
        first = min((e.date for e in course.events), default=course.as_of)
        last = max((e.end_date or e.date for e in course.events), default=course.as_of)
        months = _months(first, last)
        self._all_months = (0, len(months) - 1)
        self.dates = MonthRange(
            [(_month_label(m, lang), m) for m in months],
            self._month_index(months, as_date(start, "start"), as_date(end, "end")),
            first_label=t("dates_from"),
            last_label=t("dates_to"),
        )
        self.group_by = make(
            widgets.Dropdown,
            options=[(t("by_category"), "category"), (t("by_party"), "party")],
            value=color_by,
            description=t("group_by"),
            style=DESCRIPTION_STYLE,
        )
        self.reset = make(
            widgets.Button, description=t("reset"), tooltip=t("reset_tooltip"), icon="undo", layout=BUTTON_LAYOUT
        )
        self.status = make(widgets.HTML)
        self.output = make(widgets.Output)
        self.event = make(
            widgets.Dropdown,
            options=[(t("choose"), NOTHING)],
            description=t("event"),
            style=DESCRIPTION_STYLE,
            layout={"width": "95%"},
        )
        self.details = make(widgets.HTML)
        self.listing = make(widgets.HTML)
        text_version = make(widgets.Accordion, children=[self.listing], titles=(t("list_title"),), selected_index=None)
        parts = [
            make(widgets.HBox, [self.parties, self.categories]),
            make(widgets.HTML, f"<small>{esc(t('hint'))}</small>"),
            self.dates,
            make(widgets.HBox, [self.group_by, self.reset]),
            self.status,
            self.output,
            self.event,
            self.details,
            text_version,
        ]
        super().__init__(**dressed(parts, "lk-explorer"), layout=shared_layout())
        for control in (self.parties, self.categories, self.dates, self.group_by):
            control.observe(self._refresh, names="value")
        self.event.observe(self._show_event, names="value")
        self.reset.on_click(self._reset)
        if event is not None:
            self._check_event(event)
        self._quiet = False
        self._refresh()
        if event is not None:
            self.event.value = event

    def _t(self, key: str, **values: object) -> str:
        return ui(TEXT, key, self.lang, **values)

    @staticmethod
    def _month_index(months: list[dt.date], start: dt.date | None, end: dt.date | None) -> tuple[int, int]:
        """Slider positions for the months holding ``start`` and ``end`` (clipped to the slider)."""
        lo = sum(1 for m in months if start and _month_end(m) < start)
        hi = sum(1 for m in months if not end or m <= end) - 1
        lo = min(lo, len(months) - 1)
        return lo, max(lo, hi)

    def _check_event(self, event: str) -> None:
        """A ValueError unless ``event`` is an event of the course that the filters show."""
        check_ids([event], [e.id for e in self.course.events], "event")
        filters = self.filters
        if any(e.id == event for e in select_events(self.course, **filters)):
            return
        found = self.course.event(event)
        when = found.date.isoformat() + (f" to {found.end_date.isoformat()}" if found.end_date else "")
        shown = ", ".join(
            f"{name}={', '.join(value) if isinstance(value, list) else value}"
            for name, value in filters.items()
            if value is not None
        )
        raise ValueError(
            f"event {event!r} ({when}; category {found.category}; parties {', '.join(found.actors)}) is not shown "
            f"with the filters {shown} (dates are whole months); widen the filters or leave out event"
        )

    @property
    def filters(self) -> dict[str, Any]:
        """The current filters, in :func:`lessonkit.timeline`'s vocabulary."""
        first, last = self.dates.value
        return {
            "parties": list(self.parties.value) or None,
            "categories": list(self.categories.value) or None,
            "start": first,
            "end": _month_end(last),
        }

    @property
    def figure(self) -> go.Figure:
        """The timeline as drawn now (built from the plain spec on first access)."""
        if self._figure is None:
            import plotly.graph_objects as go  # only here: showing the timeline needs no plotly

            self._figure = go.Figure(self._spec)
        return self._figure

    @property
    def events(self) -> list[Event]:
        return list(self._events)

    def _refresh(self, change: object = None) -> None:
        if self._quiet:
            return
        filters = self.filters
        self._events = select_events(self.course, **filters)
        self._spec = timeline_spec(
            self.course,
            **filters,
            lang=self.lang,
            height=self.height,
            color_by=self.group_by.value,
            hovers=self._hovers,
        )
        self._figure = None
        self.output.outputs = figure_outputs(self._spec, self._spec["layout"]["meta"]["description"])
        self.status.value = self._status()
        self.listing.value = self._listing()
        chosen = self.event.value
        shown = [
            (self._t("option", date=event_dates(e, self.lang), title=e.title.get(self.lang)), e.id)
            for e in self._events
        ]
        self._quiet_event = True
        try:
            self.event.options = [(self._t("choose"), NOTHING), *shown]
            self.event.value = chosen if any(chosen == value for _, value in shown) else NOTHING
        finally:
            self._quiet_event = False
        self._show_event()

    def _reset(self, button: object = None) -> None:
        self._quiet = True
        try:
            self.parties.value = ()
            self.categories.value = ()
            self.dates.index = self._all_months
        finally:
            self._quiet = False
        self._refresh()

    def _status(self) -> str:
        return f"<p>{esc(self._status_text())}</p>"

    def _listing(self) -> str:
        if not self._events:
            return f"<p>{esc(self._t('empty'))}</p>"
        items = "".join(f"<li>{esc(line)}</li>" for line in timeline_lines(self.course, self._events, self.lang))
        return f'<ol lang="{self.lang}" style="{PROSE}">{items}</ol>'

    def _show_event(self, change: object = None) -> None:
        if self._quiet_event:
            return
        if self.event.value == NOTHING:
            self.details.value = f"<p><i>{esc(self._t('no_event'))}</i></p>"
        else:
            self.details.value = event_html(self.course, self.course.event(self.event.value), self.lang)

    def _status_text(self) -> str:
        as_of = format_date(self.course.as_of, self.lang)
        return self._t("status", shown=len(self._events), total=len(self.course.events), as_of=as_of)

    def static_text(self) -> str:
        lines = timeline_lines(self.course, self._events, self.lang)
        return "\n".join(
            [
                self._t("heading", title=self._t("title"), text=self._status_text()),
                *(f"{n}. {x}" for n, x in enumerate(lines, 1)),
            ]
        )

    def static_html(self) -> str:
        body = f"{self.status.value}{self.details.value}{self.listing.value}"
        return f'<div lang="{self.lang}"><h3>{esc(self._t("title"))}</h3>{body}</div>'


def event_html(course: Course, event: Event, lang: str) -> str:
    """One event's full record as escaped HTML: what, when, who, how sure, and from where."""

    def t(key: str, **values: object) -> str:
        return ui(TEXT, key, lang, **values)

    def row(key: str, value: str) -> str:
        return f"<b>{esc(t('field', name=t(key)))}</b>{t('gap')}{value}"

    category = next((c.name.get(lang) for c in course.info.categories if c.id == event.category), event.category)
    era = next((e.name.get(lang) for e in course.info.eras if e.id == event.era), event.era)
    facts = [
        row("date", esc(event_dates(event, lang))),
        row("category", esc(category)),
        row("era", esc(era)),
        row("certainty", esc(ui(TIMELINE_TEXT, event.certainty.value, lang))),
    ]
    if event.place:
        facts.append(row("place", esc(event.place.get(lang))))
    if event.host:
        facts.append(row("host", esc(course.party(event.host).name.get(lang))))
    parts = [
        f"<h4>{esc(event.title.get(lang))}</h4>",
        f"<p>{t('facts_sep').join(facts)}</p>",
        f"<p>{esc(event.summary.get(lang))}</p>",
        f"<p>{row('actors', esc(t('sep').join(course.party(p).name.get(lang) for p in event.actors)))}</p>",
    ]
    if event.people:
        items = ""
        for person in (course.person(p) for p in event.people):
            party = inner(course.party(person.party).name.get(lang), lang)
            role = inner(person.role_on(event.date).get(lang), lang)
            key = "person_plain" if any(mark in role for mark in "()") else "person"  # no nested brackets
            items += f"<li>{esc(t(key, name=person.name.get(lang), role=role, party=party))}</li>"
        parts.append(f"<p><b>{esc(t('field', name=t('people')))}</b></p><ul>{items}</ul>")
    if event.outcomes:
        items = "".join(f"<li>{esc(o.get(lang))}</li>" for o in event.outcomes)
        parts.append(f"<p><b>{esc(t('field', name=t('outcomes')))}</b></p><ul>{items}</ul>")
    parts.append(f"<p><b>{esc(t('field', name=t('sources')))}</b></p>{sources_html(course, event.sources, lang)}")
    return f'<div lang="{lang}" style="{PROSE}">{"".join(parts)}</div>'
