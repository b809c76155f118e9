"""Question types: each type's behaviour in one module, and the registry everything dispatches through.

One module a type (``single``, ``multiple``, ``true_false``, ``order``, ``match``,
``numeric``, ``text``), each defining a ``QuestionType`` subclass (``types.base``), its
student-copy model (a ``StudentQuestion`` subclass) and ``TYPE``, the one instance
``REGISTRY`` maps its name to. Nothing outside this package asks what type a question
is: scoring, the quiz HTML and widget, students' copies, the answer key, item analysis
and the LMS exports all call ``behaviour(question)``.

What a type defines, and who asks for it:

============================  =====================================================
``problem``                   is an answer the right shape? (``scoring.answer_problem``;
                              the widget before restoring a saved answer)
``grade``                     right or wrong, per-part results (``scoring.check_answer``:
                              the widget's Check and ``lessonkit grade``)
``make_input``                the ipywidgets control (``quizzes.widget``); imports
                              ``quizzes.inputs`` inside the method, so the CLI never
                              imports ipywidgets
``static_html``, ``hint``     the static rendering and the hint after the prompt
``choice_texts``,             how the shared feedback (``quizzes.html``) shows the
``echo_answer``,              result: chosen choices, the typed answer, "n of m right"
``parts_right``
``answer_text``               the right answer as text (``teacher.assign.answer_key``)
``describe``,                 an answer as the student saw it, and when two answers are
``same_answer``               the same (``teacher.grading.item_analysis``)
``student_fields``,           students' copies (``quizzes.student_file``): what the
``right_forms``,              file shows, the canonical forms hashed into its key, the
``answer_form``,              form of a student's answer, the student model read back,
``read_student``,             the feedback a copy shows, and an answer saved from a copy
``student_feedback``,         in the course's ids (``lessonkit grade``)
``course_answer``
``export_form``               the question as a neutral form (``types.export``) that the
                              GIFT, Moodle XML and QTI writers render
``json_fields``               the type's own fields in the JSON export
============================  =====================================================

Methods that the widget and students' copies share (``problem``, ``make_input``,
``static_html``) take the authoring question or the type's student question alike.

The exports stay in ``lessonkit.teacher.export`` (document structure, escaping, notes,
zip writing): a type only says what its question *is* (choices with the right ones
marked, pairs, a number with a tolerance, accepted texts, …) and never imports upward.

Adding a type (see docs/quiz-export.md, "Adding a question type"): its content model in
``content/quiz.py`` (a member of the ``Question`` union and ``QUESTION_TYPES``), its hint
``hint_<name>`` in the ``quiz`` table of both catalogues, and one module here, listed in
``_MODULES``. ``tests/unit/test_question_types.py`` checks that the registry covers the
union.
"""

from __future__ import annotations

from typing import Any

from lessonkit.quizzes.types import match, multiple, numeric, order, single, text, true_false
from lessonkit.quizzes.types.base import QuestionType

__all__ = ["REGISTRY", "QuestionType", "behaviour", "make_input"]

_MODULES = (single, multiple, true_false, order, match, numeric, text)

REGISTRY: dict[str, QuestionType] = {m.TYPE.name: m.TYPE for m in _MODULES}
"""Question type name -> its behaviour."""


def behaviour(question_or_type: Any) -> QuestionType:
    """The behaviour of a question (authoring or student copy) or of a type name; ``KeyError`` if unknown."""
    name = question_or_type if isinstance(question_or_type, str) else getattr(question_or_type, "type", None)
    try:
        return REGISTRY[name]  # type: ignore[index]
    except KeyError:
        raise KeyError(f"unknown question type {name!r}") from None


def make_input(question: Any, lang: str, seed: int) -> Any:
    """The answer control for one question (imports ipywidgets)."""
    return behaviour(question).make_input(question, lang, seed)
