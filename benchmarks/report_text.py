"""Formatting shared by the report's sections: numbers, Markdown tables, met/missed."""

from __future__ import annotations

import math


def ok(met: bool | None) -> str:
    return "—" if met is None else ("met" if met else "**missed**")


def f(x: float, digits: int = 2) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def number(x: object) -> bool:
    """A measured value: a number that is not NaN."""
    return isinstance(x, int | float) and x == x


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return out


def step(results: dict, name: str) -> dict | None:
    step = results["steps"].get(name)
    return step["result"] if step and step.get("ok") else None
