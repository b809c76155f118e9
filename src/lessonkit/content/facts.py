"""The facts a course is built on: sources, parties, people, issues, events, stances.

These models know nothing about a particular negotiation; a course supplies them as
YAML under ``lessons/data/``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, model_validator

from lessonkit.content.base import Colour, HttpsUrl, Id, Localized, Model, NonEmpty
from lessonkit.content.regions import RegionCode


class SourceKind(StrEnum):
    official = "official"
    agency = "agency"
    newspaper = "newspaper"
    analysis = "analysis"
    other = "other"


class Source(Model):
    id: Id
    publisher: NonEmpty
    title: NonEmpty
    url: HttpsUrl
    published: dt.date
    language: NonEmpty = Field(pattern=r"^[a-z]{2}$")
    kind: SourceKind
    note: str | None = None


class PartyKind(StrEnum):
    state = "state"
    bloc = "bloc"
    alliance = "alliance"
    organisation = "organisation"


class Party(Model):
    id: Id
    name: Localized
    short: Localized
    kind: PartyKind
    colour: Colour
    description: Localized


class RolePeriod(Model):
    """A role a person held from ``since`` until the next period (or to date)."""

    since: dt.date
    role: Localized


class Person(Model):
    """Someone who appears in events, statements or quotes.

    ``role`` is the role held before the first dated change in ``roles`` (or throughout, when
    ``roles`` is empty); each entry of ``roles`` is a later role with the date it began.
    Show a person with :meth:`role_on` the date of the event or statement.
    """

    id: Id
    name: Localized
    role: Localized
    party: Id
    roles: list[RolePeriod] = []

    @model_validator(mode="after")
    def _roles_in_order(self) -> Person:
        dates = [r.since for r in self.roles]
        if dates != sorted(set(dates)):
            raise ValueError("roles must be listed oldest first, each with a different since date")
        return self

    def role_on(self, date: dt.date | None) -> Localized:
        """The role held on ``date``: the latest period that began on or before it, else ``role``."""
        if date is None:
            return self.roles[-1].role if self.roles else self.role
        current = self.role
        for period in self.roles:
            if period.since <= date:
                current = period.role
        return current


class Option(Model):
    """One possible outcome on an issue's scale, from one pole to the other.

    ``regions`` and ``regions_in_part`` name the regions (ISO 3166-2 codes) the outcome
    would leave wholly, or in part, under the control of the issue's ``holder``.
    """

    id: Id
    label: Localized
    description: Localized | None = None
    regions: list[RegionCode] = []
    regions_in_part: list[RegionCode] = []

    @model_validator(mode="after")
    def _whole_or_part(self) -> Option:
        both = sorted(set(self.regions) & set(self.regions_in_part))
        if both:
            raise ValueError(f"{', '.join(both)} listed both in regions and in regions_in_part: pick one")
        return self


class Issue(Model):
    """A negotiating question and its options. ``holder`` is the party that would keep the
    regions the options name (required once any option names regions)."""

    id: Id
    name: Localized
    question: Localized
    options: list[Option] = Field(min_length=3, max_length=6)
    holder: Id | None = None

    def option_index(self, option_id: str) -> int:
        return [o.id for o in self.options].index(option_id)


class Era(Model):
    id: Id
    name: Localized
    start: dt.date
    end: dt.date | None = None


class Category(Model):
    id: Id
    name: Localized


class Certainty(StrEnum):
    confirmed = "confirmed"
    reported = "reported"
    claimed = "claimed"


class Event(Model):
    id: Id
    date: dt.date
    end_date: dt.date | None = None
    title: Localized
    summary: Localized
    actors: list[Id] = Field(min_length=1)
    category: Id
    sources: list[Id] = Field(min_length=1)
    certainty: Certainty
    people: list[Id] = []
    era: Id
    place: Localized | None = None
    host: Id | None = None
    outcomes: list[Localized] = []

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        if self.end_date is not None and self.end_date <= self.date:
            raise ValueError(
                f"end_date {self.end_date} must be after date {self.date} (leave it out for a one-day event)"
            )
        return self

    @property
    def is_span(self) -> bool:
        return self.end_date is not None


def _check_translation(translated_from: str | None, translation_source: str | None) -> None:
    if translated_from is not None and translation_source is None:
        raise ValueError("translated_from is set: give translation_source (the source whose translation is quoted)")
    if translation_source is not None and translated_from is None:
        raise ValueError(
            "translation_source is set: give translated_from (ISO 639-1 code of the language the speaker used)"
        )


class Statement(Model):
    """What someone said, verbatim (``verbatim: true``) or in paraphrase, usually about an event.

    A quotation of words said in another language is marked with ``translated_from``
    (the ISO 639-1 code of the language the speaker used) and ``translation_source``
    (the source, one of ``sources``, whose translation is quoted). ``context`` says, outside
    the quotation, what or to whom the words were said ("On Ukraine not being invited").
    """

    id: Id
    date: dt.date
    speaker: Id
    event: Id | None = None
    verbatim: bool
    text: Localized
    sources: list[Id] = Field(min_length=1)
    translated_from: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    translation_source: Id | None = None
    context: Localized | None = None

    @model_validator(mode="after")
    def _translated_quotation(self) -> Statement:
        _check_translation(self.translated_from, self.translation_source)
        if self.translated_from is not None and not self.verbatim:
            raise ValueError(
                "translated_from marks a translated quotation: set verbatim: true, "
                "or drop translated_from for a paraphrase"
            )
        if self.translation_source is not None and self.translation_source not in self.sources:
            raise ValueError(f"translation_source '{self.translation_source}' must be one of the statement's sources")
        return self


class Quote(Model):
    """A short quotation; ``translated_from`` and ``translation_source`` as in :class:`Statement`."""

    text: Localized
    speaker: Id
    date: dt.date
    source: Id
    translated_from: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    translation_source: Id | None = None

    @model_validator(mode="after")
    def _translated_quotation(self) -> Quote:
        _check_translation(self.translated_from, self.translation_source)
        return self


class Stance(Model):
    """A party's public position on one issue, as of a date.

    ``position`` is the option the party demands, or null for "no public position",
    which must be written out. ``acceptable`` is an analytical estimate of what the
    party could live with; ``acceptable_basis`` says why we think so.
    """

    party: Id
    issue: Id
    as_of: dt.date
    position: Id | None
    stated: bool
    acceptable: list[Id] = []
    acceptable_basis: Localized | None = None
    summary: Localized
    quote: Quote | None = None
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _basis_for_estimate(self) -> Stance:
        if self.acceptable and self.acceptable_basis is None:
            raise ValueError("acceptable options are an estimate: give acceptable_basis")
        if self.position is None and self.stated:
            raise ValueError("stated is true but position is null (no public position)")
        return self

    @property
    def key(self) -> str:
        return f"{self.party}:{self.issue}"


class Verdict(StrEnum):
    correct = "correct"
    wrong = "wrong"
    misattributed = "misattributed"
    unsupported = "unsupported"
    simplified = "simplified"


class Claim(Model):
    """A checkable claim from a text students learn to read critically.

    ``excerpt`` quotes the text briefly in its original language and translates it
    into the other; ``where`` says where in the text it stands (intro, section 1, ...).
    """

    id: Id
    where: Localized
    excerpt: Localized
    original_language: str = Field(default="ja", pattern=r"^[a-z]{2}$")
    verdict: Verdict
    correction: Localized
    sources: list[Id] = Field(min_length=1)
    events: list[Id] = []
