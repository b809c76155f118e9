"""The loaded course: validated content with look-ups that renderers and tools share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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

    @property
    def as_of(self) -> dt.date:
        return self.info.as_of

    def _find(self, items: tuple, item_id: str, noun: str) -> Any:
        for item in items:
            if item.id == item_id:
                return item
        raise KeyError(f"no {noun} {item_id!r} in this course")

    def party(self, party_id: str) -> Party:
        return self._find(self.parties, party_id, "party")

    def issue(self, issue_id: str) -> Issue:
        return self._find(self.issues, issue_id, "issue")

    def event(self, event_id: str) -> Event:
        return self._find(self.events, event_id, "event")

    def source(self, source_id: str) -> Source:
        return self._find(self.sources, source_id, "source")

    def person(self, person_id: str) -> Person:
        return self._find(self.people, person_id, "person")

    def region(self, region_id: str) -> Region:
        return self._find(self.regions, region_id, "region")

    def region_status(self, status_id: str) -> RegionStatus:
        return self._find(self.region_statuses, status_id, "region status")

    def lesson(self, lesson_id: str) -> Lesson:
        """A lesson by id, or by its number prefix (``"02"`` finds ``02-riyadh-meeting``)."""
        for lesson in self.lessons:
            if lesson.id == lesson_id or lesson.id.split("-", 1)[0] == lesson_id:
                return lesson
        known = ", ".join(lesson.id for lesson in self.lessons) or "none"
        raise KeyError(f"no lesson {lesson_id!r} in this course (lessons: {known})")

    def stance_history(self, party_id: str, issue_id: str) -> tuple[Stance, ...]:
        """Every recorded stance of a party on an issue, oldest first."""
        return tuple(s for s in self.stances if s.party == party_id and s.issue == issue_id)

    def stance(self, party_id: str, issue_id: str, as_of: dt.date | None = None) -> Stance | None:
        """The party's latest stance on the issue on or before ``as_of`` (default: the course's)."""
        cutoff = as_of or self.as_of
        found = [s for s in self.stance_history(party_id, issue_id) if s.as_of <= cutoff]
        return found[-1] if found else None

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
