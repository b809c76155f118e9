"""Quiz answers computed from the data must change when the data does.

Lesson 04 asks how many issues have no zone of agreement among the principal parties;
the answer is whatever the stances imply, so it is checked against them here rather than
trusted to a comment in quizzes.yaml.
"""

from __future__ import annotations

from tests.helpers import real_course

from lessonkit.widgets.sandbox import zones_of_agreement

COURSE = real_course()


def test_lesson_04_count_of_issues_without_a_zone_of_agreement():
    zones = zones_of_agreement(COURSE, COURSE.info.principal_parties)
    empty = sorted(issue for issue, options in zones.items() if not options)
    question = COURSE.lesson("04").quiz("exit").question("q-no-zone-count")
    assert question.answer == len(empty), f"issues with no zone now: {empty}"


def test_every_lesson_has_an_exit_quiz_of_five_questions_and_three_types():
    for lesson in COURSE.lessons:
        quiz = lesson.quiz()
        assert len(quiz.questions) >= 5, lesson.id
        assert len({q.type for q in quiz.questions}) >= 3, lesson.id
