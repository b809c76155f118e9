"""What a lesson notebook shows around its interactives: plan, vocabulary, discussion, quiz.

Static renderers return objects with ``text/plain`` and ``text/html`` so a lesson reads
the same in JupyterLab, Voilà, nbviewer and an exported page; the text lives in
``lesson.yaml``, never in notebook cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from lessonkit.course.model import Course
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import check_lang, format_date, format_span, quoted, ui
from lessonkit.text.quotation import kind_label, person_label, publisher_name
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.quizzes.widget import Quiz

_UI = table("lesson")


# punctuation and joins, so Japanese lines use full-width marks
_MARKS = table("lesson_marks")


def _m(key: str, lang: str, **values: object) -> str:
    return ui(_MARKS, key, lang, **values)


@dataclass(frozen=True)
class Static:
    """A static block: HTML for notebooks, plain text for everything else."""

    html: str
    text: str

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": self.text, "text/html": self.html}

    def _repr_html_(self) -> str:
        return self.html


def lesson_intro(course: Course, lesson: str, *, lang: str = "en") -> Static:
    """Objectives, the timed plan, key vocabulary and the course's as-of date."""
    check_lang(lang)
    les = course.lesson(lesson)
    objectives = [o.get(lang) for o in les.objectives]
    plan = [(a.minutes, a.title.get(lang)) for a in les.activities]
    vocab = [(t.term.get(lang), t.definition.get(lang)) for t in les.vocabulary]
    as_of = ui(_UI, "as_of", lang, date=format_date(course.as_of, lang))
    html = [f"<h3>{esc(les.title.get(lang))}</h3>", f"<p><em>{esc(as_of)}</em></p>"]
    html.append(f"<p><strong>{esc(ui(_UI, 'objectives', lang))}</strong></p><ul>")
    html += [f"<li>{esc(o)}</li>" for o in objectives]
    html.append("</ul>")
    text = [les.title.get(lang), as_of, "", ui(_UI, "objectives", lang), *[f"- {o}" for o in objectives]]
    if plan:
        head = ui(_UI, "plan", lang, minutes=les.minutes)
        html.append(f"<p><strong>{esc(head)}</strong></p><ol>")
        html += [f"<li>{esc(_m('item', lang, a=ui(_UI, 'min', lang, n=m), b=t))}</li>" for m, t in plan]
        html.append("</ol>")
        text += [
            "",
            head,
            *[f"{i}. {_m('item', lang, a=ui(_UI, 'min', lang, n=m), b=t)}" for i, (m, t) in enumerate(plan, 1)],
        ]
    if vocab:
        html.append(f"<p><strong>{esc(ui(_UI, 'vocabulary', lang))}</strong></p><dl>")
        html += [f"<dt><strong>{esc(term)}</strong></dt><dd>{esc(d)}</dd>" for term, d in vocab]
        html.append("</dl>")
        text += ["", ui(_UI, "vocabulary", lang), *[f"- {_m('item', lang, a=term, b=d)}" for term, d in vocab]]
    return Static("\n".join(html), "\n".join(text))


def discussion(course: Course, lesson: str, *, lang: str = "en") -> Static:
    """The lesson's discussion questions, with a reminder to hear more than one side."""
    check_lang(lang)
    questions = [q.get(lang) for q in course.lesson(lesson).discussion]
    title, note = ui(_UI, "discussion", lang), ui(_UI, "discussion_note", lang)
    html = [f"<h3>{esc(title)}</h3>", f"<p>{esc(note)}</p>", "<ol>"]
    html += [f"<li>{esc(q)}</li>" for q in questions]
    html.append("</ol>")
    text = [title, note, *[f"{i}. {q}" for i, q in enumerate(questions, 1)]]
    return Static("\n".join(html), "\n".join(text))


