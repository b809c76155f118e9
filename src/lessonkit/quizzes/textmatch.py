"""Matching short text answers: forgiving about how an answer is typed, strict about what it says.

Students type on phones, school PCs and Japanese IMEs, so the same right answer arrives
as ``Northland``, ``ｎｏｒｔｈｌａｎｄ `` or ``northland.``, and in Japanese as
ノースランド, のーすらんど, ﾉｰｽﾗﾝﾄﾞ or 「ノースランド」. ``normalize`` reduces all of those
to one key, so a quiz author lists each answer once. It folds only what is general to
typing (width, case, kana script, ヴ spellings, the long-vowel mark, separators); it
does not guess at synonyms or kanji readings: authors list those in ``accepted``.

Pure Python with no third-party imports: the grading CLI uses it too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["matches", "normalize"]

# Hiragana U+3041..U+3096 sit exactly 0x60 below their katakana.
_HIRA_TO_KATA = {cp: cp + 0x60 for cp in range(0x3041, 0x3097)}

# ヴ spellings of foreign v-sounds, written both ways in Japanese (ラヴロフ / ラブロフ).
# Longest first, so ヴァ folds before ヴ does; ヷヸヹヺ are the rare single-character forms.
_VU = (
    ("ヴァ", "バ"),
    ("ヴィ", "ビ"),
    ("ヴェ", "ベ"),
    ("ヴォ", "ボ"),
    ("ヴュ", "ビュ"),
    ("ヴ", "ブ"),
    ("ヷ", "バ"),
    ("ヸ", "ビ"),
    ("ヹ", "ベ"),
    ("ヺ", "ボ"),
)
_VU_RE = re.compile("|".join(a for a, _ in _VU))
_VU_MAP = dict(_VU)

# Apostrophes vanish (don't == dont); they never separate words.
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼ`´"), None)

_LONG_VOWEL = "ー"  # NFKC turns half-width ｰ into this


def _is_separator(ch: str) -> bool:
    """Whitespace, punctuation (、。・「」 included) and symbols: what splits words, not what they say."""
    if ch.isspace():
        return True
    return unicodedata.category(ch)[0] in "PZS"


def _is_cjk(ch: str) -> bool:
    """Kana and kanji: scripts written without spaces between words."""
    cp = ord(ch)
    return (
        0x3040 <= cp <= 0x30FF  # hiragana, katakana
        or 0x31F0 <= cp <= 0x31FF  # katakana extensions
        or 0x3400 <= cp <= 0x4DBF  # CJK extension A
        or 0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= cp <= 0x3FFFF  # supplementary ideographs
    )


def _join_words(text: str) -> str:
    """Collapse separators to one space; drop them at the ends and next to kana or kanji.

    Latin words keep one space between them (``new york`` is not ``newyork``), but in
    Japanese a space or a middle dot is only typography: セルゲイ・ラブロフ,
    セルゲイ ラブロフ and セルゲイラブロフ are one answer. Digits stay apart (``1.5`` is
    not ``15``).
    """
    out: list[str] = []
    pending = False
    for ch in text:
        if _is_separator(ch):
            pending = True
            continue
        if pending and out and not (_is_cjk(out[-1]) or _is_cjk(ch)):
            out.append(" ")
        pending = False
        out.append(ch)
    return "".join(out)


def normalize(text: str) -> str:
    """The comparison key of a short answer.

    In order: Unicode NFKC (full-width Latin and digits to half-width, half-width kana
    to full-width), case folding, hiragana to katakana, ヴ spellings to バ行
    (ヴァ→バ, ヴィ→ビ, ヴ→ブ, ヴェ→ベ, ヴォ→ボ), the long-vowel mark ー dropped (so
    コンピューター and コンピュータ agree), apostrophes dropped, and whitespace,
    punctuation and symbols collapsed as ``_join_words`` explains.
    """
    key = unicodedata.normalize("NFKC", text).casefold()
    key = key.translate(_HIRA_TO_KATA)
    key = _VU_RE.sub(lambda m: _VU_MAP[m.group(0)], key)
    key = key.replace(_LONG_VOWEL, "").translate(_APOSTROPHES)
    return _join_words(key)


def matches(answer: str, accepted: Iterable[str]) -> bool:
    """True when the answer has the same key as one of the accepted answers.

    An answer that normalises to nothing (blank, or only punctuation) never matches.
    """
    key = normalize(answer)
    return bool(key) and any(key == normalize(a) for a in accepted)
