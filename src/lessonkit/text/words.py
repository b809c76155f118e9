"""One catalogue of interface words per language (``text/catalogue/en.yaml``, ``ja.yaml``).

Keys are namespaced by the part of the kit that shows them (``quiz.check``). The words the
lessons teach (certainty labels, the as-of date) live once under ``terms`` and are written
elsewhere as ``<<confirmed>>``, ``<<as_of>>``: interface and lessons cannot drift apart.

A catalogue once read is kept as JSON in lessonkit's cache folder, named after the YAML file's
path, size and modification time: a lesson kernel then reads JSON and never imports PyYAML
(about 10 ms of every lesson). Anything wrong with the cache only means reading the YAML.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from lessonkit.cache_folder import RACY_NS, folder, read_own, store

LANGS = ("en", "ja")
_TERM = re.compile(r"<<(\w+)>>")
_HERE = Path(__file__).resolve().parent / "catalogue"


@cache
def catalogue(lang: str) -> dict[str, dict[str, str]]:
    """Every namespace of one language, with term references filled in."""
    if lang not in LANGS:
        raise KeyError(lang)
    path = _HERE / f"{lang}.yaml"
    st = path.stat()
    stored = _stored(path, st)
    words = _read_stored(stored) if stored else None
    if words is None:
        words = _parse(path.read_text(encoding="utf-8"))
        if stored and st.st_mtime_ns < time.time_ns() - RACY_NS:
            store(stored, json.dumps(words, ensure_ascii=False).encode("utf-8"))
    return words


def _parse(text: str) -> dict[str, dict[str, str]]:
    import yaml

    raw: dict[str, dict[str, str]] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    terms = raw["terms"]
    return {
        ns: {key: _TERM.sub(lambda m: terms[m.group(1)], value) for key, value in words.items()}
        for ns, words in raw.items()
    }


def _stored(path: Path, st: os.stat_result) -> Path | None:
    where = folder()
    if where is None:
        return None
    name = hashlib.sha256(f"{path}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()[:20]
    return where / f"words-{path.stem}-{name}.json"


def _read_stored(stored: Path) -> dict[str, dict[str, str]] | None:
    data = read_own(stored)  # only the user's own files: the words go into the pages students see
    try:
        words = json.loads(data) if data is not None else None
    except ValueError:  # cut short, not UTF-8
        return None
    ok = isinstance(words, dict) and all(
        isinstance(ns, dict) and all(isinstance(v, str) for v in ns.values()) for ns in words.values()
    )
    return words if ok else None


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
