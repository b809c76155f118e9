"""The responses file: a student's answers to one quiz, saved beside the notebook.

The quiz widget writes it and ``lessonkit grade`` reads it, possibly years later and on
another machine, so the format is versioned (``"format": "lessonkit-responses/1"``),
documented in ``docs/responses-format.md`` and validated strictly on every read. The
file comes from a student's machine: it is data, never code, and anything odd about it
(not JSON, the wrong shape, absurd sizes) is a ``ResponsesError`` that names the file
and the problem instead of a traceback. No ipywidgets here: the CLI imports this module.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
)

from lessonkit.content.base import ID_PATTERN
from lessonkit.quizzes.scoring import MAX_TEXT_ANSWER

__all__ = [
    "ERROR_KINDS",
    "FORMAT",
    "Responses",
    "ResponsesError",
    "Student",
    "build_responses",
    "default_filename",
    "parse_responses",
    "read_responses",
    "timestamp",
    "write_responses",
]

FORMAT = "lessonkit-responses/1"
MAX_FILE_BYTES = 1_000_000
MAX_ANSWERS = 500
MAX_LIST = 200  # choice or item ids in one answer
MAX_NAME = 200
_TOO_LARGE = f"larger than {MAX_FILE_BYTES // 1_000_000} MB; not a responses file"
# Why a file was refused, coarsely; "invalid" is a responses file with a bad field.
ERROR_KINDS = ("unreadable", "too-large", "not-utf8", "not-json", "not-responses", "version", "invalid")


class ResponsesError(ValueError):
    """A responses file that cannot be read or trusted; the message names the file and the problem.

    ``kind`` (one of ``ERROR_KINDS``) and ``detail`` (the message without the file name)
    let ``lessonkit grade`` group the refused files and name them its own way.
    """

    def __init__(self, source: str, detail: str, kind: str = "invalid"):
        super().__init__(f"{source}: {detail}")
        self.source, self.detail, self.kind = source, detail, kind


def _iso_text(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 timestamp such as 2025-02-18T09:30:00Z")
    return value


def _utc(value: dt.datetime) -> dt.datetime:
    if value.utcoffset() != dt.timedelta(0):
        raise ValueError("must be in UTC (end with Z or +00:00)")
    return value


Utc = Annotated[AwareDatetime, BeforeValidator(_iso_text), AfterValidator(_utc)]
FileId = Annotated[StrictStr, Field(pattern=ID_PATTERN, max_length=80)]
Name = Annotated[StrictStr, Field(max_length=MAX_NAME)]
ChoiceId = Annotated[StrictStr, Field(max_length=80)]
# The saved shapes of scoring.py; strict, so "true" is not a bool and "3" not a number.
Answer = (
    StrictBool
    | StrictInt
    | StrictFloat
    | Annotated[StrictStr, Field(max_length=MAX_TEXT_ANSWER)]
    | Annotated[list[ChoiceId], Field(max_length=MAX_LIST)]
    | Annotated[dict[ChoiceId, ChoiceId], Field(max_length=MAX_LIST)]
)


class _Model(BaseModel):
    # validators are built on the first save or read, not when a quiz is shown (#14)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Student(_Model):
    """Name and id exactly as the student typed them; either may be empty, not both."""

    name: Name
    id: Name


class Responses(_Model):
    format: Literal["lessonkit-responses/1"]
    course: FileId
    lesson: FileId
    quiz: FileId
    language: Literal["en", "ja"]
    mode: Literal["practice", "exam"]
    student: Student
    answers: Annotated[dict[FileId, Answer], Field(max_length=MAX_ANSWERS)]
    started: Utc
    saved: Utc
    lessonkit: Annotated[StrictStr, Field(min_length=1, max_length=40)]


def timestamp(value: dt.datetime) -> str:
    """ISO 8601 in UTC to the second, ``2025-02-18T09:30:00Z``."""
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _answer_problem(value: object) -> str:
    if isinstance(value, str) and len(value) > MAX_TEXT_ANSWER:
        return f"text answer longer than {MAX_TEXT_ANSWER} characters"
    if isinstance(value, list | dict) and len(value) > MAX_LIST:
        return f"more than {MAX_LIST} ids in one answer"
    return "not an answer (expected true/false, a number, text, a list of ids or a mapping of ids to ids)"


def _describe(error: ValidationError, data: dict[str, Any]) -> str:
    """The first few problems as ``field: message``, in plain words (one per answer, not per union member)."""
    parts: list[str] = []
    for e in error.errors():
        loc = e["loc"]
        if loc[:1] == ("answers",) and len(loc) >= 2 and isinstance(data.get("answers"), dict):
            where = f"answers.{loc[1]}"
            message = _answer_problem(data["answers"].get(loc[1]))
            if loc[-1] == "[key]":
                where, message = "answers", f"{str(loc[1])[:80]!r} is not a question id"
        else:
            where = ".".join(str(x) for x in loc)
            message = {"extra_forbidden": "unknown field", "missing": "missing"}.get(e["type"], e["msg"])
            message = message.removeprefix("Value error, ")
            if loc == ("answers",) and e["type"] == "too_long":
                message = f"more than {MAX_ANSWERS} answers"
        part = f"{where}: {message}" if where else message
        if part not in parts:
            parts.append(part)
    more = len(parts) - 3
    return "; ".join(parts[:3]) + (f" (and {more} more)" if more > 0 else "")


def _check_format(data: object, source: str) -> None:
    if not isinstance(data, dict):
        raise ResponsesError(source, "not a lessonkit responses file (expected a JSON object)", "not-responses")
    found = data.get("format")
    if found == FORMAT:
        return
    if isinstance(found, str) and (m := re.fullmatch(r"lessonkit-responses/(\d+)", found)):
        newer = int(m.group(1)) > 1
        hint = "update lessonkit to read it" if newer else "it was written by an older lessonkit"
        raise ResponsesError(source, f"format {found!r} is not {FORMAT!r}: {hint}", "version")
    raise ResponsesError(
        source, f"not a lessonkit responses file (format is {found!r}, expected {FORMAT!r})", "not-responses"
    )


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_responses(text: str, source: str = "<responses>") -> Responses:
    """Validate the text of a responses file; ``source`` names it in errors."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise ResponsesError(source, _TOO_LARGE, "too-large")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise ResponsesError(source, "not valid JSON (nested too deeply)", "not-json") from None
    except ValueError as e:  # JSONDecodeError, NaN, absurdly long integers
        raise ResponsesError(source, f"not valid JSON ({e})", "not-json") from None
    _check_format(data, source)
    try:
        responses = Responses.model_validate(data)
    except ValidationError as e:
        raise ResponsesError(source, _describe(e, data)) from None
    if not (responses.student.name.strip() or responses.student.id.strip()):
        raise ResponsesError(source, "student: give a name or an id")
    return responses


