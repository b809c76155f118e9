"""Errors a course author can cause, reported as ``path:line: field: message``."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    """One problem. ``root`` marks a cause (a file that did not load) that is listed before
    the problems it may explain, so an author fixes it first."""

    path: str
    line: int
    field: str
    message: str
    root: bool = dataclasses.field(default=False, compare=False)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class LessonError(ValueError):
    """One or more problems in a course; ``str()`` lists every one, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (not p.root, p))
        super().__init__("\n".join(str(p) for p in self.problems))
