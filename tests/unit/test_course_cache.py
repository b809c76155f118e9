"""The validated-course cache (``lessonkit.course.cache``): a hit is the same course without
reading the files; any change to what loading reads is a miss; nothing wrong with the cache is
ever an error; ``lessonkit check`` always reads the files.

Each test has its own cache folder through ``LESSONKIT_CACHE_DIR`` (tests/conftest.py gives every
test process one too, so no test writes to the real ``~/.cache``).
"""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.helpers import COURSE_DIR, edit

import lessonkit
from lessonkit.cli.main import main
from lessonkit.course import cache
from lessonkit.errors import LessonError

LONG_AGO = time.time_ns() - 3600 * 10**9  # older than the cache's "changed too recently" window
TITLE = "Northland closes the lake"
SAME_SIZE = "Northland closed the lake"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


@pytest.fixture
def course(sample_copy: Path) -> Path:
    """The sample course's copy with every file last changed an hour ago."""
    settle(sample_copy)
    return sample_copy


def settle(root: Path, when: int = LONG_AGO) -> None:
    for path in root.rglob("*"):
        os.utime(path, ns=(when, when))


def edit_keeping_time(path: Path, old: str, new: str) -> None:
    """Change a file but give it back its size and modification time: invisible to the cache."""
    st = path.stat()
    edit(path, old, new)
    assert path.stat().st_size == st.st_size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def cached_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("course-*.pickle")) if folder.is_dir() else []


def title(root: Path) -> str:
    return lessonkit.load_course(root).event("lake-closed").title.en


def test_a_hit_is_the_same_course_and_reads_no_file(course, cache_dir):
    fresh = lessonkit.load_course(course)
    assert len(cached_files(cache_dir)) == 1
    hit = lessonkit.load_course(course)
    assert hit is not fresh and hit.events[0] is not fresh.events[0]
    # every field equal, models by their values (pickle's bytes differ: which strings are shared does)
    assert hit == fresh == lessonkit.load_course(course, cache=False)
    assert [type(e) for e in hit.events] == [type(e) for e in fresh.events]
    # an edit the key cannot see (same size, same time) proves the hit did not read the file ...
    edit_keeping_time(course / "data/events.yaml", TITLE, SAME_SIZE)
    assert title(course) == TITLE
    # ... and a new modification time alone is enough to read it again
    os.utime(course / "data/events.yaml", ns=(LONG_AGO + 10**9, LONG_AGO + 10**9))
    assert title(course) == SAME_SIZE
    assert title(course) == SAME_SIZE  # and that result is cached in turn
    assert len(cached_files(cache_dir)) == 1  # one file per course, replaced


def test_a_hit_behaves_like_a_fresh_load(course, cache_dir):
    lessonkit.load_course(course)
    hit = lessonkit.load_course(course)
    assert hit.lesson("01").quiz().id == "check"
    assert hit.stance("north", "fishing").position == "north-only"
    more = hit.with_events([{"id": "mine", "date": "2024-04-01", "title": "Mine", "actors": "north, south",
                             "category": "diplomacy", "sources": ["north-gazette-2020"]}])  # fmt: skip
    assert [e.id for e in more.events] == ["lake-closed", "first-round", "mine"]
    assert list(hit.events_frame()["id"]) == ["lake-closed", "first-round"]


def test_a_change_of_size_is_a_miss(course, cache_dir):
    lessonkit.load_course(course)
    path = course / "data/events.yaml"
    st = path.stat()
    edit(path, TITLE, TITLE + "!")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert title(course) == TITLE + "!"


def test_a_new_file_is_a_miss(course, cache_dir):
    lessonkit.load_course(course)
    first = (course / "data/sources.yaml").read_text(encoding="utf-8").split("  - id: mediator")[0]
    (course / "data/sources-more.yaml").write_text(first.replace("north-gazette-2020", "more"), encoding="utf-8")
    settle(course)
    assert "more" in [s.id for s in lessonkit.load_course(course).sources]


def test_an_unlisted_lesson_folder_is_a_miss(course, cache_dir):
    lessonkit.load_course(course)
    shutil.copytree(course / "01-the-lake", course / "02-more")
    settle(course)
    with pytest.raises(LessonError, match="'02-more' is not listed"):
        lessonkit.load_course(course)


def test_a_broken_file_after_a_cached_load_is_reported_every_time(course, cache_dir):
    lessonkit.load_course(course)
    edit(
        course / "data/events.yaml",
        "    certainty: confirmed\n    era: dispute",
        "    certainty: [confirmed\n    era: dispute",
    )
    settle(course)
    for _ in range(2):
        with pytest.raises(LessonError) as caught:
            lessonkit.load_course(course)
        assert re.search(r"events\.yaml:\d+: not valid YAML", str(caught.value)), caught.value


def test_a_folder_that_cannot_be_written_is_a_normal_load(course, tmp_path, monkeypatch, capsys):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv(cache.ENV, str(tmp_path / "a-file" / "cache"))
    assert lessonkit.load_course(course) == lessonkit.load_course(course, cache=False)
    assert title(course) == TITLE
    assert capsys.readouterr() == ("", "")
    assert [p.name for p in tmp_path.iterdir() if p.name != "course"] == ["a-file"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"garbage",
        lambda data: data[: len(data) // 2],  # cut short while another process wrote it
        lambda data: data[:90] + pickle.dumps({"not": "a course"}),
        lambda data: data[:90] + b"clessonkit.content.facts\nGone\n)R.",  # a class a newer lessonkit removed
        lambda data: b"lessonkit-course-cache 0\n" + data[25:],  # an older cache format
    ],
    ids=["empty", "garbage", "truncated", "not-a-course", "unknown-class", "old-format"],
)
def test_a_corrupt_cache_file_is_a_normal_load_and_is_rewritten(course, cache_dir, damage):
    fresh = lessonkit.load_course(course)
    (path,) = cached_files(cache_dir)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    assert lessonkit.load_course(course) == fresh
    assert path.read_bytes() == good


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="changing a file's owner needs root")
def test_a_file_of_another_user_is_not_unpickled(course, cache_dir):
    lessonkit.load_course(course)
    (path,) = cached_files(cache_dir)
    edit_keeping_time(course / "data/events.yaml", TITLE, SAME_SIZE)
    os.chown(path, 65534, 65534)
    assert title(course) == SAME_SIZE
    assert path.stat().st_uid == os.getuid()  # replaced by the user's own


