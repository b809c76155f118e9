"""collect-api: what ``collect`` does, through the hub's REST API as an admin (Zero to JupyterHub)."""

from __future__ import annotations

import argparse
from pathlib import Path

from classhub.collect import collected_kind, finish, keep
from classhub.common import COURSE_DIR, RESPONSES_MAX, lessonkit_command
from classhub.hubapi import HubAPI


def collect_api(args: argparse.Namespace) -> int:
    """Every student's responses-*.json (and role-play deals) through the hub's API, as an admin.

    A student whose server is stopped is listed, or with --start started, collected and
    stopped again, one at a time.
    """
    api = HubAPI(args.url)
    students = sorted((u for u in api.users() if not u.get("admin")), key=lambda u: u["name"])
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=False)
    manifest: list[list[str]] = []
    missing: list[tuple[str, str]] = []
    deals: list[list[str]] = []
    for user in students:
        name = user["name"]
        found = 0
        with api.server(user, args.start) as up:
            if not up:
                missing.append((name, "server not running (collect with --start, or while the class is on)"))
                continue
            for lang in ("en", "ja"):
                rel = f"{COURSE_DIR}/notebooks/{lang}"
                listing = api.contents(name, rel, content="1")
                for entry in (listing or {}).get("content") or []:
                    fname = entry["name"]
                    kind = collected_kind(fname)
                    if not (entry["type"] == "file" and kind) or (entry.get("size") or 0) > RESPONSES_MAX:
                        continue
                    got = api.contents(name, f"{rel}/{fname}", content="1", format="text")
                    if got is None:
                        continue
                    data = got["content"].encode("utf-8")
                    keep(out, name, f"notebooks/{lang}/{fname}", data, kind, manifest, deals)
                    found += kind == "answers"
        if not found:
            missing.append((name, "no saved answers"))
    lessonkit = lessonkit_command()
    course = args.course or Path.home() / COURSE_DIR / "lessons"
    return finish(out, manifest, missing, len(students), lessonkit, course, args.grade, deals)
