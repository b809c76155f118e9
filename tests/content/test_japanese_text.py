"""What students and teachers read renders as written, and says what the interface says.

- Every Markdown cell of every notebook and every teacher guide, rendered with a CommonMark
  renderer (as Jupyter does), shows no literal ``**`` or ``__`` (an emphasis that did not close).
- No Japanese paragraph has a soft line break between two Japanese characters (it shows as a
  space): notebook cells, teacher guides and the Japanese text of lesson.yaml and quizzes.yaml.
- Every button that a lesson, quiz or guide tells students to press is a real button label.
- The certainty labels and the as-of term the lessons teach are the interface's labels.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from tests.helpers import COURSE_DIR

import lessonkit
from lessonkit.figures import timeline as timeline_plot
from lessonkit.quizzes import html as quiz_html
from lessonkit.text.ja_join import ja_join, ja_tighten, soft_breaks
from lessonkit.widgets import claims as claims_widget
from lessonkit.widgets import explorer, overview, sandbox
from lessonkit.widgets import lesson_page as lesson_view

ROOT = Path(__file__).resolve().parents[2]

COURSE = lessonkit.load_course(COURSE_DIR)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*/*.ipynb"))
GUIDES = sorted(COURSE_DIR.glob("*/teacher-guide.*.md"))
LESSON_YAML = sorted([*COURSE_DIR.glob("*/lesson.yaml"), *COURSE_DIR.glob("*/quizzes.yaml")])
CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"


def _markdown_cells(path: Path) -> list[tuple[str, str]]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        (c.get("id", str(i)), "".join(c["source"])) for i, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown"
    ]


def _texts() -> Iterator[tuple[str, str, str]]:
    """(where, language, Markdown) for every notebook cell and teacher guide."""
    for path in NOTEBOOKS:
        for cell_id, source in _markdown_cells(path):
            yield f"{path.parent.name}/{path.name}#{cell_id}", path.parent.name, source
    for path in GUIDES:
        yield f"{path.parent.name}/{path.name}", path.name.split(".")[-2], path.read_text(encoding="utf-8")


def _yaml_strings(node: object, lang: str | None = None) -> Iterator[tuple[str, str]]:
    """(language, text) for every string in a lesson or quiz file, the language from its key."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _yaml_strings(value, key if key in ("en", "ja") else lang)
    elif isinstance(node, list):
        for value in node:
            yield from _yaml_strings(value, lang)
    elif isinstance(node, str) and lang:
        yield lang, node


def _yaml_texts(paths: list[Path] = LESSON_YAML) -> Iterator[tuple[str, str, str]]:
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for lang, text in _yaml_strings(data):
            yield f"{path.parent.name}/{path.name}", lang, text


MD = MarkdownIt("commonmark").enable("table")


def _unclosed_emphasis(markdown: str) -> list[str]:
    """Rendered text (not code) that still holds ``**`` or ``__``."""
    bad = []
    for token in MD.parse(markdown):
        for child in token.children or []:
            if child.type == "text" and ("**" in child.content or "__" in child.content):
                bad.append(child.content[:80])
    return bad


def test_there_is_something_to_check():
    assert len(NOTEBOOKS) >= 16 and len(GUIDES) >= 16 and len(LESSON_YAML) >= 16


TEXTS = {where: (lang, markdown) for where, lang, markdown in _texts()}


@pytest.mark.parametrize("where", list(TEXTS))
def test_markdown_renders_without_literal_emphasis_marks(where):
    markdown = TEXTS[where][1]
    assert _unclosed_emphasis(markdown) == [], (
        f"{where}: '**' or '__' shows as typed. In Japanese, a closing ** right after punctuation and "
        "right before a Japanese character does not close: write 「×」は, or **枠組み**（トラック）"
    )


def test_widget_text_has_no_markdown_marks():
    """lesson.yaml and quizzes.yaml text is shown as plain text: any ** or __ would show as typed."""
    bad = [f"{where}: {text[:60]}" for where, _, text in _yaml_texts() if "**" in text or "__" in text]
    assert bad == []


