"""What a time phrase scopes and what a count of years counts from. Wordings written for these tests, read through
the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

BURY = "E08000002"


def _ratings(*paragraphs: str, published: date = date(2024, 7, 16)) -> set[tuple]:
    return {(j, g, y, h) for c, j, g, y, h in rating_rows(list(paragraphs), published) if c == BURY}


@pytest.mark.parametrize("text", [
    "Bury was rated good, having been told four years earlier that it required improvement.",
    "Bury has been judged good overall, having heard in 2020 that it required improvement.",
    "Inspectors found Bury good across the board, after being told in a report four years earlier that it "
    "required improvement.",
])
def test_a_time_in_a_clause_opened_after_the_verdict_is_the_next_verdicts(text):
    assert _ratings(text) == {("overall_effectiveness", "good", 2024, False),
                              ("overall_effectiveness", "requires_improvement", 2020, True)}


@pytest.mark.parametrize("text", [
    "The report that followed in March 2019 rated Bury's children's services inadequate.",
    "The inspection which took place in the autumn of 2019 judged the borough's services for children inadequate.",
    "The visit that Ofsted made in 2019 found Bury's children's services to be inadequate.",
])
def test_a_year_in_a_relative_clause_on_the_report_dates_its_verdict(text):
    assert _ratings("Bury is now rated good.", text) == {("overall_effectiveness", "good", 2024, False),
                                                         ("overall_effectiveness", "inadequate", 2019, True)}


@pytest.mark.parametrize("text", [
    "In 2019 Bury was rated requires improvement, up from the inadequate grade of two years before.",
    "Bury required improvement in 2019; it had been inadequate, a rating handed down two years earlier.",
    "At the 2019 inspection Bury required improvement, an advance on the inadequate verdict of two years previously.",
])
def test_a_count_back_after_the_grade_counts_from_the_year_in_scope(text):
    got = _ratings(text)
    assert ("overall_effectiveness", "requires_improvement", 2019, True) in got
    assert ("overall_effectiveness", "inadequate", 2017, True) in got
    assert not any(g == "inadequate" and y != 2017 for _, g, y, _ in got)


@pytest.mark.parametrize("text", [
    "Three years after a damning report, Bury's children's services have been rated good.",
    "Two years after its scathing inspection, Bury has been judged good.",
    "A decade after the crisis that engulfed it, Bury has now been found good by Ofsted.",
])
def test_years_after_an_event_with_no_grade_leave_the_verdict_after_it_the_news(text):
    assert _ratings(text) == {("overall_effectiveness", "good", 2024, False)}


@pytest.mark.parametrize("text", [
    "Four years after being rated inadequate, Bury has been judged good.",
    "Bury has been rated good, four years after it was found inadequate.",
    "Bury is now good, four years after Ofsted judged it inadequate.",
])
def test_years_after_a_verdict_date_that_verdict(text):
    assert _ratings(text) == {("overall_effectiveness", "good", 2024, False),
                              ("overall_effectiveness", "inadequate", 2020, True)}


@pytest.mark.parametrize("text", [
    "After two successive inspections stuck at requires improvement, Bury was rated good by Ofsted in March 2024.",
    "Following several years at requires improvement, Bury's children's services were judged good in March 2024.",
    "Previously rated requires improvement, Bury was found good in an inspection in March 2024.",
])
def test_an_earlier_grade_does_not_take_the_year_of_the_verdict_after_it(text):
    got = _ratings(text)
    assert ("overall_effectiveness", "good", 2024, False) in got
    assert not any(g == "requires_improvement" and y == 2024 for _, g, y, _ in got)
