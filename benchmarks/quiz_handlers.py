"""Kernel-side time of the quiz widget's Check and Save handlers (median of 50 clicks each).

Run: ``.venv/bin/python benchmarks/quiz_handlers.py``. Target: median <= 10 ms. Time on
the wire to the browser is not included: this measures what the kernel does per click,
in this process, on the packaged sample course (``handlers.py`` measures the real course
inside a kernel). ``make bench`` runs it through ``measure()``.
"""

from __future__ import annotations

import statistics
import tempfile
import time

import lessonkit
from lessonkit.quizzes.widget import Quiz

RUNS = 50


def median_ms(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:.2f} ms, max {max(times) * 1000:.2f} ms"


def measure(runs: int = RUNS) -> dict[str, list[float]]:
    """Seconds per click: ``Check <question id>`` for each question, and ``Save``."""
    course = lessonkit.sample_course()
    quiz_model = course.lesson("01").quiz("check")
    found: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        quiz = Quiz(quiz_model, course=course, save_dir=folder, student="Ann", lang="ja")
        answers = {"q-closed": "b", "q-wants": ["b", "c"], "q-match": {"north": "north"}, "q-name": "のーすらんど"}
        for question_id in answers:
            quiz.cards[question_id].input.set(answers[question_id])

        for question_id in answers:
            card, checks = quiz.cards[question_id], []
            for _ in range(runs):
                card.retry.click()
                card.input.set(answers[question_id])
                start = time.perf_counter()
                card.check.click()
                checks.append(time.perf_counter() - start)
            found[f"Check {question_id}"] = checks

        saves = []
        for _ in range(runs):
            start = time.perf_counter()
            quiz.save_button.click()
            saves.append(time.perf_counter() - start)
        found["Save"] = saves
    return found


def main() -> None:
    for name, times in measure().items():
        print(f"{name:17} {median_ms(times)}")


if __name__ == "__main__":
    main()
