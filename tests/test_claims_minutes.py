"""Minutes as minute-takers write them: the shapes of ModernGov minutes that carry an inspection's judgements.

Each construction is pinned with at least three wordings written for these tests (meetings invented about real
councils), read through the whole extraction (Document in, rating rows out).
"""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest
from bs4 import BeautifulSoup

from csi.records import Block
from scrapers.html import blocks_of, tree_blocks
from tests.claim_docs import news_doc, rating_rows
from transforms.extract import extract

SWINDON, STOCKPORT, WIGAN, DUDLEY = "E06000030", "E08000007", "E08000010", "E08000027"
NORTHUMBERLAND, TELFORD = "E06000057", "E06000020"


# --- a judgement list nested inside another (the single inspection's adoption and care leavers) ---------------

@pytest.mark.parametrize("html, items", [
    ("<ul><li>Children looked after: good<ul><li>Adoption: outstanding</li><li>Care leavers: good</li></ul></li>"
     "<li>Leadership: good</li></ul>",
     ["Children looked after: good", "Adoption: outstanding", "Care leavers: good", "Leadership: good"]),
    ("<ol><li>First point<ol><li>a sub-point</li></ol> and its tail</li></ol>",
     ["First point and its tail", "a sub-point"]),
    ("<ul><li>Outer<ul><li>Middle<ul><li>Inner</li></ul></li></ul></li></ul>", ["Outer", "Middle", "Inner"]),
])
def test_a_nested_list_item_is_its_own_item(html, items):
    for blocks in (blocks_of(BeautifulSoup(f"<div>{html}</div>", "html.parser").div),
                   tree_blocks(lxml.html.fromstring(f"<div>{html}</div>"))):
        assert [b.text for b in blocks] == items
        assert all(b.kind == "list_item" for b in blocks) and len({b.list_id for b in blocks}) == 1


# --- "judgement: grade;" items ending with the list's punctuation -------------------------------------------------

@pytest.mark.parametrize("ending", [";", ",", "."])
def test_judgement_items_keep_their_grade_before_the_lists_punctuation(ending):
    items = [("Overall effectiveness", "inadequate"), ("Help and protection", "requires improvement to be good"),
             ("Impact of leaders", "inadequate")]
    blocks: list[Block | str] = ["Members heard that Swindon's services were inspected in June; the grades were:"]
    blocks += [Block("list_item", f"{j}: {g}{ending}", list_id=1) for j, g in items]
    got = {(code, judgement, grade) for code, judgement, grade, *_ in rating_rows(blocks, date(2023, 10, 5))}
    assert got >= {(SWINDON, "overall_effectiveness", "inadequate"), (SWINDON, "leadership", "inadequate"),
                   (SWINDON, "help_and_protection", "requires_improvement")}


# --- a lead-in that states a grade over a list of judgements (not a list of councils sharing it) ------------------

@pytest.mark.parametrize("lead_in, council", [
    ("Children's services in Stockport had been rated good overall. The areas were graded as follows:", STOCKPORT),
    ("The Director said Wigan had been judged good overall, and set out each judgement:", WIGAN),
    ("Dudley's services were found to be good overall; the judgements for each area were:", DUDLEY),
])
def test_a_lead_in_verdict_over_judgement_items_keeps_both(lead_in, council):
    items = ["Children who need help and protection: good", "Adoption performance: outstanding",
             "Leadership, management and governance: requires improvement"]
    blocks: list[Block | str] = [lead_in, *(Block("list_item", item, list_id=1) for item in items)]
    got = {(code, judgement, grade) for code, judgement, grade, *_ in rating_rows(blocks, date(2017, 10, 10))}
    assert got >= {(council, "overall_effectiveness", "good"), (council, "help_and_protection", "good"),
                   (council, "adoption", "outstanding"), (council, "leadership", "requires_improvement")}


def _rows(*paragraphs: str, published: date = date(2023, 2, 21)) -> set[tuple]:
    """(council, judgement, grade, historical) the paragraphs yield as the language gives them (no official record)."""
    doc = news_doc([Block("paragraph", p) for p in paragraphs], published)
    return {(r.council_code, r.judgement, r.grade, r.is_historical) for r in extract(doc, link_official=False).ratings}


