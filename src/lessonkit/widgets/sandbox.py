"""Propose a deal, option by option, and see whose estimated limits it crosses.

The judgement lives in two pure functions, :func:`assess` and :func:`zones_of_agreement`
(in ``lessonkit.course.agreement``, shared with the role-play), which the widget only
displays, so teachers and tests can check the logic without a browser. What a party
"could accept" is always an analytical estimate with a stated basis, and the widget says
so in both languages before it says anything else.

A party with no estimate on an issue does not constrain that issue's zone of agreement;
it is listed as unknown instead, so a gap in the data never reads as a yes or a no.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import ipywidgets as widgets

from lessonkit.course.agreement import Assessment, assess, zones_of_agreement
from lessonkit.course.agreement import acceptable_options as _acceptable
from lessonkit.course.selection import DateLike, party_ids, select_issues
from lessonkit.figures import stance_text as st
from lessonkit.style.controls import (
    BUTTON_LAYOUT,
    FULL_WIDTH,
    ISSUE_LABEL_STYLE,
    NOTHING,
    PROSE,
    StaticFallback,
)
from lessonkit.style.plot import figure_outputs
from lessonkit.style.shared import make, shared_layout
from lessonkit.style.sheet import dressed
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import check_lang, format_date, mark, ui
from lessonkit.text.sources import sources_html
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.content import Issue
    from lessonkit.course.model import Course

TEXT = table("sandbox")

__all__ = ["Assessment", "NegotiationSandbox", "assess", "zones_of_agreement"]


def _quoted(issue: Issue, option_ids: list[str], lang: str) -> str:
    """Option labels in scale order, each in quotation marks, so a list of options never reads
    as one run-on sentence: “A”, “B” / 「A」「B」."""
    marks, sep = mark("quote", lang), mark("option_sep", lang)
    return sep.join(marks.format(o.label.get(lang)) for o in issue.options if o.id in option_ids)


def _names_regions(course: Course, issue: Issue) -> bool:
    """Whether the course can draw this issue's options on a map."""
    return bool(course.regions) and any(o.regions or o.regions_in_part for o in issue.options)


