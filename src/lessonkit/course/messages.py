"""Turn pydantic's validation errors into plain words with a field path and a line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from lessonkit.errors import Problem

if TYPE_CHECKING:  # PyYAML is imported only when a file is parsed, never for a cached course
    from lessonkit.course.yamltext import Path


def field_name(path: Path) -> str:
    """``('events', 37, 'date')`` -> ``events[37].date``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def line_for(path: Path, lines: dict[Path, int]) -> int:
    """The line of the deepest part of ``path`` that exists in the file."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 0


def data_path(loc: tuple[Any, ...], data: Any) -> Path:
    """Follow pydantic's ``loc`` through the data, dropping union tags and the like."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
            path.append(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            path.append(part)
        elif isinstance(current, dict) and isinstance(part, str) and not _is_tag(part, current):
            path.append(part)  # a missing required key: report it under its parent
            current = None
        # otherwise a tag such as 'single' or 'function-after[...]': skip it
    return tuple(path)


def _is_tag(part: str, current: dict) -> bool:
    return part == current.get("type") or "[" in part or part in {"str", "int", "float", "bool", "date"}


def describe(error: Mapping[str, Any]) -> str:
    """A plain-words message for one pydantic error."""
    kind = error["type"]
    value = error.get("input")
    shown = _show(value)
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field (check the spelling)"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{shown} is not a date (write YYYY-MM-DD)"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if "a-z0-9" in pattern and ":" not in pattern:
            return f"{shown} is not a valid id (lower-case letters, digits, '-' and '_')"
        if pattern.startswith("^#"):
            return f"{shown} is not a colour like #1f77b4"
        return f"{shown} does not have the expected form"
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("too_short", "too_long"):
        return error["msg"].replace("List", "list").replace("Value", "value")
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        return f"{shown} is not one of {expected}"
    if kind == "union_tag_invalid":
        return f"{_show(ctx.get('tag'))} is not a known type; use one of {ctx.get('expected_tags')}"
    if kind == "union_tag_not_found":
        return "needs a 'type'"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"should be a mapping (key: value), not {shown}"
    if kind == "list_type":
        return f"should be a list, not {shown}"
    if kind.startswith("bool"):
        return f"{shown} is not true or false"
    if kind.startswith("int") or kind.startswith("float"):
        return f"{shown} is not a number" if "parsing" in kind or "type" in kind else error["msg"]
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind.startswith("string_type"):
        return f"should be text, not {shown}"
    return error["msg"]


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def problems_from(
    exc: ValidationError, data: Any, lines: dict[Path, int], path: str, prefix: Path = ()
) -> list[Problem]:
    out = []
    for error in exc.errors(include_url=False):
        at = data_path(error["loc"], data)
        if error["type"] == "union_tag_invalid":
            at = (*at, str((error.get("ctx") or {}).get("discriminator", "type")).strip("'"))
        full = (*prefix, *at)
        out.append(Problem(path, line_for(full, lines), field_name(full), describe(error)))
    return out
