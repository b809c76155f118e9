"""The behaviour every question type defines, and the small helpers the types share.

See the package docstring (``lessonkit.quizzes.types``) for what each method is for and
who calls it. Methods marked *both* take the authoring question (``content.quiz``) or the
type's student question (``quizzes.student_model``); the others take the authoring one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from lessonkit.content.base import Localized
from lessonkit.quizzes.common import UI, ItemResult, Result, Status
from lessonkit.quizzes.student_model import Decoder, Encoder, StudentQuestion
from lessonkit.quizzes.types.export import ExportForm
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import sentences, ui

if TYPE_CHECKING:
    from lessonkit.quizzes.inputs import AnswerInput

__all__ = ["QuestionType", "TextOf", "answer_line", "id_list_problem", "result"]

TextOf = Callable[[Localized | None], str | None]
"""The JSON export's text: a ``Localized`` in the export's language, None for no text."""


class QuestionType:
    """One question type's behaviour. Subclass it in ``quizzes/types/<name>.py`` and register an instance.

    ``q`` is a question of ``model``; *both* marks methods that also take a ``student_model``.
    """

    name: ClassVar[str]
    """The ``type`` value in quizzes.yaml, responses files and student copies."""
    model: ClassVar[type]
    """The authoring model (``content.quiz``), a member of the ``Question`` union."""
    student_model: ClassVar[type[StudentQuestion]]
    """Its student-copy model (defined beside the type)."""

    # how the shared feedback (``quizzes.html.feedback_html``) treats this type
    echo_answer: ClassVar[bool] = False
    """Repeat the typed answer, so a student sees what was checked."""
    parts_right: ClassVar[str | None] = None
    """Catalogue key (quiz table) of "n of m right" shown under a wrong answer, from the result's items."""

    @property
    def hint(self) -> str:
        """Catalogue key (quiz table) of the hint shown after the prompt: ``hint_<name>``."""
        return f"hint_{self.name}"

    # ---- answering ------------------------------------------------------------

    def problem(self, q: Any, answer: object) -> str | None:
        """*Both.* Why a (non-empty) answer has the wrong shape, or None; never judges rightness."""
        raise NotImplementedError

    def grade(self, q: Any, answer: Any, lang: str) -> Result:
        """Grade an answer of the right shape (``problem`` said None): all or nothing."""
        raise NotImplementedError

    def make_input(self, q: Any, lang: str, seed: int) -> AnswerInput:
        """*Both.* The answer control; import ipywidgets (``quizzes.inputs``) inside, never at module level."""
        raise NotImplementedError

    def static_html(self, q: Any, lang: str, seed: int) -> str:
        """*Both.* The question's answer area as plain HTML (an exported notebook), without the answer."""
        raise NotImplementedError

    def choice_texts(self, q: Any, lang: str) -> dict[str, str] | None:
        """*Both.* Choice id -> text, when the feedback lists each chosen choice with a mark and its feedback
        (from the result's items); None for no such list."""
        return None

    # ---- the teacher's side ---------------------------------------------------

    def answer_text(self, q: Any, lang: str) -> list[str]:
        """The right answer as lines of text, for the answer key."""
        raise NotImplementedError

    def describe(self, q: Any, answer: Any, lang: str) -> str:
        """A graded answer as the student saw it (texts, never ids), plain text, for item analysis."""
        return str(answer)

    def same_answer(self, q: Any, answer: Any) -> Hashable:
        """A key under which answers that are the same for the student group together."""
        return tuple(answer) if isinstance(answer, list) else answer

    # ---- students' copies -----------------------------------------------------

    def student_fields(self, q: Any, enc: Encoder) -> dict[str, Any]:
        """The type's own fields in a student copy: what is shown; secrets only ``enc.secret``-ed and only
        when ``enc.practice``."""
        return {}

    def right_forms(self, q: Any, where: tuple[str, str, str]) -> list[str]:
        """Every right answer's canonical form (``answer_form`` of it), to be hashed into the key."""
        raise NotImplementedError

    def answer_form(self, sq: Any, answer: Any) -> str | None:
        """*Student.* The one string an answer hashes as; None if it cannot be right."""
        raise NotImplementedError

    def read_student(self, item: Mapping[str, Any], common: dict[str, Any], dec: Decoder) -> StudentQuestion:
        """The student question from its JSON ``item``; ``common`` holds the fields every question has."""
        return self.student_model(**common)

    def student_feedback(self, sq: Any, answer: Any) -> Localized | None:
        """*Student.* The feedback a student copy shows for this answer (``Result.feedback``)."""
        return None

    def course_answer(self, q: Any, answer: object, where: tuple[str, str, str, str]) -> object:
        """An answer saved from a student copy, in the course's own ids (``where``: course, lesson, quiz,
        question). Most types use the course's ids already."""
        return answer

    # ---- exports ----------------------------------------------------------------

    def export_form(self, q: Any, lang: str) -> ExportForm:
        """The question for an LMS, as a neutral form (``types.export``) the format writers render."""
        raise NotImplementedError

    def json_fields(self, q: Any, lang: str, text: TextOf) -> dict[str, Any]:
        """The type's own fields in the JSON export (documented in docs/quiz-export.md); nothing converted."""
        raise NotImplementedError


def result(q: Any, right: bool, *, feedback: Localized | None = None, items: tuple[ItemResult, ...] = ()) -> Result:
    """All or nothing: ``q.points`` or 0."""
    status: Status = "correct" if right else "wrong"
    points = float(q.points) if right else 0.0
    return Result(q.id, status, points, q.points, feedback=feedback, items=items)


def id_list_problem(answer: object, known: Sequence[str], what: str) -> str | None:
    """A list of known ids, none repeated."""
    if not isinstance(answer, list | tuple) or not all(isinstance(a, str) for a in answer):
        return f"expected a list of {what} ids"
    unknown = [a for a in answer if a not in known]
    if unknown:
        return f"unknown {what} id {unknown[0]!r}"
    if len(set(answer)) != len(answer):
        return f"a {what} id is repeated"
    return None


def answer_line(lang: str, unit: str = "") -> str:
    """A blank to write an answer on, with the (escaped) unit after it."""
    return f"<p>{esc(ui(UI, 'answer_line', lang))}{sentences(['________', unit], lang)}</p>"
