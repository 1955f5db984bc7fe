"""Which judgements a verdict covers: sub-judgements distributed in prose, "every area", rows of judgements written
as text, and the services a trust took over (not judgements at all). Wordings written for these tests, about real
councils, read through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

SUNDERLAND, SUFFOLK, WIGAN = "E08000024", "E10000029", "E08000010"


def _ratings(*paragraphs: str | Block, published: date = date(2021, 6, 10)) -> set[tuple]:
    return rating_rows(list(paragraphs), published)


def _grades(got: set[tuple], council: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in got if c == council}


# --- sub-judgements coordinated or distributed over one verb ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Inspectors said the impact of leaders in Suffolk was outstanding, while the experiences of children who need "
     "help and protection and of children in care were each judged good.",
     {("leadership", "outstanding"), ("help_and_protection", "good"), ("children_in_care", "good")}),
    ("Suffolk was judged inadequate overall. Leadership was also rated inadequate, as was the help and protection "
     "offered to children.",
     {("overall_effectiveness", "inadequate"), ("leadership", "inadequate"), ("help_and_protection", "inadequate")}),
    ("Suffolk's care leavers and its children in care were both found to be good, and leadership outstanding.",
     {("care_leavers", "good"), ("children_in_care", "good"), ("leadership", "outstanding")}),
])
def test_a_grade_shared_by_judgements_joined_in_prose(text, expected):
    assert _grades(_ratings(text), SUFFOLK) == expected


# --- "every area": the areas are not named, so the overall grade only ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Suffolk County Council has been rated outstanding in every area by Ofsted.",
    "Inspectors judged Suffolk outstanding across all four judgements.",
    "In Suffolk, inspectors judged services ‘outstanding’ in all areas.",
])
def test_every_area_is_the_overall_grade(text):
    assert _grades(_ratings(text), SUFFOLK) == {("overall_effectiveness", "outstanding")}


def test_every_area_of_an_earlier_inspection_is_its_overall_grade():
    got = _ratings("Wigan has been rated outstanding in every area. At its previous inspection in 2016 it was judged "
                   "to require improvement in every area.")
    assert {(j, g, y, h) for c, j, g, y, h in got if c == WIGAN} == {
        ("overall_effectiveness", "outstanding", 2021, False),
        ("overall_effectiveness", "requires_improvement", 2016, True)}


@pytest.mark.parametrize("text", [
    "Suffolk was rated good, with strengths seen in every area of practice.",
    "Suffolk was rated good overall, although not every area was judged good.",
    "Suffolk was rated good, and inspectors found improvement needed in every area where care leavers are housed.",
    "Suffolk was rated good; every area of the inspection was also judged good.",
])
def test_every_area_only_when_the_verdict_is_given_to_it(text):
    assert _grades(_ratings(text), SUFFOLK) == {("overall_effectiveness", "good")}


# --- rows of judgements written as text ------------------------------------------------------------------------

@pytest.mark.parametrize("rows", [
    ("Impact of leaders: Outstanding", "Help and protection: Good", "Children in care: Requires improvement"),
    ("The impact of leaders on social work practice – outstanding", "Children who need help and protection – good",
     "The experiences and progress of children in care – requires improvement to be good"),
    ("Leadership, outstanding", "Help and protection, good", "Children in care, requires improvement"),
])
@pytest.mark.parametrize("kind", ["paragraph", "list_item"])
def test_judgement_rows_written_as_text(rows, kind):
    got = _ratings("Wigan Council was rated good by Ofsted this week.", *[Block(kind, r, list_id=1) for r in rows])
    assert _grades(got, WIGAN) == {("overall_effectiveness", "good"), ("leadership", "outstanding"),
                                   ("help_and_protection", "good"), ("children_in_care", "requires_improvement")}


@pytest.mark.parametrize("text", [
    "Wigan was rated good. The judgements were: impact of leaders, outstanding; help and protection, good; children "
    "in care, requires improvement.",
    "Wigan was rated good. Inspectors' grades: leadership – outstanding; help and protection – good; children in "
    "care – requires improvement.",
    "Wigan was rated good. In detail: the impact of leaders: outstanding; help and protection: good; children in "
    "care: requires improvement.",
])
def test_judgement_rows_run_together_in_a_sentence(text):
    assert _grades(_ratings(text), WIGAN) == {
        ("overall_effectiveness", "good"), ("leadership", "outstanding"), ("help_and_protection", "good"),
        ("children_in_care", "requires_improvement")}


# --- what a trust took over is its remit, not a judgement ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Together for Children, which took over fostering, adoption and social work from Sunderland council in 2017, "
    "was rated good.",
    "Sunderland's trust, Together for Children, took over fostering, adoption and safeguarding services and has "
    "been judged good.",
    "Since the trust took over the running of adoption and fostering in Sunderland, services have been rated good.",
])
def test_services_a_trust_took_over_are_not_judged(text):
    assert _ratings(text) == {(SUNDERLAND, "overall_effectiveness", "good", 2021, False)}
