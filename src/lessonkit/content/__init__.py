"""The content model: what course authors write, as frozen pydantic models."""

from lessonkit.content.base import LANGUAGES, Localized
from lessonkit.content.facts import (
    Category,
    Claim,
    Era,
    Event,
    Issue,
    Option,
    Party,
    Person,
    Quote,
    Source,
    Stance,
    Statement,
)
from lessonkit.content.lesson import SCHEMA_VERSION, Activity, CourseInfo, Lesson, Term
from lessonkit.content.quiz import QUESTION_TYPES, Question, Quiz
from lessonkit.content.regions import Region, RegionCode, RegionPeriod, RegionStatus, Share

__all__ = [
    "LANGUAGES",
    "QUESTION_TYPES",
    "SCHEMA_VERSION",
    "Activity",
    "Category",
    "Claim",
    "CourseInfo",
    "Era",
    "Event",
    "Issue",
    "Lesson",
    "Localized",
    "Option",
    "Party",
    "Person",
    "Question",
    "Quiz",
    "Quote",
    "Region",
    "RegionCode",
    "RegionPeriod",
    "RegionStatus",
    "Share",
    "Source",
    "Stance",
    "Statement",
    "Term",
]
