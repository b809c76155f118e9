"""The maps' text alternatives: a Markdown table of regions, and each party's demand in words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lessonkit.course.selection import DateLike, check_ids, party_ids
from lessonkit.figures import stance_text as st
from lessonkit.figures.map_regions import (
    TEXT,
    check_mappable,
    default_holder,
    holder,
    issue_and_option,
    publishers,
    region_rows,
    share_text,
    status_name,
)
from lessonkit.text.i18n import check_lang, format_date, ui

if TYPE_CHECKING:
    from lessonkit.course.model import Course


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
    """The text alternative to :func:`~lessonkit.figures.map.territory_map`: a Markdown table,
    one row per region."""
    check_lang(lang)
    check_mappable(course)
    date = st.cutoff(course, as_of)
    the_issue, chosen = issue_and_option(course, issue, option)
    who = holder(course, the_issue, lang)
    rows = region_rows(course, option=option, issue=issue, as_of=date, lang=lang)
    dash = ui(TEXT, "dash", lang)
    if chosen is None:
        lines = [ui(TEXT, "table_title", lang, date=format_date(date, lang)), "", ui(TEXT, "table_header", lang)]
    else:
        assert the_issue is not None  # an option is always of an issue
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
        share = share_text(course, row, who or default_holder(course, lang), date, lang)
        held = row.region.occupied_share
        sources = [*row.sources, *(held.sources if share and held else [])]
        cells = [
            row.region.name.get(lang),
            status_name(course, row.status_id, lang),
            format_date(row.since, lang) if row.since else dash,
            share or dash,
            publishers(course, sources, lang) or dash,
        ]
        if chosen is not None:
            cells.insert(1, ui(TEXT, row.outcome or "none", lang, holder=who))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def demand_maps_text(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    issue: str = "territory",
    as_of: DateLike | None = None,
    lang: str = "en",
) -> str:
    """The text alternative to :func:`~lessonkit.figures.map.demand_maps`: per party, its demand
    and the regions it would leave wholly or in part under the holder's control."""
    check_lang(lang)
    check_ids([issue], [i.id for i in course.issues], "issue")
    the_issue = course.issue(issue)
    date = st.cutoff(course, as_of)
    who = holder(course, the_issue, lang)
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
            lines.append(ui(TEXT, f"list_{key}", lang, holder=who, names=names or ui(TEXT, "dash", lang)))
    return "\n".join(lines)
