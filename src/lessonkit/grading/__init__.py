"""``lessonkit grade``: students' responses files -> a gradebook CSV and an item-analysis report.

``grade(paths, course=...)`` is the one entry point; the CLI only parses arguments and
prints ``summary_lines``. Built from the standard library and lessonkit's own scoring,
so grading never imports plotly, ipywidgets or pandas. See ``docs/grading.md``.
"""

from __future__ import annotations

from .collect import REJECTION_KINDS, GradingError, Rejected
from .gradebook import Submission
from .item_analysis import ItemStats, QuizStats
from .run import GradeRun, grade
from .students import Clash
from .summary import summary_lines

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
