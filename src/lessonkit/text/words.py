"""One catalogue of interface words per language (``text/catalogue/en.yaml``, ``ja.yaml``).

Keys are namespaced by the part of the kit that shows them (``quiz.check``). The words the
lessons teach (certainty labels, the as-of date) live once under ``terms`` and are written
elsewhere as ``<<confirmed>>``, ``<<as_of>>``: interface and lessons cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources

import yaml

LANGS = ("en", "ja")
_TERM = re.compile(r"<<(\w+)>>")


@cache
def catalogue(lang: str) -> dict[str, dict[str, str]]:
    """Every namespace of one language, with term references filled in."""
    text = (resources.files("lessonkit") / "text" / "catalogue" / f"{lang}.yaml").read_text(encoding="utf-8")
    raw: dict[str, dict[str, str]] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    terms = raw["terms"]
    return {
        ns: {key: _TERM.sub(lambda m: terms[m.group(1)], value) for key, value in words.items()}
        for ns, words in raw.items()
    }


class _Table(Mapping[str, dict[str, str]]):
    """One namespace, ``{lang: {key: text}}``; a language's catalogue is read when first asked
    for, so a Japanese lesson's kernel never parses the English one."""

    __slots__ = ("namespace",)

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def __getitem__(self, lang: str) -> dict[str, str]:
        if lang not in LANGS:
            raise KeyError(lang)
        return catalogue(lang)[self.namespace]

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


def table(namespace: str) -> Mapping[str, dict[str, str]]:
    """One namespace in both languages, shaped ``{lang: {key: text}}`` for :func:`lessonkit.text.i18n.ui`."""
    return _Table(namespace)


def say(key: str, lang: str, **values: object) -> str:
    """The word for ``namespace.key`` in ``lang``, placeholders filled."""
    namespace, _, name = key.partition(".")
    text = catalogue(lang)[namespace][name]
    return text.format(**values) if values else text
