"""What loading gathers before the course is built: items with where they came from.

Kept apart from the loader so the cross-reference rules (``crossref``) and students' added
events (``edit``) use the same located items without importing the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from lessonkit.content import (
    Claim,
    CourseInfo,
    Event,
    Issue,
    Lesson,
    Party,
    Person,
    Quiz,
    Region,
    RegionStatus,
    Source,
    Stance,
    Statement,
)
from lessonkit.content.roleplay import RolePlay
from lessonkit.course.geo import Boundaries
from lessonkit.errors import Problem

KINDS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "parties": Party,
    "people": Person,
    "issues": Issue,
    "events": Event,
    "stances": Stance,
    "statements": Statement,
    "claims": Claim,
    "region_statuses": RegionStatus,
    "regions": Region,
}


@dataclass(frozen=True)
class Located:
    """Where an item came from, so cross-checks can name file and line."""

    path: str
    lines: dict
    at: tuple


@dataclass
class Collected:
    info: CourseInfo | None = None
    course_where: Located | None = None
    items: dict[str, list[tuple[Any, Located]]] = field(default_factory=lambda: {k: [] for k in KINDS})
    lessons: list[tuple[Lesson, Located]] = field(default_factory=list)
    quizzes: list[tuple[Quiz, Located]] = field(default_factory=list)
    roleplays: list[tuple[RolePlay, Located]] = field(default_factory=list)  # roles.yaml of each lesson
    # ids of items that failed validation, so references to them do not add more errors
    broken_ids: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})
    problems: list[Problem] = field(default_factory=list)
    # region outlines from data/geo/*.geojson
    boundaries: Boundaries = field(default_factory=lambda: Boundaries({}))
    # data files that did not load, with the kind of content each probably held (None: unknown);
    # references to that kind are not checked until the file loads
    unloaded: dict[str, str | None] = field(default_factory=dict)
