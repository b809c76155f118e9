"""The tiny sample course shipped inside the package, for tests, docs and trying things out."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from lessonkit.course.loader import load_course
from lessonkit.course.model import Course


def sample_course_path() -> Path:
    return Path(str(resources.files("lessonkit") / "sample_course"))


def sample_course() -> Course:
    return load_course(sample_course_path())
