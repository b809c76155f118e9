"""Interface strings in English and Japanese.

Each renderer keeps its own table beside its code, ``{"en": {...}, "ja": {...}}``, and
looks strings up through ``ui``, which fails loudly on a missing key or language so a
half-translated widget cannot ship (the tables are checked in tests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from lessonkit.content.base import LANGUAGES

Table = Mapping[str, Mapping[str, str]]


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return lang


def ui(table: Table, key: str, lang: str, **values: object) -> str:
    text = table[check_lang(lang)][key]
    return text.format(**values) if values else text


def missing_keys(table: Table) -> dict[str, set[str]]:
    """Keys present in one language and not in the other (empty when complete)."""
    keys = {lang: set(table.get(lang, {})) for lang in LANGUAGES}
    every = set().union(*keys.values())
    return {lang: every - have for lang, have in keys.items() if every - have}


def format_date(value: dt.date, lang: str) -> str:
    """18 Feb 2025 / 2025年2月18日."""
    if check_lang(lang) == "ja":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {value:%b} {value.year}"


def sentences(parts: list[str], lang: str) -> str:
    """Sentences run together as prose: a space between them in English, none in Japanese
    (a space after 「。」 shows as a stray gap)."""
    return ("" if lang == "ja" else " ").join(p for p in parts if p)


def format_span(start: dt.date, end: dt.date | None, lang: str) -> str:
    """A date, or a first and last day: "10 Mar 2024 – 12 Mar 2024", 「2024年3月10日〜2024年3月12日」."""
    if end is None:
        return format_date(start, lang)
    dash = "〜" if lang == "ja" else " – "
    return f"{format_date(start, lang)}{dash}{format_date(end, lang)}"


def inner(text: str, lang: str) -> str:
    """Text that goes inside another pair of brackets: in Japanese its own brackets, full- or
    half-width, become 〔〕, so 「報道（未確認）」 or "The Hindu (AP)" inside （…） never nest."""
    if lang != "ja":
        return text
    return text.replace(" (", "〔").replace("(", "〔").replace(")", "〕").replace("（", "〔").replace("）", "〕")
