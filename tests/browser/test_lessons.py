"""Lessons as a student works them in JupyterLab: Run All, then use the widgets, in both languages.

Each notebook is opened and run once per module (the ``lesson`` fixture); the tests that
take it share that page in the order written, each leaving the widgets it used in a
state the next one does not depend on. Expected texts come from the course data the
server serves and from lessonkit's interface tables, so a wording change in the YAML
does not break the tier, while a widget that stops reacting does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect
from tests.browser.conftest import ARTIFACTS, student_page
from tests.browser.lab import open_notebook, run_all, shot
from tests.browser.widgets import (
    choose,
    comparison,
    cut_off_buttons,
    pick,
    plot_texts,
    press,
    quiz,
    quiz_card,
    sandbox,
    show_cell,
    unusable_choices,
)

import lessonkit as lk
from lessonkit.figures import stance_text as stancetext
from lessonkit.quizzes.html import UI
from lessonkit.quizzes.responses import default_filename, read_responses
from lessonkit.widgets import sandbox as sandbox_text

pytestmark = pytest.mark.browser

DEMANDS_EN = "en/03-demands.ipynb"
RIYADH_JA = "ja/02-riyadh-meeting.ipynb"
OBSTACLES_EN = "en/04-obstacles.ipynb"
OBSTACLES_JA = "ja/04-obstacles.ipynb"


@dataclass
class LessonRun:
    page: object
    path: str  # under notebooks/, e.g. "ja/02-riyadh-meeting.ipynb"
    lang: str
    lesson_id: str  # "02"
    folder: Path  # the notebook's folder on the server: the kernel's working folder

    def tag(self, what: str) -> str:
        return f"{what}-{self.lang}-{self.lesson_id}"


@pytest.fixture(scope="module")
def course(lab_server):
    """The course exactly as the server's kernels load it."""
    return lk.load_course(lab_server.root / "lessons")


@pytest.fixture(scope="module")
def lesson(request, browser, lab_server):
    """A lesson notebook opened in JupyterLab and run once; its tests share the page."""
    path = request.param
    lang, name = path.split("/")
    lab_server.reset_kernels()
    locale = "ja-JP" if lang == "ja" else "en-US"
    with student_page(browser, f"lesson-{lang}-{name.removesuffix('.ipynb')}", locale=locale) as page:
        open_notebook(page, lab_server, f"notebooks/{path}")
        run_all(page)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, errors.first.inner_text()
        yield LessonRun(page, path, lang, name[:2], lab_server.root / "notebooks" / lang)


# -- 1. the stance matrix and the stance cards -----------------------------------------


# a party the notebook's first comparison does not show
PICK = {DEMANDS_EN: "eu", OBSTACLES_JA: "uk"}


@pytest.mark.parametrize("lesson", list(PICK), indirect=True)
def test_stance_matrix_draws_and_cards_follow_the_party_picker(lesson, course):
    page, lang, other = lesson.page, lesson.lang, PICK[lesson.path]
    name = {p.id: p.name.get(lang) for p in course.parties}

    plot = page.locator(".js-plotly-plot").first
    show_cell(page, plot)
    expect(plot.locator("svg.main-svg").first).to_be_visible()
    drawn = plot_texts(plot)
    assert drawn["points"] > 0, drawn
    assert {name["ru"], name["ua"]} <= set(drawn["yticks"]), drawn
    shot(page, ARTIFACTS, lesson.tag("stance-matrix"))

    box = comparison(page)
    parties = box.locator("select[multiple]").first
    cards = box.locator("article[data-party]")
    headings = box.locator("article h4")
    before = parties.evaluate("s => [...s.selectedOptions].map(o => o.value)")
    assert before and name[other] not in before
    expect(cards.first).to_be_visible()
    issues = box.locator("section").count()
    assert issues > 0
    expect(headings).to_have_text([n for _ in range(issues) for n in before])
    parties.scroll_into_view_if_needed()
    shot(page, ARTIFACTS, lesson.tag("stance-cards-before"))

    choose(parties, name[other])  # the student picks one other party
    expect(headings).to_have_text([name[other]] * issues)
    expect(cards).to_have_count(issues)
    for card in cards.all():
        assert card.get_attribute("data-party") == other
    for gone in before:
        expect(headings.filter(has_text=gone)).to_have_count(0)
    shot(page, ARTIFACTS, lesson.tag("stance-cards-after"))


# -- 4. the negotiation sandbox --------------------------------------------------------


def _two_deals(course, issue):
    """Two options on the issue whose deals cross different (non-empty) sets of limits."""
    crossed = {}
    for option in issue.options:
        a = sandbox_text.assess(course, {issue.id: option.id})
        if a.crossed:
            crossed.setdefault(tuple(a.crossed), (option, a))
    assert len(crossed) >= 2, f"no two options on {issue.id} cross different parties' limits"
    first, second = list(crossed.values())[:2]
    return first, second


