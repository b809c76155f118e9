"""Which content a renderer shows: the filters every timeline, list and widget share.

Pure Python (no plotly, no widgets), so figures, text alternatives and widgets agree on
exactly the same events, and a typo in a filter fails with the ids that would work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lessonkit.content import Event, Issue
    from lessonkit.course.model import Course

DateLike = dt.date | str


def as_date(value: DateLike | None, name: str) -> dt.date | None:
    """A date from a date or an ISO ``YYYY-MM-DD`` string, as notebook users type them."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a date (write YYYY-MM-DD)") from None


def check_ids(given: Iterable[str] | None, known: Sequence[str], noun: str) -> list[str] | None:
    """The ids as a list (None means "all"), or a ValueError naming the unknown ones."""
    if given is None:
        return None
    if isinstance(given, str):
        given = [given]
    ids = list(dict.fromkeys(given))
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValueError(f"unknown {noun} {', '.join(map(repr, unknown))}; known: {', '.join(known) or 'none'}")
    return ids


def select_events(
    course: Course,
    *,
    parties: Iterable[str] | None = None,
    categories: Iterable[str] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> list[Event]:
    """Events with any of ``parties`` as an actor, in ``categories``, overlapping ``start``..``end``."""
    party_ids = check_ids(parties, [p.id for p in course.parties], "party")
    category_ids = check_ids(categories, [c.id for c in course.info.categories], "category")
    first, last = as_date(start, "start"), as_date(end, "end")
    chosen = []
    for event in course.events:
        if party_ids is not None and not set(event.actors) & set(party_ids):
            continue
        if category_ids is not None and event.category not in category_ids:
            continue
        if first is not None and (event.end_date or event.date) < first:
            continue
        if last is not None and event.date > last:
            continue
        chosen.append(event)
    return chosen


def party_ids(course: Course, parties: Iterable[str] | None) -> list[str]:
    """The party ids asked for, in that order; ``None`` means the course's principal parties,
    the default of every stance view."""
    ids = check_ids(parties, [p.id for p in course.parties], "party")
    return ids if ids is not None else list(course.info.principal_parties)


def select_issues(course: Course, issues: Iterable[str] | None) -> list[Issue]:
    ids = check_ids(issues, [i.id for i in course.issues], "issue")
    return [course.issue(i) for i in ids] if ids is not None else list(course.issues)
