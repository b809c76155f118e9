"""How a quotation is labelled: said in the reader's words, or translated, and by whom.

Pure Python, shared by the statement panels, the stance cards and the data export, so a
translated quotation is marked the same way everywhere. A quotation of words said in
another language names that language and the source whose translation it quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lessonkit.text.i18n import inner, ui
from lessonkit.text.words import table

if TYPE_CHECKING:
    from lessonkit.course.model import Course

LANGUAGE_NAMES = table("language_names")

TEXT = table("quotation")


def language_name(code: str, lang: str) -> str:
    """The language's name in the reader's language, or its code when the table lacks it."""
    return LANGUAGE_NAMES[lang].get(code, code)


def publisher_name(course: Course, source_id: str, lang: str) -> str:
    """The publisher's name, ready to go inside brackets ("The Hindu〔AP〕" in Japanese)."""
    return inner(course.source(source_id).publisher, lang)


def _translated(course: Course, key: str, translated_from: str | None, source: str | None, lang: str) -> str:
    if translated_from is None or source is None:
        return ""
    language = language_name(translated_from, lang)
    return ui(TEXT, key, lang, language=language, source=publisher_name(course, source, lang))


def translation_note(course: Course, translated_from: str | None, translation_source: str | None, lang: str) -> str:
    """ "translated from Russian; translation: Reuters", or "" for words quoted as said."""
    return _translated(course, "translated_short", translated_from, translation_source, lang)


def kind_label(course: Course, statement: object, lang: str) -> str:
    """ "quotation", "paraphrase", or "quotation, translated from Russian (translation: Reuters)"."""
    translated_from = getattr(statement, "translated_from", None)
    source = getattr(statement, "translation_source", None)
    label = _translated(course, "translated", translated_from, source, lang)
    return label or ui(TEXT, "verbatim" if getattr(statement, "verbatim", True) else "paraphrase", lang)


PEOPLE = table("people")


def person_label(name: str, role: str, lang: str) -> str:
    """ "Marco Rubio (US Secretary of State)" / 「マルコ・ルビオ（米国務長官）」, brackets never nested."""
    role = inner(role, lang)  # Japanese: its brackets become 〔〕, so they never nest
    nested = any(mark in role for mark in "()（）")
    return ui(PEOPLE, "person_plain" if nested else "person", lang, name=name, role=role)
