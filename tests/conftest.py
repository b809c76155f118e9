"""Fixtures shared by every test tier."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import lessonkit

REPO = Path(__file__).resolve().parents[1]
COURSE_DIR = REPO / "lessons"


@pytest.fixture(scope="session")
def sample():
    """The packaged sample course, loaded once."""
    return lessonkit.sample_course()


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample course, for tests that break it on purpose."""
    target = tmp_path / "course"
    shutil.copytree(lessonkit.sample_course_path(), target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact snippet in a file; fail loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
