"""One role's brief as a file, for a student's copy of a role-play lesson.

Privacy holds at the data level: ``lessonkit assign`` never copies ``roles.yaml`` into a
student's folder (it holds every role's private brief); it writes this file instead, with the
public scenario and the one role of that delegation, beside the role's notebook. The view
loads it with ``lk.role_brief(course, "ua", brief="brief-08-role-play-ua.json")``. The file is
validated like a deal file (size, JSON, format, version, the content model), because a student
could open and edit it; the copy of the course beside it supplies the public facts (stances,
statements, sources) the brief refers to.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from lessonkit.content.roleplay import RolePlay, structure_problems
from lessonkit.quizzes.responses import write_responses

if TYPE_CHECKING:
    from lessonkit.course.model import Course

FORMAT, VERSION = "lessonkit-brief", 1
MAX_FILE_BYTES = 500_000


class BriefError(ValueError):
    """A brief file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class BriefFile:
    course: str
    lesson: str
    party: str
    play: RolePlay


def brief_filename(lesson: str, party: str) -> str:
    return f"brief-{lesson}-{party}.json"


def build_brief(course: Course, lesson: str, party: str) -> dict[str, Any]:
    """The JSON object of one role's brief file: the scenario and that role only."""
    play = course.lesson(lesson).roleplay
    if play is None:
        raise KeyError(f"lesson {lesson!r} has no role-play (roles.yaml)")
    own = play.model_copy(update={"roles": [play.role(party)]})
    from lessonkit import __version__

    return {
        "format": FORMAT,
        "version": VERSION,
        "course": course.info.id,
        "lesson": course.lesson(lesson).id,
        "party": party,
        "roleplay": own.model_dump(mode="json"),
        "lessonkit": __version__,
    }


def write_brief(path: str | os.PathLike[str], data: dict[str, Any]) -> Path:
    return write_responses(path, data)


def _fail(source: str, detail: str) -> BriefError:
    return BriefError(f"{source}: {detail}")


def parse_brief(text: str, source: str = "<brief>") -> BriefFile:
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise _fail(source, f"larger than {MAX_FILE_BYTES // 1000} kB; not a brief file")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:
        raise _fail(source, f"not valid JSON ({e})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _fail(source, f"not a lessonkit brief file (expected format {FORMAT!r})")
    if data.get("version") != VERSION or type(data.get("version")) is not int:
        raise _fail(source, f"version {data.get('version')!r} is not {VERSION}: use the lessonkit that wrote it")
    unknown = set(data) - {"format", "version", "course", "lesson", "party", "roleplay", "lessonkit"}
    if unknown:
        raise _fail(source, f"unknown field {sorted(unknown)[0]!r}")
    ids = [data.get(key) for key in ("course", "lesson", "party")]
    if not all(isinstance(value, str) and value for value in ids):
        raise _fail(source, "course, lesson and party must be ids")
    try:
        play = RolePlay.model_validate(data.get("roleplay"))
    except ValidationError as e:
        first = e.errors()[0]
        raise _fail(source, f"roleplay.{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    problems = structure_problems(play)
    if problems:
        raise _fail(source, problems[0][1])
    if play.parties != [data["party"]]:
        raise _fail(source, f"must hold exactly the brief of {data['party']!r}")
    return BriefFile(data["course"], data["lesson"], data["party"], play)


def read_brief(path: str | os.PathLike[str]) -> BriefFile:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _fail(str(path), f"larger than {MAX_FILE_BYTES // 1000} kB; not a brief file")
        text = path.read_bytes().decode("utf-8")
    except OSError as e:
        raise _fail(str(path), f"cannot read ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise _fail(str(path), "not UTF-8 text") from None
    return parse_brief(text.removeprefix("\ufeff"), str(path))
