"""A grade whose subject is a PART of an inspection ("the other three areas", "a couple of the sections", "the two
areas graded good", "that bit", "it" after "only one area, X,") is never the overall grade: it goes to the judgement
the part names, or to none. Also the judgements named in words these parts come with: "leaders were found to require
improvement", "the care leaver judgement", a LIST with an aside after its "and", "the three areas – A, B and
children in care and care leavers –" (one judgement, counted as one). Wordings written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"
OPENING = "Ofsted has rated Hartlepool's children's services inadequate."


def _graded(*blocks: str, published: date = date(2024, 4, 9)) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, h in rating_rows(list(blocks), published) if c == HARTLEPOOL and not h}


@pytest.mark.parametrize("text", [
    "Inspectors judged care leavers inadequate and found the council requires improvement in the other three areas.",
    "Care leavers were rated inadequate, while the remaining judgements came back as requires improvement.",
    "Two years ago a couple of the sections were already only 'requires improvement'.",
    "Members asked whether the two areas graded requires improvement would be revisited.",
    "Only one aspect was judged to require improvement.",
])
def test_a_part_of_the_inspection_is_never_the_overall_grade(text):
    assert ("overall_effectiveness", "requires_improvement") not in _graded(OPENING, text)


@pytest.mark.parametrize("text", [
    "Adoption was judged good; the rest required improvement.",
    "Care leavers came out good, but the others were all found to require improvement.",
    "Inspectors found the council requires improvement in four of the five areas, with adoption the exception.",
])
def test_the_rest_of_the_areas_or_an_exception_is_no_overall_grade_nor_the_exception_s(text):
    found = _graded(OPENING, text)
    assert ("overall_effectiveness", "requires_improvement") not in found
    assert not {j for j, g in found if g == "requires_improvement"}


@pytest.mark.parametrize("text, named", [
    ("Only one area, help and protection, was spared - it was judged to require improvement.",
     "help_and_protection"),
    ("Just one judgement, adoption, stood out: it was rated good.", "adoption"),
    ("A single area, care leavers, drew praise, and it was found to be good.", "care_leavers"),
])
def test_it_after_one_area_named_in_apposition_is_that_area(text, named):
    found = _graded(OPENING, text)
    assert named in {j for j, _ in found} and not {g for j, g in found if j == "overall_effectiveness"} - {
        "inadequate"}


@pytest.mark.parametrize("text, named", [
    ("The report was kinder about care leavers – that bit was graded good.", "care_leavers"),
    ("Inspectors rated it good for leadership and for adoption, a rise from 2021, when that area required "
     "improvement.", "adoption"),
    ("Leaders and children in care fared better; this section of the report was good.", "children_in_care"),
])
def test_a_singular_reference_is_the_last_judgement_named(text, named):
    found = _graded(OPENING, text)
    assert ("overall_effectiveness", "good") not in found
    assert (named, "good") in found or (named, "requires_improvement") in {
        (j, g) for c, j, g, _, h in rating_rows([OPENING, text], date(2024, 4, 9)) if h}


def test_before_that_is_a_time_not_a_reference():
    rows = rating_rows(["Hartlepool was rated good in 2019, and before that had required improvement."],
                       date(2024, 4, 9))
    assert {(j, g) for _, j, g, _, _ in rows} == {("overall_effectiveness", "good"),
                                                  ("overall_effectiveness", "requires_improvement")}


@pytest.mark.parametrize("text", [
    "Its leaders were found to require improvement.",
    "Senior leaders were judged to need improvement, the report said.",
    "Leaders were deemed to require improvement rather than inadequate.",
])
def test_leaders_found_to_require_improvement(text):
    assert ("leadership", "requires_improvement") in _graded(OPENING, text)


@pytest.mark.parametrize("text", [
    "Its care leaver services were judged to require improvement.",
    "The care leaver judgement required improvement.",
    "Inspectors rated the council's care leaver support as requiring improvement.",
])
def test_a_care_leaver_service_is_the_care_leavers_judgement(text):
    found = _graded(OPENING, text)
    assert ("care_leavers", "requires_improvement") in found
    assert ("overall_effectiveness", "requires_improvement") not in found


@pytest.mark.parametrize("text, named", [
    ("Leaders, children in care and, for the first time, care leavers were all judged good.",
     {"leadership", "children_in_care", "care_leavers"}),
    ("Inspectors found help and protection and, unusually, adoption to be good.", {"help_and_protection", "adoption"}),
    ("The help given to vulnerable children who need protection and the service for care leavers were both good.",
     {"help_and_protection", "care_leavers"}),
])
def test_a_list_with_an_aside_or_an_adjective_is_one_list(text, named):
    assert {j for j, g in _graded(OPENING, text) if g == "good"} == named


@pytest.mark.parametrize("text", [
    "Each of the three underlying areas – leaders, help and protection, and the experiences of children in care and "
    "care leavers – was judged requires improvement.",
    "All three judgements (the impact of leaders, help and protection, and children in care and care leavers) "
    "required improvement.",
    "The three graded judgements, leadership, help and protection and children in care and care leavers, all "
    "required improvement.",
])
def test_children_in_care_and_care_leavers_counted_as_one_area_is_one_judgement(text):
    found = _graded("Hartlepool requires improvement, Ofsted said.", text, published=date(2023, 2, 20))
    assert ("children_in_care", "requires_improvement") in found
    assert ("care_leavers", "requires_improvement") not in found


def test_children_in_care_and_care_leavers_counted_as_two_areas_are_two():
    text = ("All four judgements – leaders, help and protection, and children in care and care leavers – required "
            "improvement.")
    found = _graded("Hartlepool requires improvement, Ofsted said.", text, published=date(2024, 2, 20))
    assert {("children_in_care", "requires_improvement"), ("care_leavers", "requires_improvement")} <= found
