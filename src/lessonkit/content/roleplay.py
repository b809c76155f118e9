"""A role-play lesson's scenario and private briefs, from ``roles.yaml`` beside ``lesson.yaml``.

A brief holds what only its delegation reads: weights per issue, red lines, what the party
gains and risks, quotations to speak from. Weights and red lines are the course's estimates,
so each carries a basis, and a red line says whether the party itself stated it. A party's
position is deliberately *not* written here: the lesson draws it from the stances in force
on ``scenario.date``, so a brief can never contradict the stance cards.

Rules that need only this file (priorities cover exactly the issues on the table, a red line
names an issue on the table, one brief per party, at most one mediator) are checked here, so
their errors carry the line of the offending key; rules that need the rest of the course
(known ids, positions on the date) live in ``lessonkit.course.roleplay_check``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from lessonkit.content.base import Id, Localized, Model

Weight = Annotated[int, Field(ge=0, le=3)]
ROLE_KINDS = ("delegation", "mediator")


class Scenario(Model):
    """The public setting every delegation reads, and the date whose stances are in force."""

    date: dt.date
    issues: list[Id] = Field(min_length=1, max_length=12)
    title: Localized
    setting: Localized

    @model_validator(mode="after")
    def _issues_once(self) -> Scenario:
        doubled = sorted({i for i in self.issues if self.issues.count(i) > 1})
        if doubled:
            raise ValueError(f"issues listed twice: {', '.join(doubled)}")
        return self


class RedLine(Model):
    """Options of one issue the party will not accept; ``stated`` false means the course's estimate."""

    issue: Id
    options: list[Id] = Field(min_length=1)
    stated: bool
    basis: Localized
    sources: list[Id] = Field(min_length=1)


class Role(Model):
    """One party's private brief."""

    party: Id
    kind: Literal["delegation", "mediator"]
    priorities: dict[Id, Weight]
    priorities_basis: Localized
    red_lines: list[RedLine] = []
    gains: Localized
    risks: Localized
    quotes: list[Id] = Field(default=[], max_length=5)
    sources: list[Id] = Field(min_length=1)

    def red_lines_on(self, issue: str) -> list[RedLine]:
        return [r for r in self.red_lines if r.issue == issue]


class RolePlay(Model):
    """The scenario and every role's brief. A student's copy holds one role only (see
    ``lessonkit.roleplay.brief_file``), so the model does not insist on several."""

    scenario: Scenario
    roles: list[Role] = Field(min_length=1)

    @property
    def parties(self) -> list[str]:
        return [r.party for r in self.roles]

    def role(self, party: str) -> Role:
        for role in self.roles:
            if role.party == party:
                return role
        raise KeyError(f"no brief for {party!r} (roles: {', '.join(self.parties)})")

    @property
    def mediator(self) -> Role | None:
        return next((r for r in self.roles if r.kind == "mediator"), None)


Where = tuple[str | int, ...]


def structure_problems(play: RolePlay) -> list[tuple[Where, str]]:
    """Rules within the file, each with the path of the key at fault: one brief per party, at
    most one mediator, priorities for exactly the issues on the table, red lines only on them.

    A function rather than a model validator, so the loader can point at the line of the key
    (a validator's error points at the whole file) and a student's brief file gets the same rules.
    """
    found: list[tuple[Where, str]] = []
    table = play.scenario.issues
    seen: set[str] = set()
    mediators = 0
    for i, role in enumerate(play.roles):
        if role.party in seen:
            found.append((("roles", i, "party"), f"'{role.party}' has a brief already: one brief per party"))
        seen.add(role.party)
        mediators += role.kind == "mediator"
        if role.kind == "mediator" and mediators > 1:
            found.append((("roles", i, "kind"), "at most one role may be the mediator"))
        missing = [issue for issue in table if issue not in role.priorities]
        if missing:
            found.append(
                (("roles", i, "priorities"), f"no weight for {', '.join(missing)} (every issue on the table needs one)")
            )
        for issue in role.priorities:
            if issue not in table:
                found.append(
                    (("roles", i, "priorities", issue), f"'{issue}' is not an issue on the table (scenario.issues)")
                )
        for j, line in enumerate(role.red_lines):
            if line.issue not in table:
                found.append(
                    (
                        ("roles", i, "red_lines", j, "issue"),
                        f"'{line.issue}' is not an issue on the table (scenario.issues)",
                    )
                )
    return found
