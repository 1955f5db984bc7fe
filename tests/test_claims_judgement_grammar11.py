"""The judgement grammar, eleventh part: a table of one council's inspection history, a row per judgement with its
own judgement and grade columns, dated by its date cell (and the rows under it that give only a judgement and its
grade, by the row above); "every category: A, B and C"; "with A and B both inadequate too"; "came in at good",
"went to outstanding". Wordings and tables written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _history(header: str, *rows: str) -> set[tuple[str, str, int | None, bool]]:
    blocks = [Block("paragraph", "Hartlepool's committee was shown the council's inspection history."),
              Block("table_row", header), *[Block("table_row", r) for r in rows]]
    return {(j, g, y, h) for c, j, g, y, h in rating_rows(blocks, date(2024, 10, 3)) if c == HARTLEPOOL}


@pytest.mark.parametrize("header, rows", [
    ("Inspection | Published | Judgement | Grade",
     ["Single inspection framework | March 2016 | Overall effectiveness | Requires improvement",
      "Adoption performance | Good",
      "ILACS | June 2021 | Overall effectiveness | Good"]),
    ("Framework | Date of report | Sub-judgement | Outcome",
     ["SIF | 2016 | Overall effectiveness | Requires improvement to be good",
      "Adoption | Good",
      "ILACS standard | May 2021 | Overall effectiveness | Good"]),
    ("Type of inspection | When | Judgements | Rating",
     ["Single inspection | Mar 2016 | Overall effectiveness | Requires improvement",
      "Adoption performance | Good",
      "Inspection of local authority children's services | 2021 | Overall effectiveness | Good"]),
])
def test_an_inspection_history_table_dates_each_row_by_its_date_cell(header, rows):
    got = _history(header, *rows)
    assert {("overall_effectiveness", "requires_improvement", 2016, True), ("adoption", "good", 2016, True),
            ("overall_effectiveness", "good", 2021, True)} <= got
    assert not {y for _, _, y, _ in got} - {2016, 2021}


@pytest.mark.parametrize("row", [
    "Child protection (unannounced) | January 2013 | Overall effectiveness | Adequate",
    "Child protection inspection | 2012 | Overall effectiveness | Adequate",
    "Unannounced inspection of child protection | October 2012 | Overall effectiveness | Adequate",
])
def test_the_overall_effectiveness_of_a_child_protection_inspection_is_its_safeguarding_judgement(row):
    got = _history("Inspection | Published | Judgement | Grade", row)
    assert {j for j, _, _, _ in got} == {"safeguarding"}
    assert {g for _, g, _, _ in got} == {"requires_improvement"}


@pytest.mark.parametrize("text", [
    "Inspectors rated Hartlepool inadequate overall and in every category they examined: help and protection, "
    "children in care and the impact of leaders.",
    "Hartlepool was judged inadequate in each category: leadership, help and protection and children in care.",
    "Hartlepool is inadequate in every category of the inspection – the impact of leaders, help and protection and "
    "children in care.",
])
def test_every_category_named_after_a_colon_or_a_dash(text):
    got = {(j, g) for c, j, g, _, h in rating_rows([text], date(2023, 2, 1)) if c == HARTLEPOOL}
    assert {("leadership", "inadequate"), ("help_and_protection", "inadequate"),
            ("children_in_care", "inadequate")} <= got


@pytest.mark.parametrize("text", [
    "Hartlepool was rated inadequate overall, with help and protection and children in care both inadequate too.",
    "Hartlepool is inadequate overall, with leadership and help and protection inadequate as well.",
    "Hartlepool was judged inadequate, with children in care and care leavers also inadequate.",
])
def test_a_with_phrase_graded_too(text):
    got = {(j, g) for c, j, g, _, h in rating_rows([text], date(2023, 2, 1)) if c == HARTLEPOOL}
    assert ("overall_effectiveness", "inadequate") in got and len(got) == 3


@pytest.mark.parametrize("text, expected", [
    ("In Hartlepool help and protection came in at good.", ("help_and_protection", "good")),
    ("Hartlepool went to outstanding this time round.", ("overall_effectiveness", "outstanding")),
    ("Hartlepool's leadership comes in at requires improvement.", ("leadership", "requires_improvement")),
])
def test_came_in_at_and_went_to_are_grade_verbs(text, expected):
    assert expected in {(j, g) for c, j, g, _, h in rating_rows([text], date(2023, 2, 1)) if c == HARTLEPOOL}


@pytest.mark.parametrize("text", [
    "Hartlepool's director went to good schools in the town.",
    "The Hartlepool team came in at good speed.",
    "Hartlepool's new director went to an outstanding council before this one.",
])
def test_went_to_and_came_in_at_with_no_grade_of_the_council(text):
    assert not rating_rows([text], date(2023, 2, 1))


def _graded(text: str, published: date = date(2023, 2, 1)) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in rating_rows([text], published) if c == HARTLEPOOL}


@pytest.mark.parametrize("text", [
    "Hartlepool was rated RI in 2019.",
    "Hartlepool came out RI in March.",
    "Ofsted judged Hartlepool RI overall.",
])
def test_ri_in_capitals_is_requires_improvement(text):
    assert _graded(text) == {("overall_effectiveness", "requires_improvement")}


@pytest.mark.parametrize("text", [
    "Ri Hartlepool is the name of a new cafe.",
    "The RIBA praised Hartlepool's new children's centre as good.",
    "Hartlepool's director spoke at the RI lecture series.",
])
def test_ri_is_only_the_abbreviation_standing_alone(text):
    assert ("overall_effectiveness", "requires_improvement") not in _graded(text)


@pytest.mark.parametrize("text, expected", [
    ("Hartlepool was good overall, with leadership already outstanding.", ("leadership", "outstanding")),
    ("Hartlepool requires improvement, though its care leavers service was already inadequate.",
     ("care_leavers", "inadequate")),
    ("By contrast, Hartlepool was already outstanding.", ("overall_effectiveness", "outstanding")),
])
def test_already_before_a_grade(text, expected):
    assert expected in _graded(text)


@pytest.mark.parametrize("text, expected", [
    ("In Hartlepool only help and protection held it back at good.", ("help_and_protection", "good")),
    ("The care leavers judgement held Hartlepool back at requires improvement.",
     ("care_leavers", "requires_improvement")),
    ("In Hartlepool, leadership kept the council back at good.", ("leadership", "good")),
])
def test_a_judgement_holding_the_rest_back_at_a_grade_has_that_grade(text, expected):
    assert expected in _graded(text)


@pytest.mark.parametrize("text, expected", [
    ("About Hartlepool there is little to add. Four judgements, four inadequates: overall, leaders, help and "
     "protection, and the experiences of children in care.",
     {"overall_effectiveness", "leadership", "help_and_protection", "children_in_care"}),
    ("Hartlepool got three goods: leadership, help and protection and children in care.",
     {"leadership", "help_and_protection", "children_in_care"}),
    ("For Hartlepool, two RIs - help and protection and care leavers.", {"help_and_protection", "care_leavers"}),
])
def test_a_grade_counted_in_the_plural_grades_the_list_after_it(text, expected):
    assert {j for j, _ in _graded(text)} == expected


@pytest.mark.parametrize("text", [
    "Hartlepool's market sells two goods: bread and milk.",
    "Hartlepool's report lists three goods: a stable workforce, low caseloads and good supervision.",
    "Hartlepool has two outstandings to its name: a school and a nursery.",
])
def test_a_plural_grade_over_things_that_are_not_judgements_is_nothing(text):
    assert not _graded(text)


@pytest.mark.parametrize("text", [
    "Hartlepool was rated outstanding in every one of the five judgements – overall effectiveness, the impact of "
    "leaders, help and protection, children in care, and care leavers, who since 2023 have been graded apart.",
    "Hartlepool was judged outstanding in all five areas: overall effectiveness, leadership, help and protection, "
    "children in care and care leavers, which Ofsted now grades separately.",
    "Inspectors graded Hartlepool outstanding in each of the five areas – overall effectiveness, leaders' impact, "
    "help and protection, children in care and care leavers, whose service was praised.",
])
def test_a_relative_clause_after_the_last_item_of_every_area_listed(text):
    assert {j for j, _ in _graded(text, date(2025, 4, 15))} == {
        "overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers"}


@pytest.mark.parametrize("text", [
    "Hartlepool was rated outstanding, with its care leavers' service also outstanding.",
    "Hartlepool was judged good, with the care leavers' provision good as well.",
    "Hartlepool was rated inadequate overall, with its looked-after children's work inadequate too.",
])
def test_a_judgements_service_in_the_possessive_graded_in_a_with_phrase(text):
    assert len({j for j, _ in _graded(text, date(2025, 4, 15))}) == 2
