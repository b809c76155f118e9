"""The hub's state folder: settings.json (what ``start`` was given) and secrets/ (mode 700)."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from classhub.common import HubError


def load_settings(state: Path) -> dict:
    path = state / "settings.json"
    if not path.is_file():
        raise HubError(f"{path}: not found; start the hub once with `make hub` (hubctl.py start) first")
    return json.loads(path.read_text(encoding="utf-8"))


def _secret_file(path: Path, make) -> str:
    """Read a secret, or create it (mode 600) the first time."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(make() + "\n")
    return path.read_text().strip()


def prepare_state(state: Path) -> Path:
    """STATE/secrets (700) with the cookie secret, proxy token and the generated passwords."""
    state.mkdir(parents=True, exist_ok=True)
    os.chmod(state, 0o755)
    box = state / "secrets"
    box.mkdir(exist_ok=True)
    os.chmod(box, 0o700)
    _secret_file(box / "proxy_auth_token", lambda: secrets.token_hex(32))
    _secret_file(box / "jupyterhub_cookie_secret", lambda: secrets.token_hex(32))
    _secret_file(box / "student-password", lambda: secrets.token_urlsafe(9))
    _secret_file(box / "teacher-password", lambda: secrets.token_urlsafe(32))  # JupyterHub wants 32+ for admins
    return box
