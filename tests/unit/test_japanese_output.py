"""What the library writes in Japanese uses Japanese punctuation: no half-width colon or
bracket against Japanese text, no gap after 。、：, no round brackets nested in round brackets."""

from __future__ import annotations

import html
import re

import pytest
from tests.helpers import JAPANESE_PUNCTUATION, real_course

import lessonkit as lk
from lessonkit.figures.timeline import timeline_text
from lessonkit.quizzes.html import static_html


@pytest.fixture(scope="module")
def course():
    return real_course()


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "\n", markup))


def _outputs(course) -> dict[str, str]:
    out = {"overview": lk.course_overview(course, lang="ja").to_text(), "timeline": timeline_text(course, lang="ja")}
    for lesson in course.lessons:
        for quiz in lesson.quizzes:
            for mode in ("practice", "exam"):
                out[f"quiz {lesson.id}/{quiz.id} {mode}"] = _plain(static_html(quiz, "ja", mode, course=course))
    return out


def test_japanese_output_has_japanese_punctuation(course):
    found = []
    for name, text in _outputs(course).items():
        for kind, pattern in JAPANESE_PUNCTUATION.items():
            for m in pattern.finditer(text):
                found.append(f"{name}: {kind}: {text[max(0, m.start() - 20) : m.end() + 20]!r}")
    assert found == [], "\n".join(found[:20])
