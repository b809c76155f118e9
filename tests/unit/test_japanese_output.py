"""What the library writes in Japanese uses Japanese punctuation: no half-width colon or
bracket against Japanese text, no gap after 。、：, no round brackets nested in round brackets."""

from __future__ import annotations

import html
import re

import pytest
from tests.conftest import COURSE_DIR

import lessonkit as lk
from lessonkit.quiz_html import static_html
from lessonkit.timeline_plot import timeline_text

JA = r"[぀-ヿ一-鿿]"
DEFECTS = {
    "gap after 。、：": re.compile(r"[。、：] (?=\S)"),
    "half-width colon": re.compile(JA + r": "),
    "half-width bracket": re.compile(JA + r" ?\(|\) ?" + JA),
    "nested round brackets": re.compile(r"（[^（）\n]*（"),
}


@pytest.fixture(scope="module")
def course():
    return lk.load_course(COURSE_DIR)


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
        for kind, pattern in DEFECTS.items():
            for m in pattern.finditer(text):
                found.append(f"{name}: {kind}: {text[max(0, m.start() - 20) : m.end() + 20]!r}")
    assert found == [], "\n".join(found[:20])
