"""The hub's class list (deploy/hub/classhub/classlist.py): what a teacher types, and the line
of every mistake, before any account or file is touched."""

from __future__ import annotations

import sys

import pytest
from tests.helpers import REPO

sys.path.insert(0, str(REPO / "deploy" / "hub"))
from classhub.classlist import read_class
from classhub.common import HUB_NAME_RE, HubError


def _roster(tmp_path, text: str, bom: bool = False):
    path = tmp_path / "class.csv"
    path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
    return path


def test_a_class_list_with_a_header_comments_and_roles(tmp_path):
    path = _roster(
        tmp_path,
        "username,full name,student id,role\n# group A\ns01,Aiko Sato,1,UA\n\nS02,Ben,2\ns03\n",
        bom=True,  # as spreadsheet programs save CSV
    )
    got = [(s["name"], s["full_name"], s["id"], s["role"], s["line"]) for s in read_class(path)]
    assert got == [("s01", "Aiko Sato", "1", "ua", "3"), ("s02", "Ben", "2", "", "5"), ("s03", "", "", "", "6")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("s01\ns01\n", ":2: 's01' is listed twice"),
        ("s01\n1st\n", ":2: '1st' is not a username: use a-z, 0-9, - and _, starting with a letter"),
        ("s01,A,1,u a\n", ":1: 'u a' is not a role"),
        ("# nobody yet\n", ": no student in the class list"),
    ],
)
def test_each_mistake_is_named_with_its_line(tmp_path, text, message):
    path = _roster(tmp_path, text)
    with pytest.raises(HubError) as raised:
        read_class(path)
    assert str(raised.value).startswith(f"{path}{message}"), str(raised.value)


def test_a_hub_that_signs_people_in_elsewhere_takes_its_own_usernames(tmp_path):
    path = _roster(tmp_path, "aiko.sato@school.example,Aiko,1,us\n")
    assert [s["name"] for s in read_class(path, names=HUB_NAME_RE)] == ["aiko.sato@school.example"]
    with pytest.raises(HubError, match="not a username"):
        read_class(path)  # the course's own hub makes system users: those names are too loose
    spaced = _roster(tmp_path, "aiko sato,Aiko,1,us\n")
    with pytest.raises(HubError, match="without spaces or '/'"):
        read_class(spaced, names=HUB_NAME_RE)


def test_a_missing_class_list_says_what_one_looks_like(tmp_path):
    with pytest.raises(HubError, match=r"no such class list \(one student a line: username"):
        read_class(tmp_path / "nope.csv")
