"""The loaded course: validated content with look-ups that renderers and tools share."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lessonkit.content import (
    Claim,
    CourseInfo,
    Event,
    Issue,
    Lesson,
    Party,
    Person,
    Region,
    RegionStatus,
    Source,
    Stance,
    Statement,
)
from lessonkit.course.edit import with_events
from lessonkit.course.geo import Boundaries
from lessonkit.course.records import records

if TYPE_CHECKING:
    import pandas as pd

    from lessonkit.course.collected import Collected


@dataclass(frozen=True)
class Course:
    root: Path
    info: CourseInfo
    sources: tuple[Source, ...]
    parties: tuple[Party, ...]
    people: tuple[Person, ...]
    issues: tuple[Issue, ...]
    events: tuple[Event, ...]
    stances: tuple[Stance, ...]
    statements: tuple[Statement, ...]
    claims: tuple[Claim, ...]
    lessons: tuple[Lesson, ...]
    region_statuses: tuple[RegionStatus, ...] = ()
    regions: tuple[Region, ...] = ()
    boundaries: Boundaries = field(default_factory=lambda: Boundaries({}))

    @classmethod
    def from_collected(cls, root: Path, c: Collected) -> Course:
        items = {kind: [item for item, _ in pairs] for kind, pairs in c.items.items()}
        if c.info is None:
            raise ValueError("a course is built only from a collection whose course.yaml loaded")
        return cls(
            root=root,
            info=c.info,
            sources=tuple(items["sources"]),
            parties=tuple(items["parties"]),
            people=tuple(items["people"]),
            issues=tuple(items["issues"]),
            events=tuple(sorted(items["events"], key=lambda e: (e.date, e.id))),
            stances=tuple(sorted(items["stances"], key=lambda s: (s.party, s.issue, s.as_of))),
            statements=tuple(sorted(items["statements"], key=lambda s: (s.date, s.id))),
            claims=tuple(items["claims"]),
            lessons=tuple(lesson for lesson, _ in c.lessons),
            region_statuses=tuple(items["region_statuses"]),
            regions=tuple(sorted(items["regions"], key=lambda r: r.id)),
            boundaries=c.boundaries,
        )

    def freeze(self) -> Course:
        """Move the course and everything loaded so far out of the garbage collector's way
        (``gc.freeze()``): a full collection then walks only what lessons build later, a few
        milliseconds instead of 40-120 ms inside whichever click triggers it. Returns the course."""
        gc.collect(1)  # young garbage first (cheap); the survivors are frozen
        gc.freeze()
        return self

    @property
    def as_of(self) -> dt.date:
        return self.info.as_of

    @cached_property
    def _by_id(self) -> dict[str, dict[str, Any]]:
        """Every kind of item by id, built once (a frozen course never changes)."""
        kinds = ("parties", "issues", "events", "sources", "people", "regions", "region_statuses")
        found: dict[str, dict[str, Any]] = {kind: {} for kind in kinds}
        for kind in kinds:
            for item in getattr(self, kind):
                found[kind].setdefault(item.id, item)  # the first of a duplicated id, as a scan would find
        return found

    @cached_property
    def _stances_by_key(self) -> dict[tuple[str, str], tuple[Stance, ...]]:
        """Stances by (party, issue), oldest first."""
        found: dict[tuple[str, str], list[Stance]] = {}
        for s in self.stances:  # sorted by party, issue, as_of
            found.setdefault((s.party, s.issue), []).append(s)
        return {key: tuple(value) for key, value in found.items()}

    @cached_property
    def memo(self) -> dict[Any, Any]:
        """A place for renderers to keep what they derive from this course (map geometry, figure
        specs), shared by every widget of the kernel and dropped with the course."""
        return {}

    def _find(self, kind: str, item_id: str, noun: str) -> Any:
        found = self._by_id[kind].get(item_id)
        if found is None:
            raise KeyError(f"no {noun} {item_id!r} in this course")
        return found

    def party(self, party_id: str) -> Party:
        return self._find("parties", party_id, "party")

    def issue(self, issue_id: str) -> Issue:
        return self._find("issues", issue_id, "issue")

    def event(self, event_id: str) -> Event:
        return self._find("events", event_id, "event")

    def source(self, source_id: str) -> Source:
        return self._find("sources", source_id, "source")

    def person(self, person_id: str) -> Person:
        return self._find("people", person_id, "person")

    def region(self, region_id: str) -> Region:
        return self._find("regions", region_id, "region")

    def region_status(self, status_id: str) -> RegionStatus:
        return self._find("region_statuses", status_id, "region status")

    def lesson(self, lesson_id: str) -> Lesson:
        """A lesson by id, or by its number prefix (``"02"`` finds ``02-riyadh-meeting``)."""
        for lesson in self.lessons:
            if lesson.id == lesson_id or lesson.id.split("-", 1)[0] == lesson_id:
                return lesson
        known = ", ".join(lesson.id for lesson in self.lessons) or "none"
        raise KeyError(f"no lesson {lesson_id!r} in this course (lessons: {known})")

    def stance_history(self, party_id: str, issue_id: str) -> tuple[Stance, ...]:
        """Every recorded stance of a party on an issue, oldest first."""
        return self._stances_by_key.get((party_id, issue_id), ())

    def stance(self, party_id: str, issue_id: str, as_of: dt.date | None = None) -> Stance | None:
        """The party's latest stance on the issue on or before ``as_of`` (default: the course's)."""
        cutoff = as_of or self.as_of
        for s in reversed(self.stance_history(party_id, issue_id)):
            if s.as_of <= cutoff:
                return s
        return None

    def records(self, kind: str, lang: str = "en") -> list[dict[str, Any]]:
        return records(self, kind, lang)

    def frame(self, kind: str, lang: str = "en") -> pd.DataFrame:
        """A pandas table of one kind of content, for students' own analysis."""
        import pandas as pd

        frame = pd.DataFrame(self.records(kind, lang))
        for column in ("date", "end_date", "published", "as_of", "quote_date"):
            if column in frame:
                frame[column] = pd.to_datetime(frame[column])
        return frame

    def events_frame(self, lang: str = "en") -> pd.DataFrame:
        return self.frame("events", lang)

    def people_frame(self, lang: str = "en", *, event: str | None = None) -> pd.DataFrame:
        """People with the role each held on the day: an event's people on its date, or
        everyone on the course's as-of date (a role that changed shows as it was then)."""
        day = self.event(event).date if event else self.as_of
        ids = self.event(event).people if event else [p.id for p in self.people]
        frame = self.frame("people", lang)
        frame = frame[frame["id"].isin(ids)].copy()
        frame["role"] = [self.person(p).role_on(day).get(lang) for p in frame["id"]]
        return frame[["id", "name", "role", "party"]].reset_index(drop=True)

    def with_events(self, rows: Any) -> Course:
        """A copy with a student's own events added (rows as dicts or a DataFrame), checked by the
        course's own event rules; see :func:`lessonkit.course.edit.with_events`."""
        return with_events(self, rows)