@pytest.mark.parametrize("where", [w for w, (lang, _) in TEXTS.items() if lang == "ja"])
def test_no_line_break_inside_a_japanese_paragraph(where):
    assert soft_breaks(TEXTS[where][1]) == [], (
        f"{where}: a newline between Japanese characters shows as a space; join the lines "
        "(tools/join_ja_guides.py for guides; notebook.yaml is joined by lessonkit build-notebooks)"
    )


def test_no_space_written_between_japanese_characters_in_yaml():
    """The loader drops every space between Japanese characters (YAML folds line breaks into
    spaces), so a space written on purpose inside a line disappears: "名前 肩書" shows as
    "名前肩書". Separate with ・ or （）instead. (Source titles are not Japanese text fields: a
    headline keeps its spaces.)"""
    gap = re.compile(f"[{CJK}][ \t]+[{CJK}]")
    paths = [*LESSON_YAML, *sorted((COURSE_DIR / "data").glob("*.yaml"))]
    bad = [
        f"{path.relative_to(COURSE_DIR)}:{n}: …{m.group(0)!r}…"
        for path in paths
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "ja:" in line and not line.lstrip().startswith("#")
        for m in gap.finditer(line.split("ja:", 1)[1])
    ]
    assert bad == []


# -- button names -------------------------------------------------------------------------------

BUTTONS = {
    lang: {
        *(quiz_html.UI[lang][k] for k in ("check", "retry", "save", "load")),
        claims_widget.UI[lang]["check"],
        explorer.TEXT[lang]["reset"],
        sandbox.TEXT[lang]["clear"],
    }
    for lang in ("en", "ja")
}
# JupyterLab's own commands and keys that lessons name
JUPYTER = {
    "Run All",
    "Run All Cells",
    "Restart Kernel",
    "Restart Kernel and Run All Cells",
    "Shift＋Enter",
    "Shift+Enter",
}

_NAMED = {
    "ja": [
        re.compile(r"[「『]([^「」『』\n]{1,20})[」』]\s*(?:を押|ボタン|をクリック)"),
        re.compile(r"\*\*([^*\n]{1,20})\*\*\s*(?:を押|ボタン|をクリック)"),
    ],
    "en": [
        re.compile(
            r"(?:[Pp]ress|[Cc]lick|[Tt]ap|[Hh]it)\s+(?:the\s+|on\s+)?(?:\*\*|“|\")([^*”\"\n]{1,30})(?:\*\*|”|\")"
        ),
        re.compile(r"(?:\*\*|“|\")([^*”\"\n]{1,30})(?:\*\*|”|\")\s+button"),
    ],
}


def _named_buttons() -> Iterator[tuple[str, str, str]]:
    texts = [*_texts(), *_yaml_texts()]
    for where, lang, text in texts:
        for pattern in _NAMED[lang]:
            for m in pattern.finditer(text):
                yield where, lang, m.group(1).strip()


def test_the_button_vocabulary_is_one_word_per_action():
    # one word for "check my answer" in both widgets
    for lang in ("en", "ja"):
        assert quiz_html.UI[lang]["check"] == claims_widget.UI[lang]["check"]


def test_every_named_button_exists():
    named = list(_named_buttons())
    assert len(named) > 10  # the patterns find the instructions
    bad = [f"{where}: {label!r}" for where, lang, label in named if label not in BUTTONS[lang] | JUPYTER]
    assert bad == [], f"instructions name buttons the widgets do not have (labels: {BUTTONS})"


# -- taught labels are the interface's labels --------------------------------------------------------


def _vocab(lesson: str, en_term: str, lang: str) -> str:
    for item in COURSE.lesson(lesson).vocabulary:
        if item.term.get("en") == en_term:
            return item.term.get(lang)
    raise AssertionError(f"lesson {lesson} teaches no term {en_term!r}")


