"""The judgement grammar, eighth part: the inspection a verdict was given in, named after it, names its judgement
("judged inadequate in its child protection inspection": safeguarding until 2013); "overall" alone opening a LIST
of every area ("across the board – overall, leadership, ..."); "with adoption requiring improvement"; "found A, B
and C all to be inadequate". Wordings written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _rows(published: date, *paragraphs: str) -> set[tuple[str, str, int | None]]:
    return {(j, g, y) for c, j, g, y, _ in rating_rows(list(paragraphs), published) if c == HARTLEPOOL}


# --- the inspection named after the grade ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, judgements", [
    ("Hartlepool was judged inadequate in its child protection inspection in January 2013.", {"safeguarding"}),
    ("Hartlepool had been found adequate in an unannounced child protection inspection in 2012.", {"safeguarding"}),
    ("Hartlepool was rated adequate in the safeguarding and looked after children inspection of 2011.",
     {"safeguarding", "looked_after"}),
])
def test_the_inspection_named_after_the_grade_names_the_judgement(text, judgements):
    got = _rows(date(2016, 5, 1), text)
    assert {j for j, _, _ in got} == judgements
    assert "overall_effectiveness" not in {j for j, _, _ in got}


# --- "overall" alone opening a LIST of every area ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool has been rated outstanding across the board – overall, leadership, help and protection and "
    "children in care – in a report published last week.",
    "Hartlepool was judged outstanding in every area: overall, leadership, help and protection and children in care.",
    "Hartlepool is outstanding in all four judgements – overall, leadership, help and protection, children in care.",
])
def test_overall_alone_opens_a_list_of_every_area(text):
    got = {(j, g) for j, g, _ in _rows(date(2025, 4, 22), text)}
    assert got == {("overall_effectiveness", "outstanding"), ("leadership", "outstanding"),
                   ("help_and_protection", "outstanding"), ("children_in_care", "outstanding")}


# --- "with X requiring improvement" -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In 2017 Hartlepool was inadequate, with the LSCB also inadequate and adoption requiring improvement.",
    "Hartlepool was rated good in 2017, with adoption requiring improvement.",
    "Hartlepool was judged inadequate in 2017, with its adoption service still requiring improvement.",
])
def test_with_a_judgement_requiring_improvement(text):
    assert ("adoption", "requires_improvement", 2017) in _rows(date(2025, 4, 22), text)


# --- "found A, B and C all to be X" -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The report found overall effectiveness, leadership, help and protection and care leavers all to be inadequate "
    "in Hartlepool.",
    "Inspectors found Hartlepool's leadership, help and protection and care leavers to be inadequate.",
    "In Hartlepool, inspectors found leadership and help and protection, and care leavers, all inadequate.",
])
def test_found_a_list_all_to_be_a_grade(text):
    got = {(j, g) for j, g, _ in _rows(date(2025, 1, 21), text)}
    assert {("leadership", "inadequate"), ("help_and_protection", "inadequate"), ("care_leavers", "inadequate")} <= got
