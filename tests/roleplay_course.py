"""The sample course with a role-play lesson (tests/fixtures/roleplay), built in a temporary folder.

The packaged sample stays as it is; the role-play tests load this copy instead, so the kit's
tests never depend on the real course.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lessonkit
import lessonkit.course.model

FIXTURE = Path(__file__).parent / "fixtures" / "roleplay"
LESSON = "02-the-talks"


def build_roleplay_course(target: Path) -> Path:
    """Copy the sample course to ``target`` and add the role-play lesson; returns ``target``."""
    shutil.copytree(lessonkit.sample_course_path(), target)
    shutil.copytree(FIXTURE / LESSON, target / LESSON)
    for path in (FIXTURE / "data").glob("*.yaml"):
        shutil.copy(path, target / "data" / path.name)
    course_yaml = target / "course.yaml"
    text = course_yaml.read_text(encoding="utf-8")
    assert text.count("lessons: [01-the-lake]") == 1
    course_yaml.write_text(
        text.replace("lessons: [01-the-lake]", f"lessons: [01-the-lake, {LESSON}]"), encoding="utf-8"
    )
    return target


def load_roleplay_course(target: Path) -> lessonkit.course.model.Course:
    return lessonkit.load_course(build_roleplay_course(target))
