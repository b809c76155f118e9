"""``lessonkit grade``: students' responses files -> a gradebook CSV and an item-analysis report.

``grade(paths, course=...)`` is the one entry point; the CLI only parses arguments and
prints ``summary_lines``. Built from the standard library and lessonkit's own scoring,
so grading never imports plotly, ipywidgets or pandas. See ``docs/grading.md``.
"""

from __future__ import annotations

from lessonkit.teacher.grading.collect import REJECTION_KINDS, GradingError, Rejected
from lessonkit.teacher.grading.gradebook import Submission
from lessonkit.teacher.grading.item_analysis import ItemStats, QuizStats
from lessonkit.teacher.grading.run import GradeRun, grade
from lessonkit.teacher.grading.students import Clash
from lessonkit.teacher.grading.summary import summary_lines

__all__ = [
    "REJECTION_KINDS",
    "Clash",
    "GradeRun",
    "GradingError",
    "ItemStats",
    "QuizStats",
    "Rejected",
    "Submission",
    "grade",
    "summary_lines",
]
