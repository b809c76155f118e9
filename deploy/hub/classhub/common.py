"""What every part of the hub tooling shares: where things are, the limits, the one error."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

HUB = Path(__file__).resolve().parents[1]  # deploy/hub: jupyterhub_config.py, node_modules/
REPO = HUB.parents[1]
DEFAULT_PREFIX = Path("/opt/road-to-peace")
DEFAULT_STATE = HUB / "state"
COURSE_DIR = "road-to-peace"  # the folder in every home
NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,29}$")  # a system user this hub creates
HUB_NAME_RE = re.compile(r"^[^\s/]{1,255}$")  # a hub user signed in elsewhere (SSO, LTI): e-mail-like names too
# collected role-play deals go to OUT/_deals/<username>/...: no username starts with "_", and
# `lessonkit grade OUT/[a-z]*/` (students' answers only) never meets a deal file
DEALS = "_deals"
ROLE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")  # a content id (lessonkit.content.base.ID_PATTERN)
RESPONSES_MAX = 1_000_000  # lessonkit refuses larger responses files anyway


class HubError(Exception):
    """A problem the person running the command can fix; printed without a traceback."""


def lessonkit_command() -> Path:
    """The lessonkit command of the Python running this (a teacher's machine, for the API commands)."""
    return Path(shutil.which("lessonkit") or Path(sys.prefix) / "bin" / "lessonkit")
