"""A lesson's metadata, and the course file that orders lessons."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from lessonkit.content.base import Id, Localized, Model
from lessonkit.content.facts import Category, Era
from lessonkit.content.quiz import Quiz
from lessonkit.content.roleplay import RolePlay


class Term(Model):
    term: Localized
    definition: Localized


class Activity(Model):
    minutes: int = Field(ge=1, le=120)
    title: Localized
    kind: Literal["intro", "reading", "interactive", "discussion", "exercise", "quiz", "reflection"]


class Lesson(Model):
    id: Id
    number: int = Field(ge=0, le=99)
    title: Localized
    summary: Localized
    minutes: int = Field(ge=5, le=180)
    objectives: list[Localized] = Field(min_length=1)
    vocabulary: list[Term] = []
    activities: list[Activity] = []
    discussion: list[Localized] = []
    quizzes: list[Quiz] = []
    roleplay: RolePlay | None = None  # from roles.yaml beside lesson.yaml

    @model_validator(mode="after")
    def _timing_adds_up(self) -> Lesson:
        planned = sum(a.minutes for a in self.activities)
        if self.activities and planned != self.minutes:
            raise ValueError(f"activities add up to {planned} minutes, but minutes is {self.minutes}")
        return self

    def quiz(self, quiz_id: str | None = None) -> Quiz:
        """A quiz by id; without one, the exit quiz (id ``exit``) if there is one, else the first."""
        if quiz_id is None and self.quizzes:
            return next((q for q in self.quizzes if q.id == "exit"), self.quizzes[0])
        for q in self.quizzes:
            if q.id == quiz_id:
                return q
        known = ", ".join(q.id for q in self.quizzes) or "none"
        raise KeyError(f"lesson {self.id!r} has no quiz {quiz_id!r} (it has: {known})")


SCHEMA_VERSION = 1


class CourseInfo(Model):
    schema_version: int
    id: Id
    title: Localized
    description: Localized
    languages: list[Literal["en", "ja"]] = ["en", "ja"]
    as_of: dt.date
    principal_parties: list[Id] = Field(min_length=2)
    lessons: list[Id] = []
    eras: list[Era] = Field(min_length=1)
    categories: list[Category] = Field(min_length=1)
