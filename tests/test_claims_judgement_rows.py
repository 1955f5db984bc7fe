"""Judgements written as rows: list items and lines of text ("Impact of leaders: Good", "Good for children in
care", "Overall effectiveness – good (previously inadequate)") and tables of one council's judgements with a
column per inspection, as officers' reports and press releases lay them out. Wordings and tables written for these
tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

PUBLISHED = date(2022, 11, 3)
STOCKPORT = "E08000007"
LEAD = "Ofsted has published its inspection of Stockport Council's children's services."


def _rows(*blocks: Block) -> set[tuple]:
    return {(j, g, y, h) for c, j, g, y, h in rating_rows([LEAD, *blocks], PUBLISHED) if c == STOCKPORT}


@pytest.mark.parametrize("items", [
    ("Overall effectiveness – good (previously requires improvement)", "Impact of leaders – outstanding"),
    ("Overall effectiveness: Good (Requires improvement in 2018)", "The impact of leaders: Outstanding"),
    ("Overall effectiveness - 'good' (was requires improvement, 2018)", "Leadership - 'outstanding'"),
])
def test_a_row_with_its_earlier_grade_in_brackets(items):
    got = _rows(*[Block("list_item", i, list_id=1) for i in items])
    current = {(j, g) for j, g, y, h in got if not h}
    earlier = {(j, g) for j, g, y, h in got if h}
    assert current == {("overall_effectiveness", "good"), ("leadership", "outstanding")}
    assert earlier == {("overall_effectiveness", "requires_improvement")}
    assert {y for *_, y, h in got if h} <= {None, 2018}


@pytest.mark.parametrize("items", [
    ("Good overall", "Outstanding for the impact of leaders", "Requires improvement for children in care"),
    ("Good overall.", "Outstanding for leadership.", "Requires improvement to be good for the experiences and "
     "progress of children in care."),
    ("'Good' overall", "'Outstanding' for leaders' impact", "'Requires improvement' in children in care"),
])
def test_rows_that_give_the_grade_first(items):
    assert _rows(*[Block("list_item", i, list_id=1) for i in items]) == {
        ("overall_effectiveness", "good", 2022, False), ("leadership", "outstanding", 2022, False),
        ("children_in_care", "requires_improvement", 2022, False)}


@pytest.mark.parametrize("text", [
    "The judgements are: Overall effectiveness – Good. Impact of leaders – Outstanding.",
    "Inspectors' findings: overall effectiveness, good. Leadership, outstanding.",
    "In summary: Overall effectiveness: Good. The impact of leaders: Outstanding.",
    "Stockport's judgements: Overall – Good; Leadership – Outstanding.",
    "The judgements for each area were: Overall effectiveness: good Impact of leaders: outstanding",
])
def test_the_first_row_after_a_colon_in_running_text(text):
    assert {(j, g) for j, g, _, _ in _rows(Block("paragraph", text))} == {
        ("overall_effectiveness", "good"), ("leadership", "outstanding")}


@pytest.mark.parametrize("header, earlier_year", [
    ("Judgement | 2018 grade | 2022 grade", 2018),
    ("Judgement | Previous inspection (2018) | This inspection", 2018),
    ("Inspection area | Last inspection | Latest inspection", None),
])
def test_a_table_of_one_councils_judgements_with_a_column_per_inspection(header, earlier_year):
    got = _rows(*[Block("table_row", r) for r in (
        header, "Overall effectiveness | Inadequate | Good",
        "The impact of leaders on social work practice | Requires improvement | Outstanding")])
    assert got == {("overall_effectiveness", "good", 2022, False), ("leadership", "outstanding", 2022, False),
                   ("overall_effectiveness", "inadequate", earlier_year, True),
                   ("leadership", "requires_improvement", earlier_year, True)}


def test_current_first_then_previous_columns():
    got = _rows(*[Block("table_row", r) for r in (
        "Judgement | Current grade | Previous grade", "Overall effectiveness | Good | Inadequate",
        "Children in care | Good | Requires improvement")])
    assert {(j, g, h) for j, g, _, h in got} == {
        ("overall_effectiveness", "good", False), ("children_in_care", "good", False),
        ("overall_effectiveness", "inadequate", True), ("children_in_care", "requires_improvement", True)}


def test_a_round_up_with_an_area_column_is_still_a_table_of_councils():
    got = rating_rows(["Ofsted published these council inspections this month.", *[Block("table_row", r) for r in (
        "Area | Grade | Previous grade", "Stockport | Good | Requires improvement")]], PUBLISHED)
    assert got == {(STOCKPORT, "overall_effectiveness", "good", 2022, False),
                   (STOCKPORT, "overall_effectiveness", "requires_improvement", None, True)}


@pytest.mark.parametrize("header", ["Judgement | 2018 | 2022", "Area of judgement | 2018 inspection | 2022 inspection",
                                    "Judgements | Previous (2018) | Now", "Judgement area | 2018 | 2022"])
def test_a_column_per_inspection_with_an_empty_cell(header):
    got = _rows(*[Block("table_row", r) for r in (
        header, "Overall effectiveness | Requires improvement | Good",
        "Care leavers (graded apart from 2023) | - | Good")])
    assert {(j, g, h) for j, g, _, h in got} == {
        ("overall_effectiveness", "requires_improvement", True), ("overall_effectiveness", "good", False),
        ("care_leavers", "good", False)}
