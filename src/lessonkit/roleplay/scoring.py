"""Score a role-play deal for each party: pure functions, no widgets, no HTML.

A *deal* maps each issue on the table to a chosen option id, or to ``None`` (left open).

The score of a deal for one party, 0 to 100::

    closeness(i) = 1 - |index(chosen) - index(position)| / max distance from position on the scale
    score        = 100 * sum(w_i * value_i) / sum(w_i)

over the issues on the table where the party has a position (the stance in force on the
scenario's date) and a weight ``w_i`` (its priority, 0-3) above 0, where ``value_i`` is
``closeness(i)`` for a decided issue and ``OPEN_VALUE`` (0.5) for an issue left open. The
distance is divided by the farthest any option lies from the party's position, so on every
issue the party's own position scores 1 and the opposite pole 0, whether the position sits at
an end of the scale or in the middle. An open issue is worth half: neither won nor given up,
and never better than winning, so leaving everything open is not a winning strategy. A party
with no public position on an issue is not scored on it (its weight leaves the sum); with no
issue left to score, the score is ``None``.

Red lines are listed, not subtracted: a deal that crosses one keeps its score and the view
and debrief say which lines it crosses, since a veto hidden inside an average would teach
that enough gains elsewhere make it acceptable. Whether the deal lies in each party's
acceptable range (the stances' ``acceptable`` estimates) is ``lessonkit.course.agreement``'s
judgement, reused here. docs/roleplay.md explains the model and what it leaves out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lessonkit.course.agreement import Assessment, assess

if TYPE_CHECKING:
    from lessonkit.content.roleplay import RedLine, Role, RolePlay
    from lessonkit.course.model import Course

Deal = Mapping[str, str | None]
OPEN_VALUE = 0.5


@dataclass(frozen=True)
class IssueScore:
    """One issue of one party's score: ``value`` is None when the issue does not count."""

    issue: str
    weight: int
    position: str | None
    chosen: str | None
    value: float | None


@dataclass(frozen=True)
class Crossed:
    """A red line a deal crosses: the chosen option is one the party will not accept."""

    issue: str
    option: str
    stated: bool


@dataclass(frozen=True)
class PartyScore:
    party: str
    score: float | None
    issues: tuple[IssueScore, ...]
    crossed: tuple[Crossed, ...]

    @property
    def rounded(self) -> int | None:
        """The score as the views show it, a whole number (half up, never banker's rounding)."""
        return None if self.score is None else int(self.score + 0.5)


def closeness(scale: Sequence[str], position: str | None, chosen: str | None) -> float | None:
    """How close ``chosen`` lies to ``position`` on the ordered ``scale``: 1 at the position, 0 at
    the farthest option; ``OPEN_VALUE`` for an open issue; None without a position."""
    if position is None:
        return None
    if chosen is None:
        return OPEN_VALUE
    at, pick = scale.index(position), scale.index(chosen)
    farthest = max(at, len(scale) - 1 - at)
    return 1.0 if farthest == 0 else 1 - abs(pick - at) / farthest


def crossed_lines(red_lines: Sequence[RedLine], deal: Deal) -> tuple[Crossed, ...]:
    """The red lines the deal crosses, in the brief's order."""
    return tuple(
        Crossed(line.issue, deal[line.issue] or "", line.stated)
        for line in red_lines
        if deal.get(line.issue) in line.options
    )


def party_score(
    party: str,
    priorities: Mapping[str, int],
    positions: Mapping[str, str | None],
    scales: Mapping[str, Sequence[str]],
    deal: Deal,
    red_lines: Sequence[RedLine] = (),
) -> PartyScore:
    """The score defined in the module docstring, from plain data (so a test can do it by hand)."""
    rows = []
    total = weights = 0.0
    for issue, weight in priorities.items():
        chosen = deal.get(issue)
        value = closeness(scales[issue], positions.get(issue), chosen)
        rows.append(IssueScore(issue, weight, positions.get(issue), chosen, value))
        if value is not None and weight > 0:
            total += weight * value
            weights += weight
    score = 100 * total / weights if weights else None
    return PartyScore(party, score, tuple(rows), crossed_lines(red_lines, deal))


def check_deal(course: Course, play: RolePlay, deal: Deal) -> list[str]:
    """What is wrong with a deal for this role-play: issues off the table, unknown options."""
    problems = []
    for issue, option in deal.items():
        if issue not in play.scenario.issues:
            problems.append(f"'{issue}' is not an issue on the table")
        elif option is not None and option not in scale_of(course, issue):
            problems.append(f"'{option}' is not an option of '{issue}'")
    return problems


def scale_of(course: Course, issue: str) -> list[str]:
    return [o.id for o in course.issue(issue).options]


def positions_on(course: Course, party: str, issues: Sequence[str], date: dt.date) -> dict[str, str | None]:
    """The option the party demands on each issue on ``date`` (None: no public position)."""
    out: dict[str, str | None] = {}
    for issue in issues:
        stance = course.stance(party, issue, date)
        out[issue] = stance.position if stance is not None else None
    return out


def score_role(course: Course, play: RolePlay, role: Role, deal: Deal) -> PartyScore:
    """One role's score of a deal, its position drawn from the stances on the scenario's date."""
    issues = play.scenario.issues
    return party_score(
        role.party,
        {i: role.priorities[i] for i in issues},
        positions_on(course, role.party, issues, play.scenario.date),
        {i: scale_of(course, i) for i in issues},
        deal,
        role.red_lines,
    )


@dataclass(frozen=True)
class DealResult:
    """A deal scored for every role, checked against every acceptable range, beside the real positions.

    ``real[issue][party]`` is each role's demanded position on the scenario's date;
    ``matches[issue]`` the parties whose position the deal's option is.
    """

    deal: dict[str, str | None]
    scores: dict[str, PartyScore]
    assessment: Assessment
    real: dict[str, dict[str, str | None]]

    @property
    def matches(self) -> dict[str, list[str]]:
        return {
            issue: [p for p, pos in by_party.items() if pos is not None and pos == self.deal.get(issue)]
            for issue, by_party in self.real.items()
        }

    @property
    def in_every_range(self) -> bool:
        """Something is decided and no decided issue lies outside a role's acceptable estimate.
        A role with no estimate on an issue (``assessment.unknown``) does not count against it,
        as it does not narrow the zone of agreement."""
        return bool(self.assessment.choices) and not self.assessment.crossed

    @property
    def open_issues(self) -> list[str]:
        return [issue for issue in self.real if self.deal.get(issue) is None]


def score_deal(course: Course, play: RolePlay, deal: Deal) -> DealResult:
    """Every role's score, red lines crossed, acceptable ranges and the real positions."""
    problems = check_deal(course, play, deal)
    if problems:
        raise ValueError("; ".join(problems))
    issues, date = play.scenario.issues, play.scenario.date
    full = {issue: deal.get(issue) for issue in issues}
    return DealResult(
        deal=full,
        scores={role.party: score_role(course, play, role, full) for role in play.roles},
        assessment=assess(course, full, play.parties, as_of=date, issues=issues),
        real={issue: {p: positions_on(course, p, [issue], date)[issue] for p in play.parties} for issue in issues},
    )
