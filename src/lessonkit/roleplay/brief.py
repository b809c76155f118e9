"""One role's private brief as HTML and as plain text, from the role-play and the course.

Only the named role is read from the role-play: the other roles' priorities, red lines,
gains and risks never reach the output, whatever the role-play holds. The party's position
on each issue comes from the stances in force on the scenario's date (never from the brief),
quotations are shown as the course shows statements (speaker with the role held that day,
date, quotation or paraphrase, sources), and every estimate says it is one. Every content
string passes through ``esc``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lessonkit.figures.stance_text import option_label
from lessonkit.roleplay.words import TEXT
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import format_date, mark, quoted, ui
from lessonkit.text.quotation import kind_label, person_label
from lessonkit.text.sources import sources_html
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.content.roleplay import Role, RolePlay
    from lessonkit.course.model import Course

MARKS = table("lesson_marks")
PROSE = "line-height:1.45"


def t(key: str, lang: str, **values: object) -> str:
    return ui(TEXT, key, lang, **values)


def option_list(course: Course, issue: str, options: list[str], lang: str) -> str:
    """Option labels in quotation marks, in scale order: “A”, “B” / 「A」「B」."""
    item = course.issue(issue)
    return mark("option_sep", lang).join(
        mark("quote", lang).format(o.label.get(lang)) for o in item.options if o.id in options
    )


def role_heading(course: Course, role: Role, lang: str) -> str:
    name = course.party(role.party).name.get(lang)
    return t("mediator" if role.kind == "mediator" else "delegation", lang, party=name)


def _positions(course: Course, play: RolePlay, role: Role, lang: str) -> list[tuple[str, str, str]]:
    """(issue name, position label, stance summary) per issue on the table."""
    rows = []
    for issue_id in play.scenario.issues:
        issue = course.issue(issue_id)
        stance = course.stance(role.party, issue_id, play.scenario.date)
        position = stance.position if stance is not None else None
        label = option_label(issue, position, lang) if position else t("no_position", lang)
        rows.append((issue.name.get(lang), label, stance.summary.get(lang) if stance else ""))
    return rows


def _quotes(course: Course, role: Role, lang: str) -> list[tuple[str, str, list[str]]]:
    """(words, who/when/kind, sources) per quotation, as the lesson pages show statements."""
    by_id = {s.id: s for s in course.statements}
    rows = []
    for quote in role.quotes:
        s = by_id.get(quote)
        if s is None:
            continue
        words = quoted(s.text.get(lang), lang) if s.verbatim else s.text.get(lang)
        if s.context is not None:
            words = ui(MARKS, "said", lang, context=s.context.get(lang), words=words)
        person = course.person(s.speaker)
        label = person_label(person.name.get(lang), person.role_on(s.date).get(lang), lang)
        who = ui(MARKS, "who", lang, person=label, date=format_date(s.date, lang), kind=kind_label(course, s, lang))
        rows.append((words, who, list(s.sources)))
    return rows


def _red_lines(course: Course, role: Role, lang: str) -> list[tuple[str, str, list[str]]]:
    """(the line, basis, sources) per red line."""
    rows = []
    for line in role.red_lines:
        how = t("stated" if line.stated else "estimate", lang)
        text = t(
            "red_line",
            lang,
            issue=course.issue(line.issue).name.get(lang),
            options=option_list(course, line.issue, line.options, lang),
        )
        rows.append((text + mark("paren", lang).format(how), line.basis.get(lang), list(line.sources)))
    return rows


def _weights(play: RolePlay, role: Role, course: Course, lang: str) -> list[str]:
    return [
        t(
            "weight",
            lang,
            issue=course.issue(i).name.get(lang),
            weight=role.priorities[i],
            word=t(f"weight_{role.priorities[i]}", lang),
        )
        for i in play.scenario.issues
    ]


def _sources(course: Course, sources: list[str], lang: str) -> str:
    return f"<details><summary>{esc(t('sources', lang))}</summary>{sources_html(course, sources, lang)}</details>"


def brief_html(course: Course, play: RolePlay, party: str, lang: str) -> str:
    role = play.role(party)
    sc = play.scenario
    date = format_date(sc.date, lang)
    out = [
        f"<h3>{esc(sc.title.get(lang))}</h3>",
        f"<p><b>{esc(role_heading(course, role, lang))}</b></p>",
        f'<p style="border-left:4px solid #D55E00;padding-left:0.5em"><i>{esc(t("private", lang))}</i></p>',
        f"<h4>{esc(t('setting', lang))}</h4><p>{esc(sc.setting.get(lang))}</p>",
        f"<h4>{esc(t('positions', lang, date=date))}</h4><ul>",
    ]
    for name, label, summary in _positions(course, play, role, lang):
        out.append(
            f"<li><b>{esc(name)}</b>{esc(mark('colon', lang))}{esc(label)}<br><small>{esc(summary)}</small></li>"
        )
    out.append(f"</ul><h4>{esc(t('priorities', lang))}</h4><ul>")
    out += [f"<li>{esc(w)}</li>" for w in _weights(play, role, course, lang)]
    out.append(f"</ul><p><small>{esc(t('basis', lang, basis=role.priorities_basis.get(lang)))}</small></p>")
    out.append(f"<h4>{esc(t('red_lines', lang))}</h4>")
    lines = _red_lines(course, role, lang)
    if not lines:
        out.append(f"<p>{esc(t('no_red_lines', lang))}</p>")
    for text, basis, sources in lines:
        out.append(
            f"<p><b>{esc(text)}</b><br><small>{esc(t('basis', lang, basis=basis))}</small></p>"
            f"{sources_html(course, sources, lang)}"
        )
    out.append(f"<h4>{esc(t('gains', lang))}</h4><p>{esc(role.gains.get(lang))}</p>")
    out.append(f"<h4>{esc(t('risks', lang))}</h4><p>{esc(role.risks.get(lang))}</p>")
    quotes = _quotes(course, role, lang)
    if quotes:
        out.append(f"<h4>{esc(t('quotes', lang))}</h4><ul>")
        for words, who, sources in quotes:
            out.append(f"<li><p>{esc(words)}</p><p><small>{esc(who)}</small></p>{_sources(course, sources, lang)}</li>")
        out.append("</ul>")
    out.append(_sources(course, role.sources, lang))
    return f'<div lang="{lang}" style="{PROSE}" data-party="{esc(party)}">{"".join(out)}</div>'


def brief_text(course: Course, play: RolePlay, party: str, lang: str) -> str:
    role = play.role(party)
    sc = play.scenario
    item = lambda a, b: ui(MARKS, "item", lang, a=a, b=b)  # noqa: E731
    lines = [sc.title.get(lang), role_heading(course, role, lang), t("private", lang), "", sc.setting.get(lang), ""]
    lines.append(t("positions", lang, date=format_date(sc.date, lang)))
    lines += [f"- {item(name, label)}" for name, label, _ in _positions(course, play, role, lang)]
    lines += ["", t("priorities", lang), *[f"- {w}" for w in _weights(play, role, course, lang)]]
    lines.append(t("basis", lang, basis=role.priorities_basis.get(lang)))
    lines += ["", t("red_lines", lang)]
    red = _red_lines(course, role, lang)
    end = t("end", lang)
    lines += [f"- {text}{end}{t('basis', lang, basis=basis)}" for text, basis, _ in red] or [t("no_red_lines", lang)]
    lines += ["", item(t("gains", lang), role.gains.get(lang)), item(t("risks", lang), role.risks.get(lang))]
    quotes = _quotes(course, role, lang)
    if quotes:
        lines += ["", t("quotes", lang), *[ui(MARKS, "line", lang, words=w, who=who) for w, who, _ in quotes]]
    return "\n".join(lines)
