"""Cross-checks of a role-play's ``roles.yaml`` against the rest of the course.

Every id a brief names must exist (party, issue, option, statement, source); every role's
party must have a stance on every issue on the table by the scenario's date, since the view
draws its position from there; and a red line must not contain what the same party demands
or could accept on that date, or the brief would contradict the stance cards. Problems name
the line of the key at fault, as every other cross-check does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lessonkit.content.roleplay import Role, RolePlay, structure_problems

if TYPE_CHECKING:
    from lessonkit.content import Issue, Stance
    from lessonkit.course.collected import Located
    from lessonkit.course.crossref import _CourseChecker


def check_roleplays(ch: _CourseChecker) -> None:
    """Every role-play of the course (one ``roles.yaml`` per lesson that has one)."""
    issues: dict[str, Issue] = {item.id: item for item, _ in ch.c.items["issues"]}
    stances: dict[tuple[str, str], list[Stance]] = {}
    for stance, _ in ch.c.items["stances"]:
        stances.setdefault((stance.party, stance.issue), []).append(stance)
    speakers = {item.id: item.party for item, _ in ch.c.items["people"]}
    statements = {item.id: item for item, _ in ch.c.items["statements"]}
    for play, where in ch.c.roleplays:
        for path, message in structure_problems(play):
            ch.report(where, path, message)
        _scenario(ch, play, where, issues)
        for i, role in enumerate(play.roles):
            at = ("roles", i)
            ch.ref(where, (*at, "party"), "parties", role.party, "party")
            ch.refs(where, (*at, "sources"), "sources", role.sources, "source")
            ch.refs(where, (*at, "quotes"), "statements", role.quotes, "statement")
            for qi, quote in enumerate(role.quotes):
                said = statements.get(quote)
                if said is None:
                    continue
                if said.date > play.scenario.date:
                    ch.report(where, (*at, "quotes", qi), f"'{quote}' was said after the scenario's date")
                party = speakers.get(said.speaker)
                if party is not None and party != role.party:
                    ch.report(
                        where, (*at, "quotes", qi), f"'{quote}' was said by someone of '{party}', not '{role.party}'"
                    )
            positions = _positions(ch, play, where, at, role.party, issues, stances)
            _red_lines(ch, where, at, role, issues, positions)


def _red_lines(
    ch: _CourseChecker, where: Located, at: tuple, role: Role, issues: dict[str, Issue], positions: dict[str, Stance]
) -> None:
    """Red lines name options of their issue, and never the party's own position or estimate."""
    for j, line in enumerate(role.red_lines):
        ch.refs(where, (*at, "red_lines", j, "sources"), "sources", line.sources, "source")
        issue = issues.get(line.issue)
        if issue is None:
            continue
        options = [o.id for o in issue.options]
        stance = positions.get(line.issue)
        for k, option in enumerate(line.options):
            sub = (*at, "red_lines", j, "options", k)
            if option not in options:
                ch.report(where, sub, f"'{option}' is not an option of '{issue.id}' ({', '.join(options)})")
            elif stance is not None and option == stance.position:
                ch.report(where, sub, f"'{option}' is {role.party}'s own position on {issue.id} on that date")
            elif stance is not None and option in stance.acceptable:
                ch.report(where, sub, f"'{option}' is in {role.party}'s acceptable estimate on {issue.id} then")


def _scenario(ch: _CourseChecker, play: RolePlay, where: Located, issues: dict[str, Issue]) -> None:
    for i, issue in enumerate(play.scenario.issues):
        if issue not in issues:
            ch.ref(where, ("scenario", "issues", i), "issues", issue, "issue")
    if play.scenario.date > ch.info.as_of:
        ch.report(where, ("scenario", "date"), f"{play.scenario.date} is after the course's as-of date {ch.info.as_of}")


def _positions(
    ch: _CourseChecker,
    play: RolePlay,
    where: Located,
    at: tuple,
    party: str,
    issues: dict[str, Issue],
    stances: dict[tuple[str, str], list[Stance]],
) -> dict[str, Stance]:
    """The party's stance in force on each issue on the table; a missing one is a problem."""
    found: dict[str, Stance] = {}
    date = play.scenario.date
    for issue in play.scenario.issues:
        if issue not in issues:
            continue
        dated = [s for s in stances.get((party, issue), []) if s.as_of <= date]
        if dated:
            found[issue] = max(dated, key=lambda s: s.as_of)
        elif party in ch.ids["parties"] and "stances" not in ch.unloaded:
            ch.report(
                where,
                (*at, "party"),
                f"'{party}' has no stance on '{issue}' on or before {date} "
                "(add one to data/stances, with position: null for no public position)",
            )
    return found
