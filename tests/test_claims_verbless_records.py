"""Verdicts without their verb, and whose they are (stop 29): a list of records parted by semicolons ("Leeds,
outstanding; Bradford, good"); a verdict opened by its time ("And then, in May 2024, good overall, with two
outstanding grades: A and B"), whose time the paragraph goes on in; a council compared ("Like Y, X was rated
outstanding in 2023") alike in the grade, not the time; the two judgements an inspection is named by, what "both
areas" means next ("the 2012 safeguarding and looked after children inspection found both areas adequate"). Wordings
written for these tests (stories invented about real councils).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

PUBLISHED = date(2025, 3, 1)
OVERALL = "overall_effectiveness"
LEEDS, BRADFORD, CALDERDALE, WIGAN, BOLTON = "E08000035", "E08000032", "E08000033", "E08000010", "E08000001"


def _rows(*paragraphs: str) -> set[tuple]:
    return {row[:4] for row in rating_rows(list(paragraphs), PUBLISHED)}


@pytest.mark.parametrize("text, expected", [
    ("Leeds, outstanding; Bradford, requires improvement; Calderdale, good.",
     {(LEEDS, OVERALL, "outstanding", 2025), (BRADFORD, OVERALL, "requires_improvement", 2025),
      (CALDERDALE, OVERALL, "good", 2025)}),
    ("Bradford, inadequate; Leeds, good.", {(BRADFORD, OVERALL, "inadequate", 2025), (LEEDS, OVERALL, "good", 2025)}),
    ("Calderdale, good; Bradford, inadequate; Leeds, good.",
     {(CALDERDALE, OVERALL, "good", 2025), (BRADFORD, OVERALL, "inadequate", 2025), (LEEDS, OVERALL, "good", 2025)}),
])
def test_a_list_of_records_parted_by_semicolons(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("paragraph", [
    "Wigan was judged good in 2016. And then, in May 2024, good overall, with two outstanding grades: the impact of "
    "leaders, and care leavers. Help and protection was good.",
    "Wigan was judged good in 2016. Then, in May 2024, good overall, with two outstanding grades: the impact of "
    "leaders and care leavers. Help and protection was judged good.",
    "Wigan was judged good in 2016. And in May 2024, good overall, with outstanding grades for the impact of leaders "
    "and for care leavers. Help and protection was rated good.",
])
def test_a_verdict_opened_by_its_time_dates_the_paragraph(paragraph):
    assert _rows(paragraph) >= {(WIGAN, OVERALL, "good", 2024), (WIGAN, "leadership", "outstanding", 2024),
                                (WIGAN, "care_leavers", "outstanding", 2024),
                                (WIGAN, "help_and_protection", "good", 2024)}


@pytest.mark.parametrize("text, expected", [
    ("Like Wigan, Bolton was rated outstanding in 2023.", {(BOLTON, OVERALL, "outstanding", 2023)}),
    ("Bolton, like Wigan, was judged good last year.", {(BOLTON, OVERALL, "good", 2024)}),
    ("Bolton, like Wigan, is rated good.", {(BOLTON, OVERALL, "good", 2025), (WIGAN, OVERALL, "good", 2025)}),
])
def test_a_council_compared_is_alike_in_the_grade_not_the_time(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("paragraph, grade, year", [
    ("Leeds is now good. The 2012 safeguarding and looked after children inspection had found both areas only "
     "adequate.", "requires_improvement", 2012),
    ("Leeds is now good. Earlier, its 2011 safeguarding and looked after children inspection found both services "
     "good.", "good", 2011),
    ("Leeds is now good. In the 2010 SLAC its safeguarding was judged outstanding and its services for looked after "
     "children only good.", None, 2010),
])
def test_the_two_judgements_an_inspection_is_named_by(paragraph, grade, year):
    rows = _rows(paragraph)
    if grade is None:  # each its own grade
        assert {(LEEDS, "safeguarding", "outstanding", year), (LEEDS, "looked_after", "good", year)} <= rows
    else:
        assert {(LEEDS, "safeguarding", grade, year), (LEEDS, "looked_after", grade, year)} <= rows


@pytest.mark.parametrize("text, expected", [
    ("Leeds is the story of the year. Requires improvement in 2021; outstanding across the board in 2024.",
     {(LEEDS, OVERALL, "requires_improvement", 2021), (LEEDS, OVERALL, "outstanding", 2024)}),
    ("Leeds was good in 2019; outstanding in every area in 2024.",
     {(LEEDS, OVERALL, "good", 2019), (LEEDS, OVERALL, "outstanding", 2024)}),
    ("Leeds: inadequate in 2016; good in 2019; outstanding in 2023.",
     {(LEEDS, OVERALL, "inadequate", 2016), (LEEDS, OVERALL, "good", 2019), (LEEDS, OVERALL, "outstanding", 2023)}),
])
def test_a_clause_after_a_semicolon_opening_with_a_dated_grade(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Wigan followed in April. Its report awards outstanding on all five judgements, up from a 2022 report that had "
     "help and protection at good.",
     {(WIGAN, OVERALL, "outstanding", 2025), (WIGAN, "help_and_protection", "good", 2022)}),
    ("The 2019 inspection had leadership at requires improvement in Wigan.", {(WIGAN, "leadership",
                                                                               "requires_improvement", 2019)}),
    ("In 2021 inspectors kept Bolton's children in care at good.", {(BOLTON, "children_in_care", "good", 2021)}),
])
def test_a_judgement_held_at_a_grade(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In 2019 Bolton had been assessed as requires improvement to be good, and before that, in 2016, inadequate.",
     {(BOLTON, OVERALL, "requires_improvement", 2019), (BOLTON, OVERALL, "inadequate", 2016)}),
    ("Wigan was rated good in 2022, and earlier, in 2018, requires improvement.",
     {(WIGAN, OVERALL, "good", 2022), (WIGAN, OVERALL, "requires_improvement", 2018)}),
    ("Five years ago Bolton had been rated good, with leadership then already outstanding, and before that, in "
     "2014, requires improvement.",
     {(BOLTON, OVERALL, "good", 2020), (BOLTON, "leadership", "outstanding", 2020),
      (BOLTON, OVERALL, "requires_improvement", 2014)}),
])
def test_a_second_grade_after_its_time_goes_on_from_the_main_verdict(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("paragraph, expected", [
    ("Leeds was rated good. This is an improvement on the requires improvement judgement made in 2021.",
     {(LEEDS, OVERALL, "good", 2025), (LEEDS, OVERALL, "requires_improvement", 2021)}),
    ("Wigan was rated outstanding. That was a step up on the good rating of 2019.",
     {(WIGAN, OVERALL, "outstanding", 2025), (WIGAN, OVERALL, "good", 2019)}),
    ("Bolton was rated good. This is an improvement on the inadequate judgement of 2021, which had itself repeated "
     "the grade given in 2017.",
     {(BOLTON, OVERALL, "good", 2025), (BOLTON, OVERALL, "inadequate", 2021), (BOLTON, OVERALL, "inadequate", 2017)}),
])
def test_a_clause_speaking_of_the_verdict_just_given(paragraph, expected):
    assert _rows(paragraph) == expected
