"""The judgement grammar, seventh part, from blogs and minutes: a table of inspections by time under a councils'
or areas' first column ("Area | 2019 | 2023"); "help and protection for children at risk"; judgement-grade pairs
after a dash; "good on both counts", "adequate for both" (the two judgements of 2009-2012); "gives the same grade
to the service for care leavers"; one area named as included in every area ("care leavers included", "in all five,
X among them"); "outstanding overall again, and for ..."; "stayed at good"; "the safeguarding board". Wordings
written for these tests, read through the whole extraction (blocks in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

HARTLEPOOL, HALTON = "E06000001", "E06000006"


def _rows(published: date, *blocks: str | Block) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(blocks), published) if c == HARTLEPOOL}


def _all(published: date, *blocks: str | Block) -> set[tuple]:
    return rating_rows(list(blocks), published)


# --- a table of inspections by time ------------------------------------------------------------------------------

@pytest.mark.parametrize("header", ["Area | 2019 | 2023", "Local authority | 2019 | 2023",
                                    "Area | Last inspection (2019) | This inspection"])
def test_a_table_of_inspections_by_time_with_a_judgement_per_row(header):
    got = _all(date(2023, 10, 11), "Members received Hartlepool's inspection outcome.", Block("table_row", header),
               Block("table_row", "Overall effectiveness | Good | Inadequate"),
               Block("table_row", "Impact of leaders | Good | Requires improvement"))
    assert got == {(HARTLEPOOL, "overall_effectiveness", "good", 2019, True),
                   (HARTLEPOOL, "leadership", "good", 2019, True),
                   (HARTLEPOOL, "overall_effectiveness", "inadequate", 2023, False),
                   (HARTLEPOOL, "leadership", "requires_improvement", 2023, False)}


def test_a_table_of_inspections_by_time_with_a_council_per_row():
    got = _all(date(2023, 10, 11), "The region's councils, then and now.", Block("table_row", "Area | 2019 | 2023"),
               Block("table_row", "Halton | Good | Inadequate"), Block("table_row", "Hartlepool | Outstanding | Good"))
    assert got == {(HALTON, "overall_effectiveness", "good", 2019, True),
                   (HALTON, "overall_effectiveness", "inadequate", 2023, False),
                   (HARTLEPOOL, "overall_effectiveness", "outstanding", 2019, True),
                   (HARTLEPOOL, "overall_effectiveness", "good", 2023, False)}


# --- "for children at risk" ends a judgement's name ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In Hartlepool the two other judgements – the impact of leaders, and help and protection for children at risk – "
    "were both requires improvement.",
    "In Hartlepool help and protection for children at risk and the impact of leaders were both judged to require "
    "improvement.",
    "Inspectors rated the impact of leaders and the help and protection given to children in need in Hartlepool as "
    "requiring improvement.",
])
def test_help_and_protection_for_children_at_risk_stays_in_the_list(text):
    got = _rows(date(2023, 3, 10), text)
    assert {("leadership", "requires_improvement"), ("help_and_protection", "requires_improvement")} <= got


# --- judgement-grade pairs after a dash -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool (January) – safeguarding outstanding, looked after children good.",
    "Hartlepool, reported in January – safeguarding outstanding; looked after children good.",
    "Then Hartlepool – safeguarding outstanding and looked after children good, a fine pair.",
])
def test_judgement_grade_pairs_after_a_dash(text):
    got = _rows(date(2012, 7, 2), text)
    assert ("safeguarding", "outstanding") in got
    assert ("looked_after", "good") in got or ("children_in_care", "good") in got


# --- "both" judgements of 2009-2012 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool (February) – good on both counts.",
    "Hartlepool's inspection this spring came out adequate for both.",
    "Hartlepool was judged good in both areas.",
])
def test_both_counts_are_safeguarding_and_looked_after_before_2013(text):
    got = _rows(date(2012, 7, 2), text)
    assert {j for j, _ in got} >= {"safeguarding"} and ({"looked_after", "children_in_care"} & {j for j, _ in got})


@pytest.mark.parametrize("published, text", [
    (date(2019, 7, 2), "Hartlepool was judged good on both counts."),
    (date(2012, 7, 2), "Hartlepool received the bottom grade for both education and social care."),
    (date(2012, 7, 2), "Hartlepool and Halton were rated good in both councils' reports."),
])
def test_both_is_not_the_two_judgements_after_2012_or_before_a_noun(published, text):
    assert "safeguarding" not in {j for j, _ in _rows(published, text)}


# --- the same grade given to a judgement named after it ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The report rates the experiences of children in care in Hartlepool as good and gives the same grade to the "
    "service for care leavers.",
    "Inspectors judged Hartlepool's help and protection good, and awarded the same rating to the impact of leaders.",
    "Hartlepool's children in care were rated good; inspectors gave that grade to care leavers as well.",
])
def test_the_same_grade_given_to_a_judgement_named_after_it(text):
    got = _rows(date(2023, 3, 10), text)
    assert len({j for j, g in got if g == "good"} - {"overall_effectiveness"}) == 2
    assert ("overall_effectiveness", "good") not in got


# --- one area named as included in every area ---------------------------------------------------------------------

@pytest.mark.parametrize("text, judgement", [
    ("Hartlepool was outstanding in every one of the five judgements, care leavers included.", "care_leavers"),
    ("Hartlepool: requires improvement in all five, care leavers among them.", "care_leavers"),
    ("Hartlepool was judged inadequate across the board, adoption included.", "adoption"),
])
def test_an_area_named_as_included_in_every_area(text, judgement):
    got = _rows(date(2015, 6, 1) if judgement == "adoption" else date(2025, 5, 20), text)
    assert len(got) == 2 and judgement in {j for j, _ in got} and "overall_effectiveness" in {j for j, _ in got}


# --- "overall again, and for ..." ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Then in March it was Hartlepool's turn. Outstanding overall again, and for leaders, for help and protection "
    "and for children in care.",
    "Hartlepool was rated outstanding overall too, and for leadership and for children in care.",
    "Hartlepool: outstanding overall once more, and for leaders and for children in care.",
])
def test_overall_with_an_adverb_then_for_judgements(text):
    got = _rows(date(2025, 5, 20), text)
    assert {("overall_effectiveness", "outstanding"), ("leadership", "outstanding"),
            ("children_in_care", "outstanding")} <= got


# --- "stayed at good" ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In Hartlepool the one that got away was care leavers, which stayed at good.",
    "In Hartlepool care leavers stayed at good.",
    "Hartlepool's care leavers service stays at good after the inspection.",
])
def test_stayed_at_gives_the_grade(text):
    assert ("care_leavers", "good") in _rows(date(2025, 5, 20), text)


# --- the safeguarding board ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In Hartlepool the safeguarding board was rated inadequate too.",
    "Hartlepool's Safeguarding Board had been judged good.",
    "Inspectors found Hartlepool's local safeguarding board to be inadequate.",
])
def test_the_safeguarding_board_is_the_lscb(text):
    got = _rows(date(2015, 6, 1), text)
    assert any(j == "lscb" for j, _ in got)
    assert not any(j == "safeguarding" for j, _ in got)
