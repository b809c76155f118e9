"""The hub's REST API as an admin: what ``collect-api`` and ``give-roles-api`` do on Kubernetes,
where each student's files are on a volume of their own and only their server can reach them."""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from classhub.common import HubError


class HubAPI:
    """An admin's token (the teacher makes one on the hub's Token page) in JUPYTERHUB_ADMIN_TOKEN."""

    def __init__(self, url: str):
        self.token = os.environ.get("JUPYTERHUB_ADMIN_TOKEN", "")
        if not self.token:
            raise HubError("set JUPYTERHUB_ADMIN_TOKEN to an admin's API token (the hub's Token page)")
        self.hub = url.rstrip("/")

    def call(self, method: str, path: str, body: object = None) -> object:
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"Authorization": f"token {self.token}", "Content-Type": "application/json"}
        req = urllib.request.Request(self.hub + path, data=data, method=method, headers=headers)
        with urllib.request.urlopen(req, timeout=300) as resp:
            raw = resp.read()
        return json.loads(raw) if raw.strip() else None

    def users(self) -> list[dict]:
        found: list[dict] = []
        while True:
            page = self.call("GET", f"/hub/api/users?offset={len(found)}&limit=200")
            found += page  # type: ignore[arg-type]
            if len(page) < 200:  # type: ignore[arg-type]
                return found

    def _found(self, path: str) -> Any:
        """GET, or None where the hub or the user's server answers 404 (no such user or file)."""
        try:
            return self.call("GET", path)
        except urllib.error.HTTPError as e:
            if e.code == 404:
                return None
            raise

    def user(self, name: str) -> dict | None:
        return self._found(f"/hub/api/users/{quote(name)}")

    @staticmethod
    def running(user: dict) -> bool:
        return bool((user.get("servers") or {}).get("", {}).get("ready"))

    @contextmanager
    def server(self, user: dict, start: bool) -> Iterator[bool]:
        """Yields whether the user's server is up; with ``start``, a stopped one is started for the
        block and stopped after it, so a class's servers are started one at a time."""
        name, started = user["name"], False
        if not self.running(user):
            if not start:
                yield False
                return
            self.call("POST", f"/hub/api/users/{quote(name)}/server")
            deadline = time.monotonic() + 300
            while not self.running(self.user(name) or {}):
                if time.monotonic() > deadline:
                    raise HubError(f"{name}: server did not start in 300 s")
                time.sleep(1)
            started = True
        try:
            yield True
        finally:
            if started:
                self.call("DELETE", f"/hub/api/users/{quote(name)}/server")

    def contents(self, name: str, path: str, **query: str) -> dict | None:
        """A file's or folder's model from the user's own server; None where there is none."""
        q = "&".join(f"{k}={v}" for k, v in query.items())
        return self._found(f"/user/{quote(name)}/api/contents/{quote(path, safe='/')}?{q}")

    def save(self, name: str, path: str, model: dict) -> None:
        """Write a file through the user's own server (so it is the user's, on their volume)."""
        self.call("PUT", f"/user/{quote(name)}/api/contents/{quote(path, safe='/')}", model)


def quote(text: str, safe: str = "") -> str:
    return urllib.parse.quote(text, safe=safe)
