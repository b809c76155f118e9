"""Item statistics: a small class computed by hand, the flags, and the common wrong answers."""

from __future__ import annotations

import math
import random
import statistics

import pytest
from tests.grading_class import simulated_class, write

from lessonkit.teacher.grading import grade
from lessonkit.teacher.grading.item_analysis import describe_answer, point_biserial

# Four students, three questions answered; the other four questions left out by everyone.
#            q-closed  q-talks  q-days   total
#   A           1         1        1       3
#   B           1         1        0       2
#   C           1         0        0       1
#   D           0         0        0       0
SMALL = {
    "a": {"q-closed": "a", "q-talks": True, "q-days": 3},
    "b": {"q-closed": "a", "q-talks": True, "q-days": 4},
    "c": {"q-closed": "a", "q-talks": False, "q-days": 2.5},
    "d": {"q-closed": "b", "q-talks": False, "q-days": 4},
}


@pytest.fixture
def small(sample, tmp_path):
    for sid, answers in SMALL.items():
        write(tmp_path, f"{sid}.json", student_id=sid, student_name=sid.upper(), answers=answers)
    (stats,) = grade([tmp_path], course=sample).quizzes
    return stats


def test_small_class_by_hand(small):
    assert small.n == 4 and small.totals == (3, 2, 1, 0)
    assert (small.mean, small.median, small.maximum) == (1.5, 1.5, 7)
    items = {i.question.id: i for i in small.items}
    # q-closed: item [1,1,1,0], rest [2,1,0,0]: sxy = 0.75, sxx = 0.75, syy = 2.75, r = sqrt(3/11)
    assert items["q-closed"].difficulty == 0.75
    assert items["q-closed"].discrimination == pytest.approx(math.sqrt(3 / 11))
    # q-talks: item [1,1,0,0], rest [2,1,1,0]: sxy = 1, sxx = 1, syy = 2, r = 1/sqrt(2)
    assert items["q-talks"].difficulty == 0.5
    assert items["q-talks"].discrimination == pytest.approx(1 / math.sqrt(2))
    # q-days: item [1,0,0,0], rest [2,2,1,0]: sxy = 0.75, sxx = 0.75, syy = 2.75
    assert items["q-days"].difficulty == 0.25
    assert items["q-days"].discrimination == pytest.approx(math.sqrt(3 / 11))
    for qid in ("q-closed", "q-talks", "q-days"):
        assert items[qid].flags == ()
    # Nobody answered the others: p = 0, r undefined, flagged as very hard.
    for qid in ("q-wants", "q-order", "q-match", "q-name"):
        assert (items[qid].difficulty, items[qid].discrimination, items[qid].flags) == (0, None, ("hard",))
        assert items[qid].unanswered == 4


def test_common_wrong_answers_small(small):
    days = next(i for i in small.items if i.question.id == "q-days")
    assert [(w.answer, w.count) for w in days.common_wrong] == [(4, 2), (2.5, 1)]
    assert (days.correct, days.wrong, days.unanswered, days.invalid) == (1, 3, 0, 0)


def test_point_biserial_matches_pearson():
    rng = random.Random(7)
    item = [float(rng.random() < 0.6) for _ in range(50)]
    rest = [rng.randint(0, 10) + 3 * x for x in item]
    assert point_biserial(item, rest) == pytest.approx(statistics.correlation(item, rest))


@pytest.mark.parametrize(("item", "rest"), [([1, 1, 1], [0, 1, 2]), ([0, 1, 0], [2, 2, 2]), ([1], [3]), ([], [])])
def test_point_biserial_undefined_without_variation(item, rest):
    assert point_biserial(item, rest) is None


def test_flags_easy_and_negative(sample, tmp_path):
    # Everyone gets q-closed right (easy); q-talks is right only for the weakest students (negative r).
    for n in range(1, 21):
        strong = n > 10
        answers = {"q-closed": "a", "q-talks": not strong}
        if strong:
            answers |= {"q-days": 3, "q-order": ["closed", "talks"], "q-wants": ["b", "c"]}
        if n % 2:
            answers["q-name"] = "Northland"
        write(tmp_path, f"{n}.json", student_id=f"s{n}", answers=answers)
    (stats,) = grade([tmp_path], course=sample).quizzes
    items = {i.question.id: i for i in stats.items}
    assert items["q-closed"].flags == ("easy",) and items["q-closed"].discrimination is None
    assert items["q-talks"].flags == ("negative-discrimination",)
    assert items["q-talks"].discrimination < 0
    assert "low-discrimination" in items["q-name"].flags  # odd students right, unrelated to the rest


def test_text_variants_and_choice_sets_group_together(sample, tmp_path):
    wrong = [
        {"q-name": "Southland", "q-wants": ["a", "b"]},
        {"q-name": "southland ", "q-wants": ["b", "a"]},
        {"q-name": "ＳＯＵＴＨＬＡＮＤ", "q-wants": ["a"]},
        {"q-name": "サウスランド", "q-wants": ["a"]},
        {"q-name": "さうすらんど", "q-wants": ["a"]},
        {"q-name": "Eastland", "q-wants": ["c"]},
    ]
    for n, answers in enumerate(wrong):
        write(tmp_path, f"{n}.json", student_id=f"s{n}", answers=answers)
    (stats,) = grade([tmp_path], course=sample).quizzes
    items = {i.question.id: i for i in stats.items}
    names = [(w.answer, w.count) for w in items["q-name"].common_wrong]
    assert names == [("Southland", 3), ("サウスランド", 2), ("Eastland", 1)]
    wants = [(sorted(w.answer), w.count) for w in items["q-wants"].common_wrong]
    assert wants == [(["a"], 3), (["a", "b"], 2), (["c"], 1)]


def test_at_most_three_wrong_answers_most_common_first(sample, class_of_30):
    (stats,) = class_of_30.quizzes
    for item in stats.items:
        counts = [w.count for w in item.common_wrong]
        assert len(counts) <= 3 and counts == sorted(counts, reverse=True)
        assert item.correct + item.wrong + item.unanswered + item.invalid == item.n == 30


@pytest.fixture
def class_of_30(sample, tmp_path):
    simulated_class(tmp_path, 30)
    return grade([tmp_path], course=sample)


@pytest.mark.parametrize(
    ("qid", "answer", "en", "ja"),
    [
        ("q-closed", "b", "March 2024", "2024年3月"),
        ("q-wants", ["c", "a"], "Northland only; Open to both", "ノースランドのみ、両国に開放"),
        ("q-talks", False, "False", "誤り"),
        ("q-order", ["talks", "closed"], "The first round of talks → The lake is closed", "第1回協議 → 湖の閉鎖"),
        (
            "q-match",
            {"south": "north", "north": "south"},
            "Northland → A veto; Southland → Decides alone",
            "ノースランド → 拒否権、サウスランド → 単独で決める",
        ),
        ("q-days", 4.0, "4 days", "4日"),
        ("q-name", "<b>Southland</b>", "<b>Southland</b>", "<b>Southland</b>"),
    ],
)
def test_answers_are_described_in_the_quiz_language(sample, qid, answer, en, ja):
    question = sample.lesson("01-the-lake").quiz("check").question(qid)
    assert describe_answer(question, answer, "en") == en
    assert describe_answer(question, answer, "ja") == ja
