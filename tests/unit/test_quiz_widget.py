"""The quiz widget driven in-process: set values, click buttons, read the HTML widgets' values."""

from __future__ import annotations

import json
import subprocess
import sys

import ipywidgets as W
import pytest

from lessonkit.content.quiz import Quiz as QuizModel
from lessonkit.quizzes.html import UI, shuffled
from lessonkit.quizzes.responses import read_responses
from lessonkit.quizzes.scoring import Result
from lessonkit.quizzes.widget import Quiz

RIGHT = {
    "q-closed": "a",
    "q-wants": ["b", "c"],
    "q-talks": True,
    "q-order": ["closed", "talks"],
    "q-match": {"north": "north", "south": "south"},
    "q-days": 3.0,
    "q-name": "のーすらんど",
}
WRONG = {
    "q-closed": "b",
    "q-wants": ["a", "b"],
    "q-talks": False,
    "q-order": ["talks", "closed"],
    "q-match": {"north": "south", "south": "north"},
    "q-days": 4.0,
    "q-name": "Southland",
}


@pytest.fixture(scope="module")
def quiz_model(sample):
    return sample.lesson("01").quiz("check")


@pytest.fixture
def make(sample, quiz_model, tmp_path):
    """A Quiz on the sample course that saves into tmp_path."""

    def build(**kw):
        kw.setdefault("course", sample)
        kw.setdefault("save_dir", tmp_path)
        return Quiz(kw.pop("quiz", quiz_model), **kw)

    return build


def answer(quiz: Quiz, question_id: str, value) -> None:
    """Answer through the widgets' own values, as the front end would."""
    card = quiz.cards[question_id]
    inp = card.input
    kind = card.question.type
    if kind == "single":
        inp.radio.value = value
    elif kind == "multiple":
        for cid, box in inp.boxes.items():
            box.value = cid in value
    elif kind == "true_false":
        inp.toggle.value = value
    elif kind == "order":
        for place, item_id in enumerate(value, start=1):
            inp.positions[item_id].value = place
    elif kind == "match":
        for left, right in value.items():
            inp.menus[left].value = right
    else:
        inp.box.value = value


def html_values(widget: W.Widget) -> list[str]:
    """Every HTML widget's value in a widget tree."""
    found = [widget.value] if isinstance(widget, W.HTML) else []
    for child in getattr(widget, "children", ()):
        found += html_values(child)
    return found


def all_widgets(widget: W.Widget) -> list[W.Widget]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += all_widgets(child)
    return found


# -- practice mode ------------------------------------------------------------


@pytest.mark.parametrize("question_id", list(RIGHT))
def test_check_right_answer_shows_correct_and_explanation(make, question_id):
    quiz = make()
    answer(quiz, question_id, RIGHT[question_id])
    quiz.cards[question_id].check.click()
    feedback = quiz.cards[question_id].feedback.value
    assert "✓ Correct" in feedback
    assert "(1 of 1 point)" in feedback
    assert "Explanation:" in feedback
    assert 'role="status"' in feedback
    assert "score 1/7" in quiz.progress.value


@pytest.mark.parametrize("question_id", list(WRONG))
def test_check_wrong_answer_in_japanese(make, question_id):
    quiz = make(lang="ja")
    answer(quiz, question_id, WRONG[question_id])
    quiz.cards[question_id].check.click()
    feedback = quiz.cards[question_id].feedback.value
    assert "✗ 不正解" in feedback
    assert "（1点中0点）" in feedback
    assert "解説：" in feedback and "：</strong> " not in feedback  # no gap after a full-width colon
    assert " — " not in feedback and "</strong> （" not in feedback
    assert "得点 0/7" in quiz.progress.value
    assert "全7問中1問回答" in quiz.progress.value


def test_per_choice_feedback_and_links_to_event_titles(make):
    quiz = make()
    answer(quiz, "q-closed", "b")
    quiz.cards["q-closed"].check.click()
    feedback = quiz.cards["q-closed"].feedback.value
    assert "✗ March 2024<br>That is when the talks began." in feedback
    assert "The lake was closed on 1 May 2020." in feedback
    assert "See: Northland closes the lake (1 May 2020)" in feedback


