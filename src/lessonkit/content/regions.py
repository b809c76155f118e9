"""Places on a map: regions keyed by ISO 3166-2 code, with a dated, sourced status history.

A course names the statuses it needs (``region_statuses``), each with a colour *and* a
fill pattern, so a map never tells statuses apart by colour alone. Names and statuses
are course data: boundary files supply shapes only.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from lessonkit.content.base import Colour, Id, Localized, Model

_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


def _check_code(code: str) -> str:
    if not _CODE.match(code):
        raise ValueError(f"'{code}' is not an ISO 3166-2 code like UA-14 (capital letters, a hyphen, 1 to 3 more)")
    return code


RegionCode = Annotated[str, AfterValidator(_check_code)]

# plotly's fill patterns; "" is a plain fill
Pattern = Literal["", "/", "\\", "x", "-", "|", "+", "."]


class RegionStatus(Model):
    """One entry of a course's status vocabulary: a name, a colour and a fill pattern."""

    id: Id
    name: Localized
    description: Localized | None = None
    colour: Colour
    pattern: Pattern


class Share(Model):
    """How much of a region a party holds, in words (``about 80%``), as of a date, with sources."""

    text: Localized
    as_of: dt.date
    sources: list[Id] = Field(min_length=1)


class RegionPeriod(Model):
    """A region's status from ``since`` until the next period begins."""

    since: dt.date
    status: Id
    note: Localized | None = None
    sources: list[Id] = Field(min_length=1)


class Region(Model):
    id: RegionCode
    name: Localized
    short: Localized | None = None
    history: list[RegionPeriod] = Field(min_length=1)
    occupied_share: Share | None = None

    @model_validator(mode="after")
    def _history_in_order(self) -> Region:
        for before, after in pairwise(self.history):
            if after.since <= before.since:
                raise ValueError(f"history must run oldest first: {after.since} comes after {before.since}")
        return self

    def period(self, as_of: dt.date) -> RegionPeriod | None:
        """The status period in force on ``as_of``; None before the first one."""
        found = [p for p in self.history if p.since <= as_of]
        return found[-1] if found else None

    def label(self, lang: str) -> str:
        return (self.short or self.name).get(lang)
