"""Write a lesson's English and Japanese notebooks from ONE spec, so their cells match.

Usage in your own script:
    (run a spec from the repository root: python tools/notebooks/build_02.py)
    from nbtool import md, code, exercise, check, write
    cells = [
        md("# Title ...", "# タイトル ..."),
        code('import lessonkit as lk\\n\\ncourse = lk.load_course()\\nlk.lesson_intro(course, "02", lang=LANG)'),
        exercise("ex-02-1", 'answer = course.frame("statements", lang=LANG)...', solution_lines=...),
        check("ex-02-1-check", "assert ...", points=1),
        ...
    ]
    write("02-riyadh-meeting", cells)

- md(en, ja): a Markdown cell (the Japanese soft-wrapped lines are joined: jajoin.ja_join).
- code(src): a code cell; write the literal LANG where the language goes: it becomes "en" / "ja".
- exercise(grade_id, prompt_src, solution_src): an nbgrader solution cell; the student's starting
  code first, then the solution between ### BEGIN SOLUTION / ### END SOLUTION (the teacher tools
  remove it from student copies).
- check(grade_id, src, points): an nbgrader autograded test cell (asserts), locked.
Cell ids are deterministic (lesson-NN); outputs are empty.
"""

from __future__ import annotations

from pathlib import Path

import nbformat as nbf
from jajoin import ja_join, ja_tighten

ROOT = Path(__file__).resolve().parents[2] / "notebooks"


def md(en: str, ja: str) -> dict:
    """A Markdown cell; in the Japanese text, soft-wrapped lines are joined and the spaces
    between Japanese and bold are dropped (both would show as stray spaces)."""
    return {"kind": "md", "en": en.strip("\n"), "ja": ja_tighten(ja_join(ja))}


def code(src: str) -> dict:
    return {"kind": "code", "src": src.strip("\n")}


def exercise(grade_id: str, prompt_src: str, solution_src: str) -> dict:
    body = f"{prompt_src.strip()}\n### BEGIN SOLUTION\n{solution_src.strip()}\n### END SOLUTION"
    meta = {
        "nbgrader": {
            "grade": False,
            "grade_id": grade_id,
            "locked": False,
            "schema_version": 3,
            "solution": True,
            "task": False,
        }
    }
    return {"kind": "code", "src": body, "meta": meta}


def check(grade_id: str, src: str, points: int = 1) -> dict:
    meta = {
        "nbgrader": {
            "grade": True,
            "grade_id": grade_id,
            "locked": True,
            "points": points,
            "schema_version": 3,
            "solution": False,
            "task": False,
        }
    }
    return {"kind": "code", "src": src.strip("\n"), "meta": meta}


def write(lesson_id: str, cells: list[dict]) -> None:
    for lang in ("en", "ja"):
        nb = nbf.v4.new_notebook()
        nb.metadata = {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        }
        out = []
        for i, c in enumerate(cells):
            if c["kind"] == "md":
                cell = nbf.v4.new_markdown_cell(c[lang])
            else:
                cell = nbf.v4.new_code_cell(c["src"].replace("LANG", f'"{lang}"'))
                if "meta" in c:
                    cell.metadata.update(c["meta"])
            cell.id = f"{lesson_id[:2]}-{i:02d}"
            out.append(cell)
        nb.cells = out
        nbf.validate(nb)
        path = ROOT / lang / f"{lesson_id}.ipynb"
        nbf.write(nb, path)
        print("wrote", path)
