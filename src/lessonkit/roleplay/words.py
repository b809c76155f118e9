"""The role-play's interface words: the catalogue's ``roleplay`` namespace."""

from __future__ import annotations

from lessonkit.text.words import table

TEXT = table("roleplay")
