"""The debrief report: one self-contained HTML file, offline, without JavaScript.

The deals side by side (one column each, by round, class and group), each party's score and
the red lines each deal crosses, whether it lies in every acceptable range, a chart per issue
of the class's deals against the zone of agreement and the real positions, the real positions
as a table, every file that was not read with its reason, and discussion prompts. Group and
class names come from students and content from authors: all pass through ``esc``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lessonkit.course.loader import display_path
from lessonkit.figures.stance_text import option_label
from lessonkit.teacher.debrief.chart import issue_chart
from lessonkit.teacher.debrief.words import PROMPTS, TEXT
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import check_lang, format_date, mark, ui

if TYPE_CHECKING:
    from lessonkit.course.model import Course
    from lessonkit.teacher.debrief import DebriefRun, Scored

CSS = """
body { font-family: system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif;
       max-width: 75rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
section { margin: 2rem 0; }
.wide { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.bad { background: #fde8e0; }
.meta { color: #555; font-size: 0.9em; }
figure { margin: 1rem 0; }
svg text { font: 11px system-ui, sans-serif; fill: #1a1a1a; }
"""


def _t(key: str, lang: str, **values: object) -> str:
    return ui(TEXT, key, lang, **values)


def _round(name: str, lang: str) -> str:
    labels = dict(zip(("opening", "1", "2", "final"), _t("rounds", lang).split("|"), strict=True))
    return labels[name]


def _head(course: Course, s: Scored, lang: str) -> str:
    d = s.deal
    party = course.party(d.party).name.get(lang)
    head = esc(_t("deal_head", lang, group=d.group, party=party, round=_round(d.round, lang)))
    cls = f"<br><small>{esc(_t('class', lang, name=d.class_))}</small>" if d.class_ else ""
    return f'<th scope="col">{head}{cls}<br><small class="meta">{esc(s.path.name)}</small></th>'


def _deals_table(course: Course, run: DebriefRun, lang: str) -> str:
    if not run.scored:
        return ""
    rows = ["<tr><th>" + esc(_t("issue", lang)) + "</th>" + "".join(_head(course, s, lang) for s in run.scored)]
    for issue_id in run.play.scenario.issues:
        issue = course.issue(issue_id)
        cells = []
        for s in run.scored:
            option = s.result.deal.get(issue_id)
            label = option_label(issue, option, lang) if option else _t("open", lang)
            outside = [p for p in run.play.parties if issue_id in s.result.assessment.outside[p]]
            note = ""
            if outside:
                names = mark("list_sep", lang).join(course.party(p).short.get(lang) for p in outside)
                note = f"<br><small>{esc(_t('outside', lang, parties=names))}</small>"
            cells.append(f"<td{' class=bad' if outside else ''}>{esc(label)}{note}</td>")
        rows.append(f'<tr><th scope="row">{esc(issue.name.get(lang))}</th>{"".join(cells)}</tr>')
    for party in run.play.parties:
        name = course.party(party).name.get(lang)
        scores = "".join(f'<td class="num">{esc(_score(s.result.scores[party].rounded))}</td>' for s in run.scored)
        rows.append(f'<tr><th scope="row">{esc(_t("score_row", lang, party=name))}</th>{scores}</tr>')
    crossed = "".join(_crossed(course, s, lang) for s in run.scored)
    rows.append(f'<tr><th scope="row">{esc(_t("red_row", lang))}</th>{crossed}</tr>')
    yes, no = _t("yes", lang), _t("no", lang)
    in_range = "".join(f"<td>{esc(yes if s.result.in_every_range else no)}</td>" for s in run.scored)
    rows.append(f'<tr><th scope="row">{esc(_t("range_row", lang))}</th>{in_range}</tr>')
    return f'<div class="wide"><table>{"".join(rows)}</table></div>'


def _score(value: int | None) -> str:
    return "—" if value is None else str(value)


def _crossed(course: Course, s: Scored, lang: str) -> str:
    lines = []
    for party, score in s.result.scores.items():
        for line in score.crossed:
            how = _t("stated" if line.stated else "estimate", lang)
            issue = course.issue(line.issue).name.get(lang)
            lines.append(_t("crossed", lang, party=course.party(party).short.get(lang), issue=issue, how=how))
    if not lines:
        return f"<td>{esc(_t('none', lang))}</td>"
    return '<td class="bad">' + "<br>".join(esc(x) for x in lines) + "</td>"


def _real_table(course: Course, run: DebriefRun, lang: str) -> str:
    parties = run.play.parties
    head = "".join(f'<th scope="col">{esc(course.party(p).name.get(lang))}</th>' for p in parties)
    rows = [f"<tr><th>{esc(_t('issue', lang))}</th>{head}</tr>"]
    for issue_id in run.play.scenario.issues:
        issue = course.issue(issue_id)
        cells = []
        for p in parties:
            stance = course.stance(p, issue_id, run.play.scenario.date)
            position = stance.position if stance is not None else None
            cells.append(
                f"<td>{esc(option_label(issue, position, lang) if position else _t('no_position', lang))}</td>"
            )
        rows.append(f'<tr><th scope="row">{esc(issue.name.get(lang))}</th>{"".join(cells)}</tr>')
    return f'<div class="wide"><table>{"".join(rows)}</table></div>'


def report_html(course: Course, run: DebriefRun, lang: str = "en") -> str:
    """The whole report as one HTML document."""
    check_lang(lang)
    sc = run.play.scenario
    date = format_date(sc.date, lang)
    title = _t("title", lang, title=sc.title.get(lang))
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="meta">{esc(_t("meta", lang, date=date, scored=len(run.scored), rejected=len(run.rejected)))}</p>',
        f'<p class="meta">{esc(_t("model", lang))}</p>',
        f"<section><h2>{esc(_t('deals', lang))}</h2>{_deals_table(course, run, lang)}</section>",
        f"<section><h2>{esc(_t('chart', lang))}</h2><p>{esc(_t('chart_note', lang, date=date))}</p>",
    ]
    for issue_id in sc.issues:
        issue = course.issue(issue_id)
        out.append(
            f'<figure><figcaption><b>{esc(issue.name.get(lang))}</b></figcaption><div class="wide">'
            f"{issue_chart(course, run, issue, lang)}</div></figure>"
        )
    out.append("</section>")
    out.append(f"<section><h2>{esc(_t('real', lang, date=date))}</h2>{_real_table(course, run, lang)}</section>")
    out.append(f"<section><h2>{esc(_t('rejected', lang))}</h2>")
    if run.rejected:
        items = "".join(
            f"<li>{esc(_t('reason', lang, file=display_path(path), reason=reason))}</li>"
            for path, _, reason in run.rejected
        )
        out.append(f"<ul>{items}</ul>")
    else:
        out.append(f"<p>{esc(_t('rejected_none', lang))}</p>")
    out.append(f"</section><section><h2>{esc(_t('prompts', lang))}</h2><ol>")
    out += [f"<li>{esc(p)}</li>" for p in PROMPTS[lang]]
    out.append("</ol></section></body></html>\n")
    return "".join(out)