def test_links_to_stances_in_both_languages(make):
    en, ja = make(), make(lang="ja")
    for quiz in (en, ja):
        answer(quiz, "q-match", RIGHT["q-match"])
        quiz.cards["q-match"].check.click()
    assert "See: Northland on Water level; Southland on Water level" in en.cards["q-match"].feedback.value
    assert "参照：ノースランドの立場（水位）、サウスランドの立場（水位）" in ja.cards["q-match"].feedback.value


def test_links_without_a_course_show_ids(quiz_model, tmp_path):
    quiz = Quiz(quiz_model, save_dir=tmp_path)
    answer(quiz, "q-closed", "a")
    quiz.check("q-closed")
    assert "See: lake-closed" in quiz.cards["q-closed"].feedback.value
    assert quiz.lesson_id == "unknown" and quiz.course_id == "unknown"


def test_multiple_marks_each_chosen_choice(make):
    quiz = make()
    answer(quiz, "q-wants", ["a", "b"])
    quiz.cards["q-wants"].check.click()
    feedback = quiz.cards["q-wants"].feedback.value
    assert "✗ Northland only" in feedback and "✓ Shared quotas" in feedback
    assert "Open to both" not in feedback.split("Explanation")[0]  # a missed choice is not given away


def test_order_and_match_say_how_many_parts_are_right(make):
    quiz = make()
    answer(quiz, "q-order", ["talks", "closed"])
    answer(quiz, "q-match", {"north": "north", "south": "north"})
    quiz.cards["q-order"].check.click()
    quiz.cards["q-match"].check.click()
    assert "0 of 2 in the right place." in quiz.cards["q-order"].feedback.value
    assert "1 of 2 pairs right." in quiz.cards["q-match"].feedback.value


def test_text_and_numeric_echo_the_answer(make):
    quiz = make()
    answer(quiz, "q-days", 3.0)
    answer(quiz, "q-name", "Nortland")
    quiz.cards["q-days"].check.click()
    quiz.cards["q-name"].check.click()
    assert "Your answer: 3" in quiz.cards["q-days"].feedback.value
    assert "Your answer: Nortland" in quiz.cards["q-name"].feedback.value


def test_check_before_answering_asks_for_an_answer(make):
    quiz = make(lang="ja")
    for question_id, card in quiz.cards.items():
        card.check.click()
        assert "先に回答してください。" in card.feedback.value, question_id
        assert card.result is None
    assert "全7問中0問回答、得点 0/7" in quiz.progress.value


def test_order_with_repeated_positions_says_so(make):
    quiz = make()
    inp = quiz.cards["q-order"].input
    inp.positions["closed"].value = 1
    inp.positions["talks"].value = 1
    quiz.cards["q-order"].check.click()
    assert "Give each item a different position, from 1 to 2." in quiz.cards["q-order"].feedback.value
    assert quiz.answers().get("q-order") is None


def test_check_locks_and_try_again_resets(make):
    quiz = make()
    card = quiz.cards["q-closed"]
    assert card.retry.disabled and not card.check.disabled
    answer(quiz, "q-closed", "a")
    card.check.click()
    assert card.input.radio.disabled and card.check.disabled and not card.retry.disabled
    assert "1 of 7 answered, score 1/7" in quiz.progress.value
    card.retry.click()
    assert card.feedback.value == ""
    assert card.input.radio.value is None
    assert not card.input.radio.disabled and not card.check.disabled and card.retry.disabled
    assert "0 of 7 answered, score 0/7" in quiz.progress.value


def test_progress_counts_answers_and_scores_checks(make):
    quiz = make()
    assert "0 of 7 answered, score 0/7" in quiz.progress.value
    for question_id in ("q-closed", "q-talks", "q-days"):
        answer(quiz, question_id, RIGHT[question_id])
    answer(quiz, "q-name", WRONG["q-name"])
    assert "4 of 7 answered, score 0/7" in quiz.progress.value
    for question_id in ("q-closed", "q-talks", "q-name"):
        quiz.cards[question_id].check.click()
    assert "4 of 7 answered, score 2/7" in quiz.progress.value


def test_every_right_answer_scores_full_marks(make):
    quiz = make()
    for question_id, value in RIGHT.items():
        answer(quiz, question_id, value)
        assert quiz.check(question_id).correct, question_id
    assert "7 of 7 answered, score 7/7" in quiz.progress.value


