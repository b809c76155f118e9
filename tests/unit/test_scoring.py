"""Grading one answer per question type: right, wrong, unanswered and invalid, never an exception."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from lessonkit.content.quiz import Question
from lessonkit.quizzes.scoring import AnswerKey, PlainAnswerKey, Result, answer_problem, check_answer


@pytest.fixture(scope="module")
def quiz(sample):
    return sample.lesson("01").quiz("check")


def q(quiz, question_id):
    return quiz.question(question_id)


def make(**data) -> Question:
    """A question from plain data, as a quizzes.yaml would give it."""
    base = {"prompt": {"en": "P", "ja": "問"}, "explanation": {"en": "E", "ja": "解"}}
    return TypeAdapter(Question).validate_python({"id": "x", **base, **data})


# One right and one wrong answer for every question of the sample quiz (one of each type).
RIGHT_WRONG = {
    "q-closed": ("a", "b"),
    "q-wants": (["b", "c"], ["b"]),
    "q-talks": (True, False),
    "q-order": (["closed", "talks"], ["talks", "closed"]),
    "q-match": ({"north": "north", "south": "south"}, {"north": "south", "south": "north"}),
    "q-days": (3, 4),
    "q-name": ("Northland", "Southland"),
}


@pytest.mark.parametrize("question_id", list(RIGHT_WRONG))
def test_right_answer_scores_full_points(quiz, question_id):
    result = check_answer(q(quiz, question_id), RIGHT_WRONG[question_id][0], "en")
    assert (result.status, result.correct, result.answered) == ("correct", True, True)
    assert result.points_awarded == result.points_possible == 1
    assert result.question_id == question_id


@pytest.mark.parametrize("question_id", list(RIGHT_WRONG))
def test_wrong_answer_scores_nothing(quiz, question_id):
    result = check_answer(q(quiz, question_id), RIGHT_WRONG[question_id][1], "ja")
    assert (result.status, result.correct, result.points_awarded) == ("wrong", False, 0.0)
    assert result.problem is None


@pytest.mark.parametrize("question_id", list(RIGHT_WRONG))
@pytest.mark.parametrize("empty", [None, "", "  ", [], {}])
def test_empty_answer_is_unanswered(quiz, question_id, empty):
    result = check_answer(q(quiz, question_id), empty)
    assert (result.status, result.answered, result.points_awarded) == ("unanswered", False, 0.0)


INVALID = [
    ("q-closed", "z", "unknown choice id 'z'"),
    ("q-closed", 1, "expected a choice id"),
    ("q-closed", ["a"], "expected a choice id"),
    ("q-wants", "b", "expected a list of choice ids"),
    ("q-wants", ["b", "zz"], "unknown choice id 'zz'"),
    ("q-wants", ["b", "b"], "repeated"),
    ("q-wants", [1], "expected a list of choice ids"),
    ("q-talks", "true", "expected true or false"),
    ("q-talks", 1, "expected true or false"),
    ("q-order", ["closed"], "expected all 2 items"),
    ("q-order", ["closed", "closed"], "repeated"),
    ("q-order", ["closed", "nope"], "unknown item id 'nope'"),
    ("q-order", "closed,talks", "expected a list of item ids"),
    ("q-match", {"north": "west"}, "unknown pair id 'west'"),
    ("q-match", {"west": "north"}, "unknown pair id 'west'"),
    ("q-match", {"north": 1}, "expected a mapping"),
    ("q-match", ["north"], "expected a mapping"),
    ("q-days", "3", "expected a number"),
    ("q-days", True, "expected a number"),
    ("q-days", float("nan"), "finite"),
    ("q-days", float("inf"), "finite"),
    ("q-days", 10**400, "too large"),
    ("q-name", 42, "expected text"),
    ("q-name", "x" * 2001, "longer than 2000"),
]


@pytest.mark.parametrize(("question_id", "answer", "reason"), INVALID)
def test_invalid_answer_is_reported_not_raised(quiz, question_id, answer, reason):
    result = check_answer(q(quiz, question_id), answer, "en")
    assert result.status == "invalid"
    assert result.points_awarded == 0.0
    assert result.problem.startswith("invalid answer: ")
    assert reason in result.problem


def test_unknown_language_is_a_programming_error(quiz):
    with pytest.raises(ValueError, match="unknown language"):
        check_answer(q(quiz, "q-closed"), "a", "fr")


def test_single_gives_the_chosen_choices_feedback(quiz):
    wrong = check_answer(q(quiz, "q-closed"), "b", "en")
    assert wrong.feedback.en == "That is when the talks began."
    assert [(i.id, i.chosen, i.correct) for i in wrong.items] == [("a", False, False), ("b", True, False)]
    right = check_answer(q(quiz, "q-closed"), "a", "en")
    assert right.feedback.en == "Right: 1 May 2020."


def test_multiple_is_all_or_nothing_with_per_choice_details(quiz):
    partly = check_answer(q(quiz, "q-wants"), ["b"], "en")
    assert partly.points_awarded == 0.0
    assert {i.id: (i.chosen, i.correct) for i in partly.items} == {
        "a": (False, True),
        "b": (True, True),
        "c": (False, False),
    }
    too_many = check_answer(q(quiz, "q-wants"), ["a", "b", "c"], "en")
    assert too_many.status == "wrong"
    assert check_answer(q(quiz, "q-wants"), ("c", "b"), "en").correct  # order does not matter


def test_true_false_feedback_follows_the_students_answer():
    question = make(
        type="true_false",
        answer=False,
        feedback_true={"en": "No: it was two days.", "ja": "いいえ"},
        feedback_false={"en": "Yes.", "ja": "はい"},
    )
    assert check_answer(question, True).feedback.en == "No: it was two days."
    assert check_answer(question, False).feedback.en == "Yes."
    assert check_answer(question, False).correct


def test_order_reports_items_in_place():
    question = make(
        type="order",
        items=[{"id": i, "text": {"en": i, "ja": i}} for i in ("a", "b", "c", "d")],
    )
    result = check_answer(question, ["a", "c", "b", "d"])
    assert result.status == "wrong"
    assert [i.correct for i in result.items] == [True, False, False, True]
    assert check_answer(question, ["a", "b", "c", "d"]).correct


def test_match_partial_mapping_is_wrong_not_invalid(quiz):
    result = check_answer(q(quiz, "q-match"), {"north": "north"}, "en")
    assert result.status == "wrong"
    assert [(i.id, i.chosen, i.correct) for i in result.items] == [("north", True, True), ("south", False, False)]


@pytest.mark.parametrize(("answer", "right"), [(2.5, True), (3.5, True), (3, True), (2.49, False), (3.51, False)])
def test_numeric_tolerance_is_inclusive(answer, right):
    question = make(type="numeric", answer=3, tolerance=0.5)
    assert check_answer(question, answer).correct is right


def test_numeric_without_tolerance_forgives_float_rounding():
    question = make(type="numeric", answer=0.3)
    assert check_answer(question, 0.1 + 0.2).correct
    assert not check_answer(question, 0.30001).correct


@pytest.mark.parametrize("typed", ["ノースランド", "のーすらんど", "ﾉｰｽﾗﾝﾄﾞ", "「ノースランド」", "ｎｏｒｔｈｌａｎｄ"])
def test_text_uses_textmatch(quiz, typed):
    assert check_answer(q(quiz, "q-name"), typed, "ja").correct


def test_text_accepts_an_answer_from_the_other_language(quiz):
    assert check_answer(q(quiz, "q-name"), "Northland", "ja").correct
    assert check_answer(q(quiz, "q-name"), "ノースランド", "en").correct


def test_text_with_vu_variant():
    question = make(type="text", accepted={"en": ["Lavrov"], "ja": ["ラブロフ"]})
    assert check_answer(question, "ラヴロフ", "ja").correct
    assert check_answer(question, "セルゲイ・ラブロフ", "ja").status == "wrong"


def test_points_are_the_questions():
    question = make(type="true_false", answer=True, points=3)
    assert check_answer(question, True).points_awarded == 3.0
    assert check_answer(question, True).points_possible == 3


def test_answer_problem_needs_no_right_answers(quiz):
    assert answer_problem(q(quiz, "q-closed"), "b") is None  # a wrong answer has a fine shape
    assert answer_problem(q(quiz, "q-order"), ["talks", "closed"]) is None


def test_plain_answer_key_satisfies_the_protocol(quiz):
    key: AnswerKey = PlainAnswerKey(quiz, "en")
    result = key.check("q-days", 3)
    assert isinstance(result, Result) and result.correct
    with pytest.raises(KeyError):
        key.check("no-such-question", 1)
