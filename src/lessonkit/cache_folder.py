"""Where lessonkit keeps what it can rebuild (the validated course, parsed word catalogues).

Free of imports beyond the standard library, so any part of the kit can find the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "LESSONKIT_CACHE_DIR"
OFF = ("off", "0", "no", "false", "none")


def folder() -> Path | None:
    """The cache folder, or None when the cache is off (or there is no home folder).

    ``$LESSONKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/lessonkit``, else ``~/.cache/lessonkit``;
    ``LESSONKIT_CACHE_DIR=off`` turns caching off."""
    value = os.environ.get(ENV, "").strip()
    if value.lower() in OFF:
        return None
    if value:
        return Path(value).expanduser().absolute()
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "lessonkit"
    try:
        return Path.home() / ".cache" / "lessonkit"
    except RuntimeError:  # no home folder
        return None
