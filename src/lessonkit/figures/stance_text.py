"""Words for stances, shared by the comparison cards, the matrix and the sandbox.

Pure Python, so the same wording reaches figures, widgets and text alternatives, and
"no public position" is spelled out the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lessonkit.course.selection import DateLike, as_date
from lessonkit.text.i18n import format_date, inner, ui, unquoted
from lessonkit.text.quotation import translation_note
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.content import Issue, Quote, Stance
    from lessonkit.course.model import Course

TEXT = table("stance_text")


def cutoff(course: Course, as_of: DateLike | None) -> dt.date:
    """The date stances are read at: ``as_of`` or the course's own as-of date."""
    return as_date(as_of, "as_of") or course.as_of


def option_label(issue: Issue, option_id: str, lang: str) -> str:
    for option in issue.options:
        if option.id == option_id:
            return option.label.get(lang)
    return option_id


def position_text(issue: Issue, stance: Stance | None, lang: str) -> str:
    """The demanded option's label, or an explicit "no public position" / "not recorded"."""
    if stance is None:
        return ui(TEXT, "not_recorded", lang)
    if stance.position is None:
        return ui(TEXT, "no_position", lang)
    return option_label(issue, stance.position, lang)


def basis_text(stance: Stance, lang: str) -> str | None:
    """Whether the party said it or we read it from its actions; None for "no public position"."""
    if stance.position is None:
        return None
    return ui(TEXT, "stated" if stance.stated else "estimate", lang)


def labels(issue: Issue, option_ids: list[str], lang: str) -> str:
    """Option labels in scale order, joined for reading."""
    ordered = [o.label.get(lang) for o in issue.options if o.id in option_ids]
    return ui(TEXT, "sep", lang).join(ordered)


def quote_text(course: Course, quote: Quote, lang: str) -> str:
    """The quotation with its speaker, the speaker's role on the day, the date, and, for words
    said in another language, the language and whose translation it is."""
    speaker = course.person(quote.speaker)
    note = translation_note(course, quote.translated_from, quote.translation_source, lang)
    text = quote.text.get(lang)
    text = unquoted(text, lang)
    return ui(
        TEXT,
        "quote_translated" if note else "quote",
        lang,
        text=text,
        speaker=speaker.name.get(lang),
        role=inner(speaker.role_on(quote.date).get(lang), lang),
        date=format_date(quote.date, lang),
        note=note,
    )


def history(course: Course, party: str, issue: str, as_of: dt.date) -> list[Stance]:
    """The party's recorded stances on the issue up to ``as_of``, oldest first."""
    return [s for s in course.stance_history(party, issue) if s.as_of <= as_of]


def stance_lines(course: Course, parties: list[str], issues: list[Issue], as_of: dt.date, lang: str) -> list[str]:
    """Plain text, one line per issue and per party on it: the text alternative of every stance view."""
    lines = []
    for issue in issues:
        lines.append(ui(TEXT, "issue_line", lang, issue=issue.name.get(lang), question=issue.question.get(lang)))
        for party in parties:
            stance = course.stance(party, issue.id, as_of)
            name = course.party(party).name.get(lang)
            line = ui(TEXT, "party_line", lang, party=name, position=position_text(issue, stance, lang))
            basis = basis_text(stance, lang) if stance is not None else None
            if basis:
                line += ui(TEXT, "basis_note", lang, basis=basis)
            line += ui(TEXT, "end", lang)
            if stance is not None:
                if stance.acceptable:
                    line += ui(TEXT, "could_accept", lang, options=labels(issue, stance.acceptable, lang))
                line += ui(TEXT, "dated", lang, date=format_date(stance.as_of, lang))
            lines.append(line)
    return lines