def read_responses(path: str | os.PathLike[str]) -> Responses:
    """Read and validate a responses file (UTF-8 JSON of at most 1 MB)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ResponsesError(str(path), _TOO_LARGE, "too-large")
        raw = path.read_bytes()
    except OSError as e:
        raise ResponsesError(str(path), f"cannot read ({e.strerror or e})", "unreadable") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ResponsesError(str(path), "not UTF-8 text", "not-utf8") from None
    return parse_responses(text.removeprefix("\ufeff"), str(path))


def build_responses(
    *,
    course: str,
    lesson: str,
    quiz: str,
    language: str,
    mode: str,
    student_name: str,
    student_id: str,
    answers: Mapping[str, Any],
    started: dt.datetime,
    saved: dt.datetime | None = None,
    version: str | None = None,
) -> dict[str, Any]:
    """The JSON object of a responses file, validated, keys in the documented order.

    Raises ``ResponsesError`` if the result would not read back (say, a text answer
    over 2000 characters), so a student never saves a file their teacher cannot grade.
    """
    if version is None:
        from lessonkit import __version__ as version
    data = {
        "format": FORMAT,
        "course": course,
        "lesson": lesson,
        "quiz": quiz,
        "language": language,
        "mode": mode,
        "student": {"name": student_name, "id": student_id},
        "answers": {k: list(v) if isinstance(v, tuple) else v for k, v in answers.items()},
        "started": timestamp(started),
        "saved": timestamp(saved or dt.datetime.now(dt.UTC)),
        "lessonkit": version,
    }
    parse_responses(json.dumps(data, ensure_ascii=False), "responses")
    return data


def write_responses(path: str | os.PathLike[str], data: Mapping[str, Any]) -> Path:
    """Write atomically: a temporary file in the same folder, then ``os.replace``.

    A kernel that dies mid-save leaves the previous file whole, never half a file.
    """
    path = Path(path)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a teacher's collection script must read it
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _slug(text: str) -> str:
    """Letters and digits of any script, runs of anything else as one ``-``: safe in a file name."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[^\w]+|_+", "-", text).strip("-")[:60].strip("-")


def default_filename(lesson: str, quiz: str, student_name: str = "", student_id: str = "") -> str:
    """``responses-{lesson}-{quiz}-{student}.json``, the student being the id if given, else the name."""
    who = _slug(student_id) or _slug(student_name) or "anonymous"
    return f"responses-{_slug(lesson)}-{_slug(quiz)}-{who}.json"
