"""A lesson notebook's source, ``lessons/NN-slug/notebook.yaml``: one list of cells for both languages.

```yaml
cells:
  - markdown:              # a Markdown cell: both languages required
      en: |
        # Lesson 3 · ...
      ja: |                # Japanese lines may be soft-wrapped: they are joined when building
        # レッスン3　...
  - code: |                # a code cell; LANG becomes "en" or "ja"
      lk.lesson_intro(course, "03", lang=LANG)
  - exercise:              # an nbgrader solution cell: the starting code, then the solution
      id: ex-03-1
      code: |
        # answer = ...
      solution: |
        answer = 42
  - check:                 # an nbgrader autograded test cell (locked); points default to 1
      id: ex-03-1-check
      points: 1
      code: |
        assert answer == 42
```

Text is kept exactly as written (no stripping here); ``lessonkit.teacher.build_notebooks`` turns a
source into the two ``.ipynb`` files.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from lessonkit.content.base import Id

CELL_KINDS = ("markdown", "code", "exercise", "check")


class _Source(BaseModel):
    # unlike the other content models, strings are not stripped: Markdown and code keep their indentation
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use, as in base.Model


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be empty")
    return text


Text = Annotated[str, AfterValidator(_not_blank)]


class CellText(_Source):
    """Markdown in both languages."""

    en: Text
    ja: Text


class Exercise(_Source):
    """An nbgrader solution cell: ``code`` is what students start from, ``solution`` replaces it in the key."""

    id: Id
    code: Text
    solution: Text


class Check(_Source):
    """An nbgrader autograded test cell (asserts), locked, worth ``points``."""

    id: Id
    points: int = Field(default=1, ge=0, le=100)
    code: Text


class Cell(_Source):
    """One cell: exactly one of ``markdown``, ``code``, ``exercise`` or ``check``."""

    markdown: CellText | None = None
    code: Text | None = None
    exercise: Exercise | None = None
    check: Check | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_kind(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data  # pydantic says "should be a mapping"
        kinds = ", ".join(CELL_KINDS)
        unknown = [str(key) for key in data if key not in CELL_KINDS]
        if unknown:
            raise ValueError(f"{unknown[0]!r} is not a kind of cell; use one of {kinds}")
        if len(data) != 1:
            found = " and ".join(map(str, data)) or "nothing"
            raise ValueError(f"a cell is one of {kinds}, not {found}")
        if next(iter(data.values())) is None:
            raise ValueError(f"the {next(iter(data))} cell is empty")
        return data

    @property
    def kind(self) -> str:
        return next(kind for kind in CELL_KINDS if getattr(self, kind) is not None)


class NotebookSource(_Source):
    """The cells of a lesson's notebook, the same in both languages."""

    cells: list[Cell] = Field(min_length=1)
