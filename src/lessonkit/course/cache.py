"""A per-user cache of validated courses, so a lesson's first cell skips parsing and validating.

After a course loads without problems, ``load_course()`` pickles it to one file per course
folder (and the way that folder is shown from the working directory, which the boundary
shapes keep); the next load unpickles it instead if the key still matches. The key covers
everything that decides the result: the course folder, the path, size and modification time
(ns) of every file the loader reads or looks for (``course.yaml``, ``data/*.yaml``,
``data/geo/*.geojson``, each lesson folder's ``lesson.yaml``, ``quizzes.yaml``, ``roles.yaml``),
lessonkit's version and the size and modification time of its own loading code (``content/``,
``course/``, ``errors.py``), and the versions of Python and pydantic, and the installed copy of PyYAML.

Where: ``$LESSONKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/lessonkit``, else ``~/.cache/lessonkit``;
``LESSONKIT_CACHE_DIR=off`` turns the cache off. Anything wrong with the cache (a folder that
cannot be written, a file that is corrupt, from another version or not the user's own) only
means a normal load, never an error; a course with problems is never cached.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import os
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pydantic
import pydantic_core

from lessonkit.cache_folder import ENV, OFF, RACY_NS, folder, read_own, store  # noqa: F401 (ENV, OFF re-exported)
from lessonkit.course.model import Course

MAGIC = b"lessonkit-course-cache 1\n"
# what the loader reads or looks for in a lesson folder (tests/unit/test_course_cache.py holds
# this module and the loader in step by watching which files loading opens)
LESSON_FILES = ("lesson.yaml", "quizzes.yaml", "roles.yaml")
_CODE = ("content", "course")  # lessonkit's folders whose code decides what a course loads as

Stat = tuple[str, int, int]  # path, size, modification time in ns


@dataclass(frozen=True)
class Key:
    """What a course depends on beyond its files (``setup``), and its files (``files``)."""

    setup: tuple[str | None, ...]
    code: tuple[Stat, ...]
    files: tuple[Stat, ...]

    def digest(self) -> bytes:
        return hashlib.sha256(repr(self).encode()).hexdigest().encode() + b"\n"

    def racy(self) -> bool:
        """Whether a file changed too recently to be told apart from a change still to come."""
        newest = max((mtime for _, _, mtime in (*self.code, *self.files)), default=0)
        return newest >= time.time_ns() - RACY_NS


def inputs(root: Path) -> list[Path]:
    """Every file ``loader.collect`` reads or whose presence it checks, found the way it finds them."""
    data = root / "data"
    paths = [root / "course.yaml", *sorted(data.glob("*.yaml")), *sorted((data / "geo").glob("*.geojson"))]
    for lesson in sorted(p for p in root.iterdir() if p.is_dir()):
        paths += [lesson / name for name in LESSON_FILES]
    return paths


def _stats(paths: list[Path]) -> list[Stat]:
    found = []
    for path in paths:
        try:
            st = path.stat()
        except OSError:  # absent: its absence is in the key by its missing entry
            continue
        found.append((str(path), st.st_size, st.st_mtime_ns))
    return found


def _code() -> list[Stat]:
    package = Path(__file__).resolve().parents[1]
    paths = [package / "__init__.py", package / "errors.py"]
    for room in _CODE:
        paths += sorted((package / room).glob("*.py"))
    return [(str(Path(p).relative_to(package)), size, mtime) for p, size, mtime in _stats(paths)]


def _installed(module: str) -> str | None:
    """Which copy of a module is installed, found without importing it (a lesson kernel reading
    its course from the cache never imports PyYAML): its file, size and time of installation."""
    try:
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec else None
        if origin is None:
            return None
        st = os.stat(origin)
    except (ImportError, OSError, ValueError):
        return None
    return f"{origin}:{st.st_size}:{st.st_mtime_ns}"


def key(root: Path, shown: str) -> Key | None:
    """What the course loaded from ``root`` depends on (``shown``: ``root`` as problems show it);
    None when the cache is off or the course folder cannot be listed."""
    if folder() is None:
        return None
    version = getattr(sys.modules.get("lessonkit"), "__version__", None)  # the package, loaded first
    versions = (version, sys.version, pydantic.VERSION, pydantic_core.__version__, _installed("yaml"))
    try:
        return Key((str(root), shown, *versions), tuple(_code()), tuple(_stats(inputs(root))))
    except OSError:
        return None


def _file(root: Path, shown: str) -> Path | None:
    where = folder()
    if where is None:
        return None
    name = hashlib.sha256(f"{root}\0{shown}".encode()).hexdigest()[:20]
    return where / f"course-{name}.pickle"


def read(root: Path, shown: str, k: Key) -> Course | None:
    """The cached course for this key, or None (no file, another key, or anything wrong with it)."""
    path = _file(root, shown)
    if path is None:
        return None
    data = read_own(path)  # only the user's own files are unpickled
    head = MAGIC + k.digest()
    if data is None or not data.startswith(head):
        return None
    try:
        course = _unpickle(data[len(head) :])
    except Exception:  # truncated, from an older lessonkit: load normally
        return None
    if not isinstance(course, Course) or course.root != root:
        return None
    return course


def _unpickle(data: bytes) -> object:
    """Unpickle with the cyclic collector paused: the thousands of objects a course is made of
    would otherwise set off collections that walk them over and over (8.5 ms -> 6 ms here); the
    loader freezes the result right after (``Course.freeze``)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if was_enabled:
            gc.enable()


def write(root: Path, shown: str, k: Key, course: Course) -> None:
    """Cache a course that loaded without problems, unless a file changed while it was read."""
    path = _file(root, shown)
    if path is None or k.racy() or key(root, shown) != k:
        return
    try:
        data = pickle.dumps(course, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something in it that cannot be pickled: the course is loaded all the same
        return
    store(path, MAGIC + k.digest() + data)
