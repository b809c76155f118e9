"""The stance matrix's layout in pixels: option labels wrapped to their columns (never rotated),
panel titles, and each panel's height, computed for a notebook-width figure.

Japanese is wrapped between phrases and where the script changes, Latin text between words,
so a label never breaks inside a word the wider lines kept whole.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from lessonkit.style.plot import ptext
from lessonkit.text.i18n import ui
from lessonkit.text.words import table
from lessonkit.text.wrap import ja_phrases, script_break, wrap

if TYPE_CHECKING:
    from lessonkit.content import Issue
    from lessonkit.course.model import Course

TEXT = table("stance_chart")

# The layout, in pixels. Labels are wrapped for a figure this wide (a notebook column); a wider
# figure only gives them more room, and they are never rotated.
DESIGN_WIDTH_PX = 800
COLUMN_PX = 6.5  # one text column at the 13 px font (measured); a Japanese character is two columns
LINE_PX = 17  # one line of 13 px text
ROW_PX = 24  # one party row
TITLE_GAP_PX = 6  # between a panel's title and its first row
TICKS_PAD_PX = 10  # between a panel's last row and its option labels
PANEL_GAP_PX = 16  # between a panel's option labels and the next panel's title
TOP_PX = 60  # the figure title
RIGHT_PX = 20
LEGEND_ROW_PX = 21


def _columns(text: str) -> int:
    """Display width in columns: a wide (Japanese) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _lines(text: str, width: int) -> list[str]:
    return [ptext(line) for line in wrap(text, width)]


def _split(text: str, width: int) -> list[str]:
    """:func:`viewkit.wrap`: Japanese broken between phrases, a Latin word or number never split."""
    return wrap(text, width)


def _label(text: str, width: int) -> str:
    """An option label wrapped to ``width`` columns, in as few lines as that allows and with the
    lines as even as possible; escaped, lines joined with ``<br>``."""
    lines = _split(text, width)
    while width > 1:
        narrower = _split(text, width - 1)
        # evener lines, but never by cutting a word that the wider lines kept whole
        if len(narrower) != len(lines) or (_clean(text, lines) and not _clean(text, narrower)):
            break
        width -= 1
        lines = narrower
    return "<br>".join(ptext(line) for line in lines)


def _clean(text: str, lines: list[str]) -> bool:
    """Whether every line break falls between words (Latin), between phrases or where the script
    changes (Japanese)."""
    if _columns(text) == len(text):
        return True
    ends, at = set(), 0
    for phrase in ja_phrases(text):
        at += len(phrase)
        ends.add(at)
    at = 0
    for line in lines[:-1]:
        at = text.index(line, at) + len(line)
        if at not in ends and " " not in text[at - 1 : at + 1] and not script_break(text[at - 1], text[at]):
            return False
    return True


def _title(issue: Issue, lang: str, width: int) -> list[str]:
    """The panel title wrapped to ``width`` columns, escaped, with the issue's name in bold."""
    name, question = issue.name.get(lang), issue.question.get(lang)
    lines = _split(ui(TEXT, "panel", lang, issue=name, question=question), width)
    head = lines[0]
    if head.startswith(name):
        return [f"<b>{ptext(name)}</b>{ptext(head[len(name) :])}", *(ptext(line) for line in lines[1:])]
    return [ptext(line) for line in lines]  # a name too long for one line: wrapped, not bold


def _ticktext(issue: Issue, lang: str, width: int) -> list[str]:
    """The option labels of one panel, each wrapped to its column."""
    return [ui(TEXT, "none_column", lang), *(_label(o.label.get(lang), width) for o in issue.options)]


def _layout_px(course: Course, ids: list[str], issues: list[Issue], lang: str) -> dict:
    """Every size of the default layout, in pixels: left margin, label widths and panel blocks."""
    widest = max(_columns(course.party(p).name.get(lang)) for p in ids)
    left = min(240, 24 + round(COLUMN_PX * widest))
    plot_px = DESIGN_WIDTH_PX - left - RIGHT_PX
    title_cols = int((DESIGN_WIDTH_PX - RIGHT_PX - 8) // COLUMN_PX)
    panels = []
    for issue in issues:
        column_px = plot_px / (len(issue.options) + 1)  # the options and the "no public position" column
        label_cols = max(8, int((column_px - 12) // COLUMN_PX))
        ticktext = _ticktext(issue, lang, label_cols)
        title = _title(issue, lang, title_cols)
        label_lines = max(text.count("<br>") + 1 for text in ticktext)
        head = len(title) * LINE_PX + TITLE_GAP_PX
        rows = ROW_PX * len(ids)
        foot = TICKS_PAD_PX + label_lines * LINE_PX + PANEL_GAP_PX
        panels.append({"title": title, "ticktext": ticktext, "head": head, "rows": rows, "block": head + rows + foot})
    return {"left": left, "panels": panels}
