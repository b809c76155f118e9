from __future__ import annotations

import pytest

from lessonkit.course.yamltext import YamlSyntaxError, parse_yaml


def test_lines_of_every_value():
    data, lines = parse_yaml("events:\n  - id: a\n    date: 2020-01-01\n  - id: b\n")
    assert data == {"events": [{"id": "a", "date": "2020-01-01"}, {"id": "b"}]}
    assert lines[("events", 0)] == 2
    assert lines[("events", 0, "date")] == 3
    assert lines[("events", 1, "id")] == 4


def test_dates_stay_text_so_models_report_them():
    data, _ = parse_yaml("date: 2020-13-01\n")
    assert data == {"date": "2020-13-01"}


def test_syntax_error_has_a_line():
    with pytest.raises(YamlSyntaxError) as info:
        parse_yaml("a: 1\nb: [2\nc: 3\n")
    assert info.value.line >= 2
    assert str(info.value).startswith("not valid YAML")


def test_duplicate_key_is_an_error():
    with pytest.raises(YamlSyntaxError, match="key 'a' appears twice") as info:
        parse_yaml("a: 1\nb: 2\na: 3\n")
    assert info.value.line == 3


def test_python_tags_are_refused():
    with pytest.raises(YamlSyntaxError):
        parse_yaml("a: !!python/object/apply:os.system ['echo hi']\n")


def test_empty_text():
    assert parse_yaml("") == (None, {})


def test_the_c_and_python_composers_agree_on_every_course_file(monkeypatch):
    """libyaml is used when present; the pure-Python fallback must give the same data and lines."""
    from pathlib import Path

    import yaml

    from lessonkit.course import yamltext

    class PythonLoader(yaml.SafeLoader):
        yaml_implicit_resolvers = yamltext._Loader.yaml_implicit_resolvers

    files = sorted(Path(__file__).resolve().parents[2].joinpath("lessons").rglob("*.yaml"))
    assert len(files) > 20
    texts = [f.read_text(encoding="utf-8") for f in files]
    fast = [parse_yaml(t) for t in texts]
    monkeypatch.setattr(yamltext, "_Loader", PythonLoader)
    slow = [parse_yaml(t) for t in texts]
    assert fast == slow
