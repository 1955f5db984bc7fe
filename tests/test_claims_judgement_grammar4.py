"""The judgement grammar, fourth part: areas a count gives a grade to, named after it ("outstanding in three of the
four areas: A, B and C", "including A and B"); every area named after a relative clause ("all four judgement areas,
which the report lists as: A; B; C; D"); "leaders" naming the leadership judgement in a LIST or as a row's label;
a sentence opening with the judgement's possessive name ("Leaders' impact, ... were all rated outstanding").
Wordings written for these tests, read through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"
PUBLISHED = date(2024, 6, 3)


def _rows(*blocks: str | Block) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(blocks), PUBLISHED) if c == HARTLEPOOL}


# --- a count of areas, the areas named after it ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool was judged good in three of the four areas inspected: the impact of leaders, help and protection, "
    "and the experiences of children in care.",
    "Inspectors rated Hartlepool good in three of its four judgements – leadership, help and protection and "
    "children in care – and found care leavers' services weaker.",
    "Of the four areas graded in Hartlepool, three were rated good: leadership, help and protection and children in "
    "care all earned that verdict.",
])
def test_areas_a_count_grades_are_the_ones_named_after_it(text):
    got = _rows(text)
    assert {("leadership", "good"), ("help_and_protection", "good"), ("children_in_care", "good")} <= got
    assert ("care_leavers", "good") not in got


@pytest.mark.parametrize("text", [
    "Hartlepool is now good overall and in two of the three other judgements, including help and protection.",
    "Hartlepool was rated good overall and good in three of four areas, including help and protection.",
    "Hartlepool was judged good overall, and good in most judgements including help and protection.",
])
def test_including_names_some_of_the_areas_a_count_grades(text):
    assert _rows(text) == {("overall_effectiveness", "good"), ("help_and_protection", "good")}


def test_a_count_of_areas_alone_names_none_of_them():
    assert _rows("Hartlepool was judged inadequate in three of the four areas inspected.") == set()


# --- every area, named after a relative clause and a colon --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool was rated outstanding in all four judgement areas, which the report lists as: the impact of "
    "leaders; help and protection; children in care; and care leavers.",
    "Inspectors judged Hartlepool outstanding in each of the four inspection areas, set out in the letter as "
    "follows: leadership; help and protection; children in care; care leavers.",
    "Hartlepool was found outstanding across all four judgements, which are named in the report as: leadership, "
    "help and protection, children in care and care leavers.",
])
def test_every_area_named_after_a_relative_clause_takes_the_grade(text):
    got = _rows(text)
    assert {("leadership", "outstanding"), ("help_and_protection", "outstanding"),
            ("children_in_care", "outstanding"), ("care_leavers", "outstanding")} <= got


# --- "leaders" in a LIST, or as a row's label ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool was judged good. Leaders, help and protection and children in care were all good too.",
    "Hartlepool was judged good. Help and protection, children in care and leaders were all rated good as well.",
    "Hartlepool was judged good, and inspectors rated leaders, children in care and help and protection good too.",
])
def test_leaders_in_a_list_of_judgements_names_leadership(text):
    got = _rows(text)
    assert {("leadership", "good"), ("help_and_protection", "good"), ("children_in_care", "good")} <= got


@pytest.mark.parametrize("text", [
    "Senior leaders told the committee that Hartlepool had been rated good.",
    "Hartlepool was rated good, and leaders said staff deserved the credit.",
    "Leaders in Hartlepool welcomed the good rating.",
])
def test_leaders_outside_a_list_of_judgements_names_no_judgement(text):
    assert ("leadership", "good") not in _rows(text)


@pytest.mark.parametrize("label", ["Leaders: good", "Senior leaders – good", "Leaders - good"])
def test_leaders_as_a_rows_label_names_leadership(label):
    got = _rows("Hartlepool's inspection results are below.", Block("list_item", "Overall effectiveness: good"),
                Block("list_item", label), Block("list_item", "Care leavers: requires improvement"))
    assert got == {("overall_effectiveness", "good"), ("leadership", "good"), ("care_leavers", "requires_improvement")}


# --- a sentence opening with the judgement's possessive name -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Leaders' impact, children in care and care leavers were all rated outstanding in the new report.",
    "Leaders’ impact and help and protection are both judged outstanding, inspectors said.",
    "Leaders' impact on social work practice was found outstanding as well.",
])
def test_a_judgements_possessive_name_opening_the_sentence_is_no_other_owner(text):
    got = _rows("Hartlepool has been rated outstanding by Ofsted.", text)
    assert ("leadership", "outstanding") in got


# --- ", with X rated ..." opens a clause: X is not one more judgement of the LIST before it ----------------------

@pytest.mark.parametrize("text", [
    "Hartlepool was judged good for help and protection, with care leavers rated requires improvement.",
    "Inspectors rated Hartlepool good for leadership and for children in care, with care leavers found to require "
    "improvement.",
    "Hartlepool was good overall and good for leaders, with care leavers judged to require improvement.",
])
def test_a_with_clause_after_a_list_is_not_part_of_it(text):
    got = _rows(text)
    assert ("care_leavers", "requires_improvement") in got
    assert not {j for j, g in got if g == "requires_improvement"} - {"care_leavers"}
    assert ("care_leavers", "good") not in got
