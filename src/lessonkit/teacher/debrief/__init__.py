"""``lessonkit debrief``: a class's deal files -> one offline HTML report for the debrief.

``debrief(paths, course=...)`` reads every file (folders are searched for ``*.json``), and
accounts for each: scored, or rejected with its reason (not JSON, not a deal file, another
lesson, an unknown option ...). Nothing is dropped silently and a bad file never stops the
others. Standard library and lessonkit's own scoring only: no plotly, no widgets, no network.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lessonkit.roleplay.deal_file import DealError, DealFile, check_deal_file, read_deal
from lessonkit.roleplay.scoring import DealResult, score_deal

if TYPE_CHECKING:
    from lessonkit.content.roleplay import RolePlay
    from lessonkit.course.model import Course

__all__ = ["DebriefError", "DebriefRun", "Scored", "debrief", "find_files"]


class DebriefError(ValueError):
    """Wrong usage (a path that does not exist, a lesson without a role-play): exit 2."""


@dataclass(frozen=True)
class Scored:
    path: Path
    deal: DealFile
    result: DealResult


@dataclass
class DebriefRun:
    lesson: str
    play: RolePlay
    scored: list[Scored] = field(default_factory=list)
    rejected: list[tuple[Path, str, str]] = field(default_factory=list)  # path, kind, reason

    @property
    def ok(self) -> bool:
        return bool(self.scored) and not self.rejected


def find_files(paths: list[str | os.PathLike[str]]) -> list[Path]:
    """Files as given, and every ``*.json`` under folders, sorted, each once."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.json") if p.is_file())
        elif path.exists():
            found.append(path)
        else:
            raise DebriefError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def _lesson(course: Course, lesson: str | None) -> tuple[str, RolePlay]:
    if lesson is not None:
        try:
            found = course.lesson(lesson)
        except KeyError as exc:
            raise DebriefError(str(exc.args[0])) from None
        if found.roleplay is None:
            raise DebriefError(f"lesson {found.id!r} has no role-play (roles.yaml)")
        return found.id, found.roleplay
    plays = [(x.id, x.roleplay) for x in course.lessons if x.roleplay is not None]
    if len(plays) != 1:
        raise DebriefError("the course has no lesson with a role-play" if not plays else "several role-plays: --lesson")
    return plays[0]


_ROUND_ORDER = {"opening": 0, "1": 1, "2": 2, "final": 3}


def debrief(paths: list[str | os.PathLike[str]], *, course: Course, lesson: str | None = None) -> DebriefRun:
    """Read and score every deal file; the run lists the scored deals (by round, class, group)
    and the rejected files with their reasons."""
    lesson_id, play = _lesson(course, lesson)
    run = DebriefRun(lesson_id, play)
    for path in find_files(paths):
        try:
            deal = read_deal(path)
            check_deal_file(deal, course, play, lesson_id, str(path))
            result = score_deal(course, play, deal.choices)
        except DealError as exc:
            run.rejected.append((path, exc.kind, exc.detail))
            continue
        except ValueError as exc:  # scoring refused the deal (should not pass check_deal_file)
            run.rejected.append((path, "mismatch", str(exc)))
            continue
        run.scored.append(Scored(path, deal, result))
    run.scored.sort(key=lambda s: (_ROUND_ORDER[s.deal.round], s.deal.class_, s.deal.group, s.deal.party))
    return run
