"""The debrief report's words and discussion prompts: the catalogue's ``debrief`` and
``debrief_prompts`` namespaces (prompts in the order the catalogue lists them)."""

from __future__ import annotations

from lessonkit.text.words import LANGS, table

TEXT = table("debrief")
PROMPTS: dict[str, list[str]] = {lang: list(table("debrief_prompts")[lang].values()) for lang in LANGS}
