"""Read a course folder: text -> YAML with lines -> models -> cross-checked ``Course``.

Every problem is collected with its file and line, and all of them are raised together
as one ``LessonError``, so an author fixes a whole batch per run.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from lessonkit.content import (
    SCHEMA_VERSION,
    CourseInfo,
    Lesson,
    Quiz,
)
from lessonkit.content.roleplay import RolePlay
from lessonkit.course import cache as course_cache
from lessonkit.course.collected import KINDS, Collected, Located
from lessonkit.course.crossref import cross_check
from lessonkit.course.geo import read_boundaries
from lessonkit.course.messages import field_name, problems_from
from lessonkit.course.model import Course
from lessonkit.errors import LessonError, Problem

COURSE_FILE = "course.yaml"
ROLES_FILE = "roles.yaml"  # a role-play lesson's scenario and briefs


def find_course(start: str | os.PathLike | None = None) -> Path:
    """The course folder: ``start`` itself, or ``lessons/`` in it or in a parent folder."""
    here = Path(start or Path.cwd()).resolve()
    if (here / COURSE_FILE).is_file():
        return here
    for folder in (here, *here.parents):
        if (folder / "lessons" / COURSE_FILE).is_file():
            return folder / "lessons"
    raise LessonError([Problem(display_path(here), 0, "", f"no {COURSE_FILE} here or in lessons/ of a parent folder")])


def display_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """The file as UTF-8 text, or None with the problem recorded."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, 0, "", f"cannot be read ({exc.strerror})"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(shown, line, "", f"is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        )
        return None
    return text.removeprefix("\ufeff")


def read_yaml(path: Path, problems: list[Problem]) -> tuple[Any, dict] | None:
    """The file's data and line marks, or None with the problem recorded as a root cause."""
    found: list[Problem] = []
    parsed = _read_yaml(path, found)
    problems += [dataclasses.replace(p, root=True) for p in found]
    return parsed


