"""Sources as a list of safe links, in the student's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lessonkit.text.htmltext import esc, link
from lessonkit.text.i18n import format_date, ui
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.course.model import Course

TEXT = table("sources")


def sources_html(course: Course, source_ids: Iterable[str], lang: str) -> str:
    """Sources as a list of safe links: publisher, title and publication date."""
    items = []
    for sid in source_ids:
        s = course.source(sid)
        label = link(ui(TEXT, "source", lang, publisher=s.publisher, title=s.title), s.url)
        items.append(f"<li>{label}{esc(ui(TEXT, 'published', lang, date=format_date(s.published, lang)))}</li>")
    return f"<ul>{''.join(items)}</ul>"
