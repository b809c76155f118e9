"""Find and read the responses files a teacher points at: each is either read or named with a reason.

Folders are searched recursively for ``*.json``; a file named directly is read whatever
its ending. Links found inside folders are not followed: a collected folder comes from
students (an LMS download, an unzipped archive), and a link there could point at another
student's file or anywhere on the teacher's disk. A path the teacher typed is followed.
Special files (pipes, devices) are never opened, since reading one can block forever.

Two files with the same content (the same answers, student and times, whatever the
whitespace) are graded once; the later copy in path order is rejected as a duplicate.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from lessonkit.course.loader import display_path
from lessonkit.quizzes.responses import Responses, ResponsesError, read_responses

__all__ = ["Collected", "GradingError", "Read", "Rejected", "collect"]

T = TypeVar("T")


class GradingError(ValueError):
    """A problem with what was asked (a path that does not exist), not with a student's file."""


@dataclass(frozen=True)
class Rejected:
    """A file that was not graded. ``kind`` groups the reasons (see ``REJECTION_KINDS``)."""

    path: Path
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.detail}"


# The reasons a file is not graded: responses.ERROR_KINDS, then the ones grading adds.
REJECTION_KINDS = (
    "unreadable",
    "too-large",
    "not-utf8",
    "not-json",
    "not-responses",
    "version",
    "invalid",
    "symlink",
    "not-regular",
    "duplicate",
    "unknown-course",
    "unknown-lesson",
    "unknown-quiz",
    "superseded",
)


@dataclass(frozen=True)
class Read:
    """A responses file that was read and validated."""

    path: Path
    responses: Responses


@dataclass
class Collected:
    read: list[Read] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)
    """Files inside folders that do not end in ``.json`` (notebooks, READMEs): not counted."""
    empty_folders: list[Path] = field(default_factory=list)
    """Folders named by the teacher in which no ``.json`` file was found."""


@dataclass
class _Found:
    files: list[Path] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)
    empty_folders: list[Path] = field(default_factory=list)


def _is_json(name: str) -> bool:
    return name.lower().endswith(".json")


def _walk(folder: Path, found: _Found) -> None:
    """Every entry under ``folder``, without following links; iterative, so deep trees cannot overflow."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            found.rejected.append(Rejected(current, "unreadable", f"cannot read this folder ({e.strerror or e})"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                if _is_json(entry.name) or entry.is_dir():
                    found.rejected.append(Rejected(path, "symlink", "a symbolic link: not followed (copy the file in)"))
                else:
                    found.ignored.append(path)
            elif entry.is_dir(follow_symlinks=False):
                stack.append(path)
            elif not _is_json(entry.name):
                found.ignored.append(path)
            elif entry.is_file(follow_symlinks=False):
                found.files.append(path)
            else:
                found.rejected.append(Rejected(path, "not-regular", "not a regular file (a pipe, socket or device)"))


def _find(paths: Iterable[str | os.PathLike[str]]) -> _Found:
    found = _Found()
    for arg in paths:
        path = Path(arg)
        if not path.exists():
            if path.is_symlink():
                found.rejected.append(Rejected(path, "symlink", "a symbolic link to nothing"))
                continue
            raise GradingError(f"no such file or folder: {arg}")
        if path.is_dir():
            before = len(found.files) + len(found.rejected)
            _walk(path, found)
            if len(found.files) + len(found.rejected) == before:
                found.empty_folders.append(path)
        elif path.is_file():
            found.files.append(path)
        else:
            found.rejected.append(Rejected(path, "not-regular", "not a regular file (a pipe, socket or device)"))
    return found


def _unique(items: list[T], key: Callable[[T], Path]) -> list[T]:
    """The same file found twice (a file and its folder both given) is one file."""
    seen: set[Path] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _entry(rejected: Rejected) -> Path:
    """Where a rejected entry is, its folders resolved but not itself (it may be a link)."""
    return Path(os.path.realpath(rejected.path.parent)) / rejected.path.name


def _fingerprint(responses: Responses) -> str:
    return json.dumps(responses.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


def collect(paths: Iterable[str | os.PathLike[str]]) -> Collected:
    """Read every responses file under ``paths``; each other file found is rejected with its reason."""
    found = _find(paths)
    rejected = _unique(found.rejected, _entry)
    out = Collected(rejected=rejected, ignored=found.ignored, empty_folders=found.empty_folders)
    first: dict[str, Path] = {}
    for path in sorted(_unique(found.files, Path.resolve), key=str):
        try:
            responses = read_responses(path)
        except ResponsesError as e:
            out.rejected.append(Rejected(path, e.kind, e.detail))
            continue
        key = _fingerprint(responses)
        if key in first:
            out.rejected.append(Rejected(path, "duplicate", f"the same answers as {display_path(first[key])}"))
            continue
        first[key] = path
        out.read.append(Read(path, responses))
    return out
