"""Keyboard only, as a student who cannot use a mouse works a lesson in Voilà (`make app`):
Tab to reach a control, arrow keys to choose, Space and Enter to press, typing for text.

Lesson 07's review exam holds every question type (single, multiple, true_false, order, match,
numeric, text): each question is answered right, the answers are saved, and the saved file
grades 100 %. The stance picker of the same lesson and lesson 04's negotiation sandbox (in
Japanese) are changed the same way. Every control reached shows a focus ring. No click, no
``fill``, no ``select_option``: only ``page.keyboard``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from tests.browser.conftest import ARTIFACTS
from tests.browser.lab import shot

import lessonkit as lk
from lessonkit.figures import stance_text as stancetext
from lessonkit.quizzes.html import UI
from lessonkit.quizzes.responses import default_filename, read_responses
from lessonkit.quizzes.scoring import PlainAnswerKey
from lessonkit.widgets import sandbox as sandbox_text

pytestmark = pytest.mark.browser

TYPES = {"single", "multiple", "true_false", "order", "match", "numeric", "text"}
MAX_TABS = 800

# what has the keyboard focus: the control, its label, the course widget and quiz card around it
_FOCUS = """() => {
    const a = document.activeElement;
    if (!a || a === document.body) return null;
    const norm = s => (s || '').replace(/\\u00a0/g, ' ').replace(/\\s+/g, ' ').trim();
    const card = a.closest('.lk-card');
    const widget = a.closest('.lk');
    const label = a.labels && a.labels.length ? a.labels[0] : null;
    const style = getComputedStyle(a);
    return {
        tag: a.tagName.toLowerCase(), type: a.type || '', multiple: !!a.multiple,
        text: norm(a.textContent).slice(0, 300), label: norm(label ? label.textContent : ''),
        value: a.value, checked: !!a.checked,
        options: a.tagName === 'SELECT' ? [...a.options].map(o => norm(o.text)) : [],
        selected: a.tagName === 'SELECT' ? [...a.selectedOptions].map(o => norm(o.text)) : [],
        prompt: card && card.querySelector('strong') ? norm(card.querySelector('strong').textContent) : null,
        widget: widget ? [...widget.classList].filter(c => c.startsWith('lk-')).join(' ') : null,
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== 'none',
    };
}"""


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


class Keyboard:
    """Tab through the page until a control is reached; every step is a real key press."""

    def __init__(self, page):
        self.page, self.presses, self.no_ring = page, 0, []

    def focus(self) -> dict | None:
        return self.page.evaluate(_FOCUS)

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            self.presses += 1
            if key.startswith("Arrow"):
                # as fast as a person: each choice reaches the kernel, whose echo must not undo the next
                self.page.wait_for_timeout(150)

    def tab_to(self, wanted, what: str) -> dict:
        trail: list[str] = []
        for _ in range(MAX_TABS):
            self.press("Tab")
            info = self.focus()
            if info and wanted(info):
                if not info["ring"]:
                    self.no_ring.append(f"{info['tag']} {info['label'] or info['text']}"[:100])
                return info
            trail.append("(nothing)" if info is None else f"{info['tag']} {info['label'] or info['text']}"[:60])
        raise AssertionError(f"Tab never reached {what} in {MAX_TABS} presses; last stops: {trail[-8:]}")

    def arrow_to(self, option: str) -> None:
        """Arrow down a focused drop-down until it shows ``option`` (the way a person watches it)."""
        for _ in range(len(self.focus()["options"]) + 1):
            if self.focus()["selected"] == [option]:
                return
            self.press("ArrowDown")
        raise AssertionError(f"arrow keys never reached {option!r} in {self.focus()}")

    def type(self, text: str) -> None:
        self.page.keyboard.type(text, delay=80)  # a person's pace (all at once, the kernel's echo can drop keys)
        self.presses += len(text)


def _control(tag: str, widget: str, **same: str):
    """A control of a course widget (its class, e.g. lk-sandbox) with these focus fields."""
    return lambda f: (
        f["tag"] == tag and widget in (f["widget"] or "").split() and all(f[k] == v for k, v in same.items())
    )


def _in_card(prompt: str):
    return lambda f: f["prompt"] == norm(prompt) and f["tag"] in ("input", "select", "button")


def _answer(kb: Keyboard, q, lang: str) -> None:
    """Answer one question right, from the moment Tab reached its first control."""
    page = kb.page
    if q.type == "single":
        right = norm(next(c for c in q.choices if c.correct).text.get(lang))
        labels = page.evaluate(
            "() => [...document.activeElement.closest('.widget-radio-box').querySelectorAll('label')]"
            ".map(l => l.textContent.replace(/\\u00a0/g, ' ').replace(/\\s+/g, ' ').trim())"
        )
        target = labels.index(right)
        if target == 0:
            kb.press("Space")  # the group's first button has the focus, unchecked
        else:
            kb.press("ArrowDown", target)  # each arrow moves to the next button and checks it
        assert kb.focus()["checked"] and kb.focus()["label"] == right
    elif q.type == "multiple":
        right = {norm(c.text.get(lang)) for c in q.choices if c.correct}
        for n in range(len(q.choices)):
            if n:
                kb.press("Tab")
            info = kb.focus()
            assert info["type"] == "checkbox", info
            if info["label"] in right:
                kb.press("Space")
    elif q.type == "true_false":
        if q.answer:
            kb.press("Space")  # True, the first of the two radio buttons, has the focus
        else:
            kb.press("ArrowRight")  # moves to False and checks it
        info = kb.focus()
        assert info["checked"] and info["label"] == UI[lang]["true" if q.answer else "false"], info
    elif q.type == "order":
        place = {norm(item.text.get(lang)): n for n, item in enumerate(q.items, 1)}
        for n in range(len(q.items)):
            if n:
                kb.press("Tab")
            info = kb.focus()
            kb.arrow_to(str(place[info["label"]]))
    elif q.type == "match":
        right = {norm(p.left.get(lang)): norm(p.right.get(lang)) for p in q.pairs}
        for n in range(len(q.pairs)):
            if n:
                kb.press("Tab")
            info = kb.focus()
            kb.arrow_to(right[info["label"]])
    elif q.type == "numeric":
        value = int(q.answer) if float(q.answer).is_integer() else q.answer
        kb.press("Backspace")  # Tab selected the box's 0
        kb.type(str(value))
    elif q.type == "text":
        kb.type(q.accepted[lang][0])
    else:
        raise AssertionError(f"no keyboard walk for question type {q.type}")


def _open(page, voila_server, notebook: str, ready: str) -> None:
    page.goto(voila_server.url(notebook), timeout=120_000)
    page.locator(ready).first.wait_for(timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    page.locator("body").focus()  # nothing focused: the first Tab goes to the page's first control


def test_review_exam_every_question_type_and_the_stance_picker_by_keyboard(page, voila_server):
    lang, lesson_id = "en", "07"
    course = lk.load_course(voila_server.root / "lessons")
    lesson = course.lesson(lesson_id)
    quiz = lesson.quiz("review")
    assert {q.type for q in quiz.questions} == TYPES, "lesson 07's review no longer holds every question type"
    student, student_id = "Kim Keyboard", "S2025-KB"
    saved = voila_server.root / "notebooks" / lang / default_filename(lesson.id, quiz.id, student, student_id)
    saved.unlink(missing_ok=True)

    _open(page, voila_server, f"{lang}/{lesson.id}.ipynb", ".lk-quiz .lk-card")
    kb = Keyboard(page)
    for q in quiz.questions:
        kb.tab_to(_in_card(q.prompt.get(lang)), f"question {q.id}")
        _answer(kb, q, lang)

    kb.tab_to(lambda f: f["label"] == UI[lang]["name"] and f["tag"] == "input", "the name box")
    kb.type(student)
    kb.press("Tab")
    assert kb.focus()["label"] == UI[lang]["student_id"]
    kb.type(student_id)
    kb.tab_to(lambda f: f["tag"] == "button" and f["text"] == UI[lang]["save"], "Save")
    kb.press("Enter")
    expect(page.locator(".lk-quiz .lessonkit-message")).to_contain_text(saved.name)
    shot(page, ARTIFACTS, "keyboard-en-07-saved")

    responses = read_responses(saved)
    key = PlainAnswerKey(quiz, lang)
    wrong = {
        q.id: responses.answers.get(q.id)
        for q in quiz.questions
        if not key.check(q.id, responses.answers.get(q.id)).correct
    }
    assert wrong == {}, f"answered by keyboard but saved wrong or missing: {wrong}"

    # the stance picker: Tab to the parties list, an arrow picks the next party alone
    name = {p.id: norm(p.name.get(lang)) for p in course.parties}
    info = kb.tab_to(
        lambda f: f["tag"] == "select" and f["multiple"] and "lk-stances" in (f["widget"] or ""), "parties"
    )
    before = info["selected"]
    kb.press("ArrowDown")
    after = kb.focus()["selected"]
    assert len(after) == 1 and after != before, (before, after)
    party = next(p for p, n in name.items() if n == after[0])
    box = page.locator(".lk-stances").first
    cards = box.locator("article[data-party]")
    expect(cards.first).to_have_attribute("data-party", party)
    assert {c.get_attribute("data-party") for c in cards.all()} == {party}
    shot(page, ARTIFACTS, "keyboard-en-07-stances")
    assert kb.no_ring == [], f"controls reached with no visible focus ring: {kb.no_ring}"
    print(f"keyboard walk of lesson 07: {kb.presses} key presses")


def test_sandbox_by_keyboard_in_japanese(page, voila_server):
    lang = "ja"
    course = lk.load_course(voila_server.root / "lessons")
    text = sandbox_text.TEXT[lang]
    sep = stancetext.TEXT[lang]["sep"]
    issue = course.issue("territory")
    option, result = next((o, a) for o in issue.options if (a := sandbox_text.assess(course, {issue.id: o.id})).crossed)

    _open(page, voila_server, f"{lang}/04-obstacles.ipynb", ".lk-quiz .lk-card")  # the last widget drawn
    box = page.locator(".lk-sandbox").first
    expect(box).to_contain_text(text["nothing_chosen"])
    kb = Keyboard(page)
    kb.tab_to(_control("select", "lk-sandbox", label=norm(issue.name.get(lang))), "the sandbox's territory menu")
    kb.arrow_to(norm(option.label.get(lang)))
    names = sep.join(course.party(p).name.get(lang) for p in result.crossed)
    expect(box).to_contain_text(text["some_outside"].format(parties=names))
    shot(page, ARTIFACTS, "keyboard-ja-04-sandbox")

    kb.tab_to(_control("button", "lk-sandbox", text=text["clear"]), "Clear")
    kb.press("Space")
    expect(box).to_contain_text(text["nothing_chosen"])

    # the exit quiz in practice mode: a number typed, Check pressed with Enter, the verdict read
    q = next(q for q in course.lesson("04").quiz("exit").questions if q.type == "numeric")
    kb.tab_to(_in_card(q.prompt.get(lang)), f"question {q.id}")
    _answer(kb, q, lang)
    kb.tab_to(_control("button", "lk-quiz", text=UI[lang]["check"]), "Check")
    kb.press("Enter")
    card = page.locator(".lk-card").filter(has_text=q.prompt.get(lang))
    expect(card.locator(".lessonkit-feedback.lk-right")).to_contain_text(UI[lang]["correct"])
    shot(page, ARTIFACTS, "keyboard-ja-04-quiz-checked")
    assert kb.no_ring == [], f"controls reached with no visible focus ring: {kb.no_ring}"
