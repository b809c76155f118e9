"""Fixtures shared by every test tier."""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from tests.helpers import PAYLOAD

import lessonkit
from lessonkit.content import Localized
from lessonkit.course import cache

_CACHE = pytest.StashKey[str]()


def pytest_configure(config):
    """Each test process loads courses with the cache on, as students do, but in a folder of its
    own, never the real ~/.cache: set in the environment, so the kernels and servers that tests
    start use it too. ``LESSONKIT_CACHE_DIR=off pytest`` runs everything with the cache off."""
    if os.environ.get(cache.ENV, "").strip().lower() in cache.OFF:
        return
    folder = tempfile.mkdtemp(prefix="lessonkit-cache-")
    config.stash[_CACHE] = folder
    os.environ[cache.ENV] = folder


def pytest_unconfigure(config):
    folder = config.stash.get(_CACHE, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def sample():
    """The packaged sample course, loaded once."""
    return lessonkit.sample_course()


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample course, for tests that break it on purpose."""
    target = tmp_path / "course"
    shutil.copytree(lessonkit.sample_course_path(), target)
    return target


def _hostile(text: Localized) -> Localized:
    return Localized(en=f"{PAYLOAD} {text.en}", ja=f"{PAYLOAD} {text.ja}")


def _poison(model, *fields: str):
    update = {}
    for name in fields:
        value = getattr(model, name)
        if isinstance(value, Localized):
            update[name] = _hostile(value)
        elif isinstance(value, list):
            update[name] = [_hostile(v) for v in value]
        elif isinstance(value, str):
            update[name] = f"{PAYLOAD} {value}"
    return model.model_copy(update=update)


@pytest.fixture(scope="session")
def hostile(sample):
    """The sample course with ``PAYLOAD`` in every text a student sees and a ``javascript:`` source URL.

    Built with ``model_copy``, which skips validation, so it holds what loading would refuse.
    """
    info = sample.info.model_copy(
        update={
            "title": _hostile(sample.info.title),
            "eras": [_poison(e, "name") for e in sample.info.eras],
            "categories": [_poison(c, "name") for c in sample.info.categories],
        }
    )
    stances = []
    for s in sample.stances:
        s = _poison(s, "summary", "acceptable_basis")
        if s.quote is not None:
            s = s.model_copy(update={"quote": _poison(s.quote, "text")})
        stances.append(s)
    return dataclasses.replace(
        sample,
        info=info,
        sources=tuple(
            _poison(s, "publisher", "title").model_copy(update={"url": "javascript:alert(1)"}) for s in sample.sources
        ),
        parties=tuple(_poison(p, "name", "short", "description") for p in sample.parties),
        people=tuple(_poison(p, "name", "role") for p in sample.people),
        issues=tuple(
            _poison(i, "name", "question").model_copy(update={"options": [_poison(o, "label") for o in i.options]})
            for i in sample.issues
        ),
        events=tuple(_poison(e, "title", "summary", "place", "outcomes") for e in sample.events),
        stances=tuple(stances),
    )
