"""Interface strings and the locale: separators, quotation marks, units, dates, spans.

Words come from the catalogue (``lessonkit.text.words``) as ``{"en": {...}, "ja": {...}}``
tables looked up through ``ui``, which fails loudly on a missing key or language. The
locale helpers below read the catalogue's ``locale`` namespace, so no module needs its own
``if lang == "ja"`` branch for punctuation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from lessonkit.content.base import LANGUAGES
from lessonkit.text.words import catalogue

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


def mark(key: str, lang: str) -> str:
    """One locale mark (``colon``, ``comma``, ``list_sep`` …) from the catalogue."""
    return catalogue(check_lang(lang))["locale"][key]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(value: dt.date, lang: str) -> str:
    """18 Feb 2025 / 2025年2月18日 (month names fixed, whatever the process locale)."""
    return mark("date", lang).format(day=value.day, month=value.month, mon=_MONTHS[value.month - 1], year=value.year)


def format_month(value: dt.date, lang: str) -> str:
    """Feb 2025 / 2025年2月."""
    return mark("month", lang).format(month=value.month, mon=_MONTHS[value.month - 1], year=value.year)


def sentences(parts: list[str], lang: str) -> str:
    """Sentences run together as prose: a space between them in English, none in Japanese
    (a space after 「。」 shows as a stray gap)."""
    return mark("sentence_join", lang).join(p for p in parts if p)


def format_span(start: dt.date, end: dt.date | None, lang: str) -> str:
    """A date, or a first and last day: "10 Mar 2024 – 12 Mar 2024", 「2024年3月10日〜2024年3月12日」."""
    if end is None:
        return format_date(start, lang)
    return mark("span", lang).format(start=format_date(start, lang), end=format_date(end, lang))


def quoted(text: str, lang: str) -> str:
    """Quotation marks around words, unless they already carry them: “…” / 「…」."""
    if text[:1] in "“\"「『'" or (text.endswith("」") and "「" in text):
        return text
    return mark("quote", lang).format(text)


def unquoted(text: str, lang: str) -> str:
    """Words without the one pair of quotation marks around them, for a label that adds its own."""
    opening, closing = mark("quote", lang).split("{}")
    if text.startswith(opening) and text.endswith(closing) and text.count(opening) == 1:
        return text[len(opening) : -len(closing)]
    return text


def with_unit(number: str, unit: str, lang: str) -> str:
    """12 km / 12キロ: a space before the unit in English only."""
    return mark("unit", lang).format(number=number, unit=unit).strip() if unit else number


def inner(text: str, lang: str) -> str:
    """Text that goes inside another pair of brackets: in Japanese its own brackets, full- or
    half-width, become 〔〕, so 「報道（未確認）」 or "The Hindu (AP)" inside （…） never nest."""
    brackets = mark("nested_brackets", lang)
    if not brackets:
        return text
    opening, closing = brackets[0], brackets[-1]
    return (
        text.replace(" (", opening)
        .replace("(", opening)
        .replace(")", closing)
        .replace("（", opening)
        .replace("）", closing)
    )
