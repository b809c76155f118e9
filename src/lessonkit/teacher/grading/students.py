"""Who handed in what: one student's files matched together, the latest kept, doubtful identities reported.

Students type their name and id by hand, on different machines, so ``Ann  Lee`` and
``ann lee``, or ``S-042`` and ``Ｓ－０４２`` (full width, from a Japanese IME), are the
same person. A student is their id when they typed one, else their name, each compared
after ``normalise``. Two files from one student for one quiz are a resubmission: the
one saved last is graded, the other is rejected and names the one that was kept.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lessonkit.course.loader import display_path
from lessonkit.quizzes.responses import Student, timestamp
from lessonkit.teacher.grading.collect import Rejected

if TYPE_CHECKING:
    from lessonkit.teacher.grading.gradebook import Submission

__all__ = ["Clash", "clashes", "keep_latest", "normalise", "student_key"]


def normalise(text: str) -> str:
    """NFKC, case-folded, runs of white space as one space: how typed names and ids are compared."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def student_key(student: Student) -> tuple[str, str]:
    """``("id", ...)`` when the student typed an id, else ``("name", ...)``."""
    sid = normalise(student.id)
    return ("id", sid) if sid else ("name", normalise(student.name))


def keep_latest(submissions: Sequence[Submission]) -> tuple[list[Submission], list[Rejected]]:
    """One submission per student and quiz: the latest ``saved``; the others rejected naming it.

    On a tie (saved in the same second) the first in path order is kept and the reason
    says so, since nothing in the files tells which one the student meant.
    """
    groups: dict[tuple[str, str, tuple[str, str]], list[Submission]] = defaultdict(list)
    for s in sorted(submissions, key=lambda s: str(s.path)):
        groups[(s.lesson.id, s.quiz.id, student_key(s.responses.student))].append(s)
    kept, rejected = [], []
    for group in groups.values():
        latest = max(group, key=lambda s: s.responses.saved)  # max keeps the first of equals
        kept.append(latest)
        shown, when = display_path(latest.path), timestamp(latest.responses.saved)
        for s in group:
            if s is latest:
                continue
            if s.responses.saved == latest.responses.saved:
                detail = f"saved at the same time ({when}) as {shown}, which was graded instead: check which is right"
            else:
                detail = f"an earlier submission (saved {timestamp(s.responses.saved)}); graded {shown} (saved {when})"
            rejected.append(Rejected(s.path, "superseded", detail))
    return kept, rejected


@dataclass(frozen=True)
class Clash:
    """One typed id used with different names, or one name with different ids: maybe a typo, maybe two people.

    ``kind`` is ``"id"`` (same id, several names) or ``"name"`` (same name, several ids;
    an empty id counts). ``files`` pairs each file with the name and id typed in it.
    """

    kind: str
    value: str
    files: tuple[tuple[Path, str, str], ...]

    def __str__(self) -> str:
        what = "names" if self.kind == "id" else "ids"
        typed = [(name if self.kind == "id" else sid).strip() for _, name, sid in self.files]
        shown = ", ".join(
            f"{t!r} ({display_path(path)})" if t else f"no id ({display_path(path)})"
            for t, (path, _, _) in zip(typed, self.files, strict=True)
        )
        return f"{self.kind} {self.value!r} is used with different {what}: {shown}"


def _clashes_by(submissions: Sequence[Submission], kind: str) -> list[Clash]:
    other = "name" if kind == "id" else "id"
    groups: dict[str, list[Submission]] = defaultdict(list)
    for s in submissions:
        value = normalise(getattr(s.responses.student, kind))
        if value:
            groups[value].append(s)
    out = []
    for group in groups.values():
        variants = {normalise(getattr(s.responses.student, other)) for s in group}
        if kind == "id":
            variants.discard("")  # a file with an id and no name is not a clash
        if len(variants) > 1:
            group = sorted(group, key=lambda s: str(s.path))
            files = tuple((s.path, s.responses.student.name, s.responses.student.id) for s in group)
            out.append(Clash(kind, getattr(group[0].responses.student, kind).strip(), files))
    return out


def clashes(submissions: Sequence[Submission]) -> list[Clash]:
    """Ids typed with different names, then names typed with different ids (or with and without one)."""
    return _clashes_by(submissions, "id") + _clashes_by(submissions, "name")
