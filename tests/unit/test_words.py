"""The one catalogue of interface words: complete in both languages, taught terms written once."""

from __future__ import annotations

import os
import re
import string
from importlib import resources

import pytest
import yaml
from tests.helpers import REPO

from lessonkit.text.words import LANGS, catalogue, say, table


def _raw(lang: str) -> dict[str, dict[str, str]]:
    text = (resources.files("lessonkit") / "text" / "catalogue" / f"{lang}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_word_exists_in_both_languages_with_the_same_placeholders():
    en, ja = catalogue("en"), catalogue("ja")
    assert en.keys() == ja.keys(), "namespaces differ between en.yaml and ja.yaml"
    problems = []
    for ns in en:
        for key in en[ns].keys() ^ ja[ns].keys():
            problems.append(f"{ns}.{key}: only in {'en' if key in en[ns] else 'ja'}")
        for key in en[ns].keys() & ja[ns].keys():
            # locale formats may use different parts of what the code passes ({mon} or {month})
            if ns != "locale" and _fields(en[ns][key]) != _fields(ja[ns][key]):
                problems.append(f"{ns}.{key}: placeholders differ")
    assert problems == []


def test_taught_terms_are_written_once_and_referenced_elsewhere():
    """A taught Japanese term (確認済み, 基準日 ...) typed out anywhere but ``terms`` could drift."""
    for lang in LANGS:
        raw = _raw(lang)
        terms = raw["terms"]
        for ns, words in raw.items():
            for key, value in words.items():
                assert set(re.findall(r"<<(\w+)>>", value)) <= terms.keys(), f"{lang}:{ns}.{key}: unknown term"
                if ns != "terms" and lang == "ja":
                    for term, word in terms.items():
                        assert word not in value, f"ja:{ns}.{key}: write <<{term}>> instead of {word}"


def test_terms_are_the_ones_the_authoring_guide_teaches():
    guide = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    ja = catalogue("ja")["terms"]
    assert f"「{ja['confirmed']}」「{ja['reported']}」「{ja['claimed']}」" in guide
    assert ja["as_of"] in guide


def test_references_are_filled_and_tables_keep_their_shape():
    assert "<<" not in str(catalogue("ja"))
    assert table("lesson")["ja"]["certainty_confirmed"] == catalogue("ja")["terms"]["confirmed"]
    assert say("timeline.title", "ja", as_of="2026年2月15日").startswith("年表（基準日")


def test_a_stored_catalogue_is_the_yaml_one_and_a_broken_one_is_read_again(tmp_path, monkeypatch):
    from lessonkit.text import words

    monkeypatch.setenv("LESSONKIT_CACHE_DIR", str(tmp_path))
    words.catalogue.cache_clear()
    try:
        parsed = words.catalogue("ja")
        (stored,) = tmp_path.glob("words-ja-*.json")
        words.catalogue.cache_clear()
        assert words.catalogue("ja") == parsed  # read back from JSON: the same words
        for broken in ('{"quiz": {"check": 1}}', "{cut sh", ""):
            stored.write_text(broken, encoding="utf-8")
            words.catalogue.cache_clear()
            assert words.catalogue("ja") == parsed, broken
        monkeypatch.setenv("LESSONKIT_CACHE_DIR", str(tmp_path / "a-file" / "no"))
        (tmp_path / "a-file").write_text("", encoding="utf-8")  # a cache folder that cannot be made
        words.catalogue.cache_clear()
        assert words.catalogue("ja") == parsed
    finally:
        words.catalogue.cache_clear()


def test_a_stored_catalogue_someone_else_wrote_is_not_read(tmp_path, monkeypatch):
    from lessonkit.text import words

    if os.geteuid() != 0:
        pytest.skip("only root can hand a file to another user")
    monkeypatch.setenv("LESSONKIT_CACHE_DIR", str(tmp_path))
    words.catalogue.cache_clear()
    try:
        parsed = words.catalogue("en")
        (stored,) = tmp_path.glob("words-en-*.json")
        stored.write_text('{"quiz": {"check": "<img src=x onerror=alert(1)>"}}', encoding="utf-8")
        os.chown(stored, 65534, 65534)  # nobody's
        words.catalogue.cache_clear()
        assert words.catalogue("en") == parsed
    finally:
        words.catalogue.cache_clear()
