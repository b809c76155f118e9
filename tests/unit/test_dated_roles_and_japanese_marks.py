"""Roles as of the date shown, translated quotations marked, and Japanese lines with
full-width punctuation and no doubled brackets (statement panels, explorer, stance cards)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from tests.helpers import edit, japanese_problems

import lessonkit as lk
from lessonkit.content import Person, Quote, Statement
from lessonkit.course.records import records
from lessonkit.figures import stance_text as st
from lessonkit.widgets.explorer import event_html
from lessonkit.widgets.stances import stance_cards_html


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.fixture
def dated(sample_copy):
    """The sample course with a role change, a translated statement and a translated stance quote."""
    parties = sample_copy / "data" / "parties.yaml"
    edit(
        parties,
        '    role: {en: "Foreign Minister of Southland", ja: "サウスランド外相"}\n',
        '    role: {en: "Foreign Minister of Southland", ja: "サウスランド外相"}\n'
        '    roles: [{since: 2024-03-11, role: {en: "Prime Minister of Southland", ja: "サウスランド首相"}}]\n',
    )
    statements = sample_copy / "data" / "statements.yaml"
    edit(
        statements,
        "    verbatim: false\n",
        "    verbatim: true\n    translated_from: ru\n    translation_source: mediator-readout-2024\n"
        '    context: {en: "On the lake", ja: "湖について"}\n',
    )
    edit(
        statements,
        '    text: {en: "Southland said the lake must be open to both countries\' boats.", '
        'ja: "サウスランドは、湖を両国の漁船に開放すべきだと述べた。"}',
        '    text: {en: "The lake must be open to the boats of both countries.", '
        'ja: "「湖は両国の漁船に開放されるべきだ」"}',
    )
    stances = sample_copy / "data" / "stances.yaml"
    edit(
        stances,
        "      source: mediator-readout-2024\n",
        "      source: mediator-readout-2024\n"
        "      translated_from: ru\n"
        "      translation_source: mediator-readout-2024\n",
    )
    return lk.load_course(sample_copy)


def _person(*roles: tuple[str, str, str]) -> Person:
    """A minister whose role changes on each (since, en, ja) date given."""
    return Person.model_validate(
        {
            "id": "x",
            "party": "p",
            "name": {"en": "X", "ja": "エックス"},
            "role": {"en": "Minister", "ja": "大臣"},
            "roles": [{"since": since, "role": {"en": en, "ja": ja}} for since, en, ja in roles],
        }
    )


def test_role_on_a_date():
    person = _person(("2025-05-01", "Adviser", "補佐官"), ("2025-07-18", "Secretary", "書記"))
    assert person.role_on(dt.date(2025, 4, 30)).en == "Minister"
    assert person.role_on(dt.date(2025, 5, 1)).en == "Adviser"
    assert person.role_on(dt.date(2025, 12, 1)).ja == "書記"
    assert person.role_on(None).en == "Secretary"


def test_roles_must_be_in_order():
    with pytest.raises(ValueError, match="oldest first"):
        _person(("2025-07-18", "B", "B"), ("2025-05-01", "C", "C"))


BASE = {"id": "s", "date": "2025-02-18", "speaker": "x", "text": {"en": "a", "ja": "あ"}, "sources": ["src"]}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"verbatim": True, "translated_from": "ru"}, "give translation_source"),
        ({"verbatim": True, "translation_source": "src"}, "give translated_from"),
        ({"verbatim": False, "translated_from": "ru", "translation_source": "src"}, "set verbatim: true"),
        ({"verbatim": True, "translated_from": "ru", "translation_source": "other"}, "one of the statement's sources"),
        ({"verbatim": True, "translated_from": "rus", "translation_source": "src"}, "pattern"),
    ],
)
def test_translated_statement_rules(extra, message):
    with pytest.raises(ValueError, match=message):
        Statement.model_validate({**BASE, **extra})


def test_translated_quote_needs_its_source():
    quote = {"text": {"en": "a", "ja": "あ"}, "speaker": "x", "date": "2025-02-18", "source": "src"}
    assert Quote.model_validate({**quote, "translated_from": "uk", "translation_source": "t"}).translated_from == "uk"
    with pytest.raises(ValueError, match="give translation_source"):
        Quote.model_validate({**quote, "translated_from": "uk"})


def test_unknown_translation_source_is_reported_with_file_and_line(sample_copy):
    edit(
        sample_copy / "data" / "stances.yaml",
        "      source: mediator-readout-2024\n",
        "      source: mediator-readout-2024\n      translated_from: ru\n      translation_source: nowhere-2024\n",
    )
    with pytest.raises(lk.LessonError) as info:
        lk.load_course(sample_copy)
    assert re.search(
        r"stances\.yaml:\d+: .*quote\.translation_source: 'nowhere-2024' is not a known source", str(info.value)
    )


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_statement_panel_shows_the_role_on_the_day_and_the_translation(dated, lang):
    view = lk.accounts(dated, "first-round", lang=lang)
    if lang == "en":
        assert "Sam Sud (Prime Minister of Southland)" in view.text
        assert "quotation, translated from Russian (translation: Office of the Mediator)" in view.text
        assert "On the lake: “The lake must be open" in view.text
    else:
        assert "サム・スッド（サウスランド首相）" in view.text
        assert "発言の引用（ロシア語からの翻訳。訳：Office of the Mediator）" in view.text
        assert "湖について：「湖は両国の漁船に開放されるべきだ」" in view.text
        for line in view.text.splitlines():
            assert japanese_problems(line) == [], line


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_event_card_and_explorer_show_the_role_on_the_event_date(dated, lang):
    event = dated.event("first-round")  # 10 March, before Sam Sud's change of role on 11 March
    card = lk.event_card(dated, event.id, lang=lang)
    details = _visible(event_html(dated, event, lang))
    before = "Foreign Minister of Southland" if lang == "en" else "サウスランド外相"
    after = "Prime Minister of Southland" if lang == "en" else "サウスランド首相"
    assert before in card.text and after not in card.text
    assert before in details and after not in details
    if lang == "ja":
        for line in card.text.splitlines():
            assert japanese_problems(line) == [], line
        people = details.split("人物：")[1].split("結果：")[0].split("出典：")[0]
        assert japanese_problems(people) == []
        assert " · " not in details


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_stance_card_quote_marks_the_translation(dated, lang):
    stance = next(s for s in dated.stances if s.quote is not None)
    text = st.quote_text(dated, stance.quote, lang)
    if lang == "en":
        assert text.endswith("(translated from Russian; translation: Office of the Mediator)")
    else:
        assert "ロシア語からの翻訳。訳：Office of the Mediator）" in text
        assert japanese_problems(text) == []
    assert st.quote_text(dated, stance.quote, lang) in _visible(stance_cards_html(dated, lang=lang))


def test_records_export_the_translation_and_role_history(dated):
    statement = next(r for r in records(dated, "statements") if r["id"] == "south-after-first-round")
    assert (statement["translated_from"], statement["translation_source"]) == ("ru", "mediator-readout-2024")
    assert statement["context"] == "On the lake"
    person = next(r for r in records(dated, "people", "ja") if r["id"] == "sam-south")
    assert person["roles"] == [{"since": "2024-03-11", "role": "サウスランド首相"}]
    stance = next(r for r in records(dated, "stances") if r["quote"])
    assert stance["quote_translated_from"] == "ru"


def test_japanese_lines_of_the_sample_have_full_width_marks(sample):
    for event in sample.events:
        for text in (lk.accounts(sample, event.id, lang="ja").text, lk.event_card(sample, event.id, lang="ja").text):
            for line in text.splitlines():
                assert japanese_problems(line) == [], line
    intro = lk.lesson_intro(sample, sample.lessons[0].id, lang="ja").text
    assert all(japanese_problems(line) == [] for line in intro.splitlines()[2:])


def test_data_command_writes_role_histories_as_csv(dated, sample_copy, capsys):
    from lessonkit.cli.main import main

    assert main(["data", "people", "--course", str(sample_copy), "--format", "csv"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("sam-south,"))
    assert row.endswith(",2024-03-11=Prime Minister of Southland")
