"""Line breaking for labels: width in columns (a wide character counts two), Japanese broken
between phrases rather than inside words, a Latin word or number never split."""

from __future__ import annotations

import re
import unicodedata
from functools import cache


@cache
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
        return _wrap_wide(text, width)
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
    if text.isascii():
        return len(text)
    return sum(map(_width, text))


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


def _wrap_wide(text: str, width: int) -> list[str]:
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
