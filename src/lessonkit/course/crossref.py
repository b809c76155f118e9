"""Cross-checks between content files: every reference must name something that exists.

Runs after each item validated on its own; reports the file and line of the
reference, not of the thing it failed to find.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from lessonkit.content import CourseInfo, Event
from lessonkit.course.collected import Collected, Located
from lessonkit.course.messages import field_name
from lessonkit.course.roleplay_check import check_roleplays
from lessonkit.errors import Problem


class _Checker:
    """Reference rules over located items: ``ids`` holds every known id by kind."""

    def __init__(self, ids: dict[str, set[str]], info: CourseInfo, unloaded: dict[str, str | None] | None = None):
        self.ids = ids
        self.info = info
        self.problems: list[Problem] = []
        # kinds some of whose items sit in a file that did not load: their references wait
        self.unloaded_files = unloaded or {}
        self.unloaded: dict[str, str] = {}
        for path, kind in sorted(self.unloaded_files.items(), key=lambda pk: pk[1] is None):
            for k in [kind] if kind else ids:
                self.unloaded.setdefault(k, path)
        self.unchecked: Counter[str] = Counter()

    def report(self, where: Located, sub: tuple, message: str) -> None:
        path = (*where.at, *sub)
        line = 0
        for end in range(len(path), -1, -1):
            if path[:end] in where.lines:
                line = where.lines[path[:end]]
                break
        self.problems.append(Problem(where.path, line, field_name(path), message))

    def refs(self, where: Located, sub: tuple, kind: str, values: Iterable[str], noun: str) -> None:
        for i, value in enumerate(values):
            self.ref(where, (*sub, i), kind, value, noun)

    def ref(self, where: Located, sub: tuple, kind: str, value: str | None, noun: str) -> None:
        if value is None or value in self.ids[kind]:
            return
        if kind in self.unloaded:
            self.unchecked[self.unloaded[kind]] += 1
        else:
            self.report(where, sub, f"'{value}' is not a known {noun}")

    def waiting(self) -> list[Problem]:
        """One line per file that did not load, instead of every reference it leaves dangling."""
        out = []
        for path, n in sorted(self.unchecked.items()):
            kind = self.unloaded_files[path]
            what = f"to {kind.replace('_', ' ')}" if kind else "to other items"
            refs = "reference" if n == 1 else "references"
            out.append(Problem(path, 0, "", f"{n} {refs} {what} not checked until this file loads"))
        return out


class _CourseChecker(_Checker):
    """The checker over a whole collected course, which the course-wide rules read."""

    def __init__(self, collected: Collected, info: CourseInfo):
        ids = {
            kind: {item.id for item, _ in items if hasattr(item, "id")} | collected.broken_ids[kind]
            for kind, items in collected.items.items()
        }
        super().__init__(ids, info, collected.unloaded)
        self.c = collected


def cross_check(collected: Collected) -> list[Problem]:
    """Every reference rule over a course whose course.yaml validated (``collected.info``)."""
    if collected.info is None:
        return []
    ch = _CourseChecker(collected, collected.info)
    _duplicates(ch)
    _course(ch)
    _people(ch)
    _events(ch, ch.c.items["events"])
    _stances(ch)
    _statements(ch)
    _claims(ch)
    _regions(ch)
    _issue_regions(ch)
    _quizzes(ch)
    check_roleplays(ch)
    _lesson_order(ch)
    return ch.problems + ch.waiting()


def _duplicates(ch: _CourseChecker) -> None:
    for kind, items in ch.c.items.items():
        seen: dict[str, Located] = {}
        for item, where in items:
            key = getattr(item, "id", None) or (
                f"{item.party}:{item.issue}@{item.as_of}" if kind == "stances" else None
            )
            if key is None:
                continue
            if key in seen:
                first = seen[key]
                first_line = first.lines.get(first.at, 0)
                ch.report(
                    where,
                    ("id",) if kind != "stances" else ("as_of",),
                    f"'{key}' is used twice (first at {first.path}:{first_line})",
                )
            else:
                seen[key] = where


def _course(ch: _CourseChecker) -> None:
    if ch.c.course_where is None:  # course.yaml did not load: its own problems are reported
        return
    ch.refs(ch.c.course_where, ("principal_parties",), "parties", ch.info.principal_parties, "party")


def _people(ch: _CourseChecker) -> None:
    for person, where in ch.c.items["people"]:
        ch.ref(where, ("party",), "parties", person.party, "party")


def _events(ch: _Checker, events: list[tuple[Event, Located]], *, after_as_of: bool = False) -> None:
    """The rules every event obeys, the course's own or a student's added ones (``after_as_of``
    lets a student record news from after the course's as-of date)."""
    info = ch.info
    eras = {e.id: e for e in info.eras}
    categories = {c.id for c in info.categories}
    for event, where in events:
        ch.refs(where, ("actors",), "parties", event.actors, "party")
        ch.refs(where, ("people",), "people", event.people, "person")
        ch.refs(where, ("sources",), "sources", event.sources, "source")
        if event.category not in categories:
            ch.report(
                where,
                ("category",),
                f"'{event.category}' is not a category listed in course.yaml ({', '.join(sorted(categories))})",
            )
        era = eras.get(event.era)
        if era is None:
            ch.report(where, ("era",), f"'{event.era}' is not an era listed in course.yaml")
        elif event.date < era.start or (era.end is not None and event.date > era.end):
            ch.report(
                where, ("era",), f"{event.date} falls outside the era '{era.id}' ({era.start} to {era.end or 'now'})"
            )
        ch.ref(where, ("host",), "parties", event.host, "party")
        if event.date > info.as_of and not after_as_of:
            ch.report(where, ("date",), f"{event.date} is after the course's as-of date {info.as_of}")


def check_added_events(
    ids: dict[str, set[str]], info: CourseInfo, events: list[tuple[Event, Located]]
) -> list[Problem]:
    """Events added to a loaded course (a student's rows), checked by the course's own event rules."""
    ch = _Checker(ids, info)
    _events(ch, events, after_as_of=True)
    return ch.problems


def _stances(ch: _CourseChecker) -> None:
    issues = {item.id: item for item, _ in ch.c.items["issues"]}
    for stance, where in ch.c.items["stances"]:
        ch.ref(where, ("party",), "parties", stance.party, "party")
        ch.refs(where, ("sources",), "sources", stance.sources, "source")
        issue = issues.get(stance.issue)
        if issue is None:
            ch.ref(where, ("issue",), "issues", stance.issue, "issue")
        else:
            options = [o.id for o in issue.options]
            if stance.position is not None and stance.position not in options:
                ch.report(
                    where,
                    ("position",),
                    f"'{stance.position}' is not an option of issue '{issue.id}' ({', '.join(options)})",
                )
            for i, option in enumerate(stance.acceptable):
                if option not in options:
                    ch.report(where, ("acceptable", i), f"'{option}' is not an option of issue '{issue.id}'")
        if stance.quote is not None:
            ch.ref(where, ("quote", "source"), "sources", stance.quote.source, "source")
            ch.ref(where, ("quote", "speaker"), "people", stance.quote.speaker, "person")
            ch.ref(where, ("quote", "translation_source"), "sources", stance.quote.translation_source, "source")
        if stance.as_of > ch.info.as_of:
            ch.report(where, ("as_of",), f"{stance.as_of} is after the course's as-of date {ch.info.as_of}")


def _statements(ch: _CourseChecker) -> None:
    for statement, where in ch.c.items["statements"]:
        ch.ref(where, ("speaker",), "people", statement.speaker, "person")
        ch.ref(where, ("event",), "events", statement.event, "event")
        ch.refs(where, ("sources",), "sources", statement.sources, "source")
        if statement.translation_source not in statement.sources:
            ch.ref(where, ("translation_source",), "sources", statement.translation_source, "source")
        if statement.date > ch.info.as_of:
            ch.report(where, ("date",), f"{statement.date} is after the course's as-of date {ch.info.as_of}")


def _claims(ch: _CourseChecker) -> None:
    for claim, where in ch.c.items["claims"]:
        ch.refs(where, ("sources",), "sources", claim.sources, "source")
        ch.refs(where, ("events",), "events", claim.events, "event")


def _regions(ch: _CourseChecker) -> None:
    """Statuses differ by pattern, every period names a known status and sources, nothing is
    dated after the course, and every region has exactly one boundary."""
    patterns: dict[str, tuple[str, Located]] = {}
    for status, where in ch.c.items["region_statuses"]:
        if status.pattern in patterns:
            other, first = patterns[status.pattern]
            ch.report(
                where,
                ("pattern",),
                f"'{status.pattern}' is the pattern of status '{other}' already (first at "
                f"{first.path}:{first.lines.get(first.at, 0)}): statuses must differ by pattern, not colour alone",
            )
        else:
            patterns[status.pattern] = (status.id, where)
    as_of = ch.info.as_of
    shapes = ch.c.boundaries.shapes
    for region, where in ch.c.items["regions"]:
        for i, period in enumerate(region.history):
            ch.ref(where, ("history", i, "status"), "region_statuses", period.status, "region status")
            ch.refs(where, ("history", i, "sources"), "sources", period.sources, "source")
            if period.since > as_of:
                ch.report(where, ("history", i, "since"), f"{period.since} is after the course's as-of date {as_of}")
        share = region.occupied_share
        if share is not None:
            ch.refs(where, ("occupied_share", "sources"), "sources", share.sources, "source")
            if share.as_of > as_of:
                ch.report(where, ("occupied_share", "as_of"), f"{share.as_of} is after the course's as-of date {as_of}")
        if region.id not in shapes:
            ch.report(where, ("id",), f"'{region.id}' has no boundary in data/geo/*.geojson")
    known = ch.ids["regions"]
    for code, shape in sorted(shapes.items()):
        if code not in known:
            ch.problems.append(
                Problem(shape.path, shape.line, "properties.id", f"'{code}' is not a region listed in data/*.yaml")
            )


def _issue_regions(ch: _CourseChecker) -> None:
    """Options name only known regions, and an issue whose options name regions names their holder."""
    for issue, where in ch.c.items["issues"]:
        named = False
        for oi, option in enumerate(issue.options):
            for key in ("regions", "regions_in_part"):
                codes = getattr(option, key)
                named = named or bool(codes)
                ch.refs(where, ("options", oi, key), "regions", codes, "region")
        ch.ref(where, ("holder",), "parties", issue.holder, "party")
        if named and issue.holder is None:
            ch.report(where, ("holder",), "options name regions: say which party would hold them (holder: party id)")


def _quizzes(ch: _CourseChecker) -> None:
    stance_keys = {s.key for s, _ in ch.c.items["stances"]}
    for quiz, where in ch.c.quizzes:
        for qi, question in enumerate(quiz.questions):
            ch.refs(where, ("questions", qi, "links", "events"), "events", question.links.events, "event")
            for si, key in enumerate(question.links.stances):
                if key in stance_keys:
                    continue
                if "stances" in ch.unloaded:
                    ch.unchecked[ch.unloaded["stances"]] += 1
                else:
                    ch.report(
                        where, ("questions", qi, "links", "stances", si), f"'{key}' is not a known stance (party:issue)"
                    )


def _lesson_order(ch: _CourseChecker) -> None:
    previous = -1
    for lesson, where in ch.c.lessons:
        if lesson.number <= previous:
            ch.report(
                where, ("number",), f"lesson number {lesson.number} is out of order in course.yaml (after {previous})"
            )
        previous = lesson.number
