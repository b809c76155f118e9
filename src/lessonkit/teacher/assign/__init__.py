"""``lessonkit assign``: student copies of lessons and the teacher's answer key.

Steps, each small and tested on its own: pick the lessons; copy the course facts and the
lessons' metadata; write each quiz as a student file (hashed key or none); write the
notebooks with solutions removed; write the answer key beside, not inside, the student
folder.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lessonkit.course.loader import COURSE_FILE
from lessonkit.course.model import Course
from lessonkit.errors import LessonError, Problem
from lessonkit.quizzes.student_file import build_student_quiz, student_quiz_path
from lessonkit.teacher.assign.answer_key import answer_key


@dataclass
class Assignment:
    student_dir: Path
    teacher_dir: Path
    notebooks: list[Path] = field(default_factory=list)
    quizzes: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def assign(
    course: Course,
    lessons: list[str],
    *,
    out: str | Path,
    lang: str = "en",
    mode: str = "practice",
    notebooks_dir: str | Path | None = None,
    seed: int = 0,
) -> Assignment:
    """Write ``out/student`` (hand this out) and ``out/teacher`` (keep this)."""
    import nbformat  # only here: grading imports this package for its match ids

    from lessonkit.teacher.assign.notebooks import NotebookError, student_notebook

    if mode not in ("practice", "exam"):
        raise ValueError("mode must be 'practice' or 'exam'")
    chosen = [course.lesson(lesson).id for lesson in lessons]
    out = Path(out)
    student, teacher = out / "student", out / "teacher"
    if student.exists() and any(student.iterdir()):
        raise LessonError([Problem(str(student), 0, "", "already exists and is not empty; choose another --out")])
    notebooks_dir = Path(notebooks_dir) if notebooks_dir else course.root.parent / "notebooks"
    result = Assignment(student, teacher)
    _copy_course(course, chosen, student / "lessons")
    for lesson_id in chosen:
        result.quizzes += _write_quizzes(course, lesson_id, student / "lessons" / lesson_id, mode, seed)
        source = notebooks_dir / lang / f"{lesson_id}.ipynb"
        if course.lesson(lesson_id).roleplay is not None:  # one private copy per role instead
            result.notebooks += _role_copies(course, lesson_id, out / "roles", source, lang, mode, seed)
            result.notes.append(f"{lesson_id}: a role-play: hand each group its own folder {out / 'roles'}/<role>")
            continue
        if not source.is_file():
            result.notes.append(f"{lesson_id}: no notebook {source}; only its quiz files were written")
            continue
        target = student / "notebooks" / lang / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            nbformat.write(student_notebook(source), target)
        except NotebookError as exc:
            raise LessonError([Problem(str(source), 0, "", str(exc))]) from None
        result.notebooks.append(target)
    teacher.mkdir(parents=True, exist_ok=True)
    md, html = answer_key(course, chosen, lang=lang, mode=mode)
    (teacher / f"answer-key.{lang}.md").write_text(md, encoding="utf-8")
    (teacher / f"answer-key.{lang}.html").write_text(html, encoding="utf-8")
    for lesson_id in chosen:
        guide = course.root / lesson_id / f"teacher-guide.{lang}.md"
        if guide.is_file():
            shutil.copy(guide, teacher / f"{lesson_id}-teacher-guide.{lang}.md")
    return result


def _write_quizzes(course: Course, lesson_id: str, folder: Path, mode: str, seed: int) -> list[Path]:
    """Each quiz of the lesson as a student file (hashed key in practice, none in exam)."""
    written = []
    for quiz in course.lesson(lesson_id).quizzes:
        quiz_mode = "exam" if "exam" in (mode, quiz.mode) else "practice"
        data = build_student_quiz(quiz, course=course.info.id, lesson=lesson_id, mode=quiz_mode, seed=seed)
        path = student_quiz_path(folder, quiz.id)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _role_copies(
    course: Course, lesson_id: str, out: Path, source: Path, lang: str, mode: str, seed: int
) -> list[Path]:
    """``out/<party>/``: a student copy of the lesson for each role, with that role's brief only
    (see ``lessonkit.teacher.assign.roles``)."""
    from lessonkit.teacher.assign.roles import write_role_files

    play = course.lesson(lesson_id).roleplay
    written = []
    for party in play.parties if play else []:
        _copy_course(course, [lesson_id], out / party / "lessons")
        _write_quizzes(course, lesson_id, out / party / "lessons" / lesson_id, mode, seed)
        notebook = write_role_files(course, lesson_id, party, out / party / "notebooks" / lang, source, lang)
        written += [notebook] if notebook else []
    return written


def _copy_course(course: Course, lessons: list[str], target: Path) -> None:
    """The facts and the chosen lessons' metadata; never quizzes.yaml or teacher guides."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(course.root / "data", target / "data")
    text = (course.root / COURSE_FILE).read_text(encoding="utf-8")
    (target / COURSE_FILE).write_text(_with_lessons(text, lessons), encoding="utf-8")
    for lesson_id in lessons:
        (target / lesson_id).mkdir()
        shutil.copy(course.root / lesson_id / "lesson.yaml", target / lesson_id / "lesson.yaml")


def _with_lessons(course_yaml: str, lessons: list[str]) -> str:
    """course.yaml with its lesson list cut to the assigned lessons (comments kept)."""
    from lessonkit.course.yamltext import parse_yaml

    _, lines = parse_yaml(course_yaml)
    rows = course_yaml.splitlines(keepends=True)
    start = lines[("lessons",)] - 1
    end = start + 1
    while end < len(rows) and (rows[end].startswith((" ", "\t", "-")) or not rows[end].strip()):
        end += 1
    if "[" in rows[start]:  # flow style: lessons: [a, b]
        end = start + 1
    block = "lessons:\n" + "".join(f"  - {lesson}\n" for lesson in lessons)
    return "".join(rows[:start]) + block + "".join(rows[end:])
