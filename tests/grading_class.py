"""A simulated class for the grading tests: responses files for the sample course's quiz ``check``.

Each student has a seeded "ability"; each question is answered right with that
probability, else wrong (from a pool of plausible wrong answers) or left out. Files are
written with ``build_responses`` and ``write_responses``, as the quiz widget writes them.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from lessonkit.responses import build_responses, write_responses

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
