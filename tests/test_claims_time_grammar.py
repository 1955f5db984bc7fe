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


@pytest.mark.parametrize("text", [
    "Members were reminded that the service had been judged inadequate (March 2019) before it improved.",
    "The borough was rated inadequate (2019) and has since recovered.",
    "Ofsted found Bury's children's services inadequate overall (in 2019), a low point for the borough.",
])
def test_a_date_in_brackets_after_a_grade_is_its_time(text):
    assert ("overall_effectiveness", "inadequate", 2019, True) in _ratings("Bury is now rated good.", text)


@pytest.mark.parametrize("text", [
    "The inspection before that (March 2019) found Bury's children's services inadequate.",
    "Its previous full inspection (2019) judged the borough's services for children inadequate.",
    "The report after that (May 2019) rated Bury's children's services as inadequate.",
])
def test_a_report_dated_in_brackets_dates_the_verdict_it_gives(text):
    assert ("overall_effectiveness", "inadequate", 2019, True) in _ratings("Bury is now rated good.", text)


@pytest.mark.parametrize("text", [
    "The leadership judgement then was inadequate too.",
    "Its leadership then was judged inadequate as well.",
    "Members were told that leadership had then been found inadequate.",
])
def test_then_of_an_earlier_time_refers_to_the_year_last_given(text):
    got = _ratings("Bury's services are now rated good.", "Members asked about the inspection in 2019.", text)
    assert ("leadership", "inadequate", 2019, True) in got
    assert ("leadership", "inadequate", 2024, False) not in got


def test_then_after_a_conjunction_is_what_came_next():
    got = _ratings("Bury was rated inadequate in 2019, and then was judged good last month.")
    assert got == {("overall_effectiveness", "inadequate", 2019, True), ("overall_effectiveness", "good", 2024, False)}


@pytest.mark.parametrize("text", [
    "In 2019 Bury was good overall, but leadership required improvement back then while care leavers were "
    "outstanding.",
    "In 2019 Bury was good, though leadership required improvement at that time, while care leavers were judged "
    "outstanding.",
    "Bury was rated good in 2019; leadership required improvement back then, when care leavers were outstanding.",
])
def test_back_then_is_no_later_time_for_a_clause_depending_on_it(text):
    got = _ratings("Bury is rated good again.", text)
    assert ("care_leavers", "outstanding", 2019, True) in got
    assert ("care_leavers", "outstanding", 2024, False) not in got


@pytest.mark.parametrize("text", [
    "Bury's spring report rated it outstanding overall.",
    "The council's March inspection judged Bury's services outstanding.",
    "Its summer inspection found Bury outstanding.",
])
def test_a_month_naming_the_inspection_is_its_last_such_month(text):
    assert _ratings(text, published=date(2025, 1, 20)) == {("overall_effectiveness", "outstanding", 2024, True)}


@pytest.mark.parametrize("text", [
    "The overall grade is the same as in 2019.",
    "The overall grade is unchanged from the council's last full inspection in 2019.",
    "The verdict was the same as at its previous inspection in 2019.",
])
def test_a_grade_the_same_as_at_an_earlier_time_is_that_times_grade_too(text):
    got = _ratings("Bury's children's services have been rated good.", text)
    assert got == {("overall_effectiveness", "good", 2024, False), ("overall_effectiveness", "good", 2019, True)}


@pytest.mark.parametrize("text", [
    "Bury has now been rated good at three inspections in a row, in 2016, 2019 and 2024.",
    "This is the third good rating in a row for the council, after inspections in 2016 and 2019.",
    "It is Bury's third successive good judgement, following inspections in 2016 and 2019.",
])
def test_a_grade_of_a_series_is_each_named_years(text):
    got = _ratings("Bury has been rated good.", text)
    assert got == {("overall_effectiveness", "good", y, y < 2024) for y in (2016, 2019, 2024)}


@pytest.mark.parametrize("text", [
    "Inspectors rated Bury good, moving the authority out of inadequate for the first time since March 2019.",
    "A good rating for Bury takes the council out of inadequate, where it had been since 2019.",
    "Bury has been judged good, bringing the borough out of inadequate for the first time since 2019.",
])
def test_a_grade_left_behind_since_a_year_is_that_years(text):
    got = _ratings(text)
    assert ("overall_effectiveness", "good", 2024, False) in got
    assert ("overall_effectiveness", "inadequate", 2019, True) in got


@pytest.mark.parametrize("text", [
    "Inadequate in July 2019.",
    "Inadequate overall in 2019, and good in 2022.",
    "'Inadequate' in 2019.",
])
def test_a_sentence_of_no_verb_opening_with_a_dated_grade_is_the_discourses(text):
    got = _ratings("Bury's story is one of recovery.", text)
    assert ("overall_effectiveness", "inadequate", 2019, True) in got


@pytest.mark.parametrize("text", [
    "The borough was placed in intervention after its 2019 inadequate verdict.",
    "Bury's 2019 inadequate rating led to a commissioner being appointed.",
    "An improvement board was set up after the inadequate inspection of 2019.",
])
def test_a_year_or_an_inspection_naming_a_grade_dates_it(text):
    assert ("overall_effectiveness", "inadequate", 2019, True) in _ratings("Bury is now rated good.", text)


@pytest.mark.parametrize("text", [
    "I first wrote about Bury in 2019, when it was inadequate for the second time.",
    "In 2019 Bury was inadequate for a second time.",
    "By 2019 Bury was inadequate once more.",
])
def test_a_grade_given_again_is_a_verdict(text):
    assert ("overall_effectiveness", "inadequate", 2019, True) in _ratings("Bury is now rated good.", text)


@pytest.mark.parametrize("text", [
    "Bury has gone from requires improvement to outstanding in one inspection, skipping the good grade altogether.",
    "Bury went straight from requires improvement to outstanding, bypassing good.",
    "Bury has been rated outstanding, jumping over good after years at requires improvement.",
])
def test_a_grade_passed_over_in_a_move_is_not_given(text):
    got = _ratings(text)
    assert ("overall_effectiveness", "outstanding", 2024, False) in got
    assert not any(g == "good" for _, g, _, _ in got)


@pytest.mark.parametrize("text", [
    "Don't forget 2019 – Bury was judged inadequate, and that hurt.",
    "Then came 2019 – the inspection found Bury's services inadequate.",
    "And 2019? – inspectors rated the borough inadequate overall.",
])
def test_a_time_alone_before_a_dash_dates_the_clause_after_it(text):
    got = _ratings("Bury is now rated good.", text)
    assert ("overall_effectiveness", "inadequate", 2019, True) in got
    assert ("overall_effectiveness", "inadequate", 2024, False) not in got
