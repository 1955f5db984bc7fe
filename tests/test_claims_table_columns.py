"""Tables turned round: a column per COUNCIL or per inspection, a judgement per row (the header's first cell left
empty, so missing from the header row); a date cell dating a council's row; a bracket in a cell grading another
judgement. Tables written for these tests, read through the whole extraction (blocks in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

HALTON, TORBAY, TELFORD = "E06000006", "E06000027", "E06000020"
PUBLISHED = date(2023, 5, 2)


def _table(lead: str, *rows: str, published: date = PUBLISHED) -> set[tuple]:
    return rating_rows([Block("paragraph", lead), *[Block("table_row", r) for r in rows]], published)


# --- a column per council --------------------------------------------------------------------------------------

@pytest.mark.parametrize("header", [
    "Halton | Torbay",                    # the first cell left empty
    "Judgement | Halton | Torbay",
    "Ofsted judgements | Halton Borough Council | Torbay Council",
])
@pytest.mark.parametrize("rows", [
    ("Overall effectiveness | Good | Inadequate", "Impact of leaders | Outstanding | Requires improvement",
     "Help and protection | Good | Inadequate"),
    ("Overall | Good | Inadequate", "Leadership | Outstanding | Requires improvement",
     "Children who need help and protection | Good | Inadequate"),
    ("The overall effectiveness of children's services | Good | Inadequate",
     "The impact of leaders on social work practice | Outstanding | Requires improvement",
     "The experiences and progress of children who need help and protection | Good | Inadequate"),
])
def test_each_column_is_a_councils_grades(header, rows):
    got = _table("How the two councils' inspections this spring compare.", header, *rows)
    assert got == {(code, judgement, grade, 2023, False) for code, judgement, grade in [
        (HALTON, "overall_effectiveness", "good"), (HALTON, "leadership", "outstanding"),
        (HALTON, "help_and_protection", "good"), (TORBAY, "overall_effectiveness", "inadequate"),
        (TORBAY, "leadership", "requires_improvement"), (TORBAY, "help_and_protection", "inadequate")]}


def test_a_column_per_council_names_no_council_a_row_does_not():
    got = _table("The outcomes side by side.", "Halton | Torbay", "Care leavers | Requires improvement | Good",
                 "Our staff | Proud | Ready")
    assert got == {(HALTON, "care_leavers", "requires_improvement", 2023, False),
                   (TORBAY, "care_leavers", "good", 2023, False)}


# --- a column per inspection, the judgements' column left empty ------------------------------------------------

@pytest.mark.parametrize("header, earlier_year", [
    ("2019 | 2023", 2019),
    ("Previous inspection (2019) | This inspection", 2019),
    ("Last inspection, 2019 | Latest inspection", 2019),
])
def test_each_column_is_an_inspection_of_the_discourses_council(header, earlier_year):
    got = _table("Halton's children's services were inspected again this spring.", header,
                 "Overall effectiveness | Inadequate | Good", "Impact of leaders | Requires improvement | Outstanding")
    assert got == {(HALTON, "overall_effectiveness", "inadequate", earlier_year, True),
                   (HALTON, "leadership", "requires_improvement", earlier_year, True),
                   (HALTON, "overall_effectiveness", "good", 2023, False),
                   (HALTON, "leadership", "outstanding", 2023, False)}


# --- a date cell dates its row -----------------------------------------------------------------------------------

@pytest.mark.parametrize("header, halton_date, torbay_date", [
    ("Council | Last inspection | Overall", "November 2017", "June 2018"),
    ("Local authority | Inspected | Grade", "2017", "2018"),
    ("Area | Report published | Rating", "12 December 2017", "3 July 2018 (ILACS)"),
])
def test_a_date_cell_dates_the_rows_grades(header, halton_date, torbay_date):
    got = _table("The committee was reminded of the two councils' earlier inspections.", header,
                 f"Halton | {halton_date} | Requires improvement", f"Torbay | {torbay_date} | Inadequate")
    assert got == {(HALTON, "overall_effectiveness", "requires_improvement", 2017, True),
                   (TORBAY, "overall_effectiveness", "inadequate", 2018, True)}


# --- a bracket in a cell grades another judgement -----------------------------------------------------------------

@pytest.mark.parametrize("cell, judgement, grade", [
    ("Requires improvement (leadership: inadequate)", "leadership", "inadequate"),
    ("Good (care leavers - requires improvement)", "care_leavers", "requires_improvement"),
    ("Good (outstanding for adoption)", "adoption", "outstanding"),
])
def test_a_bracket_in_a_cell_grades_the_judgement_it_names(cell, judgement, grade):
    got = _table("Inspection outcomes this year.", "Council | Overall effectiveness", f"Telford and Wrekin | {cell}")
    overall = "requires_improvement" if cell.startswith("Requires") else "good"
    assert got == {(TELFORD, "overall_effectiveness", overall, 2023, False), (TELFORD, judgement, grade, 2023, False)}
