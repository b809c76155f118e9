"""The quiz a student answers in a notebook: one card per question, a score line and a save row.

In practice mode each card has Check and Try again; in exam mode answers are only
recorded and saved. Answers are checked through an ``AnswerKey`` (``scoring``), never
by reading the quiz's right answers here, so a student copy can later ship a key of
salted hashes instead. Saving writes a responses file (``responses``) beside the
notebook; a Quiz built for the same student and save folder restores it, so a kernel
restart loses nothing. Everything a student reads passes through ``quiz_html``, where
content and student text are escaped.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import ipywidgets as W

from lessonkit.content.quiz import Question
from lessonkit.content.quiz import Quiz as QuizModel
from lessonkit.quizzes.html import UI, feedback_html, message_html, points_label, progress_html, static_html
from lessonkit.quizzes.inputs import AnswerInput
from lessonkit.quizzes.responses import (
    Responses,
    ResponsesError,
    build_responses,
    default_filename,
    read_responses,
    write_responses,
)
from lessonkit.quizzes.scoring import AnswerKey, PlainAnswerKey, Result, answer_problem
from lessonkit.quizzes.student_model import StudentQuestion, StudentQuiz
from lessonkit.quizzes.types import make_input
from lessonkit.style.controls import BUTTON_LAYOUT, widget_view
from lessonkit.style.shared import make
from lessonkit.style.sheet import dressed
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import check_lang, mark, ui

if TYPE_CHECKING:
    from lessonkit.course.model import Course

__all__ = ["UI", "Card", "Quiz"]


class Card:
    """One question: its prompt, its answer control and, in practice mode, Check, Try again and feedback."""

    def __init__(
        self, question: Question | StudentQuestion, n: int, total: int, *, lang: str, seed: int, practice: bool
    ):
        self.question = question
        self.result: Result | None = None
        sep = mark("meta_sep", lang)  # " · ", and "・" in Japanese (no stray spaces)
        header = f"{ui(UI, 'question', lang, n=n, total=total)}{sep}{points_label(question.points, lang)}"
        self.prompt = make(
            W.HTML, f"<p><small>{esc(header)}</small><br><strong>{esc(question.prompt.get(lang))}</strong></p>"
        )
        self.input: AnswerInput = make_input(question, lang, seed)
        self.feedback = make(W.HTML, "")
        self.check = make(
            W.Button,
            description=ui(UI, "check", lang),
            tooltip=ui(UI, "check_tip", lang, n=n),
            layout=BUTTON_LAYOUT,
            button_style="primary",
        )
        self.retry = make(
            W.Button,
            description=ui(UI, "retry", lang),
            tooltip=ui(UI, "retry_tip", lang, n=n),
            disabled=True,
            layout=BUTTON_LAYOUT,
        )
        buttons = [make(W.HBox, [self.check, self.retry]), self.feedback] if practice else []
        # lk-card: border, padding and spacing (style/course.css), given as it is built (one message)
        self.box = make(W.VBox, [self.prompt, self.input.widget, *buttons], _dom_classes=("lk-card",))

    def lock(self, locked: bool) -> None:
        self.input.set_disabled(locked)
        self.check.disabled = locked
        self.retry.disabled = not locked

    def reset(self) -> None:
        self.result = None
        self.feedback.value = ""
        self.lock(False)
        self.input.clear()


class Quiz:
    """An interactive quiz (ipywidgets) with a static HTML fallback for exported notebooks.

    ``quiz``: from ``course.lesson(...).quiz(...)``. ``mode``: "practice" or "exam";
    default the quiz's own. ``seed``: fixes the shuffled order of choices and items.
    ``course``: names the links in explanations and identifies the course in saved
    answers. ``lesson_id``: the lesson the quiz belongs to (found in ``course`` when
    omitted). ``save_dir``: where answers are saved (default: the kernel's working
    folder, the notebook's). ``student``: ``{"name": ..., "id": ...}`` or a name; fills
    the name boxes and restores answers saved before. ``answer_key``: how answers are
    checked (default: from the quiz itself).
    """

    def __init__(
        self,
        quiz: QuizModel | StudentQuiz,
        *,
        lang: str = "en",
        mode: Literal["practice", "exam"] | None = None,
        seed: int = 0,
        course: Course | None = None,
        lesson_id: str | None = None,
        save_dir: str | os.PathLike[str] | None = None,
        student: Mapping[str, str] | str | None = None,
        answer_key: AnswerKey | None = None,
    ):
        self.quiz, self.lang, self.seed, self.course = quiz, check_lang(lang), seed, course
        self.mode = mode or quiz.mode
        if self.mode not in ("practice", "exam"):
            raise ValueError(f"mode must be 'practice' or 'exam', not {self.mode!r}")
        self.key: AnswerKey = answer_key or PlainAnswerKey(quiz, lang)
        self.course_id = course.info.id if course else "unknown"
        self.lesson_id = lesson_id or _find_lesson(course, quiz)
        self.save_dir = Path(save_dir) if save_dir is not None else Path.cwd()
        self.started = dt.datetime.now(dt.UTC)

        practice = self.mode == "practice"
        total = len(quiz.questions)
        self.cards = {
            q.id: Card(q, n, total, lang=lang, seed=seed, practice=practice) for n, q in enumerate(quiz.questions, 1)
        }
        for card in self.cards.values():
            card.input.on_change(self._refresh)
            card.check.on_click(lambda _b, c=card: self.check(c.question.id))
            card.retry.on_click(lambda _b, c=card: self.retry(c.question.id))
        self.progress = make(W.HTML, "")

        name, sid = _student(student)
        wide = {"description_width": "initial"}
        self.name = make(W.Text, value=name, description=ui(UI, "name", lang), style=wide)
        self.student_id = make(W.Text, value=sid, description=ui(UI, "student_id", lang), style=wide)
        self.save_button = make(
            W.Button,
            description=ui(UI, "save", lang),
            tooltip=ui(UI, "save_tip", lang),
            icon="save",
            layout=BUTTON_LAYOUT,
            button_style="primary",
        )
        self.load_button = make(
            W.Button, description=ui(UI, "load", lang), tooltip=ui(UI, "load_tip", lang), layout=BUTTON_LAYOUT
        )
        self.save_button.on_click(lambda _b: self.save())
        self.load_button.on_click(lambda _b: self.load())
        self.status = make(W.HTML, "")

        title = f"<h3>{esc(quiz.title.get(lang))}</h3>"
        if not practice:
            title += f"<p><em>{esc(ui(UI, 'exam_note', lang))}</em></p>"
        parts = [
            make(W.HTML, title),
            *(c.box for c in self.cards.values()),
            self.progress,
            make(W.HBox, [self.name, self.student_id]),
            make(W.HBox, [self.save_button, self.load_button]),
            self.status,
        ]
        # the course's stylesheet; long choices wrap, never cut off
        self.widget = make(W.VBox, **dressed(parts, "lk-quiz"))
        if (name or sid) and self.path().exists():
            self.load()
        self._refresh()

    # -- answers and checking ------------------------------------------------

    def answers(self) -> dict[str, Any]:
        """Every answered question's answer, in the saved shape."""
        found = {qid: card.input.get() for qid, card in self.cards.items()}
        return {qid: answer for qid, answer in found.items() if answer is not None}

    def check(self, question_id: str) -> Result | None:
        """Practice mode: grade one question, show its feedback and lock it until Try again."""
        card = self.cards[question_id]
        if self.mode != "practice":
            return None
        answer = card.input.get()
        if answer is None:
            key = "order_incomplete" if card.input.incomplete() else "unanswered"
            n = len(getattr(card.question, "items", ()))
            card.feedback.value = message_html(esc(ui(UI, key, self.lang, n=n)))
            return None
        card.result = self.key.check(question_id, answer)
        card.feedback.value = feedback_html(card.question, card.result, self.lang, self.course, answer)
        card.lock(True)
        self._refresh()
        return card.result

    def retry(self, question_id: str) -> None:
        """Clear one question so the student can answer it again."""
        self.cards[question_id].reset()
        self._refresh()

    def _refresh(self) -> None:
        answered = sum(card.input.get() is not None for card in self.cards.values())
        score = None
        if self.mode == "practice":
            score = sum(c.result.points_awarded for c in self.cards.values() if c.result is not None)
        total = len(self.cards)
        self.progress.value = progress_html(answered, total, score, self.quiz.total_points, self.lang)

    # -- saving and restoring ------------------------------------------------

    def _who(self) -> tuple[str, str]:
        return self.name.value.strip(), self.student_id.value.strip()

    def path(self) -> Path:
        """Where this student's answers to this quiz are saved."""
        name, sid = self._who()
        return self.save_dir / default_filename(self.lesson_id, self.quiz.id, name, sid)

    def save(self) -> Path | None:
        """Write the responses file; show where, or why not."""
        name, sid = self._who()
        if not (name or sid):
            self._say("need_student")
            return None
        try:
            data = build_responses(
                course=self.course_id,
                lesson=self.lesson_id,
                quiz=self.quiz.id,
                language=self.lang,
                mode=self.mode,
                student_name=self.name.value,
                student_id=self.student_id.value,
                answers=self.answers(),
                started=self.started,
            )
            path = write_responses(self.path(), data)
        except (ResponsesError, OSError) as e:
            self._say("save_failed", error=str(e))
            return None
        self._say("saved", path=str(path), time=_clock(data["saved"]))
        return path

    def load(self) -> bool:
        """Restore the answers this student saved for this quiz, if the file is theirs."""
        name, sid = self._who()
        if not (name or sid):
            self._say("need_student")
            return False
        path = self.path()
        if not path.exists():
            self._say("no_saved", path=str(path))
            return False
        try:
            saved = read_responses(path)
        except ResponsesError as e:
            self._say("load_failed", error=str(e))
            return False
        if not self._belongs(saved, name, sid):
            self._say("other_student", path=str(path))
            return False
        for qid, card in self.cards.items():
            card.reset()
            answer = saved.answers.get(qid)
            if answer is not None and answer_problem(card.question, answer) is None:
                card.input.set(answer)
        self.started = saved.started
        self._refresh()
        who = saved.student.name.strip() or saved.student.id.strip()
        self._say("restored", name=who, time=_clock(saved.saved))
        return True

    def _belongs(self, saved: Responses, name: str, sid: str) -> bool:
        """Same course, lesson and quiz, and the same student: by id when one is typed, else by name."""
        same_student = saved.student.id.strip() == sid if sid else saved.student.name.strip() == name
        return same_student and (saved.course, saved.lesson, saved.quiz) == (
            self.course_id,
            self.lesson_id,
            self.quiz.id,
        )

    def _say(self, key: str, **values: str) -> None:
        """Put a message in the status line; the values (paths, names, errors) are escaped."""
        text = ui(UI, key, self.lang, **{k: esc(v) for k, v in values.items()})
        self.status.value = message_html(text)

    # -- display -------------------------------------------------------------

    def to_html(self) -> str:
        """The questions as static HTML (no answers; no explanations in exam mode)."""
        return static_html(self.quiz, self.lang, self.mode, self.seed, self.course)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = widget_view(self.widget)
        n = len(self.quiz.questions)
        bundle["text/plain"] = f"Quiz {self.quiz.title.get(self.lang)!r}: {n} questions ({self.mode})"
        bundle["text/html"] = self.to_html()
        return bundle


def _find_lesson(course: Course | None, quiz: QuizModel | StudentQuiz) -> str:
    for lesson in course.lessons if course else ():
        if any(q is quiz or q == quiz for q in lesson.quizzes):
            return lesson.id
    return "unknown"


def _student(student: Mapping[str, str] | str | None) -> tuple[str, str]:
    if student is None:
        return "", ""
    if isinstance(student, str):
        return student, ""
    return str(student.get("name", "")), str(student.get("id", ""))


def _clock(stamp: str | dt.datetime) -> str:
    """``2025-02-18 09:30 UTC``: a time a student can match to the file they see."""
    when = dt.datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    return f"{when.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"
