"""The judgement grammar, thirteenth part: rows closed by a semicolon; a LIST of long PHRASEs before "as <grade>";
semicolons between the items of a LIST in apposition; every area named by a participle or listed in a relative
clause; rows run together in one list item; a lead-in naming every area over a list of the judgements; a verdict
repeated for a LIST by ellipsis ("So are A and B.", "Leaders, likewise."). Wordings written for these tests, read
through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"
ALL_FIVE = {"overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers"}


def _graded(*blocks: str | Block, published: date = date(2024, 4, 9)) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, h in rating_rows(list(blocks), published) if c == HARTLEPOOL and not h}


def _items(*texts: str) -> list[Block]:
    return [Block("list_item", text, list_id=1) for text in texts]


@pytest.mark.parametrize("rows", [
    ("Overall effectiveness: inadequate;", "Impact of leaders: inadequate;", "Care leavers: good."),
    ("Overall effectiveness – inadequate;", "Impact of leaders – inadequate;", "Care leavers – good"),
    ("Overall effectiveness: inadequate,", "Impact of leaders: inadequate,", "Care leavers: good"),
])
def test_rows_closed_by_a_semicolon_or_a_comma_are_rows(rows):
    found = _graded("Hartlepool's judgements from the March inspection were set out in the report:", *_items(*rows))
    assert found == {("overall_effectiveness", "inadequate"), ("leadership", "inadequate"), ("care_leavers", "good")}


@pytest.mark.parametrize("text", [
    "Inspectors graded the impact of leaders, the experiences and progress of children who need help and protection, "
    "the experiences and progress of children in care, and the experiences and progress of care leavers in Hartlepool "
    "as good.",
    "Ofsted rated the impact of leaders on social work practice, the experiences and progress of children who need "
    "help and protection, the experiences and progress of children in care and the experiences and progress of care "
    "leavers in Hartlepool as good, alongside the overall effectiveness of its services.",
    "In Hartlepool the report assessed the help and protection given to children, the services for children in care, "
    "the support offered to care leavers and the impact of senior leaders as good.",
])
def test_a_list_of_long_phrases_before_as_a_grade_shares_it(text):
    assert {"leadership", "help_and_protection", "children_in_care", "care_leavers"} <= {
        j for j, g in _graded(text) if g == "good"}


@pytest.mark.parametrize("text, extra", [
    ("Hartlepool was judged good overall, alongside the impact of leaders and children in care.",
     {"leadership", "children_in_care"}),
    ("Hartlepool was rated good, alongside its neighbour Darlington.", set()),
    ("In Hartlepool leadership was judged good alongside help and protection.", {"leadership", "help_and_protection"}),
])
def test_alongside_names_judgements_sharing_the_verdict(text, extra):
    assert {j for j, g in _graded(text) if g == "good"} - {"overall_effectiveness"} == extra


@pytest.mark.parametrize("text", [
    "In Hartlepool each of the four sub-judgements – the impact of leaders on social work practice; the experiences "
    "and progress of children who need help and protection; the experiences and progress of children in care; and the "
    "experiences and progress of care leavers – was graded requires improvement to be good.",
    "Hartlepool's three areas beneath the overall grade (leadership; help and protection; children in care and care "
    "leavers) were all found to require improvement.",
    "For Hartlepool, the judgements – the impact of leaders; help and protection; children in care; care leavers – "
    "each required improvement.",
])
def test_semicolons_between_the_items_of_a_list_in_apposition(text):
    assert {"leadership", "help_and_protection", "children_in_care", "care_leavers"} <= {
        j for j, g in _graded(text) if g == "requires_improvement"}


@pytest.mark.parametrize("text", [
    "Hartlepool was judged inadequate overall, and inadequate in each of the three underpinning areas, namely the "
    "impact of leaders, help and protection, and children in care and care leavers.",
    "Hartlepool was rated inadequate overall and in each of the other judgements, which the report lists as "
    "leadership, help and protection, and children in care and care leavers.",
    "Hartlepool was found inadequate in all four assessed areas, which inspectors identified as the impact of "
    "leaders, help and protection, children in care and care leavers.",
])
def test_every_area_named_by_a_participle_or_listed_in_a_relative_clause(text):
    assert _graded(text, published=date(2022, 6, 1)) == {(j, "inadequate") for j in ALL_FIVE}


def test_a_relative_clause_listing_something_else_names_no_area():
    found = _graded("Hartlepool was rated inadequate in every area, which the director described as a shock to "
                    "staff and partners.")
    assert found == {("overall_effectiveness", "inadequate")}


@pytest.mark.parametrize("item", [
    "Help and protection: good Children in care: outstanding Care leavers: good",
    "Help and protection – good Children in care – outstanding Care leavers – good",
    "Help and protection: good Children in care: outstanding Experiences and progress of care leavers: good",
])
def test_rows_run_together_in_one_list_item(item):
    found = _graded("Children's services in Hartlepool were judged good overall. The judgements for each area were:",
                    *_items(item, "Leadership, management and governance: good"))
    assert found == {("overall_effectiveness", "good"), ("help_and_protection", "good"),
                     ("children_in_care", "outstanding"), ("care_leavers", "good"), ("leadership", "good")}


@pytest.mark.parametrize("lead_in", [
    "Hartlepool has been rated requires improvement to be good. The same grade was given in each of the five areas "
    "inspectors looked at:",
    "Hartlepool has been rated requires improvement to be good, and that grade went to every one of the judgements:",
    "Inspectors rated Hartlepool requires improvement to be good in all five areas:",
])
def test_a_lead_in_naming_every_area_over_a_list_of_the_judgements(lead_in):
    found = _graded(lead_in, *_items("overall effectiveness;", "the impact of leaders on social work practice;",
                                     "the experiences and progress of children who need help and protection;",
                                     "the experiences and progress of children in care;",
                                     "the experiences and progress of care leavers."))
    assert found == {(j, "requires_improvement") for j in ALL_FIVE}


def test_a_lead_in_naming_no_area_over_a_list_of_judgements_gives_them_nothing():
    found = _graded("Hartlepool has been rated good. Inspectors spent most of their time on:",
                    *_items("help and protection;", "children in care."))
    assert found == {("overall_effectiveness", "good")}


@pytest.mark.parametrize("text, named", [
    ("So are help and protection, the impact of leaders and – the hardest to read – the experiences and progress of "
     "children in care.", {"help_and_protection", "leadership", "children_in_care"}),
    ("So were the experiences and progress of care leavers, and the impact of leaders on social work practice.",
     {"care_leavers", "leadership"}),
    ("Leaders, likewise.", {"leadership"}),
    ("Children in care and care leavers too.", {"children_in_care", "care_leavers"}),
])
def test_a_verdict_repeated_for_a_list_by_ellipsis(text, named):
    found = _graded("Hartlepool's overall effectiveness was judged inadequate.", text)
    assert found == {("overall_effectiveness", "inadequate")} | {(j, "inadequate") for j in named}


@pytest.mark.parametrize("text", ["So are we.", "So were social workers.", "Partners too."])
def test_an_ellipsis_naming_no_judgement_repeats_nothing(text):
    assert _graded("Hartlepool's overall effectiveness was judged inadequate.", text) == {
        ("overall_effectiveness", "inadequate")}


@pytest.mark.parametrize("text", [
    "Ofsted rated Hartlepool outstanding in every area - overall effectiveness, leadership, help and protection, "
    "children in care and care leavers - and the director thanked staff.",
    "Hartlepool was judged outstanding overall and outstanding on each of the four judgements beneath - leaders, help "
    "and protection, children in care and care leavers - its best result yet.",
    "Inspectors found Hartlepool outstanding in all five areas - overall effectiveness, the impact of leaders, help "
    "and protection, children in care, care leavers - after a three-week visit.",
])
def test_every_area_listed_between_spaced_hyphens(text):
    assert _graded(text) == {(j, "outstanding") for j in ALL_FIVE}


@pytest.mark.parametrize("text, named", [
    ("Inspectors had judged three of the four underlying areas in Hartlepool inadequate: the impact of leaders, help "
     "and protection, and the experiences and progress of children in care.",
     {"leadership", "help_and_protection", "children_in_care"}),
    ("Two of the assessed judgements were inadequate in Hartlepool: leadership and help and protection.",
     {"leadership", "help_and_protection"}),
    ("Hartlepool was rated inadequate in three of the four underpinning judgements.", set()),
])
def test_areas_counted_with_a_participle(text, named):
    assert _graded(text) == {(j, "inadequate") for j in named}


@pytest.mark.parametrize("text", [
    "In Hartlepool the help and protection work and the support for care leavers were both judged good.",
    "Hartlepool's care leavers' service and its help and protection practice were rated good.",
    "Inspectors judged Hartlepool's help and protection services, its care leavers team and its leadership to be good.",
])
def test_a_judgement_named_as_the_modifier_of_a_service(text):
    assert {"help_and_protection", "care_leavers"} <= {j for j, g in _graded(text) if g == "good"}


@pytest.mark.parametrize("second, expected", [
    ("Every one of the judgements - leadership, help and protection, children in care, care leavers - came back the "
     "same.", {"leadership", "help_and_protection", "children_in_care", "care_leavers"}),
    ("Leadership and care leavers came back the same.", {"leadership", "care_leavers"}),
    ("Help and protection came out the same.", {"help_and_protection"}),
])
def test_came_back_the_same_is_the_grade_named_last(second, expected):
    found = _graded("Hartlepool's children's services were judged requires improvement to be good in March.", second)
    assert found == {("overall_effectiveness", "requires_improvement")} | {(j, "requires_improvement")
                                                                          for j in expected}


@pytest.mark.parametrize("second", [
    "Darlington came out exactly the same way, good then adequate.",
    "The report came out the same day.",
    "The findings were the same as those of the monitoring visits.",
])
def test_the_same_of_something_else_is_no_grade(second):
    assert _graded("Hartlepool's children's services were judged requires improvement to be good in March.",
                   second) == {("overall_effectiveness", "requires_improvement")}


@pytest.mark.parametrize("text, expected", [
    ("In Hartlepool safeguarding was inadequate, with the looked after service scraping adequate.",
     {("safeguarding", "inadequate"), ("looked_after", "requires_improvement")}),
    ("Hartlepool scraped an adequate for safeguarding.", {("safeguarding", "requires_improvement")}),
    ("Hartlepool scraped through with a requires improvement rating.",
     {("overall_effectiveness", "requires_improvement")}),
])
def test_a_grade_scraped(text, expected):
    assert _graded(text, published=date(2011, 3, 1)) == expected


def test_scraping_something_else_is_no_grade():
    assert _graded("Hartlepool's social workers scraped together a good response to the pandemic.") == set()


@pytest.mark.parametrize("second", [
    "Every one of the five judgements: overall, leaders, help and protection, children in care, care leavers.",
    "Each of the five judgements - overall effectiveness, leadership, help and protection, children in care and care "
    "leavers.",
    "All five judgements: overall effectiveness, the impact of leaders, help and protection, children in care, care "
    "leavers.",
])
def test_every_area_listed_with_no_grade_after_a_verdict(second):
    assert _graded("Hartlepool – Outstanding.", second) == {(j, "outstanding") for j in ALL_FIVE}


def test_every_area_listed_with_a_verb_of_its_own_gives_nothing():
    assert _graded("Hartlepool – Outstanding.", "Every area was discussed: leadership, help and protection.") == {
        ("overall_effectiveness", "outstanding")}


@pytest.mark.parametrize("text, named", [
    ("The report rates Hartlepool good overall, and the leadership judgement is good as well; so are help and "
     "protection and the experiences of children in care.", {"leadership", "help_and_protection", "children_in_care"}),
    ("Hartlepool was judged good overall; so were the impact of leaders and care leavers.",
     {"leadership", "care_leavers"}),
    ("Hartlepool's help and protection was judged good; so too was the impact of leaders.",
     {"help_and_protection", "leadership"}),
])
def test_so_are_after_a_semicolon(text, named):
    assert {j for j, g in _graded(text) if g == "good"} - {"overall_effectiveness"} == named


@pytest.mark.parametrize("text", [
    "Inspectors gave Hartlepool the same grade for every judgement: overall effectiveness, help and protection, the "
    "impact of leaders, and the experiences and progress of children in care and care leavers.",
    "The watchdog looked at overall effectiveness, the impact of leaders, help and protection, and the experiences of "
    "children in care and care leavers in Hartlepool, and gave the council the second-highest grade in each.",
    "Ofsted rated Hartlepool's overall effectiveness, the impact of leaders, help and protection, and the experiences "
    "and progress of children in care and care leavers all good.",
])
def test_one_grade_for_a_list_named_with_it(text):
    found = _graded("Hartlepool's children's services have again been judged good.", text, published=date(2025, 1, 9))
    assert found == {(j, "good") for j in ALL_FIVE}


def test_the_second_lowest_grade_is_requires_improvement():
    assert _graded("Hartlepool was given the second-lowest grade.") == {("overall_effectiveness",
                                                                        "requires_improvement")}


@pytest.mark.parametrize("second, named", [
    ("So was the impact of leaders, and so was the experience of care leavers.", {"leadership", "care_leavers"}),
    ("So has the impact of leaders, and so have the services for children who need help and protection.",
     {"leadership", "help_and_protection"}),
    ("So were help and protection and so were children in care.", {"help_and_protection", "children_in_care"}),
])
def test_so_said_again_before_each_item(second, named):
    found = _graded("Hartlepool's overall effectiveness has been judged inadequate.", second)
    assert found == {("overall_effectiveness", "inadequate")} | {(j, "inadequate") for j in named}


@pytest.mark.parametrize("text", [
    "Hartlepool matched its neighbour, with good for overall effectiveness, for the impact of leaders, for help and "
    "protection, and for both children in care and care leavers.",
    "Hartlepool came through well, with good for overall effectiveness, leadership, help and protection, children in "
    "care and care leavers.",
    "Hartlepool ended the year with good for overall effectiveness, for leaders, for help and protection and for both "
    "children in care and care leavers.",
])
def test_with_a_grade_for_a_list(text):
    assert _graded(text, published=date(2025, 1, 9)) == {(j, "good") for j in ALL_FIVE}


@pytest.mark.parametrize("text, expected", [
    ("Inspectors judged Hartlepool's help and protection outstanding, the experiences of children in care outstanding "
     "and the impact of leaders good.",
     {("help_and_protection", "outstanding"), ("children_in_care", "outstanding"), ("leadership", "good")}),
    ("Ofsted judged the impact of leaders in Hartlepool outstanding and the help and protection given to children "
     "good.", {("leadership", "outstanding"), ("help_and_protection", "good")}),
    ("Inspectors rated Hartlepool's leadership good, the experiences and progress of care leavers outstanding and the "
     "support offered to children in care good.",
     {("leadership", "good"), ("care_leavers", "outstanding"), ("children_in_care", "good")}),
])
def test_verbless_conjuncts_naming_a_judgement_with_its_head_or_tail(text, expected):
    assert _graded(text) == expected


@pytest.mark.parametrize("second, expected", [
    ("Leaders, help and protection, children in care and care leavers: good, good, good, outstanding.",
     {("leadership", "good"), ("help_and_protection", "good"), ("children_in_care", "good"),
      ("care_leavers", "outstanding")}),
    ("Leadership, help and protection and children in care: outstanding, good and good.",
     {("leadership", "outstanding"), ("help_and_protection", "good"), ("children_in_care", "good")}),
    ("Overall, leaders, care leavers: good, outstanding, requires improvement.",
     {("overall_effectiveness", "good"), ("leadership", "outstanding"), ("care_leavers", "requires_improvement")}),
])
def test_a_list_and_its_grades_in_order_after_a_colon(second, expected):
    assert _graded("Hartlepool's report came out on Friday.", second) == expected


def test_grades_in_order_that_do_not_match_the_list_give_nothing():
    found = _graded("Hartlepool's report came out on Friday.", "Leaders, help and protection: good, good, good.")
    assert found == set()


@pytest.mark.parametrize("text", [
    "In Hartlepool the overall effectiveness had been judged inadequate, as had the impact of leaders and the "
    "experiences and progress of children who needed help and protection.",
    "Inspectors judged the help given to children who needed protection in Hartlepool inadequate, and leadership "
    "inadequate too.",
    "Hartlepool's services for children who needed help and protection and the impact of its leaders were both "
    "found inadequate.",
])
def test_children_who_needed_help_and_protection(text):
    assert {"help_and_protection", "leadership"} <= {j for j, g in _graded(text) if g == "inadequate"}


@pytest.mark.parametrize("second", [
    "Ofsted found the same grade right across the inspection – overall, for leadership, for help and protection, for "
    "children in care and for care leavers.",
    "Inspectors gave the same grade across the whole report: overall effectiveness, leadership, help and protection, "
    "children in care and care leavers.",
    "The same grade was given across the inspection - overall, for leaders, for help and protection, for children in "
    "care and for care leavers.",
])
def test_the_same_grade_across_the_inspection_for_a_list(second):
    found = _graded("Hartlepool's children's services still require improvement.", second)
    assert found == {(j, "requires_improvement") for j in ALL_FIVE}


@pytest.mark.parametrize("text, named", [
    ("Each of Hartlepool's five judgements was good, including the separate judgements for the experiences and "
     "progress of children in care and of care leavers.", {"children_in_care", "care_leavers"}),
    ("Hartlepool was rated good, with the grades for leadership and for care leavers good as well.",
     {"leadership", "care_leavers"}),
    ("In Hartlepool the judgement for care leavers was good, and so was the rating for help and protection.",
     {"care_leavers", "help_and_protection"}),
])
def test_a_judgement_headed_by_its_grade_noun(text, named):
    assert {j for j, g in _graded(text) if g == "good"} - {"overall_effectiveness"} == named
