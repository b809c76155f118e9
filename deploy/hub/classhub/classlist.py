"""The class list a teacher writes: ``username[,full name[,student id[,role]]]`` a line."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from classhub.common import NAME_RE, ROLE_RE, HubError


def read_class(path: Path, names: re.Pattern[str] = NAME_RE) -> list[dict[str, str]]:
    """``username[,full name[,student id[,role]]]`` a line; a header line ``username,...`` and ``#`` lines
    are skipped. ``role``: the role-play delegation the student is in (a party id such as ``ua``).
    ``names``: what a username may be (the system users this hub creates by default; a hub that
    signs people in elsewhere has its own names, ``HUB_NAME_RE``)."""
    if not path.is_file():
        raise HubError(f"{path}: no such class list (one student a line: username[,full name[,student id[,role]]])")
    students: list[dict[str, str]] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as f:
        for lineno, row in enumerate(csv.reader(f), 1):
            cells = [c.strip() for c in row]
            if not cells or not cells[0] or cells[0].startswith("#"):
                continue
            name = cells[0].lower()
            if lineno == 1 and name in ("username", "user", "name"):
                continue
            if not names.match(name):
                rule = (
                    "use a-z, 0-9, - and _, starting with a letter, at most 30 characters"
                    if names is NAME_RE
                    else "the hub's username, without spaces or '/'"
                )
                raise HubError(f"{path}:{lineno}: {cells[0]!r} is not a username: {rule}")
            if name in seen:
                raise HubError(f"{path}:{lineno}: {name!r} is listed twice")
            seen.add(name)
            role = cells[3].lower() if len(cells) > 3 else ""
            if role and not ROLE_RE.match(role):
                raise HubError(f"{path}:{lineno}: {cells[3]!r} is not a role: the role-play's party ids (ua, ru, ...)")
            students.append(
                {
                    "name": name,
                    "full_name": cells[1] if len(cells) > 1 else "",
                    "id": cells[2] if len(cells) > 2 else "",
                    "role": role,
                    "line": str(lineno),
                }
            )
    if not students:
        raise HubError(f"{path}: no student in the class list")
    return students


def check_roles(path: Path, students: list[dict[str, str]], roles: list[str], none: str) -> None:
    """Every role in the class list is one the role-play has; else the list's line. ``none``: what to
    say when the course has no role-play at all."""
    for s in students:
        if s["role"] and s["role"] not in roles:
            known = ", ".join(roles) or none
            raise HubError(f"{path}:{s['line']}: role {s['role']!r} is not one of the role-play's ({known})")
