"""Reading quiz exports back with parsers that are not ours, and the hostile quizzes to feed them.

- GIFT: ``pygiftparser`` 1.1 (PyPI) for every question type; ``gift-pegjs`` 1.0.2 (npm,
  run with node from ``tests/node``) where pygiftparser falls short: an escaped ``}``
  inside an answer ends its answer block early, and it reads no negative numbers.
- Canvas QTI: the readers of ``qti2latex`` 0.1.6 (PyPI), written for Canvas exports.
- Moodle XML: ``xml.etree`` plus structural checks in the tests (no maintained Moodle XML
  reader on PyPI covers more than multichoice).
"""

from __future__ import annotations

import builtins
import html
import io
import json
import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from tests.helpers import edit

import lessonkit
from lessonkit.course.model import Course

NODE_DIR = Path(__file__).parent / "node"

# Text with every GIFT special, HTML that must never run, and an ampersand.
NASTY = 'a {b} = c ~ d # e : f <script>alert("x")</script> & g'


def load_pygiftparser():
    """pygiftparser's parser module, imported without its side effects leaking into the tests.

    Its i18n module calls the deprecated ``locale.getdefaultlocale`` and installs ``_``
    into builtins at import time.
    """
    had, old = hasattr(builtins, "_"), getattr(builtins, "_", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from pygiftparser import parser, utils
    if had:
        builtins._ = old
    elif hasattr(builtins, "_"):
        del builtins._
    return parser, utils


def read_gift_py(text: str) -> list:
    parser, _ = load_pygiftparser()
    return parser.parseFile(io.StringIO(text))


def gift_text(value: str) -> str:
    """A pygiftparser text as a student reads it: GIFT escapes undone, then HTML entities."""
    _, utils = load_pygiftparser()
    return html.unescape(utils.transformSpecials(value.strip()).replace("<br>", "\n"))


# gift-pegjs 1.0.2 leaves Moodle's escape placeholders in the right side of a match;
# Moodle's own escapedchar_post maps them back like this.
_MOODLE_PLACEHOLDERS = {"&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~"}
_MOODLE_PLACEHOLDERS |= {"&&092;": "\\", "&&010": "\n"}


def moodle_placeholders(text: str) -> str:
    for placeholder, char in _MOODLE_PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return text


def read_gift_js(text: str) -> list[dict]:
    """GIFT parsed by gift-pegjs under node; skipped only where node itself is absent."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the gift-pegjs cross-check needs it")
    if not (NODE_DIR / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail("gift-pegjs is not installed: run `npm ci --prefix tests/node`")
    out = subprocess.run(
        [node, str(NODE_DIR / "parse_gift.js")],
        input=text.encode("utf-8"),
        capture_output=True,
        check=True,
        timeout=60,
    )
    return json.loads(out.stdout.decode("utf-8"))


def unzip(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        assert zf.testzip() is None
        return {name: zf.read(name) for name in zf.namelist()}


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def children(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el if local(c.tag) == name]


def descendants(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el.iter() if local(c.tag) == name]


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def hostile_course(course_dir: Path, *, braces_in_answers: bool = False) -> Course:
    """The sample course with GIFT specials and HTML in every kind of text of its quiz.

    pygiftparser mis-reads an escaped ``}`` inside an answer, so by default closing braces
    go only where it copes (prompts, and feedback after the answers); ``braces_in_answers``
    puts them everywhere, with a backslash and a negative number, for gift-pegjs.
    """
    y, close = _yaml, ("}" if braces_in_answers else "")
    feedback = (
        f"        feedback_true: {{en: {y('Yes: {3 = days #' + close)}, ja: {y('正しい：{3日間')}}}\n"
        f"        feedback_false: {{en: {y('No ~ it was 3')}, ja: {y('いいえ')}}}\n"
    )
    for old, new in [
        ('"When did Northland close the lake?"', y(NASTY + (" \\ back" if braces_in_answers else ""))),
        ('"May 2020"', y("May {2020 = ~ # :" + close)),
        ('"Right: 1 May 2020."', y("Right: #1 ~ = {may" + close)),
        ('"The lake was closed on 1 May 2020."', y("Closed {1 May} #### 2020 = ~ : <b>x</b>")),
        ('"Shared quotas"', y("%Shared quotas = ~ #" + close)),
        ('"The lake is closed"', y("[The lake] is closed # 1" + close)),
        ('"The first round of talks"', y("Talks = ~ :")),
        ("left: {en: Northland,", f"left: {{en: {y('North -> land {' + close)},"),
        ('"Decides alone"', y("Decides = alone ~ # :" + close)),
        ("accepted: {en: [Northland]", f"accepted: {{en: [{y('North=land')}, {y('{Nord:land #2' + close)}]"),
        ("answer: true\n", "answer: true\n" + feedback),
        ("answer: 3\n", f"answer: {'-3.5' if braces_in_answers else '3.5'}\n        tolerance: 0.5\n"),
    ]:
        edit(course_dir / "01-the-lake" / "quizzes.yaml", old, new)
    return lessonkit.load_course(course_dir)
