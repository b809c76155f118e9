"""The teacher's answer key for assigned lessons, as Markdown and as self-contained HTML."""

from __future__ import annotations

from typing import Any

from lessonkit.course.model import Course
from lessonkit.quizzes.types import behaviour
from lessonkit.text.htmltext import esc, link
from lessonkit.text.i18n import format_date, ui
from lessonkit.text.words import table

_UI = table("answer_key")


def _answer(q: Any, lang: str) -> list[str]:
    return behaviour(q).answer_text(q, lang)


# punctuation, so Japanese lines use full-width marks
_MARKS = table("locale")


def _links(course: Course, q: Any, lang: str) -> tuple[list[str], list[str]]:
    """Linked events and stances as labels, and the sources behind them."""
    labels, source_ids = [], []
    for event_id in q.links.events:
        e = course.event(event_id)
        labels.append(e.title.get(lang) + _MARKS[lang]["paren"].format(format_date(e.date, lang)))
        source_ids += e.sources
    for key in q.links.stances:
        party, issue = key.split(":")
        stance = course.stance(party, issue)
        labels.append(course.party(party).name.get(lang) + _MARKS[lang]["colon"] + course.issue(issue).name.get(lang))
        source_ids += stance.sources if stance else []
    return labels, list(dict.fromkeys(source_ids))


def answer_key(course: Course, lessons: list[str], *, lang: str, mode: str) -> tuple[str, str]:
    """(Markdown, HTML) answer keys for the quizzes of ``lessons``."""
    title = ui(_UI, "title", lang)
    note = ui(_UI, "as_of", lang, date=format_date(course.as_of, lang), mode=mode)
    m = _MARKS[lang]
    colon, sep = m["colon"], m["list_sep"]
    heading = course.info.title.get(lang) + colon + title
    md = [f"# {heading}", "", note, ""]
    html = [f"<h1>{esc(heading)}</h1>", f"<p>{esc(note)}</p>"]
    for lesson_id in lessons:
        lesson = course.lesson(lesson_id)
        for quiz in lesson.quizzes:
            head = f"{lesson.title.get(lang)} — {quiz.title.get(lang)}" + m["paren"].format(quiz.id)
            md += [f"## {head}", ""]
            html.append(f"<h2>{esc(head)}</h2><ol>")
            for q in quiz.questions:
                answers = _answer(q, lang)
                labels, sources = _links(course, q, lang)
                points = ui(_UI, "points", lang, n=q.points)
                md += [f"{quiz.questions.index(q) + 1}. **{q.prompt.get(lang)}**" + m["paren"].format(points)]
                md += [f"   - {ui(_UI, 'answer', lang)}{colon}" + sep.join(answers)]
                md += [f"   - {ui(_UI, 'explanation', lang)}{colon}{q.explanation.get(lang)}"]
                if labels:
                    md += [f"   - {ui(_UI, 'see', lang)}{colon}" + sep.join(labels)]
                for sid in sources:
                    s = course.source(sid)
                    cite = m["comma"].join([s.publisher, m["quote"].format(s.title), str(s.published), f"<{s.url}>"])
                    md += [f"   - {ui(_UI, 'sources', lang)}{colon}{cite}"]
                md.append("")
                items = "".join(f"<li>{esc(a)}</li>" for a in answers)
                src = "".join(
                    f"<li>{link(f'{course.source(sid).publisher}: {course.source(sid).title}', course.source(sid).url)}"
                    f" ({esc(course.source(sid).published)})</li>"
                    for sid in sources
                )
                html.append(
                    f"<li><p><strong>{esc(q.prompt.get(lang))}</strong>{esc(m['paren'].format(points))}</p>"
                    f"<p>{esc(ui(_UI, 'answer', lang) + colon.strip())}</p><ul>{items}</ul>"
                    f"<p>{esc(ui(_UI, 'explanation', lang) + colon)}{esc(q.explanation.get(lang))}</p>"
                    + (f"<p>{esc(ui(_UI, 'see', lang) + colon)}{esc(sep.join(labels))}</p>" if labels else "")
                    + (f"<p>{esc(ui(_UI, 'sources', lang) + colon.strip())}</p><ul>{src}</ul>" if sources else "")
                    + "</li>"
                )
            html.append("</ol>")
    page = "\n".join(html)
    doc = (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f"</head><body>\n{page}\n</body></html>\n"
    )
    return "\n".join(md), doc
