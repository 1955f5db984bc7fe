"""Sub-judgements of a council's inspection, stated with its overall grade: the judgements' names as tables and
lists write them ("Help & protection", a column headed "Leaders"), a table inside a minuted agenda item, and a
judgement linked to a grade in a clause whose council and time are the verdict's the text is about. Wordings
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from csi.records import Block
from scrapers.html import blocks_of, parse_tree, tree_blocks
from tests.claim_docs import rating_rows
from transforms.judgement_names import judgement_named, judgements_in

HALTON, TORBAY = "E06000006", "E06000027"
PUBLISHED = date(2023, 5, 2)


# --- names: "&" joins a name's words as "and" does; care leavers named by their service -------------------

@pytest.mark.parametrize("text, judgement", [
    ("Help & protection", "help_and_protection"),
    ("children who need help & protection", "help_and_protection"),
    ("Children in care & care leavers", "children_in_care_and_care_leavers"),
    ("Looked after children & young people leaving care", "children_in_care_and_care_leavers"),
    ("The leaving care service", "care_leavers"),
    ("Senior leaders and managers", "leadership"),
])
def test_a_name_written_with_an_ampersand_or_by_its_service(text, judgement):
    assert judgement_named(text) == judgement
    assert [n for _, _, n in judgements_in(text)] == [judgement]


@pytest.mark.parametrize("header", [
    "Council | Overall | Leaders | Help & protection",
    "Local authority | Overall effectiveness | Senior leaders | Help & protection",
    "Area | Overall grade | Leaders | Children who need help & protection",
])
def test_a_column_headed_by_a_judgements_short_name(header):
    got = rating_rows([Block("paragraph", "How two councils compare."), Block("table_row", header),
                       Block("table_row", "Halton | Good | Outstanding | Requires improvement"),
                       Block("table_row", "Torbay | Inadequate | Inadequate | Inadequate")], PUBLISHED)
    assert got == {(HALTON, "overall_effectiveness", "good", 2023, False),
                   (HALTON, "leadership", "outstanding", 2023, False),
                   (HALTON, "help_and_protection", "requires_improvement", 2023, False),
                   (TORBAY, "overall_effectiveness", "inadequate", 2023, False),
                   (TORBAY, "leadership", "inadequate", 2023, False),
                   (TORBAY, "help_and_protection", "inadequate", 2023, False)}


# --- a table inside a list item (a minuted agenda item) ----------------------------------------------------------

@pytest.mark.parametrize("before, after", [
    ("<h3>4. Ofsted report</h3><p>Members noted the outcome.</p>", "<p>The report was noted.</p>"),
    ("The director summarised the judgements.", ""),
    ("<p>Item 7: inspection outcome</p>", "Resolved: to note."),
])
def test_a_table_in_a_list_item_is_read_row_by_row(before, after):
    html = (f"<ul><li>Apologies were noted.</li><li>{before}<table><tr><th>Judgement</th><th>Grade</th></tr>"
            "<tr><td>Overall effectiveness</td><td>Good</td></tr>"
            "<tr><td>The experiences and progress of children in care</td><td>Outstanding</td></tr></table>"
            f"{after}</li></ul>")
    blocks = blocks_of(BeautifulSoup(html, "html.parser"))
    assert blocks == tree_blocks(parse_tree(html))
    assert [b.text for b in blocks if b.kind == "table_row"] == [
        "Judgement | Grade", "Overall effectiveness | Good", "The experiences and progress of children in care | "
        "Outstanding"]
    assert blocks[0].kind == "list_item" and {b.list_id for b in blocks if b.kind == "list_item"} == {1}


# --- a judgement linked to a grade in a clause naming no council and no time: the text's current verdict ---------

@pytest.mark.parametrize("paragraphs, judgements", [
    (["Halton Borough Council's children's services have been rated good by Ofsted, six years after they were "
      "judged inadequate.",
      "The report, out on Friday, gives the borough a good in each of its judgements, including leadership and "
      "adoption."], ["leadership", "adoption"]),
    (["Halton's children's services were judged good overall this spring, having been found inadequate in 2017.",
      "Inspectors handed over a good for the impact of leaders and for help and protection."],
     ["leadership", "help_and_protection"]),
    (["Halton Borough Council has been rated good by Ofsted, up from inadequate in 2017.",
      "Councillors heard how the report gave a good on leadership, on adoption and on care leavers."],
     ["leadership", "adoption", "care_leavers"]),
])
def test_a_judgement_takes_the_current_verdict_of_its_grade(paragraphs, judgements):
    got = rating_rows(paragraphs, PUBLISHED)
    assert {(HALTON, j, "good", 2023, False) for j in judgements} <= got
    assert not {r for r in got if r[1] in judgements and r[2] != "good"}


@pytest.mark.parametrize("paragraphs, wanted", [
    (["Halton was judged to require improvement to be good, the same grade as at its previous inspection in 2019. "
      "Within that, leadership and adoption were each RI; care leavers were judged good."],
     {("leadership", "requires_improvement", 2023), ("adoption", "requires_improvement", 2023),
      ("care_leavers", "good", 2023)}),
    (["Halton's overall grade stayed requires improvement, as it was at the inspection in 2019. Within that, "
      "help and protection and adoption were both RI again."],
     {("help_and_protection", "requires_improvement", 2023), ("adoption", "requires_improvement", 2023)}),
    (["Halton was judged to require improvement to be good this spring, as it was in 2019.",
      "Leadership and adoption got RI as well, the report says."],
     {("leadership", "requires_improvement", 2023), ("adoption", "requires_improvement", 2023)}),
])
def test_the_current_verdict_not_the_earlier_one_it_is_compared_with(paragraphs, wanted):
    got = {(j, g, y) for code, j, g, y, _ in rating_rows(paragraphs, PUBLISHED) if j != "overall_effectiveness"}
    assert wanted <= got and not {r for r in got if r[0] in {j for j, _, _ in wanted} and r[2] == 2019}


@pytest.mark.parametrize("paragraphs", [
    ["Halton has been rated good by Ofsted.", "Nationally, leadership is good in most councils."],
    ["Halton has been rated good by Ofsted.", "In 2015, leadership was also good, the report recalls."],
    ["Halton has been rated good by Ofsted.", "Torbay's leadership, though, was not good."],
])
def test_no_current_verdict_for_councils_at_large_another_time_or_another_council(paragraphs):
    got = rating_rows(paragraphs, PUBLISHED)
    assert (HALTON, "leadership", "good", 2023, False) not in got


# --- the areas a grade describes, named after a copula ------------------------------------------------------------

@pytest.mark.parametrize("paragraphs, wanted", [
    (["Torbay was judged good overall, and the only judgement that required improvement was care leavers."],
     {(TORBAY, "overall_effectiveness", "good", 2023, False), (TORBAY, "care_leavers", "requires_improvement", 2023,
                                                               False)}),
    (["Halton's services were found to require improvement, though the one area Ofsted graded outstanding was "
      "adoption."], {(HALTON, "overall_effectiveness", "requires_improvement", 2023, False),
                     (HALTON, "adoption", "outstanding", 2023, False)}),
    (["Halton was rated good in 2016, when the only area inspectors rated outstanding was the impact of leaders."],
     {(HALTON, "overall_effectiveness", "good", 2016, True), (HALTON, "leadership", "outstanding", 2016, True)}),
])
def test_a_grade_describing_the_areas_a_copula_names(paragraphs, wanted):
    assert rating_rows(paragraphs, PUBLISHED) == wanted


@pytest.mark.parametrize("second", [
    "Leadership (outstanding), help and protection (good) and adoption (good) were the three judgements named.",
    "In the detail: outstanding for leaders' impact, good for help and protection and for adoption.",
    "The breakdown is leadership outstanding, while help and protection and adoption are good.",
])
def test_judgements_paired_with_grades_take_the_texts_current_verdict(second):
    got = rating_rows([Block("paragraph", "Halton Borough Council has been rated good by Ofsted."),
                       Block("paragraph", second)], PUBLISHED)
    assert got == {(HALTON, "overall_effectiveness", "good", 2023, False),
                   (HALTON, "leadership", "outstanding", 2023, False),
                   (HALTON, "help_and_protection", "good", 2023, False), (HALTON, "adoption", "good", 2023, False)}


@pytest.mark.parametrize("header, rows", [
    ("Council | Overall | Leaders | H&P | CiC", ["Halton | Good | Good | Outstanding | Good"]),
    ("Local authority | OE | Leadership | H & P | CLA", ["Halton | Good | Good | Outstanding | Good"]),
    ("Judgement | Grade", ["Overall | Good", "Leadership | Good", "HP | Outstanding", "LAC | Good"]),
])
def test_a_judgements_abbreviation_as_a_tables_label(header, rows):
    got = rating_rows([Block("paragraph", "Halton Borough Council's latest inspection."), Block("table_row", header),
                       *[Block("table_row", r) for r in rows]], PUBLISHED)
    assert got == {(HALTON, "overall_effectiveness", "good", 2023, False), (HALTON, "leadership", "good", 2023, False),
                   (HALTON, "help_and_protection", "outstanding", 2023, False),
                   (HALTON, "children_in_care", "good", 2023, False)}


# --- a judgement compared with the grade just given --------------------------------------------------------------

@pytest.mark.parametrize("second, judgement, grade", [
    ("Inspectors rated leadership inadequate. Help and protection fared no better.", "help_and_protection",
     "inadequate"),
    ("Leadership was judged outstanding. The experiences of care leavers did no worse, the report found.",
     "care_leavers", "outstanding"),
    ("Leadership was judged good, and adoption came out exactly the same.", "adoption", "good"),
])
def test_a_judgement_compared_with_the_grade_just_given(second, judgement, grade):
    got = rating_rows(["Halton Borough Council's children's services have been inspected by Ofsted.", second],
                      PUBLISHED)
    assert (HALTON, judgement, grade, 2023, False) in got


def test_no_better_than_a_grade_above_the_lowest_is_not_that_grade():
    got = rating_rows(["Halton Borough Council's children's services have been inspected by Ofsted.",
                       "Leadership was judged good. Help and protection fared no better."], PUBLISHED)
    assert not {r for r in got if r[1] == "help_and_protection"}


# --- the areas of a verdict on every area, named in a later sentence ----------------------------------------------

@pytest.mark.parametrize("first, second", [
    ("Ofsted judged Halton good in all four areas.",
     "Officers then walked members through the four judgements – leadership, help and protection, children in care "
     "and care leavers – and the action plan."),
    ("Halton was graded good across every judgement, the new report says.",
     "The director listed the areas: leadership, help and protection, children in care and care leavers."),
    ("Inspectors rated Halton good in each of its judgements.",
     "For the record, the four judgements were leadership, help and protection, children in care and care leavers."),
])
def test_the_areas_of_a_verdict_on_every_area_named_after_it(first, second):
    got = rating_rows([first, second], PUBLISHED)
    assert got == {(HALTON, j, "good", 2023, False) for j in (
        "overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers")}


def test_areas_named_with_no_verdict_on_every_area_before_take_no_grade():
    got = rating_rows(["Ofsted judged Halton good.", "The four judgements are leadership, help and protection, "
                       "children in care and care leavers."], PUBLISHED)
    assert got == {(HALTON, "overall_effectiveness", "good", 2023, False)}


@pytest.mark.parametrize("second, judgements, grade", [
    ("Leadership and care leavers all went to the top grade.", ["leadership", "care_leavers"], "outstanding"),
    ("Leadership, adoption and care leavers all went up to the highest grade.",
     ["leadership", "adoption", "care_leavers"], "outstanding"),
    ("Adoption and care leavers remained at good, and leadership climbed all the way to outstanding.",
     ["adoption", "care_leavers"], "good"),
])
def test_judgements_moving_to_a_grade_or_staying_at_it(second, judgements, grade):
    got = rating_rows(["Halton Borough Council has been rated outstanding by Ofsted, up from good.", second],
                      PUBLISHED)
    assert {(HALTON, j, grade, 2023, False) for j in judgements} <= got


def test_a_judgement_moving_from_a_grade_does_not_take_it():
    got = rating_rows(["Halton Borough Council has been rated outstanding by Ofsted, up from good.",
                       "Leadership moved from good to outstanding."], PUBLISHED)
    assert (HALTON, "leadership", "good", 2023, False) not in got


@pytest.mark.parametrize("paragraph, year", [
    ("Halton. March 2016. Inadequate for overall effectiveness. Inadequate for leadership and for adoption.", 2016),
    ("Halton Borough Council. 2017. Inadequate for overall effectiveness. Inadequate for leadership and for "
     "adoption.", 2017),
    ("Halton. October 2015: inadequate for overall effectiveness; inadequate for leadership and for adoption.", 2015),
])
def test_a_paragraph_opening_with_the_place_and_the_time_alone_dates_its_verdicts(paragraph, year):
    got = rating_rows(["I still remember the report on Halton.", paragraph, "Things are better now."],
                      date(2025, 6, 1))
    assert {(HALTON, j, "inadequate", year, True) for j in ("overall_effectiveness", "leadership", "adoption")} <= got
    assert not {r for r in got if r[3] == 2025}


@pytest.mark.parametrize("second, judgements, grade", [
    ("Leadership scored an outstanding.", ["leadership"], "outstanding"),
    ("Adoption and care leavers kept their good grades.", ["adoption", "care_leavers"], "good"),
    ("Help and protection won an outstanding, and leadership retained its outstanding too.",
     ["help_and_protection", "leadership"], "outstanding"),
])
def test_judgements_scoring_keeping_or_winning_a_grade(second, judgements, grade):
    got = rating_rows(["Halton Borough Council has been rated good by Ofsted.", second], PUBLISHED)
    assert {(HALTON, j, grade, 2023, False) for j in judgements} <= got


@pytest.mark.parametrize("second, judgements, grade", [
    ("Outstanding was the verdict on leadership.", ["leadership"], "outstanding"),
    ("Good grades also went to help and protection and care leavers.", ["help_and_protection", "care_leavers"],
     "good"),
    ("Requires improvement was the grade for adoption, the report says.", ["adoption"], "requires_improvement"),
])
def test_a_grade_going_to_the_judgements_after_it(second, judgements, grade):
    got = rating_rows(["Halton Borough Council has been rated good by Ofsted.", second], PUBLISHED)
    assert {(HALTON, j, grade, 2023, False) for j in judgements} <= got
