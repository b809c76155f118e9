"""roles.yaml: loaded into the lesson, its mistakes reported with file, line and field."""

from __future__ import annotations

import pytest
from tests.helpers import edit
from tests.roleplay_course import LESSON, build_roleplay_course

import lessonkit as lk
from lessonkit.errors import LessonError


@pytest.fixture
def root(tmp_path):
    return build_roleplay_course(tmp_path / "course")


def _problems(root) -> list[str]:
    with pytest.raises(LessonError) as info:
        lk.load_course(root)
    return [f"{p.path.split('/')[-1]}:{p.line}: {p.field}: {p.message}" for p in info.value.problems]


def test_roles_yaml_becomes_part_of_the_lesson(root):
    course = lk.load_course(root)
    play = course.lesson(LESSON).roleplay
    assert play.parties == ["north", "south", "mediator"]
    assert play.mediator.party == "mediator"
    assert play.role("south").priorities == {"fishing": 1, "water": 3, "ferry": 2}
    assert course.lesson("01").roleplay is None
    with pytest.raises(KeyError, match="no brief for 'east'"):
        play.role("east")


def test_field_errors_name_the_line(root):
    roles = root / LESSON / "roles.yaml"
    edit(roles, "priorities: {fishing: 3, water: 2, ferry: 1}", "priorities: {fishing: 4, water: 2, ferry: 1}")
    edit(roles, "    kind: delegation\n    priorities: {fishing: 1", "    kind: speaker\n    priorities: {fishing: 1")
    found = _problems(root)
    assert "roles.yaml:9: roles[0].priorities.fishing: Input should be less than or equal to 3" in found
    assert any(p.startswith("roles.yaml:27: roles[1].kind: 'speaker' is not one of") for p in found)


def test_cross_references_are_checked(root):
    roles = root / LESSON / "roles.yaml"
    edit(roles, "issues: [fishing, water, ferry]", "issues: [fishing, water, ferry, tolls]")
    edit(roles, "options: [south-veto]", "options: [south-veto, north-decides, floods]")
    edit(roles, "quotes: [north-after-first-round]", "quotes: [south-after-first-round, nope]")
    edit(roles, "  - party: mediator\n", "  - party: east\n")
    found = _problems(root)
    expected = [
        "roles.yaml:3: scenario.issues[3]: 'tolls' is not a known issue",
        "roles.yaml:9: roles[0].priorities: no weight for tolls (every issue on the table needs one)",
        "roles.yaml:13: roles[0].red_lines[0].options[1]: "
        "'north-decides' is north's own position on water on that date",
        "roles.yaml:13: roles[0].red_lines[0].options[2]: 'floods' is not an option of 'water' "
        "(north-decides, joint-board, south-veto)",
        "roles.yaml:24: roles[0].quotes[0]: 'south-after-first-round' was said by someone of 'south', not 'north'",
        "roles.yaml:24: roles[0].quotes[1]: 'nope' is not a known statement",
        "roles.yaml:40: roles[2].party: 'east' is not a known party",
    ]
    for line in expected:
        assert line in found, f"{line}\n not in \n" + "\n".join(found)


def test_red_line_inside_the_acceptable_estimate_and_missing_stance(root):
    roles = root / LESSON / "roles.yaml"
    edit(roles, "options: [open]", "options: [quotas]")
    stances = root / "data" / "talks.yaml"
    edit(stances, "  - party: mediator\n    issue: fishing\n", "  - party: mediator\n    issue: water\n")
    edit(roles, "date: 2024-06-01", "date: 2024-12-01")
    found = _problems(root)
    assert any("roles[0].red_lines[1].options[0]: 'quotas' is in north's acceptable estimate" in p for p in found)
    assert any("roles[2].party: 'mediator' has no stance on 'fishing' on or before 2024-12-01" in p for p in found), (
        found
    )
    assert any("scenario.date: 2024-12-01 is after the course's as-of date 2024-06-30" in p for p in found)


def test_structure_rules_within_the_file(root):
    roles = root / LESSON / "roles.yaml"
    edit(roles, "  - party: mediator\n    kind: mediator\n", "  - party: south\n    kind: mediator\n")
    edit(
        roles, "priorities: {fishing: 1, water: 3, ferry: 2}", "priorities: {fishing: 1, water: 3, ferry: 2, tolls: 1}"
    )
    found = _problems(root)
    assert any("roles[2].party: 'south' has a brief already" in p for p in found), found
    assert any("roles[1].priorities.tolls: 'tolls' is not an issue on the table" in p for p in found), found


def test_roleplay_key_in_lesson_yaml_is_refused(root):
    lesson = root / LESSON / "lesson.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "roleplay: {}\n", encoding="utf-8")
    assert any("roleplay: a role-play belongs in roles.yaml" in p for p in _problems(root))
