"""Verdicts that take their time from another: a "with ..." clause from its main clause, "at that time" and "on that
occasion" from the year the text last gave. Wordings written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

KIRKLEES = "E08000034"


def _ratings(*paragraphs: str, published: date = date(2022, 9, 1)) -> set[tuple]:
    return {(j, g, y, h) for c, j, g, y, h in rating_rows(list(paragraphs), published) if c == KIRKLEES}


@pytest.mark.parametrize("text", [
    "At its previous inspection in 2019, Kirklees was rated good overall, with help and protection judged outstanding.",
    "In 2019 inspectors judged Kirklees good, with help and protection rated outstanding.",
    "Kirklees had been rated good in 2019, with help and protection found to be outstanding.",
])
def test_a_with_clause_takes_the_time_of_its_main_clause(text):
    got = _ratings("Kirklees Council has now been rated outstanding.", text)
    assert ("overall_effectiveness", "outstanding", 2022, False) in got
    assert ("overall_effectiveness", "good", 2019, True) in got
    assert ("help_and_protection", "outstanding", 2019, True) in got
    assert ("help_and_protection", "outstanding", 2022, False) not in got


def test_a_with_clause_of_a_current_verdict_stays_current():
    got = _ratings("Kirklees has been rated good overall, with leadership judged outstanding.")
    assert got == {("overall_effectiveness", "good", 2022, False), ("leadership", "outstanding", 2022, False)}


@pytest.mark.parametrize("later", [
    "At that time, though, leadership and children in care were judged to require improvement.",
    "On that occasion leadership and children in care were judged to require improvement.",
    "Back then, leadership and children in care were rated as requiring improvement.",
    "Leadership and children in care were also judged to require improvement at that time.",
])
def test_at_that_time_refers_to_the_year_last_given(later):
    got = _ratings("Kirklees Council is now rated good.", "In 2018 Ofsted judged Kirklees inadequate overall.", later)
    assert ("overall_effectiveness", "good", 2022, False) in got
    assert ("overall_effectiveness", "inadequate", 2018, True) in got
    assert ("leadership", "requires_improvement", 2018, True) in got
    assert ("children_in_care", "requires_improvement", 2018, True) in got
    assert not any(j == "leadership" and y == 2022 for j, _, y, _ in got)


@pytest.mark.parametrize("text", [
    "At the previous inspection, in 2018, the council had likewise been judged to require improvement overall, "
    "although on that occasion leadership was judged good.",
    "When it was last inspected in 2018 the council was also judged to require improvement overall; at that time, "
    "leadership was rated good.",
    "Inspectors had rated it as requiring improvement in 2018, although at the time the impact of leaders was judged "
    "good.",
])
def test_on_that_occasion_in_the_same_sentence(text):
    got = _ratings("Kirklees still requires improvement, Ofsted said this week.", text)
    assert ("leadership", "good", 2018, True) in got
    assert not any(j == "leadership" and y == 2022 for j, _, y, _ in got)


def test_at_the_time_of_is_not_a_reference_back():
    got = _ratings("In 2018 Kirklees was judged inadequate.",
                   "At the time of this week's inspection, leadership was judged good.")
    assert ("leadership", "good", 2022, False) in got


@pytest.mark.parametrize("text", [
    "At its previous inspection in 2019, Kirklees was rated good overall, and help and protection was judged "
    "outstanding.",
    "In 2019 Kirklees was judged good, with leadership rated good and help and protection judged outstanding.",
    "During the 2019 inspection Kirklees was found to be good, while help and protection was rated outstanding.",
])
def test_a_time_opening_the_sentence_holds_for_each_of_its_verdicts(text):
    got = _ratings("Kirklees Council has now been rated outstanding.", text)
    assert ("help_and_protection", "outstanding", 2019, True) in got
    assert ("help_and_protection", "outstanding", 2022, False) not in got


@pytest.mark.parametrize("text", [
    "In 2019 Kirklees was judged inadequate, but it is now rated good.",
    "At its last inspection in 2019 Kirklees was judged inadequate; it has since been rated good.",
    "In 2019 Kirklees was judged inadequate, and this year inspectors rated it good.",
])
def test_a_verdict_of_today_does_not_take_the_opening_time(text):
    got = _ratings(text)
    assert got == {("overall_effectiveness", "inadequate", 2019, True), ("overall_effectiveness", "good", 2022, False)}


@pytest.mark.parametrize("text, expected", [
    ("Inspectors found Kirklees inadequate in 2016; two years later it was judged to require improvement, and it has "
     "now made the step up to good.",
     {("inadequate", 2016, True), ("requires_improvement", 2018, True), ("good", 2022, False)}),
    ("Kirklees was judged inadequate in 2017. The following year, inspectors rated it as requiring improvement.",
     {("inadequate", 2017, True), ("requires_improvement", 2018, True)}),
    ("Kirklees was rated inadequate in 2018 and judged to require improvement three years later.",
     {("inadequate", 2018, True), ("requires_improvement", 2021, True)}),
])
def test_years_later_counts_on_from_the_year_last_given(text, expected):
    assert {(g, y, h) for j, g, y, h in _ratings(text) if j == "overall_effectiveness"} == expected


@pytest.mark.parametrize("text", [
    "Kirklees rated good after years of 'requires improvement'",
    "Kirklees has been judged good, following a decade rated as requiring improvement.",
    "Kirklees has been rated good at last, after two inspections as 'requires improvement'.",
])
def test_a_grade_held_for_years_before_the_news_is_history(text):
    got = _ratings(text)
    assert ("overall_effectiveness", "good", 2022, False) in got
    assert ("overall_effectiveness", "requires_improvement", None, True) in got
    assert not any(g == "requires_improvement" and not h for _, g, _, h in got)
