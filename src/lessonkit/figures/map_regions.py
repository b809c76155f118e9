"""What a map says about each region: its status, what an option would do to it, and the words.

The figure (:mod:`lessonkit.figures.map`), its hover texts and the text tables
(:mod:`lessonkit.figures.map_table`) all read the same :class:`RegionRow`, so what the
picture shows and what the table says cannot part ways.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lessonkit.course.selection import DateLike, check_ids
from lessonkit.figures import stance_text as st
from lessonkit.style.plot import hover, ptext
from lessonkit.text.i18n import check_lang, format_date, sentences, ui
from lessonkit.text.words import table
from lessonkit.text.wrap import wrap

if TYPE_CHECKING:
    from lessonkit.content import Issue, Option, Region
    from lessonkit.course.model import Course

TEXT = table("map")


@dataclass(frozen=True)
class RegionRow:
    """One region in a map's view: the facts the figure, the hover and the table share."""

    region: Region
    status_id: str | None
    since: dt.date | None
    outcome: str | None  # whole / part / none, when an option is shown
    sources: tuple[str, ...]
    note: str | None


def issue_and_option(course: Course, issue: str, option: str | None) -> tuple[Issue | None, Option | None]:
    if option is None:
        return None, None
    check_ids([issue], [i.id for i in course.issues], "issue")
    found = course.issue(issue)
    check_ids([option], [o.id for o in found.options], f"option for issue {issue!r}:")
    return found, next(o for o in found.options if o.id == option)


def region_rows(course: Course, *, option: str | None = None, issue: str = "territory", as_of: DateLike | None = None,
                lang: str = "en") -> list[RegionRow]:  # fmt: skip
    """Every region with its status on ``as_of`` (default: the course's date) and, given an
    option, what that option would do to it."""
    check_lang(lang)
    date = st.cutoff(course, as_of)
    _, chosen = issue_and_option(course, issue, option)
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


def holder(course: Course, issue: Issue | None, lang: str) -> str:
    """The name of the party an issue's options give regions to ("" without one)."""
    if issue is None or issue.holder is None:
        return ""
    return course.party(issue.holder).name.get(lang)


def default_holder(course: Course, lang: str) -> str:
    """The holder named by the first issue that names one: who "holds" a share of a region."""
    for issue in course.issues:
        if issue.holder is not None:
            return course.party(issue.holder).name.get(lang)
    return ""


def status_name(course: Course, status_id: str | None, lang: str) -> str:
    return course.region_status(status_id).name.get(lang) if status_id else ui(TEXT, "no_status", lang)


def share_text(course: Course, row: RegionRow, holder: str, date: dt.date, lang: str) -> str | None:
    """How much of the region is held, as of when, when that is known by ``date``."""
    share = row.region.occupied_share
    if share is None or share.as_of > date or row.status_id is None:
        return None
    key = "share" if holder else "share_plain"
    return ui(TEXT, key, lang, holder=holder, share=share.text.get(lang), date=format_date(share.as_of, lang))


def publishers(course: Course, source_ids: Iterable[str], lang: str) -> str:
    return ui(TEXT, "sep", lang).join(dict.fromkeys(course.source(s).publisher for s in source_ids))


def hover_text(course: Course, row: RegionRow, option: Option | None, holder: str, date: dt.date, lang: str) -> str:
    """A region's hover: name, what the option does to it, status and since when, share, note, sources."""
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
            status=status_name(course, row.status_id, lang),
            date=format_date(row.since, lang) if row.since else ui(TEXT, "dash", lang),
        )
        lines.append(ptext(status))
    share = share_text(course, row, holder or default_holder(course, lang), date, lang)
    if share:
        lines += [ptext(line) for line in wrap(share)]
    if row.note:
        lines += [ptext(line) for line in wrap(row.note)]
    held = row.region.occupied_share
    share_sources = held.sources if share and held else []
    if row.sources or share_sources:
        names = publishers(course, [*row.sources, *share_sources], lang)
        lines += [ptext(line) for line in wrap(ui(TEXT, "sources", lang, publishers=names))]
    return hover(lines)


def caption(course: Course, lang: str) -> str:
    """What the map shows and does not, and the boundary files' attribution."""
    return sentences([ui(TEXT, "caption", lang), *(a[lang] for a in course.boundaries.attribution)], lang)


def check_mappable(course: Course) -> None:
    if not course.regions:
        raise ValueError("this course has no regions (data/*.yaml: regions) to map")


def alt_text(
    course: Course, rows: list[RegionRow], chosen: Option | None, holder: str, date: dt.date, lang: str
) -> str:
    """The short text alternative kept in a map's ``layout.meta.description``."""
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
