"""Every file found is graded or named with a reason: one fixture per way a file can be wrong."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from tests.grading_class import make_hostile, simulated_class, write

from lessonkit.quizzes.responses import ERROR_KINDS
from lessonkit.teacher.grading import REJECTION_KINDS, GradingError, grade
from lessonkit.teacher.grading.collect import collect

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks and pipes need POSIX")


@posix_only
def test_every_hostile_file_is_named_with_its_reason(sample, tmp_path):
    d = tmp_path / "inbox"
    expected = make_hostile(d)
    good = simulated_class(d / "class", 5)
    (d / "class" / "z-copy-of-s-001.json").write_text(good[0].read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    expected["z-copy-of-s-001.json"] = "duplicate"
    os.symlink(good[1], d / "link.json")
    expected["link.json"] = "symlink"
    os.symlink(tmp_path, d / "link-to-folder")
    expected["link-to-folder"] = "symlink"
    os.symlink(tmp_path / "nothing", d / "dangling.json")
    expected["dangling.json"] = "symlink"
    os.mkfifo(d / "pipe.json")
    expected["pipe.json"] = "not-regular"
    (d / "empty").mkdir()
    (d / "notes.txt").write_text("hello", encoding="utf-8")

    run = grade([d], course=sample)

    assert {r.path.name: r.kind for r in run.rejected} == expected
    assert len(run.submissions) == 5
    files = [p for p in d.rglob("*") if p.is_symlink() or not p.is_dir()]
    files.remove(d / "notes.txt")
    assert run.found == len(run.submissions) + len(run.rejected) == len(files)
    assert [p.name for p in run.ignored] == ["notes.txt"]
    assert not run.ok
    by_name = {r.path.name: r for r in run.rejected}
    assert "class/responses-01-the-lake-check-s-001.json" in by_name["z-copy-of-s-001.json"].detail
    assert "update lessonkit" in by_name["v2.json"].detail
    assert "admin: unknown field" in by_name["extra-field.json"].detail
    assert "this course is 'lake-treaty-sample'" in by_name["other-course.json"].detail
    assert "without its course" in by_name["no-course.json"].detail
    assert "has no quiz 'final' (it has: check)" in by_name["other-quiz.json"].detail
    assert str(by_name["huge.json"]).endswith("huge.json: larger than 1 MB; not a responses file")


def test_every_kind_has_a_name(sample):
    assert set(ERROR_KINDS) <= set(REJECTION_KINDS)


def test_a_folder_with_nothing_to_grade_says_so(sample, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "only-notes").mkdir()
    (tmp_path / "only-notes" / "README.md").write_text("x", encoding="utf-8")
    run = grade([tmp_path / "empty", tmp_path / "only-notes"], course=sample)
    assert [p.name for p in run.empty_folders] == ["empty", "only-notes"]
    assert run.found == 0 and not run.ok
    assert run.columns[-3:] == ("total", "maximum", "percent") and run.rows == ()


def test_a_missing_path_is_a_usage_error(sample, tmp_path):
    with pytest.raises(GradingError, match=r"no such file or folder: .*missing"):
        grade([tmp_path / "missing"], course=sample)


def test_outputs_are_checked_before_any_work(sample, tmp_path):
    write(tmp_path / "in", "a.json")
    with pytest.raises(GradingError, match="no folder"):
        grade([tmp_path / "in"], course=sample, out=tmp_path / "nowhere" / "g.csv")
    with pytest.raises(GradingError, match="is a folder"):
        grade([tmp_path / "in"], course=sample, report=tmp_path)
    with pytest.raises(GradingError, match="both be"):
        grade([tmp_path / "in"], course=sample, out=tmp_path / "x", report=tmp_path / "x")


def test_files_named_directly_are_read_whatever_their_ending(sample, tmp_path):
    path = write(tmp_path, "answers.txt")
    run = grade([path, tmp_path], course=sample)  # named twice: one file, graded once
    assert [s.path.name for s in run.submissions] == ["answers.txt"] and run.ok


def test_a_link_the_teacher_names_is_followed(sample, tmp_path):
    write(tmp_path / "real", "a.json")
    if sys.platform == "win32":
        pytest.skip("symlinks need POSIX")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    run = grade([tmp_path / "alias"], course=sample)
    assert len(run.submissions) == 1 and run.ok


def test_deep_folders_do_not_overflow(sample, tmp_path):
    deep = tmp_path.joinpath(*["d"] * 60)
    write(deep, "a.json")
    assert len(collect([tmp_path]).read) == 1


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_named(sample, tmp_path):
    path = write(tmp_path, "locked.json")
    path.chmod(0)
    try:
        run = grade([tmp_path], course=sample)
    finally:
        path.chmod(0o644)
    assert [(r.path.name, r.kind) for r in run.rejected] == [("locked.json", "unreadable")]


def test_duplicates_differ_only_in_whitespace_or_bom(sample, tmp_path):
    a = write(tmp_path, "a.json")
    text = a.read_text(encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(json.loads(text)), encoding="utf-8")
    (tmp_path / "c.json").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    run = grade([tmp_path], course=sample)
    assert [s.path.name for s in run.submissions] == ["a.json"]
    assert [(r.path.name, r.kind) for r in run.rejected] == [("b.json", "duplicate"), ("c.json", "duplicate")]


def test_a_read_error_is_named(sample, tmp_path, monkeypatch):
    """The same as a locked file, for runs as root (CI), where permissions do not stop a read."""
    write(tmp_path, "a.json")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    run = grade([tmp_path], course=sample)
    assert [(r.kind, r.detail) for r in run.rejected] == [("unreadable", "cannot read (Permission denied)")]


@posix_only
def test_a_folder_named_twice_is_read_once(sample, tmp_path):
    write(tmp_path / "in" / "sub", "a.json")
    os.symlink(tmp_path / "nothing", tmp_path / "in" / "sub" / "dangling.json")
    run = grade([tmp_path / "in", tmp_path / "in" / "sub", tmp_path / "in" / "sub" / "a.json"], course=sample)
    assert len(run.submissions) == 1
    assert [(r.path.name, r.kind) for r in run.rejected] == [("dangling.json", "symlink")]
