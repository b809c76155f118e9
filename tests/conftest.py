"""Fixtures shared by every test tier."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from tests.helpers import PAYLOAD

import lessonkit
from lessonkit.content import Localized


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
