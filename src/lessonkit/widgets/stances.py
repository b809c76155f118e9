"""Parties' positions side by side, issue by issue, one card per party with the same fields.

The same card structure for every party is the fairness rule: no side gets a quote slot
or a sources line the other lacks, and a missing position is written out, not skipped.
The cards are plain escaped HTML kept in ``HTML.value``, so tests and exports read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, MutableMapping
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from lessonkit.course.selection import DateLike, check_ids, party_ids, select_issues
from lessonkit.figures import stance_text as st
from lessonkit.style.controls import DESCRIPTION_STYLE, PROSE, StaticFallback
from lessonkit.style.shared import make, shared_layout
from lessonkit.style.sheet import dressed
from lessonkit.text.htmltext import esc, link
from lessonkit.text.i18n import check_lang, format_date, ui
from lessonkit.text.sources import sources_html
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.content import Issue, Party, Stance
    from lessonkit.course.model import Course

TEXT = table("stance_cards")

CARD_STYLE = "flex:1 1 16em;max-width:28em;border:1px solid #999;border-radius:4px;padding:0.5em 0.8em"


def _t(key: str, lang: str, **values: object) -> str:
    return ui(TEXT, key, lang, **values)


def _field(key: str, lang: str) -> str:
    return f"<b>{esc(_t('field', lang, name=_t(key, lang)))}</b>{_t('gap', lang)}"


def stance_card(course: Course, party: Party, issue: Issue, as_of: dt.date, lang: str) -> str:
    """One party's card on one issue: the same fields, in the same order, for every party."""
    stance = course.stance(party.id, issue.id, as_of)
    label = esc(_t("card_label", lang, party=party.name.get(lang), issue=issue.name.get(lang)))
    rows = [f"<h4>{esc(party.name.get(lang))}</h4>"]
    rows.append(f"<p>{_field('position', lang)}{esc(st.position_text(issue, stance, lang))}</p>")
    basis = st.basis_text(stance, lang) if stance is not None else None
    rows.append(f"<p><i>{esc(basis)}</i></p>" if basis else "<p>—</p>")
    rows.append(f"<p>{esc(stance.summary.get(lang))}</p>" if stance is not None else "<p>—</p>")
    rows.append(f"<p>{_field('quote', lang)}{_quote_html(course, stance, lang)}</p>")
    rows.append(f"<p>{_field('acceptable', lang)}{_acceptable_html(issue, stance, lang)}</p>")
    earlier = st.history(course, party.id, issue.id, as_of)
    if len(earlier) > 1:
        steps = "".join(
            f"<li>{esc(_t('step', lang, date=format_date(s.as_of, lang), position=st.position_text(issue, s, lang)))}"
            "</li>"
            for s in earlier
        )
        rows.append(f"<p>{_field('changed', lang)}</p><ol>{steps}</ol>")
    if stance is not None:
        rows.append(f"<p>{_field('sources', lang)}</p>{sources_html(course, stance.sources, lang)}")
        rows.append(f"<p><small>{esc(ui(st.TEXT, 'as_of', lang, date=format_date(stance.as_of, lang)))}</small></p>")
    else:
        rows.append(f"<p>{_field('sources', lang)}—</p>")
        rows.append(f"<p><small>{esc(ui(st.TEXT, 'as_of', lang, date=format_date(as_of, lang)))}</small></p>")
    return f'<article aria-label="{label}" data-party="{esc(party.id)}" style="{CARD_STYLE}">{"".join(rows)}</article>'


def _quote_html(course: Course, stance: Stance | None, lang: str) -> str:
    if stance is None or stance.quote is None:
        return esc(_t("no_quote", lang))
    quote = stance.quote
    source = course.source(quote.source)
    # the template is ours and holds no markup; both values are escaped before they go in
    return _t(
        "quote_source", lang, quote=esc(st.quote_text(course, quote, lang)), source=link(source.publisher, source.url)
    )


def _acceptable_html(issue: Issue, stance: Stance | None, lang: str) -> str:
    if stance is None or not stance.acceptable:  # same fields as with an estimate: fairness
        return _t(
            "acceptable_line", lang, options=esc(_t("no_estimate", lang)), basis_label=_field("basis", lang), basis="—"
        )
    basis = stance.acceptable_basis.get(lang) if stance.acceptable_basis else ""
    options = esc(st.labels(issue, stance.acceptable, lang))
    return _t("acceptable_line", lang, options=options, basis_label=_field("basis", lang), basis=esc(basis))


