"""The grading report: one self-contained HTML file a teacher opens offline, without JavaScript.

Class summary with a small inline SVG histogram (no plotly, no CDN), item statistics
with flags, the class's most common wrong answers shown as the texts students chose,
and every file that was not graded with its reason. Names, ids, text answers and file
names come from students, and content strings from authors: every one passes through
``esc`` (the tests put ``<script>`` in both). Flags are words, not just colours.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from lessonkit.course.loader import display_path
from lessonkit.quizzes.html import number
from lessonkit.teacher.grading.item_analysis import (
    EASY,
    HARD,
    LOW_DISCRIMINATION,
    ItemStats,
    QuizStats,
    describe_answer,
)
from lessonkit.teacher.grading.report_text import UI
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import ui

if TYPE_CHECKING:
    from lessonkit.teacher.grading.gradebook import Submission
    from lessonkit.teacher.grading.run import GradeRun

__all__ = ["histogram_svg", "report_html", "write_report"]

SMALL_CLASS = 20

CSS = """
body { font-family: system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
h1, h2, h3 { line-height: 1.25; }
section { margin: 2rem 0; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.flagged { background: #fff4d6; }
.ids, .meta { color: #555; font-size: 0.9em; }
code { font-size: 0.9em; word-break: break-all; }
figure { margin: 0.5rem 0; }
svg text { font: 11px system-ui, sans-serif; fill: #1a1a1a; }
"""


def _t(key: str, lang: str, **values: object) -> str:
    """An interface string with its values escaped (they may be students' names)."""
    return ui(UI, key, lang, **{k: esc(v) for k, v in values.items()})


def _fixed(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _bins(totals: tuple[float, ...], maximum: int) -> list[tuple[str, int]]:
    """One bar per possible score up to 20 points; beyond that, ten bars of 10 %."""
    if maximum <= 20:
        counts = [0] * (maximum + 1)
        for total in totals:
            counts[min(maximum, max(0, round(total)))] += 1
        return [(str(score), n) for score, n in enumerate(counts)]
    counts = [0] * 10
    for total in totals:
        counts[min(9, int(10 * total / maximum))] += 1
    return [(f"{10 * i}–{10 * i + 9 if i < 9 else 100}%", n) for i, n in enumerate(counts)]


def histogram_svg(totals: tuple[float, ...], maximum: int, lang: str, ident: str) -> str:
    """Bars of how many students got each total; counts are written on the bars, and in ``<title>``."""
    bins = _bins(totals, maximum)
    width, gap, height, top, bottom = 28, 6, 100, 16, 20
    tallest = max((n for _, n in bins), default=0) or 1
    alt = "; ".join(_t("bar_alt", lang, label=label, count=n) for label, n in bins)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{len(bins) * (width + gap) + gap}" '
        f'height="{top + height + bottom}" role="img" aria-labelledby="{ident}">',
        f'<title id="{ident}">{_t("distribution", lang)}: {alt}</title>',
    ]
    for i, (label, n) in enumerate(bins):
        x = gap + i * (width + gap)
        h = round(height * n / tallest)
        y = top + height - h
        parts.append(f'<rect x="{x}" y="{y}" width="{width}" height="{h}" fill="#4a7ab8"/>')
        parts.append(f'<text x="{x + width / 2}" y="{y - 3}" text-anchor="middle">{n}</text>')
        parts.append(f'<text x="{x + width / 2}" y="{top + height + 14}" text-anchor="middle">{esc(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _summary(stats: QuizStats, lang: str) -> str:
    percent = f"{100 * stats.mean / stats.maximum:.1f}"
    rows = [
        (_t("students", lang), str(stats.n)),
        (_t("mean", lang), _t("score_of", lang, score=f"{stats.mean:.2f}", maximum=stats.maximum, percent=percent)),
        (_t("median", lang), _t("score_of_short", lang, score=number(stats.median), maximum=stats.maximum)),
    ]
    body = "".join(f'<tr><th scope="row">{k}</th><td class="num">{v}</td></tr>' for k, v in rows)
    return f'<table class="summary">{body}</table>'


def _flag_text(item: ItemStats, lang: str) -> str:
    values = {"hard": f"{HARD:.2f}", "easy": f"{EASY:.2f}", "low": f"{LOW_DISCRIMINATION:.2f}"}
    return "; ".join(_t(f"flag_{flag}", lang, **values) for flag in item.flags)


def _items_table(stats: QuizStats, lang: str) -> str:
    head = "".join(
        f'<th scope="col">{_t(k, lang)}</th>'
        for k in ("col_n", "col_question", "col_type", "col_points", "col_correct", "col_p", "col_r", "col_flags")
    )
    rows = []
    for n, item in enumerate(stats.items, 1):
        q = item.question
        flagged = ' class="flagged"' if item.flags else ""
        mark = "⚠ " if item.flags else ""
        rows.append(
            f"<tr{flagged}><td class='num'>{n}</td>"
            f"<td>{esc(q.prompt.get(lang))} <span class='ids'>({esc(q.id)})</span></td>"
            f"<td>{_t('type_' + q.type, lang)}</td><td class='num'>{q.points}</td>"
            f"<td class='num'>{item.correct}/{item.n}</td><td class='num'>{_fixed(item.difficulty)}</td>"
            f"<td class='num'>{_fixed(item.discrimination)}</td><td>{mark}{_flag_text(item, lang)}</td></tr>"
        )
    return f'<table class="items"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _students(n: int, lang: str) -> str:
    return _t("one_student" if n == 1 else "n_students", lang, n=n)


def _wrong_answers(stats: QuizStats, lang: str) -> str:
    blocks = []
    for n, item in enumerate(stats.items, 1):
        q = item.question
        lines = [
            f"<li>{esc(describe_answer(q, w.answer, lang))} — {_students(w.count, lang)}</li>"
            for w in item.common_wrong
        ]
        if not item.common_wrong:
            lines.append(f"<li>{_t('no_wrong', lang)}</li>")
        extra = []
        if item.unanswered:
            extra.append(_t("unanswered", lang, n=item.unanswered))
        if item.invalid:
            extra.append(_t("invalid_n", lang, n=item.invalid))
        if extra:
            lines.append(f'<li class="meta">{"; ".join(extra)}</li>')
        blocks.append(f"<dt>{n}. {esc(q.prompt.get(lang))}</dt><dd><ul>{''.join(lines)}</ul></dd>")
    return f"<dl>{''.join(blocks)}</dl>"


def _who(name: str, sid: str, lang: str) -> str:
    name = name.strip() or ui(UI, "no_name", lang)
    return esc(f"{name} ({sid.strip()})" if sid.strip() else name)


def _warnings(submissions: list[Submission], lang: str) -> str:
    lines = []
    for s in submissions:
        who = _who(s.responses.student.name, s.responses.student.id, lang)
        found = [
            _t("warn_invalid", lang, question=r.question_id, problem=r.problem)
            for r in s.results
            if r.status == "invalid"
        ]
        if s.unknown:
            found.append(_t("warn_unknown", lang, ids=", ".join(s.unknown)))
        file = f"<code>{esc(display_path(s.path))}</code>"
        lines += [f"<li>{ui(UI, 'warning_line', lang, file=file, who=who, warning=w)}</li>" for w in found]
    if not lines:
        return ""
    return f"<h3>{_t('warnings', lang)}</h3><ul>{''.join(lines)}</ul>"


def _quiz_section(stats: QuizStats, run: GradeRun, index: int) -> str:
    lang = run.lang
    title = f"{stats.lesson.title.get(lang)} — {stats.quiz.title.get(lang)}"
    mine = [s for s in run.submissions if s.quiz is stats.quiz and s.lesson is stats.lesson]
    caution = f'<p class="meta">{_t("caution_small", lang, n=SMALL_CLASS)}</p>' if stats.n < SMALL_CLASS else ""
    return (
        f"<section class='quiz'><h2>{esc(title)}</h2>"
        f"<p class='ids'>{esc(stats.lesson.id)} / {esc(stats.quiz.id)}</p>"
        f"{_summary(stats, lang)}"
        f"<figure>{histogram_svg(stats.totals, stats.maximum, lang, f'hist-{index}')}"
        f"<figcaption>{_t('distribution', lang)}</figcaption></figure>"
        f"<h3>{_t('questions', lang)}</h3>{caution}{_items_table(stats, lang)}"
        f"<h3>{_t('wrong_answers', lang)}</h3>{_wrong_answers(stats, lang)}"
        f"{_warnings(mine, lang)}</section>"
    )


def _clashes(run: GradeRun) -> str:
    if not run.clashes:
        return ""
    lang, items = run.lang, []
    for clash in run.clashes:
        files = "".join(
            f"<li><code>{esc(display_path(path))}</code> {_who(name, sid, lang)}</li>"
            for path, name, sid in clash.files
        )
        items.append(f"<li>{_t('clash_' + clash.kind, lang, value=clash.value)}<ul>{files}</ul></li>")
    return (
        f"<section><h2>{_t('clashes', lang)}</h2><p>{_t('clashes_note', lang)}</p><ul>{''.join(items)}</ul></section>"
    )


def _rejected(run: GradeRun) -> str:
    lang = run.lang
    if not run.rejected:
        return f"<section><h2>{_t('rejected', lang)}</h2><p>{_t('none', lang)}</p></section>"
    head = "".join(f'<th scope="col">{_t(k, lang)}</th>' for k in ("col_file", "col_reason", "col_detail"))
    rows = "".join(
        f"<tr><td><code>{esc(display_path(r.path))}</code></td><td>{_t('reason_' + r.kind, lang)}</td>"
        f"<td>{esc(r.detail)}</td></tr>"
        for r in run.rejected
    )
    return (
        f"<section><h2>{_t('rejected', lang)} ({len(run.rejected)})</h2>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _notes(run: GradeRun) -> str:
    lang = run.lang
    lines = [f"<li>{_t('empty_folder', lang, path=display_path(p))}</li>" for p in run.empty_folders]
    if run.ignored:
        shown = "".join(f"<li><code>{esc(display_path(p))}</code></li>" for p in run.ignored)
        lines.append(
            f"<li><details><summary>{_t('ignored', lang, n=len(run.ignored))}</summary><ul>{shown}</ul></details></li>"
        )
    return f"<section><h2>{_t('notes', lang)}</h2><ul>{''.join(lines)}</ul></section>" if lines else ""


def report_html(run: GradeRun) -> str:
    """The whole report as one HTML document, in ``run.lang``."""
    lang = run.lang
    course = run.course.info
    counts = _t("counts", lang, found=run.found, graded=len(run.submissions), rejected=len(run.rejected))
    quizzes = "".join(_quiz_section(stats, run, i) for i, stats in enumerate(run.quizzes, 1))
    if not run.quizzes:
        quizzes = f"<p>{_t('nothing_graded', lang)}</p>"
    method = _t("method_text", lang, hard=f"{HARD:.2f}", easy=f"{EASY:.2f}", low=f"{LOW_DISCRIMINATION:.2f}")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_t('title', lang)}: {esc(course.title.get(lang))}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_t('title', lang)}</h1><p>{esc(course.title.get(lang))} "
        f"<span class='ids'>({esc(course.id)})</span></p><p>{counts}</p></header>"
        f"{quizzes}{_clashes(run)}{_rejected(run)}{_notes(run)}"
        f"<section><h2>{_t('method', lang)}</h2><p>{method}</p></section></body></html>\n"
    )


def write_report(path: str | os.PathLike[str], run: GradeRun) -> Path:
    path = Path(path)
    path.write_text(report_html(run), encoding="utf-8")
    return path