@pytest.mark.parametrize("lesson", [OBSTACLES_EN, OBSTACLES_JA], indirect=True)
def test_sandbox_shows_whose_limits_a_deal_crosses(lesson, course):
    page, lang = lesson.page, lesson.lang
    text = sandbox_text.TEXT[lang]
    sep = stancetext.TEXT[lang]["sep"]
    box = sandbox(page)
    expect(box).to_contain_text(text["nothing_chosen"])

    issue = course.issue("territory")
    menu = box.get_by_label(issue.name.get(lang), exact=True)
    for option, result in _two_deals(course, issue):
        label = option.label.get(lang)
        choose(menu, label)
        names = sep.join(course.party(p).name.get(lang) for p in result.crossed)
        expect(box).to_contain_text(text["some_outside"].format(parties=names))
        expect(box).not_to_contain_text(text["nothing_chosen"])
        for party in result.parties:
            line = box.locator(f'li[data-party="{party}"]')
            if party in result.crossed:
                expect(line).to_contain_text(label)
            else:
                expect(line).to_contain_text(text["party_ok"])
        shot(page, ARTIFACTS, lesson.tag(f"sandbox-{option.id}"))

    press(box, text["clear"])
    expect(box).to_contain_text(text["nothing_chosen"])
    expect(menu).to_have_value(text["undecided"])


# -- 2. the exit quiz: a wrong answer, Try again, a right answer ----------------------


def _exit_quiz(course, lesson):
    return course.lesson(lesson.lesson_id).quiz("exit")


@pytest.mark.parametrize("lesson", [RIYADH_JA, OBSTACLES_EN], indirect=True)
def test_quiz_feedback_for_a_wrong_then_a_right_answer(lesson, course):
    page, lang = lesson.page, lesson.lang
    question = next(q for q in _exit_quiz(course, lesson).questions if q.type == "single")
    wrong = next(c for c in question.choices if not c.correct and c.feedback)
    right = next(c for c in question.choices if c.correct)
    card = quiz_card(page, question.prompt.get(lang))
    expect(card).to_have_count(1)
    card.scroll_into_view_if_needed()
    feedback = card.locator(".lessonkit-feedback")

    pick(card, wrong.text.get(lang))
    press(card, UI[lang]["check"])
    expect(feedback).to_contain_text(UI[lang]["wrong"])
    expect(feedback).to_contain_text(wrong.feedback.get(lang))
    expect(card.get_by_label(right.text.get(lang), exact=True)).to_be_disabled()
    shot(page, ARTIFACTS, lesson.tag("quiz-wrong"))

    press(card, UI[lang]["retry"])
    expect(feedback).to_have_count(0)
    expect(card.get_by_label(wrong.text.get(lang), exact=True)).not_to_be_checked()

    pick(card, right.text.get(lang))
    press(card, UI[lang]["check"])
    expect(feedback).to_contain_text(UI[lang]["correct"])
    expect(feedback).to_contain_text(right.feedback.get(lang))
    expect(feedback).not_to_contain_text(UI[lang]["wrong"])
    shot(page, ARTIFACTS, lesson.tag("quiz-right"))


@pytest.mark.parametrize("lesson", [RIYADH_JA, OBSTACLES_EN], indirect=True)
def test_every_quiz_choice_can_be_read_and_clicked(lesson):
    """No choice's button lies under another's text, none is cut off, no drop-down is a sliver.

    ipywidgets gives controls a fixed 300px width: before the quiz took the full width, a
    long radio choice wrapped over the next one's button and long checkbox labels ended in "…".
    """
    box = quiz(lesson.page)
    problems = unusable_choices(box)
    shot(lesson.page, ARTIFACTS, lesson.tag("quiz-choices"))
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lesson", [RIYADH_JA, OBSTACLES_EN], indirect=True)
def test_quiz_buttons_show_their_whole_label(lesson):
    box = quiz(lesson.page)
    box.locator("button.widget-button").last.scroll_into_view_if_needed()
    cut = cut_off_buttons(box)
    shot(lesson.page, ARTIFACTS, lesson.tag("quiz-buttons"))
    assert cut == [], "\n".join(cut)


# -- 3. saving the answers -------------------------------------------------------------

STUDENTS = {"ja": ("山田 花子", "S2025-07"), "en": ("Alex Morgan", "S2025-08")}


@pytest.mark.parametrize("lesson", [RIYADH_JA, OBSTACLES_EN], indirect=True)
def test_saved_answers_are_a_valid_responses_file(lesson, course):
    page, lang = lesson.page, lesson.lang
    exit_quiz = _exit_quiz(course, lesson)
    lesson_id = course.lesson(lesson.lesson_id).id
    student, student_id = STUDENTS[lang]
    saved = lesson.folder / default_filename(lesson_id, exit_quiz.id, student, student_id)
    saved.unlink(missing_ok=True)

    question = next(q for q in exit_quiz.questions if q.type == "true_false")
    card = quiz_card(page, question.prompt.get(lang))
    card.scroll_into_view_if_needed()
    card.get_by_label(UI[lang]["true" if question.answer else "false"], exact=True).check()

    box = quiz(page)
    box.get_by_label(UI[lang]["name"], exact=True).fill(student)
    box.get_by_label(UI[lang]["student_id"], exact=True).fill(student_id)
    press(box, UI[lang]["save"])
    expect(box.locator(".lessonkit-message")).to_contain_text(saved.name)
    shot(page, ARTIFACTS, lesson.tag("quiz-saved"))

    responses = read_responses(saved)  # raises if the file is not a valid responses file
    assert (responses.student.name, responses.student.id) == (student, student_id)
    assert (responses.lesson, responses.quiz, responses.language) == (lesson_id, exit_quiz.id, lang)
    assert responses.answers[question.id] is question.answer
    stray = [p.name for p in lesson.folder.glob(".responses-*.tmp")]
    assert stray == [], f"temporary files left beside the notebook: {stray}"
