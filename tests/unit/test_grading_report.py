"""The HTML report: self-contained, in the class's language, and every student or author string escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from tests.grading_class import simulated_class, write
from tests.helpers import PAYLOAD, edit

from lessonkit.course.loader import load_course
from lessonkit.teacher.grading import REJECTION_KINDS, grade
from lessonkit.teacher.grading.report import histogram_svg, report_html
from lessonkit.teacher.grading.report_text import UI

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


class Tags(HTMLParser):
    """Every start tag and attribute, as a browser's tokenizer sees them."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def assert_inert(html: str) -> None:
    tags = Tags(html).tags
    names = {tag for tag, _ in tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "b"}, names
    attributes = {name for _, attrs in tags for name, _ in attrs}
    assert not {a for a in attributes if a.startswith("on")}, attributes
    assert not {a for a in attributes if a in ("src", "href")}, "nothing is loaded from anywhere"


def test_student_strings_are_escaped_everywhere(sample, tmp_path):
    inbox = tmp_path / "inbox"
    for n, (name, sid, text) in enumerate([(SCRIPT, IMG, IMG), (IMG, "", SCRIPT), (f"{SCRIPT} 2", IMG, "<b>x</b>")]):
        write(inbox, f"{n}.json", student_name=name, student_id=sid, answers={"q-name": text, "q-days": "x", "q-zz": 1})
    (inbox / f"{IMG}.json").write_text("not json", encoding="utf-8")
    run = grade([inbox], course=sample, report=tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html == report_html(run)
    assert_inert(html)
    assert SCRIPT not in html and IMG not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the wrong answer, the clash, the rejected file
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 2
    assert run.clashes, "two names with the id IMG"


def test_hostile_content_is_escaped(sample_copy, tmp_path):
    quizzes = sample_copy / "01-the-lake" / "quizzes.yaml"
    edit(quizzes, '"When did Northland close the lake?"', f"'{PAYLOAD} When did Northland close the lake?'")
    edit(quizzes, '{en: "March 2024",', f"{{en: '{PAYLOAD} March 2024',")
    course = load_course(sample_copy)
    assert PAYLOAD in course.lesson("01").quiz().questions[0].prompt.en
    write(tmp_path / "in", "a.json", answers={"q-closed": "b"})
    run = grade([tmp_path / "in"], course=course, lang="en")
    html = report_html(run)
    assert_inert(html)
    assert PAYLOAD not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; March 2024" in html


def test_language_follows_the_submissions_unless_asked(sample, tmp_path):
    simulated_class(tmp_path, 6)  # two thirds of the class saved in Japanese
    run = grade([tmp_path], course=sample)
    assert run.lang == "ja"
    html = report_html(run)
    assert '<html lang="ja">' in html and "採点レポート" in html and "多かった誤答" in html
    assert "理解度チェック" in html and "湖をめぐる対立" in html
    english = report_html(grade([tmp_path], course=sample, lang="en"))
    assert '<html lang="en">' in english and "Grading report" in english and "Check your understanding" in english


def test_interface_strings_are_complete():
    for lang in ("en", "ja"):
        for kind in REJECTION_KINDS:
            assert f"reason_{kind}" in UI[lang]
        for flag in ("hard", "easy", "low-discrimination", "negative-discrimination"):
            assert f"flag_{flag}" in UI[lang]


def test_report_sections(sample, tmp_path):
    simulated_class(tmp_path / "class", 30)
    (tmp_path / "class" / "bad.json").write_text("{", encoding="utf-8")
    run = grade([tmp_path / "class"], course=sample, lang="en")
    html = report_html(run)
    assert "Files found: 31. Graded: 30. Not graded: 1." in html
    assert "<svg" in html and "point-biserial" in html and "rest of the quiz" in html
    assert "bad.json</code></td><td>not JSON</td>" in html
    assert html.count('<tr class="flagged">') == sum(1 for i in run.items if i.flags)
    assert "rough guides" not in html, "30 students is enough for the caution to go"
    (stats,) = run.quizzes
    assert f"<td class='num'>{run.items[0].difficulty:.2f}</td>" in html
    assert f"{stats.mean:.2f} of 7" in html


def test_nothing_graded_still_reports(sample, tmp_path):
    (tmp_path / "x.json").write_text("[]", encoding="utf-8")
    run = grade([tmp_path], course=sample, lang="ja")
    html = report_html(run)
    assert "採点できた提出はありません。" in html and "回答ファイルではない" in html


@pytest.mark.parametrize(("maximum", "bars"), [(7, 8), (20, 21), (40, 10)])
def test_histogram_bars_and_text_alternative(maximum, bars):
    totals = (0.0, 3.0, 3.0, float(maximum))
    svg = histogram_svg(totals, maximum, "en", "h1")
    assert svg.count("<rect") == bars
    assert 'role="img" aria-labelledby="h1"' in svg and '<title id="h1">' in svg
    texts = re.findall(r"<text [^>]*>([^<]*)</text>", svg)  # each bar's count, then its label
    counts = [int(t) for t in texts[0::2]]
    assert sum(counts) == 4
    if maximum == 7:
        assert "3: 2; 4: 0" in svg
    if maximum == 40:
        assert "90–100%: 1" in svg
