"""install-course: PREFIX/course for students, PREFIX/teacher and PREFIX/roles for root only."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from classhub.common import HubError
from classhub.homes import available_roles


def install_course(prefix: Path, source: Path, lessonkit: Path | None = None) -> None:
    """PREFIX/course (student copy, en and ja notebooks), PREFIX/teacher and PREFIX/roles (root only)."""
    lessonkit = lessonkit or prefix / "env" / "bin" / "lessonkit"
    if not lessonkit.exists():
        raise HubError(f"{lessonkit}: not found; install the hub environment first (make hub-install)")
    prefix.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="rtp-course-", dir=prefix))
    try:
        assign_all(lessonkit, source, work)
        student = work / "course"
        shutil.copytree(work / "en" / "student" / "lessons", student / "lessons")
        for lang in ("en", "ja"):
            shutil.copytree(work / lang / "student" / "notebooks" / lang, student / "notebooks" / lang)
        roles = gather_roles(work)
        teacher = work / "teacher"
        shutil.copytree(source / "lessons", teacher / "lessons")
        for lang in ("en", "ja"):
            shutil.copytree(
                source / "notebooks" / lang,
                teacher / "notebooks" / lang,
                ignore=shutil.ignore_patterns("responses-*.json", ".ipynb_checkpoints"),
            )
            shutil.copytree(work / lang / "teacher", teacher / "answer-key", dirs_exist_ok=True)
        for folder, _dirs, files in os.walk(student):
            os.chmod(folder, 0o755)
            for f in files:
                os.chmod(os.path.join(folder, f), 0o644)
        os.chmod(student, 0o755)
        os.chmod(teacher, 0o700)
        os.chmod(roles, 0o700)
        for name in ("course", "teacher", "roles"):
            old = prefix / f".{name}.old"
            shutil.rmtree(old, ignore_errors=True)
            if (prefix / name).exists():
                os.rename(prefix / name, old)
            os.rename(work / name, prefix / name)
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"course installed: {prefix / 'course'} (students), {prefix / 'teacher'} (root only), "
        f"{prefix / 'roles'} (root only; roles: {', '.join(available_roles(prefix)) or 'none'})"
    )


def assign_all(lessonkit: Path, source: Path, work: Path) -> None:
    """``lessonkit assign`` every lesson the course lists, in both languages, into WORK/<lang>/."""
    import yaml  # the course's own dependency: in the environment that runs lessonkit

    # the lessons the course lists (a folder being written but not yet listed is left out)
    lessons = yaml.safe_load((source / "lessons" / "course.yaml").read_text(encoding="utf-8"))["lessons"]
    for lang in ("en", "ja"):
        argv = [str(lessonkit), "assign", *lessons, "--out", str(work / lang), "--lang", lang]
        argv += ["--course", str(source / "lessons"), "--notebooks", str(source / "notebooks")]
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise HubError(f"lessonkit assign failed:\n{done.stdout}{done.stderr}")


def gather_roles(work: Path) -> Path:
    """WORK/roles/<role>/<lang>/: the role-play's private part, each role's notebook and brief.

    ``lessonkit assign`` writes a complete copy a role; the rest of it is the course's public
    part, which every student already has."""
    roles = work / "roles"
    roles.mkdir()
    for lang in ("en", "ja"):
        for copy in sorted((work / lang / "roles").glob("*")):
            if (copy / "notebooks" / lang).is_dir():
                shutil.copytree(copy / "notebooks" / lang, roles / copy.name / lang)
    return roles
