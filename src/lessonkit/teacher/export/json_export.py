"""A neutral JSON dump of one quiz in one language, answers included, for tools that are not LMSs.

Nothing is converted, so there are no notes: an order question keeps its items in the
right order, texts are plain (not HTML: a consumer escapes for its own medium), and a
text question lists only the chosen language's accepted answers. The shape is
documented in ``docs/quiz-export.md``; ``"schema"`` and ``"version"`` let a reader
refuse a file it does not know.
"""

from __future__ import annotations

import json
from typing import Any

from lessonkit.content.base import Localized
from lessonkit.content.quiz import Question, Quiz
from lessonkit.quizzes.types import behaviour
from lessonkit.teacher.export.common import Context, Meta

SCHEMA = "lessonkit-quiz"
VERSION = 1


def _body(q: Question, ctx: Context) -> dict[str, Any]:
    def t(value: Localized | None) -> str | None:
        return ctx.text(value) or None

    return behaviour(q).json_fields(q, ctx.lang, t)


def question(q: Question, ctx: Context) -> dict[str, Any]:
    """The fields every question has, then its type's own (see the module docstring)."""
    return {
        "id": q.id,
        "type": q.type,
        "points": q.points,
        "prompt": ctx.text(q.prompt),
        "explanation": ctx.text(q.explanation),
        **_body(q, ctx),
        "links": {"events": list(q.links.events), "stances": list(q.links.stances)},
    }


def document(quiz: Quiz, ctx: Context, meta: Meta) -> dict[str, Any]:
    """The whole file as a dict, for callers that want data rather than text."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "lang": ctx.lang,
        "course": meta.course_id,
        "lesson": meta.lesson_id,
        "quiz": {"id": quiz.id, "title": ctx.text(quiz.title), "mode": quiz.mode, "total_points": quiz.total_points},
        "questions": [question(q, ctx) for q, _form in ctx.questions(quiz)],
    }


def export(quiz: Quiz, ctx: Context, meta: Meta) -> str:
    return json.dumps(document(quiz, ctx, meta), ensure_ascii=False, indent=2) + "\n"