def stance_cards_html(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    issues: Iterable[str] | None = None,
    as_of: DateLike | None = None,
    lang: str = "en",
    cache: MutableMapping[tuple, str] | None = None,
) -> str:
    """Every chosen issue with one card per chosen party, as one escaped HTML string.

    ``cache`` lets a widget keep cards between redraws (a card depends only on party,
    issue, the stances in force and language), so re-picking parties or moving the date
    costs a dictionary look-up per card.
    """
    check_lang(lang)
    date = st.cutoff(course, as_of)
    chosen = [course.party(p) for p in party_ids(course, parties)]
    cache = {} if cache is None else cache
    sections = []
    for issue in select_issues(course, issues):
        cards = ""
        for party in chosen:
            # a card depends on the stances in force on the date, not on the date itself (except
            # when none is, as its "as of" line shows the date): a date change rebuilds no card
            # whose stance is unchanged
            n = sum(x.as_of <= date for x in course.stance_history(party.id, issue.id))
            key = (party.id, issue.id, n, None if n else date, lang)
            if key not in cache:
                cache[key] = stance_card(course, party, issue, date, lang)
            cards += cache[key]
        sections.append(
            f"<section><h3>{esc(issue.name.get(lang))}</h3><p>{esc(issue.question.get(lang))}</p>"
            f'<div style="display:flex;flex-wrap:wrap;gap:0.6em">{cards}</div></section>'
        )
    return f'<div lang="{lang}" style="{PROSE}">{"".join(sections)}</div>'


class StanceComparison(StaticFallback, widgets.VBox):
    """Pick parties, issues and a date; read each party's position card by card."""

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
        self._cache: dict[tuple, str] = course.memo.setdefault("stance_cards", {})  # shared by every comparison
        chosen = party_ids(course, parties)
        issue_ids = check_ids(issues, [i.id for i in course.issues], "issue") or []
        date = st.cutoff(course, as_of)
        with_stances = {s.party for s in course.stances} | set(chosen)
        dates = sorted({s.as_of for s in course.stances if s.as_of <= course.as_of} | {course.as_of, date})
        self.parties = make(
            widgets.SelectMultiple,
            options=[(p.name.get(lang), p.id) for p in course.parties if p.id in with_stances],
            value=tuple(p.id for p in course.parties if p.id in chosen),
            rows=min(8, max(2, len(with_stances))),
            description=_t("parties", lang),
            style=DESCRIPTION_STYLE,
        )
        self.issues = make(
            widgets.SelectMultiple,
            options=[(i.name.get(lang), i.id) for i in course.issues],
            value=tuple(issue_ids),
            rows=min(8, max(2, len(course.issues))),
            description=_t("issues", lang),
            style=DESCRIPTION_STYLE,
        )
        self.as_of = make(
            widgets.Dropdown,
            options=[(format_date(d, lang), d) for d in dates],
            value=date,
            description=_t("as_of", lang),
            style=DESCRIPTION_STYLE,
        )
        self.cards = make(widgets.HTML)
        parts = [
            make(widgets.HBox, [self.parties, self.issues]),
            make(widgets.HTML, f"<small>{esc(_t('hint', lang))}</small>"),
            self.as_of,
            self.cards,
        ]
        super().__init__(**dressed(parts, "lk-stances"), layout=shared_layout())
        for control in (self.parties, self.issues, self.as_of):
            control.observe(self._refresh, names="value")
        self._refresh()

    @property
    def filters(self) -> dict[str, Any]:
        """The current choice, in :func:`stance_cards_html`'s vocabulary (none picked = all)."""
        return {
            "parties": list(self.parties.value) or [p for _, p in self.parties.options],
            "issues": list(self.issues.value) or None,
            "as_of": self.as_of.value,
        }

    def _refresh(self, change: object = None) -> None:
        self.cards.value = stance_cards_html(self.course, **self.filters, lang=self.lang, cache=self._cache)

    def static_text(self) -> str:
        f = self.filters
        sep = ui(st.TEXT, "sep", self.lang)
        issues = select_issues(self.course, f["issues"])
        names = sep.join(self.course.party(p).name.get(self.lang) for p in f["parties"])
        date = format_date(f["as_of"], self.lang)
        head = _t(
            "summary", self.lang, parties=names, issues=sep.join(i.name.get(self.lang) for i in issues), date=date
        )
        lines = st.stance_lines(self.course, f["parties"], issues, f["as_of"], self.lang)
        return "\n".join([_t("heading", self.lang, title=_t("title", self.lang), text=head), *lines])

    def static_html(self) -> str:
        return f"<h3>{esc(_t('title', self.lang))}</h3>{self.cards.value}"
