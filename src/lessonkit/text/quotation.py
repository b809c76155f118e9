"""How a quotation is labelled: said in the reader's words, or translated, and by whom.

Pure Python, shared by the statement panels, the stance cards and the data export, so a
translated quotation is marked the same way everywhere. A quotation of words said in
another language names that language and the source whose translation it quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lessonkit.text.i18n import inner, ui

if TYPE_CHECKING:
    from lessonkit.course.model import Course

LANGUAGE_NAMES = {
    "en": {
        "ar": "Arabic",
        "de": "German",
        "en": "English",
        "es": "Spanish",
        "et": "Estonian",
        "fr": "French",
        "it": "Italian",
        "ja": "Japanese",
        "nl": "Dutch",
        "pl": "Polish",
        "pt": "Portuguese",
        "ru": "Russian",
        "tr": "Turkish",
        "uk": "Ukrainian",
        "zh": "Chinese",
    },
    "ja": {
        "ar": "アラビア語",
        "de": "ドイツ語",
        "en": "英語",
        "es": "スペイン語",
        "et": "エストニア語",
        "fr": "フランス語",
        "it": "イタリア語",
        "ja": "日本語",
        "nl": "オランダ語",
        "pl": "ポーランド語",
        "pt": "ポルトガル語",
        "ru": "ロシア語",
        "tr": "トルコ語",
        "uk": "ウクライナ語",
        "zh": "中国語",
    },
}

TEXT = {
    "en": {
        "verbatim": "quotation",
        "paraphrase": "paraphrase",
        "translated": "quotation, translated from {language} (translation: {source})",
        "translated_short": "translated from {language}; translation: {source}",
    },
    "ja": {
        "verbatim": "発言の引用",
        "paraphrase": "発言の要約",
        "translated": "発言の引用（{language}からの翻訳。訳：{source}）",
        "translated_short": "{language}からの翻訳。訳：{source}",
    },
}


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


PEOPLE = {
    "en": {"person": "{name} ({role})", "person_plain": "{name}, {role}"},
    "ja": {"person": "{name}（{role}）", "person_plain": "{name}、{role}"},
}


def person_label(name: str, role: str, lang: str) -> str:
    """ "Marco Rubio (US Secretary of State)" / 「マルコ・ルビオ（米国務長官）」, brackets never nested."""
    if lang == "ja":
        return ui(PEOPLE, "person", lang, name=name, role=inner(role, lang))
    nested = any(mark in role for mark in "()（）")
    return ui(PEOPLE, "person_plain" if nested else "person", lang, name=name, role=role)
