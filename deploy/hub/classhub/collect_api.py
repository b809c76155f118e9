"""collect-api: what ``collect`` does, through the hub's REST API as an admin (Zero to JupyterHub)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

from classhub.collect import collected_kind, finish, keep
from classhub.common import COURSE_DIR, RESPONSES_MAX, HubError


def collect_api(args: argparse.Namespace) -> int:
    """Every student's responses-*.json through the hub's API, as an admin (students' files on their own volumes).

    The token: an admin's API token (the teacher makes one on the hub's Token page), in
    JUPYTERHUB_ADMIN_TOKEN. A student whose server is stopped is listed, or with --start
    started, collected and stopped again, one at a time.
    """
    import urllib.error
    import urllib.parse
    import urllib.request

    token = os.environ.get("JUPYTERHUB_ADMIN_TOKEN", "")
    if not token:
        raise HubError("set JUPYTERHUB_ADMIN_TOKEN to an admin's API token (the hub's Token page)")
    hub = args.url.rstrip("/")

    def call(method: str, path: str) -> object:
        req = urllib.request.Request(hub + path, method=method, headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(req, timeout=300) as resp:
            body = resp.read()
        return json.loads(body) if body.strip() else None

    users: list[dict] = []
    while True:
        page = call("GET", f"/hub/api/users?offset={len(users)}&limit=200")
        users += page  # type: ignore[operator]
        if len(page) < 200:  # type: ignore[arg-type]
            break
    students = sorted((u for u in users if not u.get("admin")), key=lambda u: u["name"])
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=False)
    manifest, missing, deals = [], [], []
    for user in students:
        name = user["name"]
        quoted = urllib.parse.quote(name)
        started = False
        if not (user.get("servers") or {}).get("", {}).get("ready"):
            if not args.start:
                missing.append((name, "server not running (collect with --start, or while the class is on)"))
                continue
            call("POST", f"/hub/api/users/{quoted}/server")
            deadline = time.monotonic() + 300
            while not (call("GET", f"/hub/api/users/{quoted}")["servers"].get("", {}).get("ready")):  # type: ignore[index]
                if time.monotonic() > deadline:
                    raise HubError(f"{name}: server did not start in 300 s")
                time.sleep(1)
            started = True
        found = 0
        try:
            for lang in ("en", "ja"):
                rel = f"{COURSE_DIR}/notebooks/{lang}"
                try:
                    listing = call("GET", f"/user/{quoted}/api/contents/{rel}?content=1")
                except urllib.error.HTTPError as e:
                    if e.code == 404:
                        continue
                    raise
                for entry in listing["content"]:  # type: ignore[index]
                    fname = entry["name"]
                    kind = collected_kind(fname)
                    if not (entry["type"] == "file" and kind):
                        continue
                    if (entry.get("size") or 0) > RESPONSES_MAX:
                        continue
                    got = call(
                        "GET", f"/user/{quoted}/api/contents/{rel}/{urllib.parse.quote(fname)}?content=1&format=text"
                    )
                    data = got["content"].encode("utf-8")  # type: ignore[index]
                    keep(out, name, f"notebooks/{lang}/{fname}", data, kind, manifest, deals)
                    found += kind == "answers"
        finally:
            if started:
                call("DELETE", f"/hub/api/users/{quoted}/server")
        if not found:
            missing.append((name, "no saved answers"))
    lessonkit = Path(shutil.which("lessonkit") or Path(sys.prefix) / "bin" / "lessonkit")
    course = args.course or Path.home() / COURSE_DIR / "lessons"
    return finish(out, manifest, missing, len(students), lessonkit, course, args.grade, deals)
