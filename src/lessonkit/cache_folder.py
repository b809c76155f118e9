"""Where lessonkit keeps what it can rebuild (the validated course, parsed word catalogues),
and how a cached file is read and written.

Free of imports beyond the standard library, so any part of the kit can use it. Anything wrong
with a cached file (missing, unreadable, another user's) reads as nothing, and a file that cannot
be written is simply not written: the caller rebuilds what it needed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

ENV = "LESSONKIT_CACHE_DIR"
OFF = ("off", "0", "no", "false", "none")
# a source file changed this recently could change again within its timestamp's resolution
# without changing its size or time: what was built from it is not cached (git's "racy" rule)
RACY_NS = 2_000_000_000


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


def read_own(path: Path) -> bytes | None:
    """A cached file's bytes, or None: missing, unreadable, or not the user's own (what a cache
    holds is unpickled or shown to students, so another account's file is never trusted)."""
    try:
        with path.open("rb") as f:
            if hasattr(os, "getuid") and os.fstat(f.fileno()).st_uid != os.getuid():
                return None
            return f.read()
    except OSError:
        return None


def store(path: Path, data: bytes) -> None:
    """Write a cached file atomically (readers see the old file or the new one, never half of
    one); a folder that cannot be written or a full disk leaves no file and no error."""
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:20]}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(temp, path)
    except OSError:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