def test_answers_have_the_saved_shapes(make):
    quiz = make()
    for question_id, value in RIGHT.items():
        answer(quiz, question_id, value)
    assert quiz.answers() == RIGHT


def test_numeric_counts_once_touched(make):
    quiz = make()
    assert "q-days" not in quiz.answers()
    answer(quiz, "q-days", 0.5)
    answer(quiz, "q-days", 0.0)  # zero is an answer once typed
    assert quiz.answers()["q-days"] == 0.0


# -- the answer key ------------------------------------------------------------


class RecordingKey:
    """A stand-in for the future hashed key: the widget must ask it, not the quiz."""

    def __init__(self):
        self.asked = []

    def check(self, question_id, answer):
        self.asked.append((question_id, answer))
        return Result(question_id, "correct", 5.0, 5)


def test_widget_checks_through_the_answer_key(make):
    key = RecordingKey()
    quiz = make(answer_key=key)
    answer(quiz, "q-closed", "b")  # wrong by the quiz, right by this key
    quiz.cards["q-closed"].check.click()
    assert key.asked == [("q-closed", "b")]
    assert "✓ Correct" in quiz.cards["q-closed"].feedback.value
    assert "score 5/7" in quiz.progress.value


# -- shuffling -----------------------------------------------------------------


def options_of(quiz: Quiz) -> dict[str, list]:
    cards = quiz.cards
    return {
        "single": [v for _, v in cards["q-closed"].input.radio.options],
        "multiple": [b.description for b in cards["q-wants"].input.widget.children],
        "order": [d.description for d in cards["q-order"].input.widget.children],
        "match": [v for _, v in cards["q-match"].input.menus["north"].options],
    }


def test_shuffle_is_deterministic_for_a_seed(make):
    assert options_of(make(seed=7)) == options_of(make(seed=7))
    assert options_of(make(seed=7, lang="ja"))["single"] == options_of(make(seed=7))["single"]


def test_different_seeds_give_different_orders(make):
    orders = {tuple(options_of(make(seed=s))["multiple"]) for s in range(12)}
    assert len(orders) > 1


def test_shuffled_is_stable_across_processes():
    code = "from lessonkit.quizzes.html import shuffled; print(shuffled(list(range(10)), 3, 'q'))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": h}
        ).stdout
        for h in ("1", "2")
    }
    assert runs == {f"{shuffled(list(range(10)), 3, 'q')}\n"}


# -- exam mode -----------------------------------------------------------------


def test_exam_mode_shows_no_feedback_and_no_score(make):
    quiz = make(mode="exam")
    widgets = all_widgets(quiz.widget)
    buttons = [w.description for w in widgets if isinstance(w, W.Button)]
    assert buttons == ["Save my answers", "Load saved answers"]
    for question_id, value in RIGHT.items():
        answer(quiz, question_id, value)
        assert quiz.check(question_id) is None
        quiz.cards[question_id].check.click()  # even a forced click reveals nothing
    text = " ".join(html_values(quiz.widget))
    assert "Correct" not in text and "Explanation" not in text and "score" not in text
    assert "7 of 7 answered" in quiz.progress.value
    assert "Exam: no answers are shown" in text


def test_exam_mode_default_comes_from_the_quiz(make, quiz_model):
    exam = quiz_model.model_copy(update={"mode": "exam"})
    assert make(quiz=exam).mode == "exam"
    assert make(quiz=exam, mode="practice").mode == "practice"
    with pytest.raises(ValueError, match="mode"):
        make(mode="homework")


# -- saving and restoring ------------------------------------------------------


def test_save_writes_the_responses_file(make, tmp_path):
    quiz = make(lang="ja", student={"name": "山田 花子", "id": "S-042"})
    for question_id, value in RIGHT.items():
        answer(quiz, question_id, value)
    quiz.save_button.click()
    path = tmp_path / "responses-01-the-lake-check-s-042.json"
    assert path.exists()
    assert "へ保存しました" in quiz.status.value and str(path) in quiz.status.value
    saved = read_responses(path)
    assert (saved.course, saved.lesson, saved.quiz, saved.language, saved.mode) == (
        "lake-treaty-sample",
        "01-the-lake",
        "check",
        "ja",
        "practice",
    )
    assert saved.student.name == "山田 花子" and saved.student.id == "S-042"
    assert saved.answers == RIGHT


