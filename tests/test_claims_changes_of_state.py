"""A change of state and its grades: a verb whose result is a grade ("became outstanding"), a grade kept or won back
at a time of its own, a record of dated grades, and a grade left behind at a time (the leaving's, not the grade's).
Wordings written for these tests, read through the whole extraction (the language alone: a grade left behind with
no time of its own has no year here; the official record gives it the inspection before)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

KIRKLEES = "E08000034"


def _ratings(*paragraphs: str, published: date = date(2022, 9, 1)) -> set[tuple]:
    return {(j, g, y, h) for c, j, g, y, h in rating_rows(list(paragraphs), published) if c == KIRKLEES}


@pytest.mark.parametrize("text", [
    "Kirklees became outstanding in 2021.",
    "By 2021 Kirklees had made it to outstanding.",
    "Kirklees hit outstanding at its 2021 inspection.",
    "Kirklees was bumped up to outstanding in 2021.",
])
def test_a_change_of_state_with_a_grade_as_its_result_is_a_verdict(text):
    assert _ratings(text) == {("overall_effectiveness", "outstanding", 2021, True)}


@pytest.mark.parametrize("text", [
    "Kirklees became good friends with its neighbours.",
    "Kirklees hopes to become outstanding.",
    "Kirklees made it to good news in the local paper.",
    "Kirklees said the next step was to become good.",
])
def test_a_change_of_state_with_no_grade_as_its_result_is_none(text):
    assert _ratings(text) == set()


@pytest.mark.parametrize("text, grade", [
    ("Kirklees held on to outstanding in 2021.", "outstanding"),
    ("Kirklees regained good in 2021.", "good"),
    ("Kirklees won back good in 2021.", "good"),
])
def test_a_year_right_after_a_grade_kept_or_won_back_is_the_keepings(text, grade):
    assert _ratings(text) == {("overall_effectiveness", grade, 2021, True)}


def test_a_year_in_a_clause_after_a_kept_grade_is_the_getting():
    assert _ratings("Kirklees kept the outstanding grade it had first won in 2018.") == {
        ("overall_effectiveness", "outstanding", 2018, True), ("overall_effectiveness", "outstanding", 2022, False)}


@pytest.mark.parametrize("text", [
    "Kirklees: inadequate in 2016, requires improvement in 2018, outstanding in 2021.",
    "Kirklees was graded inadequate in 2016, requires improvement in 2018, outstanding in 2021.",
    "Kirklees has been judged outstanding (2021), requires improvement (2018) and inadequate (2016).",
])
def test_every_item_of_a_record_of_dated_grades(text):
    assert _ratings(text) == {("overall_effectiveness", "inadequate", 2016, True),
                              ("overall_effectiveness", "requires_improvement", 2018, True),
                              ("overall_effectiveness", "outstanding", 2021, True)}


@pytest.mark.parametrize("text", [
    "Kirklees moved out of inadequate in 2019.",
    "Kirklees shook off its inadequate label in 2019.",
    "Kirklees lost its inadequate rating in 2019.",
])
def test_a_time_after_a_grade_left_behind_is_the_leavings(text):
    assert _ratings(text) == {("overall_effectiveness", "inadequate", None, True)}


@pytest.mark.parametrize("text", [
    "Kirklees lost the outstanding grade it had held since 2016.",
    "Kirklees shed its outstanding rating of 2016.",
    "Kirklees is no longer outstanding (2016).",
])
def test_a_time_of_the_grade_left_behind_is_its_own(text):
    assert _ratings(text) == {("overall_effectiveness", "outstanding", 2016, True)}


@pytest.mark.parametrize("text", [
    "Kirklees was inadequate in 2016; requires improvement in 2019; outstanding in 2021.",
    "Kirklees: inadequate in 2016, requires improvement in 2019. It turned a corner – outstanding in 2021.",
    "Kirklees was judged inadequate in 2016 and requires improvement in 2019; outstanding in 2021.",
])
def test_a_record_item_after_a_semicolon_or_a_dash(text):
    assert _ratings(text) == {("overall_effectiveness", "inadequate", 2016, True),
                              ("overall_effectiveness", "requires_improvement", 2019, True),
                              ("overall_effectiveness", "outstanding", 2021, True)}


@pytest.mark.parametrize("text", [
    "Kirklees was rated outstanding this month. It had been good in 2019, and before that it had been inadequate.",
    "Kirklees was rated outstanding this month. In 2019 it was good; before then it was judged inadequate.",
    "Kirklees was rated outstanding this month, as against good in 2019. Prior to that it was inadequate.",
])
def test_a_verdict_before_the_time_the_text_gave_is_an_earlier_one(text):
    assert _ratings(text) == {("overall_effectiveness", "outstanding", 2022, False),
                              ("overall_effectiveness", "good", 2019, True),
                              ("overall_effectiveness", "inadequate", None, True)}


@pytest.mark.parametrize("text", [
    "Kirklees was rated good. This is an improvement on the inadequate judgement made in 2019.",
    "Kirklees was rated good. It marks a step up on the inadequate rating of 2019.",
    "Kirklees was rated good. That represents a clear improvement on the inadequate verdict given in 2019.",
])
def test_the_news_set_against_an_earlier_grade_in_a_sentence_of_its_own(text):
    assert _ratings(text) == {("overall_effectiveness", "good", 2022, False),
                              ("overall_effectiveness", "inadequate", 2019, True)}


@pytest.mark.parametrize("text", [
    "Kirklees was rated good. Some called it a step down, since in 2019 Kirklees had been rated outstanding.",
    "Kirklees was rated good, a disappointment since back in 2019 it was outstanding.",
    "Kirklees was rated good. Leaders were braced for it, since at the 2019 inspection it was outstanding.",
])
def test_since_giving_a_reason_opens_no_stretch(text):
    assert _ratings(text) == {("overall_effectiveness", "good", 2022, False),
                              ("overall_effectiveness", "outstanding", 2019, True)}


@pytest.mark.parametrize("text, year", [
    ("Kirklees was judged good just before Christmas.", 2021),
    ("Kirklees was rated good last Christmas.", 2021),
    ("Kirklees went to good back in January 2019.", 2019),
])
def test_christmas_is_the_last_december_and_back_in_a_time_ends_the_grade(text, year):
    assert {(g, y) for _, g, y, _ in _ratings(text)} == {("good", year)}


@pytest.mark.parametrize("text", [
    "The 2019 judgement for Kirklees was requires improvement.",
    "Kirklees's 2019 grade was requires improvement.",
    "RESOLVED: that the 2019 Ofsted rating of requires improvement for Kirklees be noted.",
])
def test_a_year_naming_the_grade_before_it_is_its_year(text):
    assert _ratings(text) == {("overall_effectiveness", "requires_improvement", 2019, True)}


@pytest.mark.parametrize("text", [
    "Kirklees remained good, the grade it had first achieved in 2019.",
    "Kirklees stayed good, a rating it first won in 2019.",
    "Kirklees remains good, the grade the council was given in 2019.",
])
def test_a_grade_stayed_at_and_the_year_an_apposition_says_it_was_got(text):
    assert _ratings(text) == {("overall_effectiveness", "good", 2022, False),
                              ("overall_effectiveness", "good", 2019, True)}


@pytest.mark.parametrize("text", [
    "Kirklees was inadequate in 2016 and requires improvement at its inspection three years later.",
    "Kirklees: inadequate in 2016, then RI on re-inspection three years later.",
    "Kirklees went inadequate (2016), then requires improvement on re-inspection three years later.",
])
def test_a_grade_at_an_inspection_counted_on_from_the_last_year(text):
    assert _ratings(text) == {("overall_effectiveness", "inadequate", 2016, True),
                              ("overall_effectiveness", "requires_improvement", 2019, True)}
