"""Plumbing the figures and widgets share: accessible styles, safe plotly text, static fallbacks.

Kept free of plotly and ipywidgets imports so the pure helpers cost nothing to import;
the widget mixin only touches ``super()``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .htmltext import esc, link
from .i18n import format_date, ui

if TYPE_CHECKING:
    from .course import Course

# Okabe & Ito (2008), colour-blind safe. Their yellow (#F0E442) is left out: an open marker
# in it is too faint on white.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000")
# Marker shapes with -open and -open-dot variants, so the shape alone tells groups apart.
SYMBOLS = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "star",
    "hexagon",
    "triangle-down",
    "pentagon",
    "cross",
    "x",
    "hexagram",
    "star-triangle-up",
)
PLOTLY_MIME = "application/vnd.plotly.v1+json"

TEXT = {
    "en": {"source": "{publisher}: {title}", "published": " (published {date})"},
    "ja": {"source": "{publisher}：{title}", "published": "（{date}公開）"},
}


def template() -> dict[str, Any]:
    """A small explicit plotly template: figures look the same whatever the user's plotly
    defaults, and stay small (plotly's default template adds about 10 kB to every output)."""
    grid = {"gridcolor": "#e5e5e5"}
    return {"layout": {"font": {"size": 13}, "xaxis": grid, "yaxis": dict(grid)}}


def group_style(index: int) -> tuple[str, str]:
    """Colour and symbol for the n-th group; the pair stays unique for the first 84 groups."""
    return OKABE_ITO[index % len(OKABE_ITO)], SYMBOLS[index % len(SYMBOLS)]


def ptext(text: object) -> str:
    """Escape content for plotly labels and hover text.

    Plotly reads ``<b>``-style tags and only ``&amp; &lt; &gt;`` (not ``&quot;``), so quotes
    stay as they are and angle brackets become entities: a hostile title shows as text.
    """
    return html.escape("" if text is None else str(text), quote=False)


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def wrap(text: str, width: int = 64) -> list[str]:
    """Lines of at most ``width`` columns (a longer word keeps its own line).

    Japanese has no spaces: it is cut between phrases (see :func:`ja_phrases`), a Latin word or
    number inside it is never split, and no line starts with closing punctuation or ends with an
    opening bracket. Hand-rolled because ``textwrap`` dominated the time of a redraw.
    """
    if _WIDE.search(text):
        return wrap_wide(text, width)
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines or [""]


def columns(text: str) -> int:
    """Display width in columns: a wide (Japanese) character counts two."""
    return sum(_width(c) for c in text)


# In Japanese, a run of ASCII (a Latin word, a number: "NATO", "2022") or of katakana (a foreign
# word or name: イスタンブール) is one unbreakable token.
_TOKENS = re.compile(r"[!-~]+|[\u30a1-\u30fa\u30fc]+|.")
_NO_LINE_START = "、。，．・）」』】！？ーぁぃぅぇぉっゃゅょァィゥェォッャュョ"
_NO_LINE_END = "（「『【"
_AFTER_PUNCT = "、。，．・）」』】！？ "
# hiragana that commonly end a phrase (particles, verb and adjective endings); a break after other
# hiragana would cut okurigana compounds such as 受け入れ or 話し合い
_PHRASE_END = "のでにをはがとへもやかてたるなばよい"
# particles that end a phrase even before hiragana, when they follow a word in kanji or katakana
# (ウクライナの｜ために)
_PARTICLE = "のをはが"


def _hiragana(char: str) -> bool:
    return "\u3041" <= char <= "\u309f"


def _script(char: str) -> str:
    """The kind of writing: hiragana, katakana, kanji, Latin (ASCII) or other (punctuation)."""
    if _hiragana(char):
        return "h"
    if "\u30a0" <= char <= "\u30ff":
        return "k"
    if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char == "\u3005":
        return "c"
    return "a" if "!" <= char <= "~" else "o"


def ja_phrases(text: str) -> list[str]:
    """Japanese cut into short phrases: after punctuation, before an opening bracket, and after a
    particle or ending before a word in kanji, katakana or Latin letters (現在の｜前線で｜凍結)."""
    chunks, chunk = [], ""
    for token in _TOKENS.findall(text):
        prev, nxt = (chunk[-1] if chunk else ""), token[0]
        before = chunk[-2] if len(chunk) > 1 else ""
        if (
            chunk
            and nxt not in _NO_LINE_START
            and prev not in _NO_LINE_END
            and (
                prev in _AFTER_PUNCT
                or nxt in _NO_LINE_END
                or (prev in _PHRASE_END and not _hiragana(nxt) and nxt != " ")
                or (prev in _PARTICLE and before and _script(before) in "kc" and _hiragana(nxt))
            )
        ):
            chunks.append(chunk)
            chunk = ""
        chunk += token
    return [*chunks, chunk] if chunk else chunks


def script_break(a: str, b: str) -> bool:
    """Whether a line may break between ``a`` and ``b`` inside a phrase: where the script changes
    (kanji to katakana, say), but not before hiragana (particles, okurigana), inside a Latin run,
    between a number and its counter (2022年) or against kinsoku."""
    sa, sb = _script(a), _script(b)
    return (
        sa != sb
        and "o" not in (sa, sb)
        and sb != "h"  # particles and okurigana stay with their word
        and not (a.isdigit() and sb == "c")
        and b not in _NO_LINE_START
        and a not in _NO_LINE_END
    )


def _cut_chars(text: str, width: int) -> list[str]:
    """A phrase longer than a line, cut where the script changes (イスタ｜ンブール never, but
    （2022年｜イスタンブール方式）), or by column width when no such place is far enough along;
    Latin runs are kept whole and no line starts with closing punctuation."""
    lines, line, used = [], "", 0
    for token in _TOKENS.findall(text):
        if line and used + columns(token) > width and token[0] not in _NO_LINE_START:
            cut = len(line)
            for i in range(len(line) - 1, 0, -1):
                if columns(line[:i]) * 2 < width:
                    break
                if script_break(line[i - 1], line[i]):
                    cut = i
                    break
            if cut == len(line) and len(line) > 1 and line[-1] in _NO_LINE_END:
                cut = len(line) - 1
            lines.append(line[:cut])
            line = line[cut:]
            used = columns(line)
        line += token
        used += columns(token)
    return [*lines, line]


def wrap_wide(text: str, width: int) -> list[str]:
    """Japanese (or mixed) text in lines of at most ``width`` columns, broken between phrases;
    a phrase longer than a line is cut by width."""
    lines, line = [], ""
    for phrase in ja_phrases(text):
        if line and columns(line) + columns(phrase) > width:
            lines.append(line.rstrip())
            line = phrase.lstrip()
        else:
            line += phrase
        if columns(line) > width:
            *full, line = _cut_chars(line, width)
            lines += full
    return [*lines, line] if line else lines or [""]


def hover(lines: list[str]) -> str:
    """Already-escaped hover lines joined for plotly."""
    return "<br>".join(lines)


def figure_output(spec: dict[str, Any], alt: str) -> dict[str, Any]:
    """One display_data output for an ``Output`` widget, from a plain JSON figure spec: plotly's
    mimetype (drawn offline by JupyterLab and Voilà, no FigureWidget front end needed) plus
    the text alternative for anything that cannot draw it."""
    return {"output_type": "display_data", "data": {PLOTLY_MIME: spec, "text/plain": alt}, "metadata": {}}


def sources_html(course: Course, source_ids: Iterable[str], lang: str) -> str:
    """Sources as a list of safe links: publisher, title and publication date."""
    items = []
    for sid in source_ids:
        s = course.source(sid)
        label = link(ui(TEXT, "source", lang, publisher=s.publisher, title=s.title), s.url)
        items.append(f"<li>{label}{esc(ui(TEXT, 'published', lang, date=format_date(s.published, lang)))}</li>")
    return f"<ul>{''.join(items)}</ul>"


DESCRIPTION_STYLE = {"description_width": "initial"}
# Buttons as wide as their label: ipywidgets' fixed default width cuts longer labels ("Save my answ…").
BUTTON_LAYOUT = {"width": "auto", "flex": "0 0 auto"}
# ipywidgets' HTML widget inherits a one-control line height (28px); running text needs less.
PROSE = "line-height:1.45"
# The "nothing picked" entry of a Dropdown: a Dropdown shows a None value as a blank box, and
# no content id can be empty, so this never clashes with a real choice.
NOTHING = ""


class StaticFallback:
    """Mixin for widget classes: the display bundle also carries ``text/plain`` and a static
    ``text/html`` rendering of the current state, so exported and nbviewer pages show content."""

    def static_text(self) -> str:
        raise NotImplementedError

    def static_html(self) -> str:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(super()._repr_mimebundle_(**kwargs) or {})  # type: ignore[misc]
        bundle["text/plain"] = self.static_text()
        bundle["text/html"] = self.static_html()
        return bundle

    def _repr_html_(self) -> str:
        return self.static_html()