@pytest.mark.parametrize("certainty", ["confirmed", "reported", "claimed"])
def test_certainty_labels_taught_are_the_interface_labels(certainty):
    taught = _vocab("00", certainty, "ja")
    assert timeline_plot.TEXT["ja"][certainty] == taught
    assert lesson_view._UI["ja"][f"certainty_{certainty}"] == taught
    en = _vocab("00", certainty, "en").lower()
    assert timeline_plot.TEXT["en"][certainty].lower().startswith(en)
    assert lesson_view._UI["en"][f"certainty_{certainty}"].lower().startswith(en)


def test_certainty_words_the_interface_dropped_are_not_taught():
    dropped = ("報道ベース", "一方の当事者の主張")
    bad = [
        where for where, lang, text in [*_texts(), *_yaml_texts()] if lang == "ja" and any(d in text for d in dropped)
    ]
    assert bad == []


def test_the_as_of_term_taught_is_the_interface_term():
    term = _vocab("00", "as-of date", "ja")
    assert term == _vocab("05", "as-of date", "ja") == "基準日"
    shown = [
        lesson_view._UI["ja"]["as_of"],
        overview._UI["ja"]["as_of"],
        explorer.TEXT["ja"]["status"],
        timeline_plot.TEXT["ja"]["title"],
    ]
    assert all(term in s for s in shown), shown
    assert all("as of" in s.lower() for s in (lesson_view._UI["en"]["as_of"], overview._UI["en"]["as_of"]))


def test_the_as_of_line_a_quiz_points_to_is_on_screen():
    """The 00 quiz quotes what the overview and the explorer say: it must be what they say."""
    text = (COURSE_DIR / "00-start-here" / "quizzes.yaml").read_text(encoding="utf-8")
    date = {"en": "15 Feb 2026", "ja": "2026年2月15日"}
    for lang, stop in (("en", ". "), ("ja", "。")):
        quoted = overview._UI[lang]["as_of"].format(date=date[lang]).split(stop)[0]
        assert quoted in text, (lang, quoted)
        assert quoted in explorer.TEXT[lang]["status"].format(shown=1, total=2, as_of=date[lang])


# -- chart labels break between words ----------------------------------------------------------------


def test_japanese_option_labels_break_between_words():
    """現在の前｜線で凍結 was a break inside a word: every break must fall between phrases."""
    from lessonkit.figures.stance_layout import _clean
    from lessonkit.figures.stances import TEXT, stance_matrix
    from lessonkit.text.wrap import wrap

    fig = stance_matrix(COURSE, lang="ja").to_plotly_json()["layout"]
    ticks = [t for key, axis in fig.items() if key.startswith("xaxis") for t in axis.get("ticktext", [])]
    ticks = [t for t in ticks if t != TEXT["ja"]["none_column"]]  # written with its own break
    bad = [t for t in ticks if not _clean(t.replace("<br>", ""), t.split("<br>"))]
    assert ticks and bad == []
    assert wrap("現在の前線で凍結", 10) == ["現在の", "前線で凍結"]


def test_party_short_names_are_standard_japanese():
    """ウ・ポ・サ・ト are not abbreviations Japanese readers know; charts label parties by these."""
    for party in COURSE.parties:
        short = party.short.get("ja")
        assert len(short) > 1 or short in "米ロ独仏英伊中", (party.id, short)


def test_lessons_are_numbered_one_way():
    """Lessons are 「レッスンN」; 「第N回」 is kept for rounds of talks (イスタンブール協議（第2回））."""
    rounds = re.compile(r"(イスタンブール|アブダビ|協議・|協議（|会合（)$")
    bad = []
    for where, lang, text in [*((w, lang, t) for w, (lang, t) in TEXTS.items()), *_yaml_texts()]:
        if lang != "ja":
            continue
        for m in re.finditer(r"第[0-9]+(〜[0-9]+)?回", text):
            before, after = text[max(0, m.start() - 8) : m.start()], text[m.end() : m.end() + 3]
            if not rounds.search(before) and not after.startswith(("協議", "が開", "）", "会合")):
                bad.append(f"{where}: …{before}{m.group(0)}{after}…")
    assert bad == []