def _read_yaml(path: Path, problems: list[Problem]) -> tuple[Any, dict] | None:
    # PyYAML only here: a lesson kernel that finds its course in the cache never imports it
    from lessonkit.course.yamltext import YamlSyntaxError, parse_yaml

    text = read_text(path, problems)
    if text is None:
        return None
    try:
        data, lines = parse_yaml(text)
    except YamlSyntaxError as exc:
        problems.append(Problem(display_path(path), exc.line, "", str(exc)))
        return None
    if data is None:
        problems.append(Problem(display_path(path), 0, "", "is empty"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(display_path(path), lines.get((), 1), "", "should be a mapping of keys to values"))
        return None
    return data, lines


def guess_kind(path: Path) -> str | None:
    """The kind of content a data file is named after (``sources-timeline.yaml``: sources)."""
    for name in (path.stem, path.stem.split("-")[0]):
        if name.replace("-", "_") in KINDS:
            return name.replace("-", "_")
    return None


def validate(model: type[BaseModel], data: Any, where: Located, problems: list[Problem]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(problems_from(exc, data, where.lines, where.path, where.at))
        return None


def _check_version(data: dict, lines: dict, shown: str, problems: list[Problem]) -> bool:
    version = data.get("schema_version")
    line = lines.get(("schema_version",), 1)
    if not isinstance(version, int) or isinstance(version, bool):
        problems.append(
            Problem(shown, line, "schema_version", f"must be a whole number (this lessonkit reads {SCHEMA_VERSION})")
        )
        return False
    if version < SCHEMA_VERSION:
        problems.append(
            Problem(
                shown,
                line,
                "schema_version",
                f"version {version} is older than this lessonkit reads ({SCHEMA_VERSION}); "
                "docs/authoring.md says how to update the files",
            )
        )
        return False
    if version > SCHEMA_VERSION:
        problems.append(
            Problem(
                shown,
                line,
                "schema_version",
                f"version {version} is newer than this lessonkit reads ({SCHEMA_VERSION}); upgrade lessonkit",
            )
        )
        return False
    return True


def collect(root: Path) -> Collected:
    """Read and validate every file of the course, without cross-checks."""
    out = Collected()
    course_path = root / COURSE_FILE
    parsed = read_yaml(course_path, out.problems)
    if parsed is None:
        return out
    data, lines = parsed
    shown = display_path(course_path)
    if not _check_version(data, lines, shown, out.problems):
        return out
    out.course_where = Located(shown, lines, ())
    out.info = validate(CourseInfo, data, out.course_where, out.problems)
    _collect_data(root / "data", out)
    if (root / "data").is_dir():
        out.boundaries = read_boundaries(root / "data", display_path, out.problems)
    if out.info is not None:
        _collect_lessons(root, out.info, lines, shown, out)
    return out


def _collect_data(folder: Path, out: Collected) -> None:
    if not folder.is_dir():
        out.problems.append(Problem(display_path(folder), 0, "", "the data folder is missing"))
        return
    for path in sorted(folder.glob("*.yaml")):
        parsed = read_yaml(path, out.problems)
        if parsed is None:
            out.unloaded[display_path(path)] = guess_kind(path)
            continue
        data, lines = parsed
        shown = display_path(path)
        for kind, items in data.items():
            if kind not in KINDS:
                out.problems.append(
                    Problem(
                        shown,
                        lines.get((kind,), 0),
                        str(kind),
                        f"is not a kind of content; use one of {', '.join(KINDS)}",
                    )
                )
                continue
            if not isinstance(items, list):
                out.problems.append(Problem(shown, lines.get((kind,), 0), kind, "should be a list of items", root=True))
                out.unloaded[shown] = kind
                continue
            for i, item in enumerate(items):
                where = Located(shown, lines, (kind, i))
                model = validate(KINDS[kind], item, where, out.problems)
                if model is not None:
                    out.items[kind].append((model, where))
                elif isinstance(item, dict) and isinstance(item.get("id"), str):
                    out.broken_ids[kind].add(item["id"])


def _collect_lessons(root: Path, info: CourseInfo, course_lines: dict, course_shown: str, out: Collected) -> None:
    listed = set(info.lessons)
    for i, lesson_id in enumerate(info.lessons):
        folder = root / lesson_id
        lesson_file = folder / "lesson.yaml"
        if not lesson_file.is_file():
            out.problems.append(
                Problem(
                    course_shown,
                    course_lines.get(("lessons", i), 0),
                    f"lessons[{i}]",
                    f"lesson '{lesson_id}' has no {display_path(lesson_file)}",
                )
            )
            continue
        lesson = _read_lesson(folder, out)
        if lesson is None:
            continue
        lesson_model, where = lesson
        if lesson_model.id != lesson_id:
            out.problems.append(
                Problem(
                    where.path,
                    where.lines.get(("id",), 1),
                    "id",
                    f"'{lesson_model.id}' does not match its folder name '{lesson_id}'",
                )
            )
        out.lessons.append(lesson)
    for folder in sorted(p for p in root.iterdir() if (p / "lesson.yaml").is_file()):
        if folder.name not in listed:
            out.problems.append(
                Problem(
                    course_shown,
                    course_lines.get(("lessons",), 0),
                    "lessons",
                    f"the lesson folder '{folder.name}' is not listed",
                )
            )


def _read_lesson(folder: Path, out: Collected) -> tuple[Lesson, Located] | None:
    parsed = read_yaml(folder / "lesson.yaml", out.problems)
    if parsed is None:
        return None
    data, lines = parsed
    where = Located(display_path(folder / "lesson.yaml"), lines, ())
    quizzes: list[Quiz] = []
    quiz_file = folder / "quizzes.yaml"
    if quiz_file.is_file():
        quizzes = _read_quizzes(quiz_file, out)
    if "quizzes" in data:
        out.problems.append(
            Problem(
                where.path, lines.get(("quizzes",), 0), "quizzes", "quizzes belong in quizzes.yaml beside lesson.yaml"
            )
        )
        return None
    if "roleplay" in data:
        out.problems.append(
            Problem(where.path, lines.get(("roleplay",), 0), "roleplay", f"a role-play belongs in {ROLES_FILE}")
        )
        return None
    roleplay = _read_roleplay(folder / ROLES_FILE, out) if (folder / ROLES_FILE).is_file() else None
    lesson = validate(Lesson, {**data, "quizzes": quizzes, "roleplay": roleplay}, where, out.problems)
    return (lesson, where) if lesson is not None else None


def _read_quizzes(path: Path, out: Collected) -> list[Quiz]:
    parsed = read_yaml(path, out.problems)
    if parsed is None:
        return []
    data, lines = parsed
    shown = display_path(path)
    unknown = set(data) - {"quizzes"}
    for key in sorted(map(str, unknown)):
        out.problems.append(
            Problem(shown, lines.get((key,), 0), key, "is not a known field (the file holds 'quizzes')")
        )
    items = data.get("quizzes")
    if not isinstance(items, list):
        out.problems.append(Problem(shown, lines.get(("quizzes",), 1), "quizzes", "should be a list of quizzes"))
        return []
    quizzes = []
    for i, item in enumerate(items):
        quiz = validate(Quiz, item, Located(shown, lines, ("quizzes", i)), out.problems)
        if quiz is not None:
            quizzes.append(quiz)
            out.quizzes.append((quiz, Located(shown, lines, ("quizzes", i))))
    return quizzes


def _read_roleplay(path: Path, out: Collected) -> RolePlay | None:
    """``roles.yaml``: the scenario and the private briefs of a role-play lesson."""
    parsed = read_yaml(path, out.problems)
    if parsed is None:
        return None
    data, lines = parsed
    where = Located(display_path(path), lines, ())
    play = validate(RolePlay, data, where, out.problems)
    if play is not None:
        out.roleplays.append((play, where))
    return play


def load_course(path: str | os.PathLike | None = None, *, cache: bool = True) -> Course:
    """Load, validate and cross-check a course; raise ``LessonError`` listing every problem.

    A course that loaded before from the very same files comes from the per-user cache
    (``lessonkit.course.cache``), unless ``cache`` is false (``lessonkit check``)."""

    root = find_course(path)
    shown = display_path(root)
    key = course_cache.key(root, shown) if cache else None
    course = course_cache.read(root, shown, key) if key is not None else None
    if course is None:
        collected = collect(root)
        problems = list(collected.problems)
        if collected.info is not None:
            problems += cross_check(collected)
        if problems or collected.info is None:
            raise LessonError(problems)
        course = Course.from_collected(root, collected)
        if key is not None:
            course_cache.write(root, shown, key, course)  # before any look-up fills the course's indexes
    return course.freeze()  # out of the collector's way: see Course.freeze


__all__ = ["KINDS", "Collected", "Located", "collect", "field_name", "find_course", "load_course"]