def accounts(course: Course, event: str, *, parties: list[str] | None = None, lang: str = "en") -> Static:
    """What each side said about one event, grouped by the speaker's party, side by side."""
    from lessonkit.text.sources import sources_html

    check_lang(lang)
    ev = course.event(event)
    said = [s for s in course.statements if s.event == ev.id]
    by_party: dict[str, list] = {}
    for statement in said:
        by_party.setdefault(course.person(statement.speaker).party, []).append(statement)
    order = parties or [p.id for p in course.parties if p.id in by_party]
    title = _m(
        "titled", lang, title=ui(_UI, "accounts", lang), text=ev.title.get(lang), date=format_date(ev.date, lang)
    )
    html = [f"<h3>{esc(title)}</h3>"]
    text = [title]
    if not said:
        html.append(f"<p>{esc(ui(_UI, 'no_statements', lang))}</p>")
        text.append(ui(_UI, "no_statements", lang))
    columns = []
    for party_id in order:
        party = course.party(party_id)
        items, text_items = [], ["\n" + _m("party", lang, name=party.name.get(lang))]
        for s in by_party.get(party_id, []):
            person = course.person(s.speaker)
            kind = kind_label(course, s, lang)
            words = _quoted(s.text.get(lang), lang) if s.verbatim else s.text.get(lang)
            if s.context is not None:
                words = _m("said", lang, context=s.context.get(lang), words=words)
            label = person_label(person.name.get(lang), person.role_on(s.date).get(lang), lang)
            who = _m("who", lang, person=label, date=format_date(s.date, lang), kind=kind)
            items.append(
                f"<li><p>{esc(words)}</p><p><small>{esc(who)}</small></p>"
                f"<details><summary>{esc(ui(_UI, 'sources', lang))}</summary>"
                f"{sources_html(course, s.sources, lang)}</details></li>"
            )
            text_items.append(_m("line", lang, words=words, who=who))
        columns.append(
            f'<div style="flex:1 1 18em;min-width:16em;border:1px solid #bbb;padding:0.5em">'
            f"<h4>{esc(party.name.get(lang))}</h4><ul>{''.join(items)}</ul></div>"
        )
        text += text_items
    html.append(f'<div style="display:flex;flex-wrap:wrap;gap:0.75em">{"".join(columns)}</div>')
    return Static("\n".join(html), "\n".join(text))


def _quoted(text: str, lang: str) -> str:
    """Quotation marks around a verbatim statement, unless its text already carries them."""
    return quoted(text, lang)


def event_card(course: Course, event: str, *, lang: str = "en") -> Static:
    """One event in full: date, place and host, who took part, what was agreed, sources."""
    from lessonkit.text.sources import sources_html

    check_lang(lang)
    e = course.event(event)
    when = format_span(e.date, e.end_date, lang)
    facts = [(ui(_UI, "when", lang), when)]
    if e.place:
        facts.append((ui(_UI, "where", lang), e.place.get(lang)))
    if e.host:
        facts.append((ui(_UI, "host", lang), course.party(e.host).name.get(lang)))
    facts.append((ui(_UI, "actors", lang), _m("sep", lang).join(course.party(a).name.get(lang) for a in e.actors)))
    facts.append((ui(_UI, "certainty", lang), ui(_UI, f"certainty_{e.certainty.value}", lang)))
    people = [
        person_label(course.person(p).name.get(lang), course.person(p).role_on(e.date).get(lang), lang)
        for p in e.people
    ]
    outcomes = [o.get(lang) for o in e.outcomes]
    html = [f"<h3>{esc(e.title.get(lang))}</h3>", f"<p>{esc(e.summary.get(lang))}</p><dl>"]
    html += [f"<dt><strong>{esc(k)}</strong></dt><dd>{esc(v)}</dd>" for k, v in facts]
    html.append("</dl>")
    text = [e.title.get(lang), e.summary.get(lang), *[_m("item", lang, a=k, b=v) for k, v in facts]]
    for key, items in (("people", people), ("outcomes", outcomes)):
        if items:
            html.append(f"<p><strong>{esc(ui(_UI, key, lang))}</strong></p><ul>")
            html += [f"<li>{esc(i)}</li>" for i in items]
            html.append("</ul>")
            text += [ui(_UI, key, lang), *[f"- {i}" for i in items]]
    html.append(f"<p><strong>{esc(ui(_UI, 'sources', lang))}</strong></p>{sources_html(course, e.sources, lang)}")
    publishers = _m("list_sep", lang).join(publisher_name(course, s, lang) for s in e.sources)
    text.append(_m("item", lang, a=ui(_UI, "sources", lang), b=publishers))
    return Static("\n".join(html), "\n".join(text))


def quiz(
    course: Course,
    lesson: str,
    quiz_id: str | None = None,
    *,
    lang: str = "en",
    mode: Literal["practice", "exam"] | None = None,
    seed: int = 0,
) -> Quiz:
    """A lesson's quiz as a widget that knows its course and lesson, so answers save with both.

    In a student copy written by ``lessonkit assign`` the lesson has no quizzes.yaml; the
    quiz then comes from its student file, with a hashed answer key (practice) or none (exam).
    """
    from lessonkit.quizzes.student_file import load_student_quiz, student_quiz_path
    from lessonkit.quizzes.widget import Quiz

    les = course.lesson(lesson)
    if les.quizzes:
        return Quiz(les.quiz(quiz_id), lang=lang, mode=mode, seed=seed, course=course, lesson_id=les.id)
    folder = course.root / les.id
    path = (
        student_quiz_path(folder, quiz_id) if quiz_id else next(iter(sorted(folder.glob("quiz-*.student.json"))), None)
    )
    if path is None or not path.is_file():
        raise KeyError(f"lesson {les.id!r} has no quiz {quiz_id!r}")
    model, key, data = load_student_quiz(path, lang)
    return Quiz(model, lang=lang, mode=data["mode"], seed=seed, course=course, lesson_id=les.id, answer_key=key)
