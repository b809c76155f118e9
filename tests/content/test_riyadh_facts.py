"""Facts about Riyadh that reviewers corrected (issue 12): pinned so they cannot drift back.

- Riyadh's fourth point was said on camera by Rubio and is missing only from the written
  readout: it is a different kind of evidence, not an unconfirmed report.
- Riyadh was not the first high-level face-to-face US–Russian contact since the invasion:
  Burns and Naryshkin met in Ankara on 14 November 2022.
- Dmitriev travelled with the Russian delegation but was not at the table.
- Alaska was three on three (US and Russia only), not "Trump and Putin only".
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.helpers import COURSE_DIR, real_course

COURSE = real_course()
LANGS = ("en", "ja")
RIYADH = COURSE.event("riyadh-talks-2025")


def lesson_texts(*lessons: str) -> list[tuple[str, str]]:
    """(file, text) for the lesson files and notebook sources students and teachers read."""
    root = Path(COURSE_DIR)
    files = [p for lesson in lessons for p in sorted((root / lesson).glob("*")) if p.suffix in {".yaml", ".md"}]
    return [(str(p.relative_to(root.parent)), p.read_text(encoding="utf-8")) for p in files]


def test_riyadh_fourth_point_is_said_at_the_press_remarks_not_unconfirmed():
    fourth = RIYADH.outcomes[3]
    assert "press remarks" in fourth.get("en") and "readout" in fourth.get("en")
    assert "記者会見" in fourth.get("ja") and "発表文" in fourth.get("ja")
    for lang in LANGS:
        assert not re.search(r"partly confirmed|unconfirmed|未確認|一部の報道", fourth.get(lang)), lang
    assert "interfax-ua-2025-02-18-rubio-four-principles" in RIYADH.sources
    question = COURSE.lesson("02").quiz("exit").question("q-press-not-readout")
    right = [c for c in question.choices if c.correct]
    assert [c.id for c in right] == ["engaged"]


@pytest.mark.parametrize("lesson", ["02-riyadh-meeting", "07-review"])
def test_no_lesson_calls_the_fourth_point_partly_confirmed(lesson):
    for name, text in lesson_texts(lesson):
        assert not re.search(r"partly confirmed|一部の報道でしか|一部の報道のみ|未確認の点(?!では)", text), name


def test_ankara_meeting_is_an_event_before_riyadh_with_both_spy_chiefs():
    ankara = COURSE.event("burns-naryshkin-ankara")
    assert ankara.date == dt.date(2022, 11, 14)
    assert ankara.date < RIYADH.date
    assert {"burns", "naryshkin"} <= set(ankara.people)
    people = {p.id: p for p in COURSE.people}
    assert people["burns"].party == "us" and people["naryshkin"].party == "ru"
    claim = next(c for c in COURSE.claims if c.id == "blog-first-high-level-meeting")
    assert "Ankara" in claim.correction.get("en") and "アンカラ" in claim.correction.get("ja")
    assert "burns-naryshkin-ankara" in claim.events


@pytest.mark.parametrize("lang", LANGS)
def test_riyadh_is_not_called_the_first_meeting_or_contact_since_the_invasion(lang):
    summary = RIYADH.summary.get(lang)
    if lang == "en":
        assert "first formal high-level talks" in summary
        assert not re.search(r"first (known )?face-to-face|first meeting", summary)
    else:
        assert "初めての正式な高官協議" in summary
        assert not re.search(r"初めてとみられる|対面協議で", summary)


def test_dmitriev_is_not_put_at_the_table():
    assert "not at the table" in RIYADH.summary.get("en")
    assert "席には着かなかった" in RIYADH.summary.get("ja")
    assert not re.search(r"met Lavrov, Ushakov and (Kirill )?Dmitriev", RIYADH.summary.get("en"))


def test_alaska_is_three_on_three_everywhere():
    alaska = COURSE.event("alaska-summit")
    assert {"trump", "putin", "rubio", "witkoff", "lavrov", "ushakov"} <= set(alaska.people)
    assert "three-on-three" in alaska.summary.get("en") and "3対3" in alaska.summary.get("ja")
    root = Path(COURSE_DIR)
    for path in [*root.rglob("*.yaml"), *root.rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        wrong = r"Trump and Putin only|Alaska was Trump and Putin|プーチン大統領だけ|プーチン大統領のみ"
        assert not re.search(wrong, text), path


def test_the_europe_claim_in_the_review_has_one_defensible_key():
    question = COURSE.lesson("07").quiz().question("r-claim-europe")
    texts = {c.id: c.text.get("en") for c in question.choices}
    assert [c.id for c in question.choices if c.correct] == ["simplified"]
    # "correct as it stands" must carry a reason that is false for Germany, or it would be defensible
    assert "ruled out" in texts["correct"]
