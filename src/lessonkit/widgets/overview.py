"""The course at a glance: title, as-of date and a map of the lessons, for a start page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lessonkit.course.model import Course
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import format_date, ui
from lessonkit.text.words import table

_UI = table("overview")


@dataclass(frozen=True)
class CourseOverview:
    """Static HTML with a plain-text twin, so it reads the same in any front end."""

    course: Course
    lang: str = "en"

    def _rows(self) -> list[tuple[str, str, str, str]]:
        return [
            (
                f"{lesson.number:02d}",
                lesson.title.get(self.lang),
                ui(_UI, "min", self.lang, n=lesson.minutes),
                lesson.summary.get(self.lang),
            )
            for lesson in self.course.lessons
        ]

    def as_of_note(self) -> str:
        return ui(_UI, "as_of", self.lang, date=format_date(self.course.as_of, self.lang))

    def to_html(self) -> str:
        info, lang = self.course.info, self.lang
        parts = [
            f"<h2>{esc(info.title.get(lang))}</h2>",
            f"<p>{esc(info.description.get(lang))}</p>",
            f'<p role="note"><strong>{esc(self.as_of_note())}</strong></p>',
        ]
        if not self.course.lessons:
            parts.append(f"<p>{esc(ui(_UI, 'no_lessons', lang))}</p>")
            return "\n".join(parts)
        # prose aligns left: JupyterLab and Voilà right-align table cells, which leaves Japanese ragged
        left = ' style="text-align:left;vertical-align:top"'
        nowrap = ' style="text-align:left;vertical-align:top;white-space:nowrap"'  # "100分" on one line
        head = "".join(f'<th scope="col"{left}>{esc(ui(_UI, k, lang))}</th>' for k in ("lesson", "minutes", "about"))
        body = "".join(
            f"<tr><td{left}>{esc(n)} {esc(title)}</td><td{nowrap}>{esc(minutes)}</td><td{left}>{esc(summary)}</td></tr>"
            for n, title, minutes, summary in self._rows()
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        return "\n".join(parts)

    def to_text(self) -> str:
        info, lang = self.course.info, self.lang
        lines = [info.title.get(lang), "", self.as_of_note(), ""]
        lines += [ui(_UI, "row", lang, n=n, title=t, minutes=m, summary=s) for n, t, m, s in self._rows()]
        if not self.course.lessons:
            lines.append(ui(_UI, "no_lessons", lang))
        return "\n".join(lines)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": self.to_text(), "text/html": self.to_html()}


def course_overview(course: Course, *, lang: str = "en") -> CourseOverview:
    return CourseOverview(course, lang)
