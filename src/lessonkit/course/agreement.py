"""Where the parties' estimated limits meet: the zone of agreement, and a deal checked against it.

Pure Python over a loaded course, shared by the negotiation sandbox (a widget), the role-play's
scoring and the teacher's debrief (which runs in the CLI, where no widget library may load).
What a party "could accept" is the stance's ``acceptable`` estimate in force on the date; a
party with no estimate on an issue does not constrain that issue's zone and is listed as
unknown instead, so a gap in the data never reads as a yes or a no.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lessonkit.course.selection import DateLike, as_date, check_ids, party_ids, select_issues

if TYPE_CHECKING:
    from lessonkit.course.model import Course


@dataclass(frozen=True)
class Assessment:
    """How a proposed deal meets each party's estimated limits.

    ``outside[party]`` lists the decided issues whose chosen option the party could not
    accept; ``unknown[party]`` the decided issues where it has no estimate; ``zones``
    maps every issue to the options all parties with an estimate could accept.
    """

    as_of: dt.date
    parties: tuple[str, ...]
    choices: dict[str, str]
    outside: dict[str, list[str]]
    unknown: dict[str, list[str]]
    zones: dict[str, list[str]]

    @property
    def no_zone(self) -> list[str]:
        """Issues on which no option is acceptable to every party (by the estimates)."""
        return [issue for issue, options in self.zones.items() if not options]

    @property
    def crossed(self) -> list[str]:
        """Parties whose estimated limits the deal crosses on at least one issue."""
        return [p for p in self.parties if self.outside[p]]

    @property
    def acceptable_to_all(self) -> bool:
        return bool(self.choices) and not self.crossed and not any(self.unknown.values())


def cutoff(course: Course, as_of: DateLike | None) -> dt.date:
    """The date stances are read at: ``as_of`` or the course's own as-of date."""
    return as_date(as_of, "as_of") or course.as_of


def acceptable_options(course: Course, party: str, issue: str, as_of: dt.date) -> list[str] | None:
    """The party's estimate on the issue, or None when there is none."""
    stance = course.stance(party, issue, as_of)
    return list(stance.acceptable) if stance is not None and stance.acceptable else None


def zones_of_agreement(
    course: Course,
    parties: Iterable[str] | None = None,
    *,
    issues: Iterable[str] | None = None,
    as_of: DateLike | None = None,
) -> dict[str, list[str]]:
    """Issue -> the options every party (default: the principal parties) could accept, in scale order."""
    date, ids = cutoff(course, as_of), party_ids(course, parties)
    zones = {}
    for issue in select_issues(course, issues):
        options = [o.id for o in issue.options]
        for party in ids:
            acceptable = acceptable_options(course, party, issue.id, date)
            if acceptable is not None:
                options = [o for o in options if o in acceptable]
        zones[issue.id] = options
    return zones


def assess(
    course: Course,
    choices: Mapping[str, str | None],
    parties: Iterable[str] | None = None,
    *,
    as_of: DateLike | None = None,
    issues: Iterable[str] | None = None,
) -> Assessment:
    """Check a deal (issue -> chosen option; ``None`` means not decided) against each party's
    estimate; ``issues`` limits the zones reported (default: every issue of the course)."""
    date, ids = cutoff(course, as_of), party_ids(course, parties)
    decided = {issue: option for issue, option in choices.items() if option is not None}
    for issue_id, option in decided.items():
        check_ids([issue_id], [i.id for i in course.issues], "issue")
        check_ids([option], [o.id for o in course.issue(issue_id).options], f"option for issue {issue_id!r}:")
    outside: dict[str, list[str]] = {p: [] for p in ids}
    unknown: dict[str, list[str]] = {p: [] for p in ids}
    for party in ids:
        for issue_id, option in decided.items():
            acceptable = acceptable_options(course, party, issue_id, date)
            if acceptable is None:
                unknown[party].append(issue_id)
            elif option not in acceptable:
                outside[party].append(issue_id)
    return Assessment(
        as_of=date,
        parties=tuple(ids),
        choices=decided,
        outside=outside,
        unknown=unknown,
        zones=zones_of_agreement(course, ids, as_of=date, issues=issues),
    )
