"""Building blocks shared by every content model.

Every model is frozen and rejects unknown keys, so a typo in a content file is an
error that names the key instead of a field that silently keeps its default.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, field_validator

LANGUAGES = ("en", "ja")

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


class Model(BaseModel):
    # defer_build: a model's validator is built on its first validation, not at import, so
    # ``import lessonkit`` stays fast and a course read from the cache never builds them
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]


_JA = r"\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60"
_JA_GAP = re.compile(rf"(?<=[{_JA}])[ \t\n]+(?=[{_JA}])")


class Localized(Model):
    """Text a student sees: both languages are required, so neither can lag behind."""

    en: NonEmpty
    ja: NonEmpty

    @field_validator("ja")
    @classmethod
    def _no_gaps_in_japanese(cls, text: str) -> str:
        """YAML folds a line break into a space, which Japanese never has between its characters."""
        return _JA_GAP.sub("", text)

    def get(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
        return getattr(self, lang)


def _check_https(url: str) -> str:
    if not re.match(r"^https://[^\s/$.?#][^\s]*$", url):
        raise ValueError("must be a full https:// address")
    return url


HttpsUrl = Annotated[str, AfterValidator(_check_https)]

_COLOUR = r"^#[0-9a-fA-F]{6}$"
Colour = Annotated[str, StringConstraints(pattern=_COLOUR)]
