"""The debrief's chart: per issue, the class's deals against the zone of agreement, as inline SVG.

One small SVG per issue, drawn from plain numbers (no plotly, no script, nothing from the
network), so the report opens offline in any browser and prints. Colour is never the only
signal: zone options are shaded *and* labelled, counts are written as numbers, positions as
the parties' short names, and each chart carries a text alternative (``aria-label``).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from lessonkit.teacher.debrief.words import TEXT
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import mark, ui

if TYPE_CHECKING:
    from lessonkit.content import Issue
    from lessonkit.course.model import Course
    from lessonkit.teacher.debrief import DebriefRun

COL, GAP, BARS, TOP = 130, 8, 70, 18


def _counts(run: DebriefRun, issue: str) -> tuple[dict[str, int], dict[str, int]]:
    """How many deals (all rounds, and final ones) chose each option of the issue."""
    every: dict[str, int] = {}
    final: dict[str, int] = {}
    for s in run.scored:
        option = s.result.deal.get(issue)
        if option is None:
            continue
        every[option] = every.get(option, 0) + 1
        if s.deal.round == "final":
            final[option] = final.get(option, 0) + 1
    return every, final


def _label_lines(text: str, lang: str) -> list[str]:
    width = 18 if lang == "en" else 9
    lines = textwrap.wrap(text, width) if lang == "en" else [text[i : i + width] for i in range(0, len(text), width)]
    return lines[:3] if len(lines) <= 3 else [*lines[:2], lines[2][: width - 1] + "…"]


def issue_chart(course: Course, run: DebriefRun, issue: Issue, lang: str) -> str:
    """One issue's SVG with its text alternative."""
    zone = _zone(course, run, issue)
    every, final = _counts(run, issue.id)
    most = max(every.values(), default=0) or 1
    date = run.play.scenario.date
    positions: dict[str, list[str]] = {}
    for party in run.play.parties:
        stance = course.stance(party, issue.id, date)
        if stance is not None and stance.position:
            positions.setdefault(stance.position, []).append(course.party(party).short.get(lang))
    width = len(issue.options) * (COL + GAP)
    height = TOP + BARS + 20 + 18 + 3 * 14 + 18
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
    ]
    parts.append(f' role="img" aria-label="{esc(_alt(issue, every, zone, positions, lang))}">')
    for i, option in enumerate(issue.options):
        x = i * (COL + GAP)
        if option.id in zone:
            parts.append(f'<rect x="{x}" y="0" width="{COL}" height="{height}" fill="#dff0e3"/>')
            parts.append(f'<text x="{x + 4}" y="12">✓ {esc(ui(TEXT, "zone", lang))}</text>')
        n, nf = every.get(option.id, 0), final.get(option.id, 0)
        bar = round(BARS * n / most)
        base = TOP + BARS
        if n:
            parts.append(f'<rect x="{x + 30}" y="{base - bar}" width="{COL - 60}" height="{bar}" fill="#0072B2"/>')
        parts.append(f'<text x="{x + COL / 2}" y="{base + 14}" text-anchor="middle">{n} ({nf})</text>')
        who = " ".join(positions.get(option.id, []))
        if who:
            parts.append(
                f'<text x="{x + COL / 2}" y="{base + 32}" text-anchor="middle" font-weight="bold">▲ {esc(who)}</text>'
            )
        for j, line in enumerate(_label_lines(option.label.get(lang), lang)):
            parts.append(f'<text x="{x + COL / 2}" y="{base + 50 + 14 * j}" text-anchor="middle">{esc(line)}</text>')
    parts.append(f'<line x1="0" y1="{TOP + BARS}" x2="{width}" y2="{TOP + BARS}" stroke="#555"/></svg>')
    return "".join(parts)


def _zone(course: Course, run: DebriefRun, issue: Issue) -> list[str]:
    from lessonkit.course.agreement import zones_of_agreement

    zones = zones_of_agreement(course, run.play.parties, issues=[issue.id], as_of=run.play.scenario.date)
    return zones[issue.id]


def _alt(issue: Issue, every: dict[str, int], zone: list[str], positions: dict[str, list[str]], lang: str) -> str:
    sep = mark("list_sep", lang)
    counts = sep.join(ui(TEXT, "count", lang, option=o.label.get(lang), n=every.get(o.id, 0)) for o in issue.options)
    zone_text = sep.join(o.label.get(lang) for o in issue.options if o.id in zone) or ui(TEXT, "none", lang)
    pos = sep.join(
        f"{' '.join(positions[o.id])}{mark('colon', lang)}{o.label.get(lang)}"
        for o in issue.options
        if o.id in positions
    )
    return ui(TEXT, "chart_alt", lang, issue=issue.name.get(lang), counts=counts, zone=zone_text, positions=pos or "—")
