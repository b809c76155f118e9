"""The deal file: one group's deal in one round of a role-play, saved beside the notebook.

The deal builder writes it and ``lessonkit debrief`` reads every file of a class, maybe on
another machine, so the format is versioned (``"format": "lessonkit-deal", "version": 1``),
documented in docs/deal-format.md and validated strictly on every read. It comes from a
student's machine: data, never code. Anything odd (not JSON, the wrong shape, absurd sizes,
ids the course does not know) is a ``DealError`` naming the file and the problem, never a
traceback. The group's and class's names are shown escaped wherever they become HTML.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictStr, ValidationError

from lessonkit.content.base import ID_PATTERN
from lessonkit.quizzes.responses import timestamp, write_responses

if TYPE_CHECKING:
    from lessonkit.content.roleplay import RolePlay
    from lessonkit.course.model import Course

FORMAT, VERSION = "lessonkit-deal", 1
ROUNDS = ("opening", "1", "2", "final")
MAX_FILE_BYTES = 100_000
MAX_NAME = 100
MAX_CHOICES = 20
ERROR_KINDS = ("unreadable", "too-large", "not-utf8", "not-json", "not-deal", "version", "invalid", "mismatch")

FileId = Annotated[StrictStr, Field(pattern=ID_PATTERN, max_length=80)]
Name = Annotated[StrictStr, Field(max_length=MAX_NAME)]


class DealError(ValueError):
    """A deal file that cannot be read or trusted; ``kind`` (one of ``ERROR_KINDS``) groups the
    reasons for the debrief, ``detail`` is the message without the file name."""

    def __init__(self, source: str, detail: str, kind: str = "invalid"):
        super().__init__(f"{source}: {detail}")
        self.source, self.detail, self.kind = source, detail, kind


class DealFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    format: Literal["lessonkit-deal"]
    version: Literal[1]
    course: FileId
    lesson: FileId
    class_: Name = Field(alias="class")
    group: Name
    party: FileId
    role: Literal["delegation", "mediator"]
    round: Literal["opening", "1", "2", "final"]
    language: Literal["en", "ja"]
    choices: Annotated[dict[FileId, FileId | None], Field(max_length=MAX_CHOICES)]
    saved_at: AwareDatetime
    lessonkit: Annotated[StrictStr, Field(min_length=1, max_length=40)]

    def as_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", by_alias=True)
        data["saved_at"] = timestamp(self.saved_at)
        return data


def _describe(error: ValidationError) -> str:
    parts: list[str] = []
    for e in error.errors():
        where = ".".join(str(x) for x in e["loc"] if x != "[key]")
        message = {"extra_forbidden": "unknown field", "missing": "missing"}.get(e["type"], e["msg"])
        if e["loc"][-1:] == ("[key]",):
            message = "not an issue id"
        part = f"{where}: {message.removeprefix('Value error, ')}" if where else message
        if part not in parts:
            parts.append(part)
    more = len(parts) - 3
    return "; ".join(parts[:3]) + (f" (and {more} more)" if more > 0 else "")


def _check_format(data: object, source: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise DealError(source, f"not a lessonkit deal file (format is {found!r}, expected {FORMAT!r})", "not-deal")
    version = data.get("version")
    if version == VERSION and type(version) is int:
        return
    if type(version) is int and version > VERSION:
        raise DealError(
            source, f"version {version} is newer than this lessonkit reads ({VERSION}): update lessonkit", "version"
        )
    raise DealError(source, f"version {version!r} is not {VERSION}", "version")


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_deal(text: str, source: str = "<deal>") -> DealFile:
    """Validate the text of a deal file; ``source`` names it in errors."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise DealError(source, f"larger than {MAX_FILE_BYTES // 1000} kB; not a deal file", "too-large")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise DealError(source, "not valid JSON (nested too deeply)", "not-json") from None
    except ValueError as e:
        raise DealError(source, f"not valid JSON ({e})", "not-json") from None
    _check_format(data, source)
    if not isinstance(data.get("saved_at"), str):
        raise DealError(source, "saved_at: must be an ISO 8601 timestamp such as 2026-02-18T09:30:00Z")
    try:
        deal = DealFile.model_validate(data)
    except ValidationError as e:
        raise DealError(source, _describe(e)) from None
    if deal.saved_at.utcoffset() != dt.timedelta(0):
        raise DealError(source, "saved_at: must be in UTC (end with Z or +00:00)")
    if not deal.group.strip():
        raise DealError(source, "group: give the group's name")
    return deal


def read_deal(path: str | os.PathLike[str]) -> DealFile:
    """Read and validate a deal file (UTF-8 JSON of at most 100 kB; checked before reading)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DealError(str(path), f"larger than {MAX_FILE_BYTES // 1000} kB; not a deal file", "too-large")
        raw = path.read_bytes()
    except OSError as e:
        raise DealError(str(path), f"cannot read ({e.strerror or e})", "unreadable") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DealError(str(path), "not UTF-8 text", "not-utf8") from None
    return parse_deal(text.removeprefix("\ufeff"), str(path))


def check_deal_file(deal: DealFile, course: Course, play: RolePlay, lesson: str, source: str) -> None:
    """The deal against the role-play it claims to belong to: a ``DealError`` (kind ``mismatch``)
    for another course or lesson, a party without a brief, issues or options the course lacks."""
    from lessonkit.roleplay.scoring import check_deal

    if deal.course != course.info.id or deal.lesson != lesson:
        raise DealError(
            source, f"for {deal.course}/{deal.lesson}, not this course's {course.info.id}/{lesson}", "mismatch"
        )
    if deal.party not in play.parties:
        raise DealError(source, f"party '{deal.party}' has no brief in this role-play", "mismatch")
    problems = check_deal(course, play, deal.choices)
    if problems:
        raise DealError(source, "choices: " + "; ".join(problems[:3]), "mismatch")


def build_deal(
    *,
    course: str,
    lesson: str,
    class_name: str,
    group: str,
    party: str,
    role: str,
    round: str,
    language: str,
    choices: Mapping[str, str | None],
    saved_at: dt.datetime | None = None,
    version: str | None = None,
) -> dict[str, Any]:
    """The JSON object of a deal file, validated (a ``DealError`` if it would not read back)."""
    if version is None:
        from lessonkit import __version__ as version
    data = {
        "format": FORMAT,
        "version": VERSION,
        "course": course,
        "lesson": lesson,
        "class": class_name,
        "group": group,
        "party": party,
        "role": role,
        "round": round,
        "language": language,
        "choices": dict(choices),
        "saved_at": timestamp(saved_at or dt.datetime.now(dt.UTC)),
        "lessonkit": version,
    }
    parse_deal(json.dumps(data, ensure_ascii=False), "deal")
    return data


def write_deal(path: str | os.PathLike[str], data: Mapping[str, Any]) -> Path:
    """Write atomically (temporary file, then ``os.replace``), as the responses file is."""
    return write_responses(path, data)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[^\w]+|_+", "-", text).strip("-")[:40].strip("-")


def default_filename(lesson: str, class_name: str, group: str, party: str, round: str) -> str:
    """``deal-{lesson}-{class}-{group}-{party}-{round}.json``, names reduced to letters and digits."""
    parts = [_slug(lesson), _slug(class_name), _slug(group) or "group", _slug(party), _slug(round)]
    return "deal-" + "-".join(p for p in parts if p) + ".json"
