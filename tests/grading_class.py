"""A simulated class for the grading tests: responses files for the sample course's quiz ``check``.

Each student has a seeded "ability"; each question is answered right with that
probability, else wrong (from a pool of plausible wrong answers) or left out. Files are
written with ``build_responses`` and ``write_responses``, as the quiz widget writes them.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

from lessonkit.quizzes.responses import build_responses, write_responses

COURSE, LESSON, QUIZ = "lake-treaty-sample", "01-the-lake", "check"
STARTED = dt.datetime(2025, 2, 18, 9, 0, tzinfo=dt.UTC)

RIGHT: dict[str, list[Any]] = {
    "q-closed": ["a"],
    "q-wants": [["b", "c"], ["c", "b"]],
    "q-talks": [True],
    "q-order": [["closed", "talks"]],
    "q-match": [{"north": "north", "south": "south"}],
    "q-days": [3, 3.0],
    "q-name": ["Northland", "northland ", "ノースランド", "のーすらんど"],
}
WRONG: dict[str, list[Any]] = {
    "q-closed": ["b"],
    "q-wants": [["a"], ["b"], ["a", "b", "c"]],
    "q-talks": [False],
    "q-order": [["talks", "closed"]],
    "q-match": [{"north": "south", "south": "north"}, {"north": "north"}],
    "q-days": [4, 2.5],
    "q-name": ["Southland", "southland", "サウスランド"],
}
NAMES = ["山田 花子", "佐藤 太郎", "Ann Lee", "José Núñez", "鈴木 一郎", "Chloé Martin", "高橋 美咲", "Omar Haddad"]


def responses(**overrides: Any) -> dict[str, Any]:
    """A valid responses object for the sample quiz; ``overrides`` are ``build_responses`` arguments."""
    args: dict[str, Any] = {
        "course": COURSE,
        "lesson": LESSON,
        "quiz": QUIZ,
        "language": "en",
        "mode": "exam",
        "student_name": "Ann Lee",
        "student_id": "s-001",
        "answers": {"q-closed": "a"},
        "started": STARTED,
        "saved": STARTED + dt.timedelta(minutes=30),
        "version": "0.1.0",
    }
    return build_responses(**{**args, **overrides})


def write(folder: Path, name: str, **overrides: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_responses(folder / name, responses(**overrides))


def simulated_answers(rng: random.Random, ability: float) -> dict[str, Any]:
    answers = {}
    for qid in RIGHT:
        roll = rng.random()
        if roll < ability:
            answers[qid] = rng.choice(RIGHT[qid])
        elif roll < 0.92:
            answers[qid] = rng.choice(WRONG[qid])
        # else: left unanswered
    return answers


def simulated_class(folder: Path, n: int = 30, seed: int = 2025) -> list[Path]:
    """``n`` students' files in ``folder``, one per student, reproducible from ``seed``."""
    rng = random.Random(seed)
    paths = []
    for i in range(1, n + 1):
        ability = rng.uniform(0.2, 0.95)
        name = f"{NAMES[i % len(NAMES)]} {i}"
        sid = f"s-{i:03d}"
        saved = STARTED + dt.timedelta(minutes=20 + i)
        answers = simulated_answers(rng, ability)
        language = "ja" if i % 3 else "en"
        paths.append(
            write(
                folder,
                f"responses-{LESSON}-{QUIZ}-{sid}.json",
                student_name=name,
                student_id=sid,
                saved=saved,
                answers=answers,
                language=language,
            )
        )
    return paths


def dump(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def make_hostile(d: Path) -> dict[str, str]:
    """One file per reason, in ``d``; returns file name -> the kind it must be rejected with."""
    d.mkdir(parents=True, exist_ok=True)
    expected = {}

    def add(name: str, kind: str, content: bytes | str | dict) -> None:
        path = d / name
        if isinstance(content, dict):
            dump(path, content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        expected[name] = kind

    add("not-json.json", "not-json", "{'student': 'Ann'")
    add("nan.json", "not-json", '{"format": NaN}')
    add("deep.json", "not-json", "[" * 100_000 + "]" * 100_000)
    add("latin1.json", "not-utf8", json.dumps(responses(student_name="José"), ensure_ascii=False).encode("latin-1"))
    add(
        "shift-jis.json",
        "not-utf8",
        json.dumps(responses(), ensure_ascii=False).replace("Ann Lee", "山田").encode("cp932"),
    )
    add("notebook.json", "not-responses", {"cells": [], "nbformat": 4})
    add("list.json", "not-responses", "[1, 2, 3]")
    add("v2.json", "version", {**responses(), "format": "lessonkit-responses/2"})
    add("extra-field.json", "invalid", {**responses(), "admin": True})
    add("long-text.json", "invalid", {**responses(), "answers": {"q-name": "x" * 2001}})
    add("other-course.json", "unknown-course", responses(course="another-course"))
    add("no-course.json", "unknown-course", responses(course="unknown", lesson="unknown", student_id="s-090"))
    add("other-lesson.json", "unknown-lesson", responses(lesson="02-riyadh", student_id="s-091"))
    add("other-quiz.json", "unknown-quiz", responses(quiz="final", student_id="s-092"))
    big = d / "huge.json"
    with open(big, "wb") as f:  # sparse: 2 MB on paper, no disk used
        f.truncate(2_000_000)
    expected["huge.json"] = "too-large"
    return expected
