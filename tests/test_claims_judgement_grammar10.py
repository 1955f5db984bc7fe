"""The judgement grammar, tenth part: a grade given TO a LIST ("gave the top grade to A and to B"); grade nouns
received FOR a LIST; a LIST of any length before "to be GRADE"; "came back good", "went outstanding"; the verbless
rows of the 2009-2012 inspections ("good on both", "good and good", "adequate too for B"); "found the arrangements
inadequate"; a lead-in "rated the following as GRADE:" over list items; and the one judgement of the 2012-2013 child
protection inspections. Wordings written for these tests, read through the whole extraction (Document in, rating
rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"
HALTON = "E06000006"


def _rows(published: date, *paragraphs: str | Block, council: str = HARTLEPOOL) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, h in rating_rows(list(paragraphs), published) if c == council and not h}


@pytest.mark.parametrize("text", [
    "Hartlepool was rated good. Inspectors gave the top grade to the impact of leaders, to the experiences and "
    "progress of children in care and to care leavers.",
    "Hartlepool's report, out today, grades overall effectiveness as good and hands the highest grade to leadership "
    "and to the experiences of children in care and of care leavers.",
    "Hartlepool is good overall. The inspectors awarded outstanding ratings to leaders' impact, to children in care "
    "and to the service for care leavers.",
])
def test_a_grade_given_to_a_list_grades_each_of_it(text):
    got = _rows(date(2024, 6, 3), text)
    assert {("leadership", "outstanding"), ("children_in_care", "outstanding"), ("care_leavers", "outstanding")} <= got
    assert ("overall_effectiveness", "outstanding") not in got


@pytest.mark.parametrize("text", [
    "Hartlepool was judged good overall. Good judgements had also been received for the help and protection of "
    "children, for children in care and for the impact of leaders.",
    "Hartlepool was judged good overall. Good grades were awarded for help and protection, for children in care, "
    "and for leadership.",
    "Hartlepool was judged good overall. Good ratings have now been secured for leaders, for children who need help "
    "and protection and for children in care.",
])
def test_grade_nouns_received_for_a_list(text):
    got = _rows(date(2025, 2, 10), text)
    assert {("overall_effectiveness", "good"), ("help_and_protection", "good"), ("children_in_care", "good"),
            ("leadership", "good")} <= got


@pytest.mark.parametrize("text", [
    "In Hartlepool inspectors judged each of the three areas beneath the overall grade – the impact of leaders on "
    "social work practice with children and families, the experiences and progress of children who need help and "
    "protection, and the experiences and progress of children in care and care leavers – to be good.",
    "Ofsted found Hartlepool's leadership, the help and protection given to children at risk, and the experiences "
    "of children looked after all to be good.",
    "In Hartlepool, inspectors considered the impact of senior leaders on social work practice with families, the "
    "experiences and progress of children needing help and protection and the experiences and progress of children "
    "in the council's care to be good.",
])
def test_a_long_list_before_to_be_grade(text):
    got = _rows(date(2022, 9, 14), text)
    assert {("leadership", "good"), ("help_and_protection", "good"), ("children_in_care", "good")} <= got


@pytest.mark.parametrize("text", [
    "Hartlepool's leaders want help and protection and the experiences of children in care to be good by 2026.",
    "In Hartlepool the director expects leadership, help and protection and children in care to be good soon.",
    "Hartlepool's plan asks for the impact of leaders and the support for care leavers to be outstanding.",
])
def test_a_list_wished_to_be_a_grade_is_no_verdict(text):
    assert not _rows(date(2022, 9, 14), text)


@pytest.mark.parametrize("text, judgements", [
    ("The two judgements on children who need help and protection and on children in care both came back good in "
     "Hartlepool.", {"help_and_protection", "children_in_care"}),
    ("Hartlepool's care leavers service came back outstanding.", {"care_leavers"}),
    ("Hartlepool went outstanding overall, a first for the town.", {"overall_effectiveness"}),
])
def test_came_back_and_went_are_grade_verbs(text, judgements):
    got = _rows(date(2025, 1, 20), text)
    assert judgements <= {j for j, _ in got}


@pytest.mark.parametrize("text, expected", [
    ("Hartlepool (March) – good on both.", {("safeguarding", "good"), ("children_in_care", "good")}),
    ("Hartlepool, in the spring – again good and good.", {("safeguarding", "good"), ("children_in_care", "good")}),
    ("Hartlepool (April) - adequate and good.", {("safeguarding", "requires_improvement"),
                                                 ("children_in_care", "good")}),
    ("Hartlepool, June – both good for safeguarding and both good for looked after children.",
     {("safeguarding", "good"), ("children_in_care", "good")}),
    ("Hartlepool (May) – adequate for safeguarding, and adequate too for looked after children.",
     {("safeguarding", "requires_improvement"), ("children_in_care", "requires_improvement")}),
])
def test_verbless_rows_of_the_two_judgements_of_2009_to_2012(text, expected):
    assert {(j.replace("looked_after", "children_in_care"), g) for j, g in _rows(date(2011, 9, 1), text)} == expected


@pytest.mark.parametrize("text", [
    "Oldtown (March) - good and good.",  # no council named
    "The results for Hartlepool in 2021 were good and good.",  # not a verbless row, and no longer the two judgements
    "Hartlepool (2021) - good and good.",
])
def test_good_and_good_is_the_two_judgements_only_as_a_verbless_row_of_their_years(text):
    assert not {j for j, _ in _rows(date(2022, 3, 1), text)} & {"safeguarding", "looked_after", "children_in_care"}


@pytest.mark.parametrize("text", [
    "In 2013 an unannounced inspection of child protection found Hartlepool's arrangements inadequate.",
    "The 2012 inspection found the council's child protection arrangements inadequate in Hartlepool.",
    "Hartlepool's child protection inspection, in 2013, found its arrangements inadequate.",
])
def test_found_the_arrangements_inadequate(text):
    assert ("safeguarding", "inadequate") in {(j, g) for c, j, g, _, _ in rating_rows([text], date(2015, 5, 1))
                                              if c == HARTLEPOOL}


@pytest.mark.parametrize("text", [
    "Inspectors found its fostering arrangements good in Hartlepool.",
    "In Hartlepool inspectors found the school's arrangements good.",
    "Inspectors found its staffing arrangements poor, though Hartlepool disagreed.",
])
def test_other_arrangements_found_good_are_no_council_verdict(text):
    assert not _rows(date(2015, 5, 1), text)


@pytest.mark.parametrize("lead", [
    "Following a visit in May, inspectors rated the following as outstanding:",
    "As well as the outstanding overall judgement, inspectors awarded outstanding grades for:",
    "The following were all judged outstanding:",
])
def test_a_lead_in_grading_the_judgements_listed_under_it(lead):
    blocks = [Block("paragraph", "Hartlepool's children's services have been inspected."), Block("paragraph", lead),
              *[Block("list_item", t, list_id=1) for t in ("the impact of leaders on social work practice",
                                                           "the experiences and progress of children in care",
                                                           "the experiences and progress of care leavers")]]
    got = _rows(date(2024, 7, 2), *blocks)
    assert {("leadership", "outstanding"), ("children_in_care", "outstanding"), ("care_leavers", "outstanding")} <= got


@pytest.mark.parametrize("lead", [
    "Two areas were judged inadequate:",
    "Inspectors rated the following as inadequate:",
    "The report graded these good:",
])
def test_list_items_grading_themselves_keep_their_own_grades(lead):
    blocks = [Block("paragraph", "Hartlepool's children's services have been inspected."), Block("paragraph", lead),
              Block("list_item", "Help and protection – requires improvement", list_id=1),
              Block("list_item", "Children in care – requires improvement", list_id=1)]
    got = _rows(date(2024, 7, 2), *blocks)
    assert ("help_and_protection", "requires_improvement") in got
    assert not {g for j, g in got if j in ("help_and_protection", "children_in_care")} - {"requires_improvement"}


@pytest.mark.parametrize("paragraphs", [
    ["The unannounced child protection inspections have now reached the north east.",
     "Hartlepool was judged adequate in a report published in March."],
    ["Ofsted has been publishing reports under the child protection framework since last summer.",
     "Halton's report came out last week. Hartlepool, whose report came out the same day, was judged inadequate."],
    ["Another round of inspections of child protection has been published.",
     "Hartlepool received a good verdict."],
])
def test_a_verdict_naming_no_judgement_in_a_child_protection_inspection_story_is_safeguarding(paragraphs):
    got = _rows(date(2013, 5, 2), *paragraphs)
    assert {j for j, _ in got} == {"safeguarding"}


@pytest.mark.parametrize("paragraphs, published", [
    (["Hartlepool was judged good in a report published in March."], date(2013, 5, 2)),  # no such story
    (["The child protection inspection of 2013 is long past.", "Hartlepool was judged good this month."],
     date(2016, 5, 2)),  # the verdict is not of those years
    (["The unannounced child protection inspections have now reached the north east.",
      "Hartlepool's leadership was judged adequate."], date(2013, 5, 2)),  # a judgement named
])
def test_other_verdicts_keep_their_judgement(paragraphs, published):
    assert "safeguarding" not in {j for j, _ in _rows(published, *paragraphs)}
