"""Helpers every test tier shares: paths, the real course, hostile text, file edits and the
Japanese punctuation checks. Fixtures live in conftest.py; tests import plain helpers from here."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import lessonkit

REPO = Path(__file__).resolve().parents[1]
COURSE_DIR = REPO / "lessons"

# Markup a hostile or careless author could put in content: must always show as text.
PAYLOAD = '<img src=x onerror=alert(1)><script>alert("x")</script>'


@functools.cache
def real_course() -> lessonkit.course.Course:
    """The course in lessons/, loaded once per test process (it is frozen: safe to share)."""
    return lessonkit.load_course(COURSE_DIR)


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact snippet in a file; fail loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# Japanese text the library writes. Strict: lines that hold no Latin names (panels, cards).
HALF_WIDTH = re.compile(r"[()]|, |: | · ")
NESTED = re.compile(r"（[^（）]*（")


def japanese_problems(text: str) -> list[str]:
    """Half-width brackets, commas, colons or dots, doubled 「「 」」 and nested （（ in Japanese text."""
    found = [m.group() for m in HALF_WIDTH.finditer(text)]
    found += [d for d in ("「「", "」」") if d in text]
    found += [m.group() for m in NESTED.finditer(text)]
    return found


# Lenient: longer output that may quote Latin names such as "El País (English edition)".
_JA = r"[぀-ヿ一-鿿]"
JAPANESE_PUNCTUATION = {
    "gap after 。、：": re.compile(r"[。、：] (?=\S)"),
    "half-width colon": re.compile(_JA + r": "),
    "half-width bracket": re.compile(_JA + r" ?\(|\) ?" + _JA),
    "nested round brackets": re.compile(r"（[^（）\n]*（"),
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(
    argv: list[str],
    *,
    ready: Callable[[], object],
    what: str,
    log: Path | None = None,
    timeout: float = 90,
    **popen: Any,
) -> Iterator[subprocess.Popen]:
    """A server process in its own session: started, polled with ``ready()`` until it answers,
    and stopped with its whole process group (children such as kernels too), whatever happens."""
    out = log.open("w") if log else subprocess.DEVNULL
    proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, **popen)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                ready()
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{what} did not start{f'; see {log}' if log else ''}") from None
                time.sleep(0.5)
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if log:
            out.close()