def test_save_needs_a_name_or_id(make, tmp_path):
    quiz = make()
    quiz.save_button.click()
    assert "Type your name or student ID first." in quiz.status.value
    assert list(tmp_path.iterdir()) == []


def test_save_defaults_to_the_working_folder(sample, quiz_model, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    quiz = Quiz(quiz_model, course=sample, student="Ann")
    assert quiz.save() == tmp_path / "responses-01-the-lake-check-ann.json"


def test_a_new_quiz_restores_saved_answers_after_a_restart(make):
    first = make(mode="exam", student={"name": "Ann", "id": ""})
    for question_id, value in RIGHT.items():
        answer(first, question_id, value)
    first.save()
    # the kernel restarts: a new Quiz with the same save folder and student
    second = make(mode="exam", student={"name": "Ann", "id": ""})
    assert second.answers() == RIGHT
    assert "Restored the answers Ann saved at" in second.status.value
    assert "7 of 7 answered" in second.progress.value
    assert second.started == first.started.replace(microsecond=0)


def test_load_button_after_typing_the_name(make):
    first = make(student="Ann")
    answer(first, "q-name", "Northland")
    first.save()
    second = make()
    assert second.answers() == {}
    second.load_button.click()
    assert "Type your name or student ID first." in second.status.value
    second.name.value = "Ann"
    second.load_button.click()
    assert second.answers() == {"q-name": "Northland"}


def test_load_with_nothing_saved(make):
    quiz = make(student="Nobody")
    assert quiz.status.value == ""  # nothing found at start: no message
    quiz.load_button.click()
    assert "No saved answers at" in quiz.status.value


def test_restore_after_practice_clears_checks(make):
    first = make(student="Ann")
    answer(first, "q-closed", "a")
    first.save()
    first.check("q-closed")
    assert first.load()
    assert first.cards["q-closed"].result is None and first.cards["q-closed"].feedback.value == ""
    assert first.answers() == {"q-closed": "a"}


def test_someone_elses_file_is_not_loaded(make, tmp_path):
    make(student={"name": "Ann", "id": "7"}).save()
    # same file name (by id), but another lesson's quiz claims it
    path = tmp_path / "responses-01-the-lake-check-7.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["quiz"] = "other"
    path.write_text(json.dumps(data), encoding="utf-8")
    quiz = make(student={"name": "Ann", "id": "7"})
    assert "another student's or another quiz's answers" in quiz.status.value
    assert quiz.answers() == {}


def test_restore_skips_answers_that_do_not_fit(make, tmp_path):
    make(student="Ann").save()
    path = tmp_path / "responses-01-the-lake-check-ann.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["answers"] = {"q-closed": "zz", "q-talks": True, "no-such-question": "a", "q-days": "3"}
    path.write_text(json.dumps(data), encoding="utf-8")
    quiz = make(student="Ann")
    assert quiz.answers() == {"q-talks": True}


@pytest.mark.parametrize(
    "content",
    [
        "this is not json",
        json.dumps({"format": "lessonkit-responses/9"}),
        json.dumps({"format": "lessonkit-responses/1", "answers": ["<img src=x onerror=alert(1)>"]}),
        "[" * 5000,
    ],
)
def test_a_broken_file_is_reported_not_raised(make, tmp_path, content):
    (tmp_path / "responses-01-the-lake-check-ann.json").write_text(content, encoding="utf-8")
    quiz = make(student="Ann")
    assert "Could not load saved answers:" in quiz.status.value
    assert "<img" not in quiz.status.value
    assert quiz.answers() == {}


def test_a_huge_file_is_reported(make, tmp_path):
    (tmp_path / "responses-01-the-lake-check-ann.json").write_bytes(b" " * 1_100_000)
    quiz = make(student="Ann")
    assert "larger than 1 MB" in quiz.status.value


def test_script_in_the_student_name_is_escaped(make):
    name = "<script>alert(1)</script>"
    first = make(student=name)
    first.save_button.click()
    second = make(student=name)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in second.status.value
    assert "<script>" not in " ".join(html_values(second.widget))


def test_save_failure_is_shown(make, tmp_path):
    quiz = make(student="Ann", save_dir=tmp_path / "missing" / "folder")
    assert quiz.save() is None
    assert "Could not save:" in quiz.status.value
    answer(quiz, "q-name", "x" * 2001)
    quiz.save_dir = tmp_path
    quiz.save_button.click()
    assert "longer than 2000" in quiz.status.value


# -- escaping ------------------------------------------------------------------

XSS = "<img src=x onerror=alert(1)>"
HOSTILE = QuizModel.model_validate(
    {
        "id": "hostile",
        "title": {"en": XSS, "ja": XSS},
        "questions": [
            {
                "id": "q1",
                "type": "single",
                "prompt": {"en": f"Prompt {XSS}", "ja": XSS},
                "explanation": {"en": f"Because {XSS}", "ja": XSS},
                "choices": [
                    {"id": "a", "text": {"en": f"Choice {XSS}", "ja": XSS}, "feedback": {"en": XSS, "ja": XSS}},
                    {"id": "b", "text": {"en": "fine", "ja": "fine"}, "correct": True},
                ],
            },
            {
                "id": "q2",
                "type": "text",
                "prompt": {"en": "Name it", "ja": "名"},
                "explanation": {"en": "E", "ja": "E"},
                "accepted": {"en": ["x"], "ja": ["x"]},
            },
        ],
    }
)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_content_and_student_text_are_escaped(tmp_path, lang):
    quiz = Quiz(HOSTILE, lang=lang, save_dir=tmp_path, student=XSS)
    answer(quiz, "q1", "a")
    answer(quiz, "q2", f"my {XSS}")
    quiz.check("q1")
    quiz.check("q2")
    quiz.save()
    assert quiz.load()
    rendered = [*html_values(quiz.widget), quiz.to_html(), quiz._repr_mimebundle_()["text/html"]]
    joined = "\n".join(rendered)
    assert "<img" not in joined
    assert "&lt;img src=x onerror=alert(1)&gt;" in quiz.cards["q1"].prompt.value
    assert joined.count("&lt;img src=x onerror=alert(1)&gt;") >= 8


# -- display -------------------------------------------------------------------


def test_mimebundle_has_widget_text_and_static_html(make):
    bundle = make()._repr_mimebundle_(include=None, exclude=None)
    assert set(bundle) == {"application/vnd.jupyter.widget-view+json", "text/plain", "text/html"}
    assert bundle["text/plain"] == "Quiz 'Check your understanding': 7 questions (practice)"
    html = bundle["text/html"]
    assert "When did Northland close the lake?" in html and "May 2020" in html
    assert "The lake was closed on 1 May 2020." in html  # practice: explanations, folded


def test_static_html_in_exam_mode_has_no_explanations(make):
    html = make(mode="exam", lang="ja").to_html()
    assert "ノースランドが湖を閉鎖したのはいつか。" in html
    assert "解説" not in html and "湖は2020年5月1日に閉鎖された。" not in html
    assert "試験モード" in html


def test_static_html_follows_the_seeded_order(make, quiz_model):
    html = make(seed=3).to_html()
    texts = [c.text.en for c in shuffled(quiz_model.question("q-wants").choices, 3, "q-wants")]
    positions = [html.index(t) for t in texts]
    assert positions == sorted(positions)


def test_building_never_displays(make, monkeypatch):
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: pytest.fail("display() called"))
    make()


# -- interface strings and accessibility -----------------------------------------


def test_interface_strings_are_complete():
    for kind in ("single", "multiple", "true_false", "order", "match", "numeric", "text"):
        assert f"hint_{kind}" in UI["en"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_control_is_labelled(make, lang):
    quiz = make(lang=lang)
    for widget in all_widgets(quiz.widget):
        if isinstance(widget, W.Button):
            assert widget.description and widget.tooltip
        elif isinstance(widget, W.ValueWidget) and not isinstance(widget, W.HTML):
            assert widget.description, widget


def test_japanese_interface(make):
    quiz = make(lang="ja")
    card = quiz.cards["q-talks"]
    assert (card.check.description, card.retry.description) == ("答え合わせ", "もう一度")
    assert [label for label, _ in card.input.toggle.options] == ["正しい", "誤り"]
    assert quiz.save_button.description == "回答を保存"
    assert "問3（全7問）" in card.prompt.value


def test_import_lessonkit_stays_light():
    code = "import lessonkit, sys; print(any(m in sys.modules for m in ('ipywidgets', 'plotly')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_lazy_export():
    import lessonkit

    assert lessonkit.Quiz is Quiz
