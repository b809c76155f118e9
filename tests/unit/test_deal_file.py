"""The deal file: round trip, atomic write, and every kind of hostile or malformed file refused clearly."""

from __future__ import annotations

import json

import pytest

from lessonkit.roleplay.deal_file import (
    MAX_FILE_BYTES,
    DealError,
    build_deal,
    default_filename,
    parse_deal,
    read_deal,
    write_deal,
)


def _deal(**changes):
    data = build_deal(
        course="lake-treaty-sample",
        lesson="02-the-talks",
        class_name="3-B",
        group="山田 班",
        party="north",
        role="delegation",
        round="1",
        language="ja",
        choices={"fishing": "quotas", "water": None},
    )
    data.update(changes)
    return data


def test_round_trip(tmp_path):
    data = _deal()
    path = write_deal(tmp_path / default_filename("02-the-talks", "3-B", "山田 班", "north", "1"), data)
    assert path.name == "deal-02-the-talks-3-b-山田-班-north-1.json"
    deal = read_deal(path)
    assert deal.as_json() == data and deal.class_ == "3-B" and deal.choices == {"fishing": "quotas", "water": None}
    assert "山田" in path.read_text(encoding="utf-8")  # ensure_ascii=False
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was replaced, not left behind


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("{not json", "not-json", "not valid JSON"),
        ("[1, 2]", "not-deal", "not a lessonkit deal file"),
        ('{"format": "lessonkit-responses/1"}', "not-deal", "not a lessonkit deal file"),
        (json.dumps(_deal(version=2)), "version", "update lessonkit"),
        (json.dumps(_deal(version="1")), "version", "is not 1"),
        (json.dumps(_deal(choices={"fishing": 3})), "invalid", "choices.fishing"),
        (json.dumps(_deal(choices={"<b>": "x"})), "invalid", "choices"),
        (json.dumps(_deal(choices={f"i{n}": None for n in range(21)})), "invalid", "choices"),
        (json.dumps(_deal(group="x" * 101)), "invalid", "group"),
        (json.dumps(_deal(group="  ")), "invalid", "group: give the group's name"),
        (json.dumps(_deal(round="3")), "invalid", "round"),
        (json.dumps(_deal(admin=True)), "invalid", "admin: unknown field"),
        (json.dumps(_deal(saved_at="2026-02-18T09:00:00+09:00")), "invalid", "UTC"),
        (json.dumps(_deal(saved_at=5)), "invalid", "saved_at"),
        ('{"format": "lessonkit-deal", "version": 1, "x": NaN}', "not-json", "not a number JSON allows"),
        ("[" * 100_000 + "]" * 100_000, "too-large", "larger than"),
        ("[" * 50_000 + "]" * 40_000, "not-json", "JSON"),
    ],
)
def test_malformed_files_are_refused_with_a_reason(text, kind, message):
    with pytest.raises(DealError) as info:
        parse_deal(text, "deal-x.json")
    assert info.value.kind == kind
    assert message in str(info.value) and str(info.value).startswith("deal-x.json: ")


def test_files_that_cannot_be_read(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"group": "Gr\u00fcn"}'.encode("latin-1"))
    for path, kind in ((big, "too-large"), (latin, "not-utf8"), (tmp_path / "missing.json", "unreadable")):
        with pytest.raises(DealError) as info:
            read_deal(path)
        assert info.value.kind == kind


def test_build_refuses_what_would_not_read_back():
    with pytest.raises(DealError):
        _deal_args = dict(course="c", lesson="l", class_name="", group="g", party="P!", role="delegation")
        build_deal(**_deal_args, round="1", language="en", choices={})