def test_crimea_annexation_in_quotation_marks():
    """The Japanese government writes クリミア「併合」, as the course writes the 2022 「併合」."""
    bare = re.compile(r"クリミア(を|の)?(占拠[・と])?併合|ロシアが併合|2014年に併合")
    paths = [*LESSON_YAML, *sorted((COURSE_DIR / "data").glob("*.yaml"))]
    texts = [*((w, lang, t) for w, (lang, t) in TEXTS.items()), *_yaml_texts(paths)]
    bad = [f"{where}: {m.group(0)}" for where, lang, text in texts if lang == "ja" for m in bare.finditer(text)]
    assert bad == []


def test_nato_summit_phrases_have_one_rendering():
    """“irreversible path” 「不可逆的な道」, “when Allies agree and conditions are met”
    「同盟国が合意し、条件が整ったとき」: one translation each, everywhere."""
    other = ("後戻りできない", "加盟国が同意し", "条件が満たされたとき")
    paths = [*LESSON_YAML, *sorted((COURSE_DIR / "data").glob("*.yaml"))]
    texts = [*((w, lang, t) for w, (lang, t) in TEXTS.items()), *_yaml_texts(paths)]
    bad = [f"{where}: {o}" for where, lang, text in texts if lang == "ja" for o in other if o in text]
    assert bad == []


def test_the_joiner_keeps_blocks_and_joins_paragraphs():
    text = (
        "# 見出し\n本文の\n続き。Latin\nword\n- 項目\n  続き\n| a | b |\n|---|---|\n"
        "```\nコード\n行\n```\n> 引用の\n> 続き"
    )
    assert (
        ja_join(text)
        == "# 見出し\n本文の続き。Latin word\n- 項目続き\n| a | b |\n|---|---|\n```\nコード\n行\n```\n> 引用の続き"
    )
    assert ja_tighten("情報は **2026年2月15日** 時点") == "情報は**2026年2月15日**時点"
    assert ja_tighten("**要点。** 次の文") == "**要点**。次の文"
    # the text between two bold spans is not a span: its mark stays where it is, out of the bold
    between = "出典より**多くを**述べているのか（「根拠がない」）、**少なく**述べているのか"
    assert ja_tighten(between) == between
    assert ja_tighten("（1点）：**誤り**。次に **「理由」** も") == "（1点）：**誤り**。次に **「理由」** も"
    assert ja_tighten("各問に **「答え合わせ」** を押す") == "各問に **「答え合わせ」** を押す"  # would not render


def _spaced_emphasis(markdown: str) -> list[str]:
    """Bold or italic text set off from the Japanese beside it by a half-width space, which
    shows as a gap (「分野 で」): Japanese runs words together, bold or not."""
    cjk = re.compile(f"[{CJK}]")
    bad = []
    for token in MD.parse(markdown):
        kids = token.children or []
        for i, child in enumerate(kids):
            if child.type not in ("strong_close", "em_close", "strong_open", "em_open"):
                continue
            closing = child.type.endswith("_close")
            inside = kids[i - 1] if closing else (kids[i + 1] if i + 1 < len(kids) else None)
            outside = kids[i + 1] if closing and i + 1 < len(kids) else (kids[i - 1] if not closing and i else None)
            if inside is None or outside is None or inside.type != "text" or outside.type != "text":
                continue
            edge = inside.content[-1:] if closing else inside.content[:1]
            gap = outside.content[:2] if closing else outside.content[-2:]
            if len(gap) == 2 and cjk.match(edge) and " " in gap and cjk.match(gap.strip(" ") or " "):
                bad.append(f"…{inside.content[-12:] if closing else inside.content[:12]}…")
    return bad


@pytest.mark.parametrize("where", [w for w, (lang, _) in TEXTS.items() if lang == "ja"])
def test_no_space_between_japanese_bold_and_the_text_beside_it(where):
    assert _spaced_emphasis(TEXTS[where][1]) == [], (
        f"{where}: a half-width space between bold and Japanese shows as a gap; write **分野**で, or "
        "「**名前**」を and **課題**：where the bold would end on punctuation"
    )
