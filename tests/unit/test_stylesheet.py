"""The course's stylesheet (style/course.css): shipped with every course widget, offline, its
colours readable (WCAG 2.1: text 4.5:1, borders and focus ring 3:1), and a figure's text
alternative sent where a screen reader reads it."""

from __future__ import annotations

import re

import ipywidgets as W
import pytest
from tests.helpers import COURSE_DIR
from tests.unit.test_contrast import contrast

import lessonkit as lk
from lessonkit.style.plot import alt_html
from lessonkit.style.sheet import css, style_html

WHITE = "#ffffff"


def _vars() -> dict[str, str]:
    return dict(re.findall(r"--(lk-[a-z-]+):\s*(#[0-9a-fA-F]{6})", css()))


def test_the_stylesheet_is_offline_and_scoped():
    text = css()
    assert "url(" not in text and "@import" not in text and "http" not in text
    rules = re.findall(r"([^{}]+)\{", text)
    selectors = [s.strip() for rule in rules for s in rule.split(",")]
    # every rule is scoped under .lk (the visually-hidden helper is the class .lk-sr-only)
    assert [s for s in selectors if not s.startswith(".lk")] == []


@pytest.mark.parametrize(
    ("fg", "bg", "ratio"),
    [
        ("lk-accent", WHITE, 4.5),  # white text on the primary button, and the focus ring
        ("lk-accent-dark", WHITE, 4.5),
        ("lk-ok", "lk-ok-tint", 4.5),  # the verdict's words on their tint
        ("lk-no", "lk-no-tint", 4.5),
        ("lk-ok", WHITE, 3.0),  # the feedback bar
        ("lk-no", WHITE, 3.0),
        ("lk-line", WHITE, 3.0),  # card borders
    ],
)
def test_stylesheet_colours_meet_wcag_contrast(fg, bg, ratio):
    colours = _vars()
    a, b = colours.get(fg, fg), colours.get(bg, bg)
    assert contrast(a, b) >= ratio, f"{fg} {a} on {bg} {b}: {contrast(a, b):.2f}:1 < {ratio}:1"


def _dressed(widget) -> bool:
    box = getattr(widget, "widget", widget)  # a Quiz holds its box in .widget
    sheets = [c for c in box.children if isinstance(c, W.HTML) and c.value == style_html()]
    return "lk" in box._dom_classes and len(sheets) == 1 and sheets[0].layout.display == "none"


@pytest.mark.parametrize(
    "build",
    [
        lambda c: lk.NegotiationSandbox(c),
        lambda c: lk.StanceComparison(c),
        lambda c: lk.TimelineExplorer(c),
        lambda c: lk.Quiz(c.lessons[0].quizzes[0], course=c),
        lambda c: lk.ClaimCheck(c),
        lambda c: lk.role_brief(c, "ua"),
    ],
    ids=["sandbox", "stances", "explorer", "quiz", "claims", "role-brief"],
)
def test_every_course_widget_carries_the_stylesheet(build):
    assert _dressed(build(lk.load_course(COURSE_DIR)))


def test_a_figures_text_alternative_is_escaped_hidden_html_in_its_language():
    en = alt_html("Timeline of <b>3</b> events")
    assert "&lt;b&gt;3&lt;/b&gt;" in en and 'lang="en"' in en and "position:absolute" in en
    assert 'lang="ja"' in alt_html("出来事3件の年表")


def test_order_and_match_menus_show_choose_rather_than_a_blank_box():
    course = lk.load_course(COURSE_DIR)
    quiz = next(
        q for lesson in course.lessons for q in lesson.quizzes if {"order", "match"} <= {x.type for x in q.questions}
    )
    widget = lk.Quiz(quiz, course=course)
    for question in quiz.questions:
        if question.type not in ("order", "match"):
            continue
        card = widget.cards[question.id]
        menus = card.input.controls
        assert all(m.index == 0 and m.value is None for m in menus)  # "— choose —" on show
        menus[0].value = menus[0].options[1][1]
        card.input.clear()
        assert all(m.index == 0 and m.value is None for m in menus), question.type
