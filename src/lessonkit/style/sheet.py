"""The course's stylesheet (``style/course.css``, package data), sent with each widget it dresses.

Every course widget carries the class ``lk`` and its own (``lk-quiz``, ``lk-sandbox`` ...), and
holds a hidden HTML child with the stylesheet: a ``<style>`` element applies wherever it sits,
so the look is the same in JupyterLab, Notebook 7 and Voilà, with no outside address and no
front-end extension. Repeated copies on one page are identical and harmless.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

ROOT = "lk"


@cache
def css() -> str:
    """The stylesheet without comments and runs of blanks (about 2 kB)."""
    text = (resources.files("lessonkit") / "style" / "course.css").read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"\s*([{};,])\s*", r"\1", re.sub(r"\s+", " ", text)).strip()


def style_html() -> str:
    return f"<style>{css()}</style>"


def dressed(children: Iterable[Any], *names: str) -> dict[str, Any]:
    """Constructor arguments that dress a course widget (an ipywidgets Box) as it is built: its
    children with the stylesheet after them, and the root class with its own.

    Given to the constructor they travel in the Box's one opening message; set on a built Box
    they were one more message for each class and one for the children, for every widget."""
    import ipywidgets as widgets

    from lessonkit.style.shared import make

    sheet = make(widgets.HTML, style_html(), layout={"display": "none"})
    return {"children": (*children, sheet), "_dom_classes": (ROOT, *names)}
