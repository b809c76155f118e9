"""Quiz files an LMS imports: Moodle GIFT and XML, Canvas QTI 1.2, and a neutral JSON.

``export_quiz`` is the one entry point; the CLI's ``export-quiz`` only finds the quiz and
writes the result. Every format is built from the standard library alone, so exporting
never imports plotly, ipywidgets or pandas. A question a format cannot express directly
is converted, never dropped, and each conversion is listed in ``ExportResult.notes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lessonkit.content.quiz import Quiz
from lessonkit.course.loader import display_path
from lessonkit.errors import LessonError, Problem
from lessonkit.teacher.export import gift, json_export, moodle_xml, qti
from lessonkit.teacher.export.common import Context, ExportResult, Meta
from lessonkit.text.i18n import check_lang

if TYPE_CHECKING:
    from lessonkit.content.lesson import Lesson
    from lessonkit.course.model import Course

__all__ = ["FORMATS", "ORDER_AS", "ExportResult", "export_quiz", "find_quiz"]

# format -> (label used in notes, file name ending)
FORMATS: dict[str, tuple[str, str]] = {
    "gift": ("GIFT", ".gift.txt"),  # Moodle accepts GIFT files as text/plain, so .txt
    "moodle-xml": ("Moodle XML", ".moodle.xml"),
    "qti": ("Canvas QTI", ".qti.zip"),
    "json": ("JSON", ".json"),
}
ORDER_AS = ("matching", "ordering")


def _lesson_of(quiz: Quiz, course: Course | None) -> Lesson | None:
    for lesson in course.lessons if course else ():
        if any(q is quiz for q in lesson.quizzes):
            return lesson
    return None


def _meta(quiz: Quiz, lang: str, course: Course | None) -> Meta:
    lesson = _lesson_of(quiz, course)
    title = quiz.title.get(lang)
    if lesson is None:
        return Meta(title=title, stem=quiz.id, path=(title,))
    return Meta(
        title=f"{lesson.title.get(lang)}: {title}",
        stem=f"{lesson.id}-{quiz.id}",
        course_id=course.info.id if course else None,
        lesson_id=lesson.id,
        path=(lesson.title.get(lang), title),
    )


def export_quiz(
    quiz: Quiz, *, format: str, lang: str = "en", course: Course | None = None, order_as: str = "matching"
) -> ExportResult:
    """One quiz in one language as a file for an LMS.

    ``course`` (optional) names the file, the Moodle category and the Canvas quiz after
    the quiz's lesson. ``order_as="ordering"`` (Moodle XML only) writes order questions
    as Moodle's ordering type instead of matching.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if order_as not in ORDER_AS or (order_as != "matching" and format != "moodle-xml"):
        raise ValueError(f"order_as={order_as!r} is not available for {format}")
    label, ending = FORMATS[format]
    ctx = Context(lang=check_lang(lang), label=label, xml=format in ("moodle-xml", "qti"))
    meta = _meta(quiz, lang, course)
    content: str | bytes
    if format == "gift":
        content = gift.export(quiz, ctx, meta)
    elif format == "moodle-xml":
        content = moodle_xml.export(quiz, ctx, meta, order_as)
    elif format == "qti":
        content = qti.export(quiz, ctx, meta)
    else:
        content = json_export.export(quiz, ctx, meta)
    return ExportResult(content=content, filename=f"{meta.stem}.{lang}{ending}", notes=ctx.notes, format=format)


def find_quiz(course: Course, lesson: str, quiz_id: str | None = None) -> Quiz:
    """A lesson's quiz (its first when ``quiz_id`` is None); a missing one is a ``LessonError``."""
    try:
        found = course.lesson(lesson)
        if quiz_id is None and not found.quizzes:
            raise KeyError(f"lesson {found.id!r} has no quizzes")
        return found.quiz(quiz_id)
    except KeyError as exc:
        raise LessonError([Problem(display_path(course.root), 0, "", str(exc.args[0]))]) from None
