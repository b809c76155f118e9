"""Japanese Markdown as authors may write it: soft-wrapped lines joined, spaces around bold dropped.

A newline between CJK characters shows as a space, and so does a space written between Japanese
text and ``**bold**``. ``lessonkit build-notebooks`` applies :func:`ja_join` then :func:`ja_tighten`
to the Japanese Markdown of every notebook source, so ``notebook.yaml`` may wrap Japanese lines freely.

Joining (:func:`ja_join`; :func:`soft_breaks` lists what it would join):

A line is joined to the one before it when both belong to the same paragraph: lines that start a
block (blank line, list item, heading, table row, code fence, HTML, indented code) and lines after
a heading, a table row, a code fence or a hard break (two trailing spaces or a backslash) are kept.
Inside a block quote, a ``>`` line is joined to the ``>`` line before it. Code blocks are untouched.
Two lines are joined with no space when either side is Japanese, with one space between Latin words.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# kana, kanji, full-width forms and CJK punctuation: written without spaces between words
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_BLOCK = re.compile(r"\s*([-*+] |#{1,6}( |$)|\d+[.)] |\||```|~~~|<)")
_QUOTE = re.compile(r"\s*>\s?")


def _opens_block(line: str) -> bool:
    return not line.strip() or bool(_BLOCK.match(line))


def _closes_line(line: str) -> bool:
    """A line after which the next line never continues the same paragraph."""
    s = line.strip()
    return (
        not s
        or line.endswith(("  ", "\\"))
        or s.startswith(("#", "|", "```", "~~~", "<"))
        or bool(re.fullmatch(r"[-*_=]{3,}", s.replace(" ", "")))
    )


def glue(left: str, right: str) -> str:
    """``left`` and ``right`` as one line: no space when either side is Japanese."""
    left, right = left.rstrip(), right.strip()
    if not left or not right:
        return left + right
    sep = "" if _CJK.match(left[-1]) or _CJK.match(right[0]) else " "
    return left + sep + right


def _join(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The lines with soft-wrapped paragraph lines joined, and each joined pair."""
    out: list[str] = []
    joins: list[tuple[str, str]] = []
    fence = None
    for line in text.strip("\n").splitlines():
        stripped = line.strip()
        if fence:
            out.append(line)
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.append(line)
            continue
        prev = out[-1] if out else ""
        quoted, prev_quoted = _QUOTE.match(line), _QUOTE.match(prev)
        if quoted and prev_quoted:
            rest, prev_rest = line[quoted.end() :], prev[prev_quoted.end() :]
            if rest.strip() and prev_rest.strip() and not _opens_block(rest) and not _closes_line(prev_rest):
                joins.append((prev, rest))
                out[-1] = glue(prev, rest)
                continue
        elif out and not quoted and not prev_quoted and not _opens_block(line) and not _closes_line(prev):
            joins.append((prev, line))
            out[-1] = glue(prev, line)
            continue
        out.append(line)
    return out, joins


def ja_join(text: str) -> str:
    """``text`` with every paragraph's soft-wrapped lines joined (see the module's docstring)."""
    return "\n".join(_join(text)[0])


def soft_breaks(text: str) -> list[str]:
    """Each soft line break between two Japanese characters in a Markdown text (what a renderer
    would show as a stray space), as ``"…before|after…"`` snippets; empty when there is none."""
    found = []
    for left, right in _join(text)[1]:
        a, b = left.rstrip(), right.strip()
        if a and b and _CJK.match(a[-1]) and _CJK.match(b[0]):
            found.append(f"{a[-12:]}|{b[:12]}")
    return found


_SPACED_BOLD = re.compile(
    r"(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]) (?=\*\*)|(?<=\*\*) (?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])"
)


# "**要点。** 次の文" -> "**要点**。次の文": the mark moves out of the bold, the space goes
_PUNCT_IN_BOLD = re.compile(r"\*\*([^*\n]+?)([。、：！？])\*\* ?(?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])")


@functools.cache
def _renderer() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def _strong(line: str) -> tuple[list[str], bool]:
    """The bold spans a line renders (their HTML), and whether a literal ``**`` is left (CommonMark)."""
    html = _renderer().renderInline(line)
    return re.findall(r"<strong>(.*?)</strong>", html), "**" in html


def _mark_moved_out(before: list[str], after: list[str], mark: str) -> bool:
    """The same bold spans, but for one that lost its closing ``mark``: so the pattern matched one
    real span, not the text between two spans (``**A**（x）、**B**`` must not become ``**（x）**、``)."""
    if len(before) != len(after):
        return False
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    return len(changed) == 1 and changed[0][0] == changed[0][1] + mark


class NeedsMarkdownIt(RuntimeError):
    """markdown-it-py is not installed, so :func:`ja_tighten` cannot tell where bold renders."""


def can_tighten() -> bool:
    """Whether markdown-it-py (which :func:`ja_tighten` renders with) is installed."""
    try:
        import markdown_it  # noqa: F401
    except ImportError:
        return False
    return True


def ja_tighten(text: str, *, strict: bool = False) -> str:
    """Drop the spaces written between Japanese text and ``**bold**`` (they show on screen), each
    only where the bold still renders: in Japanese, ``は**「X」**を`` would not close, so there the
    space stays; a closing mark inside the bold (``**要点。** 次``) moves out (``**要点**。次``).
    Needs markdown-it-py (the dev extra) to tell whether the bold still renders; without it the
    text is returned unchanged, or, with ``strict``, :class:`NeedsMarkdownIt` is raised."""
    if not can_tighten():
        if strict:
            raise NeedsMarkdownIt(
                "tightening Japanese bold needs markdown-it-py: pip install markdown-it-py (or the dev extra)"
            )
        return text
    out = []
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "    ", "|")) and not line.lstrip().startswith("|"):
            out.append(line)
            continue
        for m in reversed(list(_PUNCT_IN_BOLD.finditer(line))):
            trial = f"{line[: m.start()]}**{m.group(1)}**{m.group(2)}{line[m.end() :]}"
            (before, _), (after, literal) = _strong(line), _strong(trial)
            if not literal and _mark_moved_out(before, after, m.group(2)):
                line = trial
        for m in reversed(list(_SPACED_BOLD.finditer(line))):
            trial = line[: m.start()] + line[m.end() :]
            if _strong(trial) == (_strong(line)[0], False):
                line = trial
        out.append(line)
    return "\n".join(out)