def test_check_always_reads_the_files(course, cache_dir, capsys):
    assert main(["check", str(course)]) == 0
    assert cached_files(cache_dir) == []  # check writes no cache either
    lessonkit.load_course(course)
    edit_keeping_time(course / "data/events.yaml", "era: dispute", "era: dispate")
    assert lessonkit.load_course(course).event("lake-closed").era == "dispute"  # the cache cannot see it
    capsys.readouterr()
    assert main(["check", str(course)]) == 1
    assert "'dispate'" in capsys.readouterr().err


def test_off_writes_nothing_anywhere(course, tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    lessonkit.load_course(course)
    lessonkit.load_course(course)
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_where_the_cache_lives(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "lessonkit"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG spec: only absolute paths count
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "lessonkit"
    monkeypatch.setenv(cache.ENV, "~/mine")
    assert cache.folder() == tmp_path / "home" / "mine"
    for value in ("off", "OFF", "0"):
        monkeypatch.setenv(cache.ENV, value)
        assert cache.folder() is None


def test_a_file_changed_just_now_is_not_cached(sample_copy, cache_dir):
    (sample_copy / "data/events.yaml").touch()
    lessonkit.load_course(sample_copy)
    assert cached_files(cache_dir) == []
    settle(sample_copy)
    lessonkit.load_course(sample_copy)
    assert len(cached_files(cache_dir)) == 1


_WATCHED: list[tuple[str, str]] | None = None


def _watch(event: str, args: tuple) -> None:
    if _WATCHED is not None and event in ("open", "os.listdir", "os.scandir") and isinstance(args[0], str | Path):
        _WATCHED.append((event, os.path.abspath(os.fspath(args[0]))))


def _touched(action) -> tuple[set[str], set[str]]:
    global _WATCHED
    if not getattr(sys, "_lessonkit_cache_watch", False):
        sys.addaudithook(_watch)  # cannot be removed; it records only while _WATCHED is a list
        sys._lessonkit_cache_watch = True  # type: ignore[attr-defined]
    _WATCHED = []
    try:
        action()
        seen = _WATCHED
    finally:
        _WATCHED = None
    return {p for e, p in seen if e == "open"}, {p for e, p in seen if e != "open"}


def test_the_key_covers_every_file_loading_reads_and_every_folder_it_lists():
    root = lessonkit.find_course(COURSE_DIR)
    read, listed = _touched(lambda: lessonkit.load_course(root, cache=False))
    read = {p for p in read if p.startswith(str(root))}
    assert any(p.endswith(".geojson") for p in read) and any(p.endswith("roles.yaml") for p in read)
    inputs = {str(p) for p in cache.inputs(root)}
    assert read <= inputs, sorted(read - inputs)
    _, listed_for_key = _touched(lambda: cache.inputs(root))
    assert {p for p in listed if p.startswith(str(root))} <= listed_for_key


def test_the_key_covers_lessonkit_loading_code():
    code = {name for name, _, _ in cache._code()}
    package = Path(lessonkit.__file__).parent
    loaded = {
        str(Path(m.__file__).relative_to(package))
        for name, m in sys.modules.items()
        if name.startswith(("lessonkit.content", "lessonkit.course", "lessonkit.errors")) and m.__file__
    }
    assert loaded <= code, sorted(loaded - code)


HIT = """
import sys
import lessonkit
from lessonkit.content import Event, Lesson
assert not Event.__pydantic_complete__, "import built a validator"
course = lessonkit.load_course(sys.argv[1])
assert not Lesson.__pydantic_complete__, "not a cache hit, or it validated"
more = course.with_events([{"id": "mine", "date": "2024-04-01", "title": "Mine", "actors": ["north"],
                            "category": "diplomacy", "sources": ["north-gazette-2020"]}])
print(len(more.events), Event.__pydantic_complete__)
"""


def test_a_new_process_builds_no_validator_until_it_validates(course, cache_dir):
    lessonkit.load_course(course)
    out = subprocess.run([sys.executable, "-c", HIT, str(course)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "True"]


LESSON_KERNEL = """
import sys
import lessonkit as lk
course = lk.load_course(sys.argv[1])
for lang in ("en", "ja"):
    lk.lesson_intro(course, "01", lang=lang)
    lk.quiz(course, "01", "check", lang=lang)
print("yaml" in sys.modules)
"""


def test_a_lesson_kernel_reading_the_caches_never_imports_yaml(course, cache_dir):
    """The course and the interface words come from the cache: no PyYAML (about 10 ms a lesson)."""
    run = [sys.executable, "-c", LESSON_KERNEL, str(course)]
    first = subprocess.run(run, capture_output=True, text=True, check=True)
    assert first.stdout.split() == ["True"], "the first run reads the YAML (and fills the caches)"
    again = subprocess.run(run, capture_output=True, text=True, check=True)
    assert again.stdout.split() == ["False"], again.stderr
    assert sorted(p.name.split("-")[1] for p in cache_dir.glob("words-*.json")) == ["en", "ja"]
