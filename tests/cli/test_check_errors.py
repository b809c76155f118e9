"""Each kind of bad input an author can make gets a plain `path:line: field: message`.

One test per failure, named after it; all run the CLI in-process on a broken copy of
the sample course and check the exit code, the location and the absence of a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.helpers import edit

from lessonkit.cli.main import main


def check(course: Path, capsys) -> tuple[int, str]:
    code = main(["check", str(course)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.err


def assert_problem(err: str, file: str, line: int, field: str, words: str) -> None:
    pattern = rf"{re.escape(file)}:{line}: {re.escape(field)}: .*{re.escape(words)}"
    assert re.search(pattern, err), f"no line matching {pattern!r} in:\n{err}"


def test_malformed_yaml(sample_copy, capsys):
    edit(
        sample_copy / "data/events.yaml",
        "    certainty: confirmed\n    era: dispute",
        "    certainty: [confirmed\n    era: dispute",
    )
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert re.search(r"events\.yaml:\d+: not valid YAML", err), err


def test_unknown_key(sample_copy, capsys):
    edit(
        sample_copy / "data/events.yaml",
        "    certainty: confirmed\n    era: dispute",
        "    certainty: confirmed\n    eraa: dispute",
    )
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "events.yaml", 10, "events[0].eraa", "not a known field")
    assert_problem(err, "events.yaml", 2, "events[0].era", "required")


def test_impossible_date(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", "date: 2020-05-01", "date: 2020-13-01")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "events.yaml", 3, "events[0].date", "'2020-13-01' is not a date")


def test_missing_translation(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", ', ja: "ノースランドが湖を閉鎖"', "")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "events.yaml", 4, "events[0].title.ja", "required")


def test_empty_translation(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", 'ja: "ノースランドが湖を閉鎖"', 'ja: ""')
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "events.yaml", 4, "events[0].title.ja", "must not be empty")


def test_unknown_party(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", "actors: [north, south]", "actors: [north, westland]")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "events.yaml", 6, "events[0].actors[1]", "'westland' is not a known party")


def test_unknown_source(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", "sources: [north-gazette-2020]", "sources: [south-times-2020]")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "events.yaml", 8, "events[0].sources[0]", "'south-times-2020' is not a known source")


def test_event_without_source(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", "sources: [north-gazette-2020]", "sources: []")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "events.yaml", 8, "events[0].sources", "at least 1")


def test_duplicate_id(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", "id: first-round", "id: lake-closed")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "events.yaml", 11, "events[1].id", "'lake-closed' is used twice (first at")


def test_duplicate_id_across_files(sample_copy, capsys):
    extra = sample_copy / "data/more-sources.yaml"
    source = (sample_copy / "data/sources.yaml").read_text(encoding="utf-8").split("  - id: mediator")[0]
    extra.write_text(source, encoding="utf-8")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert "'north-gazette-2020' is used twice" in err


def test_stance_on_unknown_issue(sample_copy, capsys):
    edit(
        sample_copy / "data/stances.yaml", "  - party: south\n    issue: fishing", "  - party: south\n    issue: fishng"
    )
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "stances.yaml", 17, "stances[1].issue", "'fishng' is not a known issue")


def test_stance_on_unknown_option(sample_copy, capsys):
    edit(sample_copy / "data/stances.yaml", "position: open", "position: closed")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "stances.yaml", 19, "stances[1].position", "'closed' is not an option of issue 'fishing'")


def test_stance_estimate_without_basis(sample_copy, capsys):
    text = (sample_copy / "data/stances.yaml").read_text(encoding="utf-8")
    basis = next(line for line in text.splitlines() if "Southland fished under quotas" in line)
    edit(sample_copy / "data/stances.yaml", basis + "\n", "")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert "stances[1]: acceptable options are an estimate: give acceptable_basis" in err


def test_stance_position_left_out(sample_copy, capsys):
    edit(sample_copy / "data/stances.yaml", "    position: null\n", "")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert re.search(r"stances\.yaml:\d+: stances\[4\]\.position: is required", err), err


def test_quiz_question_without_correct_answer(sample_copy, capsys):
    quizzes = sample_copy / "01-the-lake/quizzes.yaml"
    edit(quizzes, '            correct: true\n            feedback: {en: "Right', '            feedback: {en: "Right')
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "quizzes.yaml", 5, "quizzes[0].questions[0]", "exactly one correct choice, found 0")


def test_quiz_unknown_question_type(sample_copy, capsys):
    edit(sample_copy / "01-the-lake/quizzes.yaml", "type: numeric", "type: essay")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "quizzes.yaml", 49, "quizzes[0].questions[5].type", "'essay' is not a known type")


def test_quiz_links_unknown_event(sample_copy, capsys):
    edit(sample_copy / "01-the-lake/quizzes.yaml", "links: {events: [lake-closed]}", "links: {events: [lake-opened]}")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(
        err, "quizzes.yaml", 17, "quizzes[0].questions[0].links.events[0]", "'lake-opened' is not a known event"
    )


def test_quiz_links_unknown_stance(sample_copy, capsys):
    edit(
        sample_copy / "01-the-lake/quizzes.yaml",
        'links: {stances: ["south:fishing"]}',
        'links: {stances: ["south:mining"]}',
    )
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert "'south:mining' is not a known stance" in err


def test_empty_file_is_reported_first_instead_of_the_references_it_breaks(sample_copy, capsys):
    (sample_copy / "data/events.yaml").write_text("", encoding="utf-8")
    code, err = check(sample_copy, capsys)
    assert code == 1
    lines = err.splitlines()
    assert re.search(r"events\.yaml: is empty", lines[0]), err
    assert "is not a known event" not in err
    assert re.search(r"events\.yaml: \d+ references? to events not checked until this file loads", err), err


def test_broken_sources_file_hides_no_other_problem(sample_copy, capsys):
    (sample_copy / "data/sources.yaml").write_text("sources: [\n", encoding="utf-8")
    edit(sample_copy / "data/events.yaml", "actors: [north, south]\n", "actors: [north, nowhere]\n")
    code, err = check(sample_copy, capsys)
    assert code == 1
    first = err.splitlines()[0]
    assert re.search(r"sources\.yaml:\d+: not valid YAML", first), err
    assert "'nowhere' is not a known party" in err
    assert "is not a known source" not in err
    assert re.search(r"sources\.yaml: \d+ references to sources not checked", err), err


def test_file_not_utf8(sample_copy, capsys):
    path = sample_copy / "data/parties.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("shift_jis"))
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert re.search(r"parties\.yaml:\d+: is not UTF-8 text", err), err


def test_end_date_before_date(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", "end_date: 2024-03-12", "end_date: 2024-03-01")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert "events[1]: end_date 2024-03-01 must be after date 2024-03-10" in err


def test_event_after_as_of_date(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", "date: 2020-05-01", "date: 2024-07-10")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert "is after the course's as-of date 2024-06-30" in err


def test_event_outside_its_era(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", "era: dispute", "era: before")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert "2020-05-01 falls outside the era 'before'" in err


def test_url_not_https(sample_copy, capsys):
    edit(sample_copy / "data/sources.yaml", "https://example.org/north-gazette", "http://example.org/north-gazette")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "sources.yaml", 5, "sources[0].url", "https://")


def test_wrong_value_type(sample_copy, capsys):
    edit(sample_copy / "data/parties.yaml", 'colour: "#0072B2"', "colour: blue")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "parties.yaml", 6, "parties[0].colour", "not a colour")


def test_unknown_kind_of_content(sample_copy, capsys):
    (sample_copy / "data/extra.yaml").write_text("treaties: []\n", encoding="utf-8")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "extra.yaml", 1, "treaties", "is not a kind of content")


def test_lesson_listed_but_missing(sample_copy, capsys):
    edit(sample_copy / "course.yaml", "lessons: [01-the-lake]", "lessons: [01-the-lake, 02-the-river]")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert_problem(err, "course.yaml", 13, "lessons[1]", "lesson '02-the-river' has no")


def test_lesson_timing_does_not_add_up(sample_copy, capsys):
    edit(sample_copy / "01-the-lake/lesson.yaml", "minutes: 45", "minutes: 50")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert "activities add up to 45 minutes, but minutes is 50" in err


@pytest.mark.parametrize(
    ("version", "words"), [(0, "older than this lessonkit reads"), (2, "newer than this lessonkit reads; upgrade")]
)
def test_schema_version_too_old_or_too_new(sample_copy, capsys, version, words):
    edit(sample_copy / "course.yaml", "schema_version: 1", f"schema_version: {version}")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert "course.yaml:2: schema_version: version" in err
    assert words.split(";")[0] in err


def test_every_problem_reported_in_one_run(sample_copy, capsys):
    edit(sample_copy / "data/events.yaml", "date: 2020-05-01", "date: 2020-02-30")
    edit(sample_copy / "data/parties.yaml", 'kind: state\n    colour: "#0072B2"', 'kind: empire\n    colour: "#0072B2"')
    edit(sample_copy / "data/stances.yaml", "position: open", "position: closed")
    code, err = check(sample_copy, capsys)
    assert code == 1
    assert "events[0].date" in err and "parties[0].kind" in err and "stances[1].position" in err
    assert "3 problems found." in err


def test_missing_course_file(tmp_path, capsys):
    code, err = check(tmp_path, capsys)
    assert code == 1
    assert "no course.yaml" in err