class NegotiationSandbox(StaticFallback, widgets.VBox):
    """One dropdown per issue to build a deal; per party, which choices cross its estimated limits."""

    def __init__(
        self,
        course: Course,
        *,
        parties: Iterable[str] | None = None,
        issues: Iterable[str] | None = None,
        as_of: DateLike | None = None,
        lang: str = "en",
    ) -> None:
        self.course, self.lang = course, check_lang(lang)
        self.party_ids = party_ids(course, parties)
        self.issue_list = select_issues(course, issues)
        self.as_of = st.cutoff(course, as_of)
        self._quiet = False  # True while several dropdowns change at once
        self.assessment = assess(course, {}, self.party_ids, as_of=self.as_of)
        self.choices = {
            issue.id: make(
                widgets.Dropdown,
                options=[(self._t("undecided"), NOTHING), *((o.label.get(lang), o.id) for o in issue.options)],
                value=NOTHING,
                description=issue.name.get(lang),
                style=ISSUE_LABEL_STYLE,
                layout=FULL_WIDTH,  # the chosen option reads in full ("— not d…" in 300 px)
            )
            for issue in self.issue_list
        }
        self.clear = make(
            widgets.Button,
            description=self._t("clear"),
            tooltip=self._t("clear_tooltip"),
            icon="undo",
            layout=BUTTON_LAYOUT,
        )
        self.disclaimer = make(
            widgets.HTML,
            f'<p style="{PROSE}"><b>{esc(self._t("disclaimer", date=format_date(self.as_of, lang)))}</b></p>',
        )
        self.results = make(widgets.HTML)
        # the first issue whose options name regions gets a map of the chosen option
        self.map_issue = next((i.id for i in self.issue_list if _names_regions(course, i)), None)
        self.map = make(widgets.Output)
        self._map_shown: tuple[str | None] | None = None
        self._maps: dict[str | None, dict] = {}
        self.zones = make(widgets.HTML, self._zones_html())
        self.basis = make(widgets.HTML, self._basis_html())
        parts = [self.disclaimer, *self.choices.values(), self.clear, self.results]
        if self.map_issue is not None:
            parts.append(self.map)
        super().__init__(**dressed([*parts, self.zones, self.basis], "lk-sandbox"), layout=shared_layout())
        for dropdown in self.choices.values():
            dropdown.observe(self._refresh, names="value")
        self.clear.on_click(self._clear)
        self._refresh()

    def _t(self, key: str, **values: object) -> str:
        return ui(TEXT, key, self.lang, **values)

    def _name(self, party: str) -> str:
        return self.course.party(party).name.get(self.lang)

    def _named(self, party: str) -> str:
        return f"<b>{esc(self._t('named', name=self._name(party)))}</b>{self._t('gap')}"

    def _label(self, issue: Issue, option_ids: list[str]) -> str:
        return _quoted(issue, option_ids, self.lang) or self._t("no_estimate")

    def _refresh(self, change: object = None) -> None:
        if self._quiet:
            return
        chosen = {issue: d.value or None for issue, d in self.choices.items()}
        self.assessment = assess(self.course, chosen, self.party_ids, as_of=self.as_of)
        self.results.value = self._results_html()
        self._refresh_map(chosen.get(self.map_issue) if self.map_issue else None)

    def _refresh_map(self, option: str | None) -> None:
        """Show the chosen option of the mapped issue (the statuses while it is undecided);
        rebuilt only when that choice changes."""
        if self.map_issue is None or self._map_shown == (option,):
            return
        from lessonkit.figures.map import shared_map_spec

        if option not in self._maps:  # one spec per option, shared with every other sandbox of the kernel
            self._maps[option] = shared_map_spec(
                self.course, option=option, issue=self.map_issue, as_of=self.as_of, lang=self.lang
            )
        spec = self._maps[option]
        self.map.outputs = figure_outputs(spec, spec["layout"]["meta"]["description"])
        self._map_shown = (option,)

    @property
    def map_option(self) -> str | None:
        """The option the map shows (None: the statuses, nothing chosen for the mapped issue)."""
        return self._map_shown[0] if self._map_shown else None

    def _clear(self, button: object = None) -> None:
        self._quiet = True
        try:
            for dropdown in self.choices.values():
                dropdown.value = NOTHING
        finally:
            self._quiet = False
        self._refresh()

    def _results_html(self) -> str:
        a, sep = self.assessment, ui(st.TEXT, "sep", self.lang)
        if not a.choices:
            return f'<p style="{PROSE}">{esc(self._t("nothing_chosen"))}</p>'
        if a.crossed:
            head = self._t("some_outside", parties=sep.join(self._name(p) for p in a.crossed))
        else:
            head = self._t("all_within")
        cards = []
        for party in a.parties:
            lines = []
            for issue_id in a.outside[party]:
                issue = self.course.issue(issue_id)
                acceptable = _acceptable(self.course, party, issue_id, a.as_of) or []
                chosen = st.option_label(issue, a.choices[issue_id], self.lang)
                text = self._t(
                    "party_outside",
                    issue=issue.name.get(self.lang),
                    chosen=chosen,
                    acceptable=self._label(issue, acceptable),
                )
                lines.append(text)
            if a.unknown[party]:
                names = sep.join(self.course.issue(i).name.get(self.lang) for i in a.unknown[party])
                lines.append(self._t("party_unknown", issues=names))
            items = "".join(f"<li>{esc(line)}</li>" for line in lines) or f"<li>{esc(self._t('party_ok'))}</li>"
            cards.append(f'<li data-party="{esc(party)}"><b>{esc(self._name(party))}</b><ul>{items}</ul></li>')
        return f'<div style="{PROSE}"><p>{esc(head)}</p><ul>{"".join(cards)}</ul></div>'

    def _zones_html(self) -> str:
        a, sep = self.assessment, ui(st.TEXT, "sep", self.lang)
        items = []
        for issue in self.issue_list:
            options = a.zones[issue.id]
            if options:
                line = self._t("zone", issue=issue.name.get(self.lang), options=_quoted(issue, options, self.lang))
            else:
                line = self._t("no_zone", issue=issue.name.get(self.lang))
            missing = [p for p in a.parties if _acceptable(self.course, p, issue.id, a.as_of) is None]
            if missing:
                line += self._t("zone_unknown", parties=sep.join(self._name(p) for p in missing))
            items.append(f'<li data-issue="{esc(issue.id)}">{esc(line)}</li>')
        return f'<div style="{PROSE}"><p><b>{esc(self._t("zones_title"))}</b></p><ul>{"".join(items)}</ul></div>'

    def _basis_html(self) -> str:
        parts = [f"<p><b>{esc(self._t('basis_title'))}</b></p>"]
        for issue in self.issue_list:
            rows = []
            for party in self.party_ids:
                stance = self.course.stance(party, issue.id, self.as_of)
                if stance is None or not stance.acceptable:
                    rows.append(f"<li>{self._named(party)}{esc(self._t('no_estimate'))}</li>")
                    continue
                basis = stance.acceptable_basis.get(self.lang) if stance.acceptable_basis else ""
                line = self._t("basis_line", options=self._label(issue, stance.acceptable), basis=basis)
                rows.append(
                    f"<li>{self._named(party)}{esc(line)}{sources_html(self.course, stance.sources, self.lang)}</li>"
                )
            parts.append(f"<p><i>{esc(issue.name.get(self.lang))}</i></p><ul>{''.join(rows)}</ul>")
        return f'<div style="{PROSE}">{"".join(parts)}</div>'

    def static_text(self) -> str:
        a = self.assessment
        sep = ui(st.TEXT, "sep", self.lang)
        picked = sep.join(
            self._t("choice", issue=i.name.get(self.lang), option=st.option_label(i, a.choices[i.id], self.lang))
            for i in self.issue_list
            if i.id in a.choices
        )
        lines = [f"{self._t('title')}", self._t("disclaimer", date=format_date(a.as_of, self.lang))]
        if picked:
            lines.append(self._t("choices", choices=picked))
        if self._map_alt():
            lines.append(self._map_alt())
        lines.append(self._t("zones_title"))
        for issue in self.issue_list:
            options = a.zones[issue.id]
            name = issue.name.get(self.lang)
            lines.append(
                self._t("zone", issue=name, options=_quoted(issue, options, self.lang))
                if options
                else self._t("no_zone", issue=name)
            )
        return "\n".join(lines)

    def _map_alt(self) -> str:
        if not self.map.outputs:
            return ""
        return self.map.outputs[0]["data"]["text/plain"]

    def static_html(self) -> str:
        alt = f'<p style="{PROSE}">{esc(self._map_alt())}</p>' if self._map_alt() else ""
        body = f"{self.disclaimer.value}{self.results.value}{alt}{self.zones.value}{self.basis.value}"
        return f'<div lang="{self.lang}"><h3>{esc(self._t("title"))}</h3>{body}</div>'
