"""A student's own events added to a course, checked by the course's own event rules
(``crossref.check_added_events``), except that they may come after its as-of date.

Used in exercises: students build rows with pandas, then redraw the timeline with them.
Errors name the row and field in plain words, like ``lessonkit check`` does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from lessonkit.content import Event, Source
from lessonkit.course.collected import Located
from lessonkit.course.crossref import check_added_events
from lessonkit.course.messages import describe
from lessonkit.errors import LessonError, Problem

if TYPE_CHECKING:
    from lessonkit.course.model import Course

WHERE = "new events"


def _rows(rows: Any) -> list[dict[str, Any]]:
    if hasattr(rows, "to_dict"):  # a pandas DataFrame
        rows = rows.to_dict(orient="records")
    elif isinstance(rows, Mapping):
        rows = [rows]
    return [{k: v for k, v in dict(r).items() if not _missing(v)} for r in rows]


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def _date(value: Any) -> Any:
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp or datetime
        return value.date()
    return value


def _localized(value: Any) -> Any:
    return {"en": value, "ja": value} if isinstance(value, str) else value


def _era_for(course: Course, day: Any) -> str | None:
    if not isinstance(day, dt.date):
        try:
            day = dt.date.fromisoformat(str(day))
        except ValueError:
            return None
    for era in course.info.eras:
        if era.start <= day and (era.end is None or day <= era.end):
            return era.id
    return None


def with_events(course: Course, rows: Iterable[Mapping[str, Any]] | Any) -> Course:
    """A copy of the course with the rows added as events.

    A row needs ``id, date, title, actors, category`` and either ``sources`` (ids of the
    course's sources) or ``source_url`` and ``source_publisher``. Text may be one string
    (used in both languages); ``summary`` defaults to the title, ``certainty`` to
    ``reported``, ``era`` to the era the date falls in.
    """
    problems: list[Problem] = []
    events: list[tuple[Event, Located]] = []
    sources: list[Source] = []
    for n, row in enumerate(_rows(rows), 1):
        data = dict(row)
        data["date"] = _date(data.get("date"))
        if "end_date" in data:
            data["end_date"] = _date(data["end_date"])
        for key in ("title", "summary", "place"):
            if key in data:
                data[key] = _localized(data[key])
        data.setdefault("summary", data.get("title"))
        data.setdefault("certainty", "reported")
        era = _era_for(course, data["date"])
        if era is not None:
            data.setdefault("era", era)
        if isinstance(data.get("actors"), str):
            data["actors"] = [a.strip() for a in data["actors"].split(",")]
        url, publisher = data.pop("source_url", None), data.pop("source_publisher", None)
        if url:
            data.setdefault("sources", [f"student-{data.get('id', n)}"])
        try:
            event = Event.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                field = ".".join(str(p) for p in error["loc"]) or "row"
                problems.append(Problem(WHERE, n, field, describe(error)))
            continue
        if url:
            source = {
                "id": event.sources[0],
                "publisher": publisher or "—",
                "title": str(url),
                "url": url,
                "published": event.date,
                "language": "en",
                "kind": "other",
            }
            try:
                sources.append(Source.model_validate(source))
            except ValidationError as exc:
                problems += [Problem(WHERE, n, "source_url", describe(e)) for e in exc.errors(include_url=False)]
                continue
        events.append((event, Located(WHERE, {(): n}, ())))
    ids = {
        "parties": {p.id for p in course.parties},
        "people": {p.id for p in course.people},
        "sources": {s.id for s in (*course.sources, *sources)},
    }
    problems += check_added_events(ids, course.info, events)
    if problems:
        raise LessonError(problems)
    taken = {e.id for e in course.events}
    for n, (event, _) in enumerate(events, 1):
        if event.id in taken:
            raise LessonError([Problem(WHERE, n, "id", f"'{event.id}' is already used by an event of the course")])
        taken.add(event.id)
    return dataclasses.replace(
        course,
        events=tuple(sorted((*course.events, *(e for e, _ in events)), key=lambda e: (e.date, e.id))),
        sources=(*course.sources, *sources),
    )
