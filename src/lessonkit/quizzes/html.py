"""The quiz's words and HTML, apart from any widget: interface strings, feedback and a static rendering.

Kept free of ipywidgets so the feedback a student sees can be tested as plain strings,
and the static rendering (what an exported notebook shows) can be reused by exporters.
Every content string and every student answer passes through ``esc`` on its way in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lessonkit.content.quiz import Links, Question, Quiz
from lessonkit.quizzes.common import UI, number, shuffled
from lessonkit.quizzes.scoring import Result
from lessonkit.quizzes.student_model import StudentQuestion, StudentQuiz
from lessonkit.quizzes.types import behaviour
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import format_span, sentences, ui

if TYPE_CHECKING:
    from lessonkit.course.model import Course

__all__ = [
    "UI",
    "explanation_html",
    "feedback_html",
    "link_labels",
    "message_html",
    "number",
    "points_label",
    "progress_html",
    "shuffled",
    "static_html",
]


def points_label(points: int, lang: str) -> str:
    return ui(UI, "point", lang) if points == 1 else ui(UI, "points", lang, points=points)


def _event_label(course: Course, event_id: str, lang: str) -> str:
    event = course.event(event_id)
    when = format_span(event.date, event.end_date, lang)
    title = event.title.get(lang)
    return f"{title} ({when})" if lang == "en" else f"{title}（{when}）"


def _stance_label(course: Course, key: str, lang: str) -> str:
    party_id, issue_id = key.split(":", 1)
    party, issue = course.party(party_id), course.issue(issue_id)
    return ui(UI, "stance_link", lang, party=party.name.get(lang), issue=issue.name.get(lang))


def link_labels(links: Links, course: Course | None, lang: str) -> list[str]:
    """Plain-text names for a question's links: event titles with dates, "party on issue" for stances.

    Without a course (or for an id the course lacks) the raw id stands in.
    """
    wanted = [(_event_label, e) for e in links.events] + [(_stance_label, s) for s in links.stances]
    labels = []
    for label, ref in wanted:
        try:
            labels.append(label(course, ref, lang) if course is not None else ref)
        except KeyError:
            labels.append(ref)
    return labels


def explanation_html(
    question: Question | StudentQuestion, lang: str, course: Course | None, *, labelled: bool = True
) -> str:
    """The explanation and its links; ``labelled=False`` under a heading that already says 'Explanation'.

    An exam-mode student copy has no explanation (None): nothing is shown.
    """
    if question.explanation is None:
        return ""
    label = f"<strong>{esc(ui(UI, 'explanation_label', lang))}</strong>" if labelled else ""
    parts = [f"<p>{sentences([label, esc(question.explanation.get(lang))], lang)}</p>"]
    labels = link_labels(question.links, course, lang)
    if labels:
        joined = "; " if lang == "en" else "、"
        parts.append(f"<p>{esc(ui(UI, 'see', lang, links=joined.join(labels)))}</p>")
    return "".join(parts)


def _item_lines(question: Question | StudentQuestion, result: Result, lang: str) -> list[str]:
    """Per-choice marks and feedback for the choices the student picked."""
    texts = behaviour(question).choice_texts(question, lang)
    if texts is None:
        return []
    lines = []
    for item in result.items:
        if not item.chosen:
            continue
        mark = "✓" if item.correct else "✗"
        line = f"{mark} {esc(texts[item.id])}"
        if item.feedback is not None:
            line += f"<br>{esc(item.feedback.get(lang))}"
        lines.append(f"<li>{line}</li>")
    return lines


def feedback_html(
    question: Question | StudentQuestion,
    result: Result,
    lang: str,
    course: Course | None = None,
    answer: object = None,
) -> str:
    """What a Check shows: right or not, points, the typed answer, per-choice feedback, details, explanation.

    ``answer`` is echoed for text and numeric questions, so a student sees what was
    checked (say, a typo); it is student text and is escaped like everything else.
    """
    if result.status == "unanswered":
        return _status(esc(ui(UI, "unanswered", lang)))
    if result.status == "invalid":
        return _status(esc(ui(UI, "invalid", lang)))
    verdict = ui(UI, "correct" if result.correct else "wrong", lang)
    key = "awarded_one" if result.points_possible == 1 else "awarded"
    awarded = ui(UI, key, lang, awarded=number(result.points_awarded), possible=result.points_possible)
    verdict_html = f'<strong class="lk-verdict">{esc(verdict)}</strong>'
    parts = [f"<p>{sentences([verdict_html, esc(awarded)], lang)}</p>"]
    if behaviour(question).echo_answer and answer is not None:
        typed = number(answer) if isinstance(answer, int | float) else str(answer)
        parts.append(f"<p>{esc(ui(UI, 'your_answer', lang, answer=typed))}</p>")
    lines = _item_lines(question, result, lang)
    if lines:
        parts.append(f"<ul>{''.join(lines)}</ul>")
    elif result.feedback is not None:
        parts.append(f"<p>{esc(result.feedback.get(lang))}</p>")
    parts_right = behaviour(question).parts_right
    if parts_right is not None and not result.correct:
        key = parts_right
        right = sum(i.correct for i in result.items)
        parts.append(f"<p>{esc(ui(UI, key, lang, right=right, total=len(result.items)))}</p>")
    parts.append(explanation_html(question, lang, course))
    # the class tints the box (style/course.css); the verdict's words and mark say it without colour
    return _status("".join(parts), "lessonkit-feedback lk-right" if result.correct else "lessonkit-feedback lk-wrong")


def message_html(html: str) -> str:
    """A message in a live region; ``html`` is already escaped by the caller."""
    return _status(html, "lessonkit-message")


def _status(inner: str, cls: str = "lessonkit-feedback") -> str:
    """A live region, so a screen reader reads feedback out when it appears."""
    return f'<div class="{cls}" role="status" aria-live="polite">{inner}</div>'


def progress_html(answered: int, total: int, score: float | None, possible: int, lang: str) -> str:
    text = ui(UI, "progress", lang, answered=answered, total=total)
    if score is not None:
        text += (", " if lang == "en" else "、") + ui(UI, "score", lang, score=number(score), possible=possible)
    return f'<div class="lessonkit-progress" role="status" aria-live="polite">{esc(text)}</div>'


def static_html(quiz: Quiz | StudentQuiz, lang: str, mode: str, seed: int = 0, course: Course | None = None) -> str:
    """The questions as plain HTML for an exported notebook: no answers, no explanations in exam mode."""
    parts = [f'<div class="lessonkit-quiz" lang="{esc(lang)}"><h3>{esc(quiz.title.get(lang))}</h3>']
    note = sentences([ui(UI, "run_note", lang), ui(UI, "exam_note", lang) if mode == "exam" else ""], lang)
    parts.append(f"<p><em>{esc(note)}</em></p><ol>")
    for q in quiz.questions:
        hint = sentences([ui(UI, behaviour(q).hint, lang), points_label(q.points, lang)], lang)
        aside = ui(UI, "aside", lang, text=hint)
        prompt = sentences([esc(q.prompt.get(lang)), f"<small>{esc(aside)}</small>"], lang)
        parts.append(f"<li><p>{prompt}</p>")
        parts.append(behaviour(q).static_html(q, lang, seed))
        if mode == "practice":
            summary = esc(ui(UI, "explanation", lang))
            body = explanation_html(q, lang, course, labelled=False)
            parts.append(f"<details><summary>{summary}</summary>{body}</details>")
        parts.append("</li>")
    parts.append("</ol></div>")
    return "".join(parts)