# --- a question asserts what it takes as given --------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    'Councillor A asked the Cabinet Member: "Given that Ofsted last month rated Dudley\'s children\'s services '
    'inadequate, will she accept responsibility?"',
    "Now that Dudley's services have been judged inadequate, what will the Leader do to restore confidence?",
    "A member asked: following the inadequate rating Ofsted gave Dudley in January, why was scrutiny not told sooner?",
])
def test_a_question_asserts_the_verdict_it_takes_as_given(question):
    assert (DUDLEY, "overall_effectiveness", "inadequate", False) in _rows(question)


@pytest.mark.parametrize("question", [
    "Will Dudley be judged inadequate at its next inspection?",
    "Given the pressures on the budget, could Dudley be found inadequate next time?",
    'Councillor B asked: "If Ofsted rated Dudley inadequate, would the council lose control of the service?"',
])
def test_what_a_question_asks_stays_unasserted(question):
    assert _rows(question) == set()


# --- "any" ranging over the judgements grades none of them ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Wigan's children in care were judged outstanding, which officers called the first time any part of the service "
    "had received the top grade.",
    "The Director welcomed the outstanding grade for children in care in Wigan, the first time the borough had "
    "received an outstanding judgement in any area.",
    "Children in care in Wigan were rated outstanding; it was the first time any of its judgements had been "
    "outstanding.",
])
def test_a_grade_in_the_reach_of_any_area_is_no_verdict(text):
    assert _rows(text) == {(WIGAN, "children_in_care", "outstanding", False)}


# --- a date before the verdict verb is no count of councils -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ofsted's report of 14 July 2022 judged Dudley's children's services good overall.",
    "The letter of 3 May rated Dudley good overall.",
    "The inspection that ended on 21 October found Dudley's services to be good overall.",
])
def test_the_day_of_a_date_is_not_a_count_of_councils(text):
    assert (DUDLEY, "overall_effectiveness", "good", False) in _rows(text)


def test_a_count_of_councils_is_still_an_aggregate():
    assert _rows("Dudley was inspected in May. 14 councils were judged inadequate last year.") == set()


# --- "found to require improvement overall": the infinitive after "found to" is the verdict -------------------------

@pytest.mark.parametrize("text, year", [
    ("Under the single inspection framework Dudley had been found to require improvement overall in 2015.", 2015),
    ("Members were reminded that Dudley was found to require improvement overall.", None),
    ("The Director said Dudley had been found to require improvement overall at its inspection in 2019.", 2019),
])
def test_found_to_require_improvement_overall(text, year):
    doc = news_doc([Block("paragraph", text)], date(2023, 2, 21))
    got = {(r.council_code, r.judgement, r.grade, r.rated_year) for r in extract(doc, link_official=False).ratings}
    assert got == {(DUDLEY, "overall_effectiveness", "requires_improvement", year or 2023)}


# --- a committee speaking of another council: that council's own report is its verdict ----------------------------

@pytest.mark.parametrize("text, year", [
    ("The Chair noted that Telford and Wrekin's report, published on the same day, had also been outstanding.", 2024),
    ("Members heard that Telford and Wrekin's latest Ofsted report was outstanding.", 2024),
    ("A member observed that Telford and Wrekin's last inspection, in 2022, was outstanding.", 2022),
])
def test_another_councils_report_is_that_councils_verdict(text, year):
    opening = Block("paragraph", "Northumberland's services were judged good overall.")
    doc = news_doc([opening, Block("paragraph", text)], date(2024, 9, 5))
    got = {(r.council_code, r.grade, r.rated_year) for r in extract(doc, link_official=False).ratings}
    assert got == {(NORTHUMBERLAND, "good", 2024), (TELFORD, "outstanding", year)}


# --- officers' summaries: today's grade compared with the earlier one it repeats ----------------------------------

def _dated(*paragraphs: str, published: date = date(2023, 5, 22)) -> set[tuple]:
    """(council, judgement, grade, year, historical) as the language gives them (no official record)."""
    doc = news_doc([Block("paragraph", p) for p in paragraphs], published)
    return {(r.council_code, r.judgement, r.grade, r.rated_year, r.is_historical)
            for r in extract(doc, link_official=False).ratings}


@pytest.mark.parametrize("text", [
    "The overall judgement for Dudley remained requires improvement to be good, the same as at the 2018 inspection.",
    "The Director reported that Dudley had been judged to require improvement overall, the same as at the previous "
    "inspection in 2018.",
    "Dudley was again rated requires improvement, as in 2018.",
])
def test_the_same_grade_as_at_an_earlier_inspection_is_todays_and_that_years(text):
    assert _dated(text) == {(DUDLEY, "overall_effectiveness", "requires_improvement", 2023, False),
                            (DUDLEY, "overall_effectiveness", "requires_improvement", 2018, True)}


@pytest.mark.parametrize("text", [
    "This was the same overall grade the city had received in January 2019 and, before that, in the single "
    "inspection of 2015.",
    "It was the same grade Dudley had received in 2019 and in 2015.",
    "That was the same rating the borough had got in 2019 and, before that, in 2015.",
])
def test_the_same_grade_received_before_goes_to_each_year_named(text):
    got = _dated("Dudley's services were judged to require improvement to be good.", text)
    assert got == {(DUDLEY, "overall_effectiveness", "requires_improvement", 2023, False),
                   (DUDLEY, "overall_effectiveness", "requires_improvement", 2019, True),
                   (DUDLEY, "overall_effectiveness", "requires_improvement", 2015, True)}


# --- minute-takers' verbs of earlier verdicts ---------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The Assistant Director recalled that Dudley had reached good at the 2019 inspection.",
     {(DUDLEY, "overall_effectiveness", "good", 2019, True)}),
    ("The report noted that Dudley had reached good at its 2019 inspection.",
     {(DUDLEY, "overall_effectiveness", "good", 2019, True)}),
    ("Dudley had been found to require improvement in 2022, after having been good at the 2019 inspection.",
     {(DUDLEY, "overall_effectiveness", "requires_improvement", 2022, True),
      (DUDLEY, "overall_effectiveness", "good", 2019, True)}),
    ("The Chair recalled that the 2019 inspection had placed Dudley at requires improvement overall.",
     {(DUDLEY, "overall_effectiveness", "requires_improvement", 2019, True)}),
    ("Officers said the 2016 inspection put the service at inadequate; Dudley has since improved.",
     {(DUDLEY, "overall_effectiveness", "inadequate", 2016, True)}),
    ("Dudley, despite having been good in 2019, was now judged to require improvement.",
     {(DUDLEY, "overall_effectiveness", "good", 2019, True),
      (DUDLEY, "overall_effectiveness", "requires_improvement", 2023, False)}),
])
def test_earlier_verdicts_told_by_reaching_placing_or_having_been(text, expected):
    assert _dated(text) == expected


@pytest.mark.parametrize("text", [
    "Members recalled that the 2010 safeguarding and looked after children inspection had found both safeguarding "
    "and services for looked after children in Dudley inadequate.",
    "The 2010 safeguarding and looked after children inspection found both safeguarding and looked after children "
    "services in Dudley inadequate.",
    "Dudley's 2010 safeguarding and looked after children inspection had found both safeguarding and the services "
    "for looked after children inadequate.",
])
def test_both_judgements_of_a_dated_2010_inspection(text):
    assert _dated(text) == {(DUDLEY, "safeguarding", "inadequate", 2010, True),
                            (DUDLEY, "looked_after", "inadequate", 2010, True)}


# --- a grade kept or repeated, named by its noun ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Director said Dudley had retained its overall grade of good, which it had first been awarded at the "
    "inspection published in October 2018.",
    "Dudley kept its rating of good, first given in 2018.",
    "Members heard that Dudley had maintained its grade of 'good', awarded in 2018.",
])
def test_a_grade_of_x_kept_since_a_year_is_todays_and_that_years(text):
    assert _dated(text) == {(DUDLEY, "overall_effectiveness", "good", 2023, False),
                            (DUDLEY, "overall_effectiveness", "good", 2018, True)}


@pytest.mark.parametrize("text", [
    "Cabinet noted that this repeated the overall outcome of the short inspection in 2018.",
    "It mirrored the outcome of the 2018 inspection.",
    "Members observed that the verdict matched the result of the inspection in 2018.",
])
def test_an_outcome_repeated_is_the_grade_named_last_given_then(text):
    got = _dated("Dudley's services were judged to require improvement to be good.", text)
    assert got == {(DUDLEY, "overall_effectiveness", "requires_improvement", 2023, False),
                   (DUDLEY, "overall_effectiveness", "requires_improvement", 2018, True)}


def test_an_outcome_hoped_for_again_is_no_verdict():
    got = _dated("Dudley's services were judged to require improvement to be good.",
                 "The Leader said he hoped the council would repeat the result of 2018 at the next inspection.")
    assert got == {(DUDLEY, "overall_effectiveness", "requires_improvement", 2023, False)}
