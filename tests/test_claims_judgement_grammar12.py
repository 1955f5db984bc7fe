"""The judgement grammar, twelfth part: "rated A good, along with B and C"; "found the overall effectiveness of
children's services in X to be inadequate"; a clause naming judgements and several grades is no vocabulary of
grades; "inspectors rate the council good" (the present); "That's good overall, good for A, ..." recapping a
verdict. Wordings written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _graded(*paragraphs: str, published: date = date(2024, 4, 9)) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, h in rating_rows(list(paragraphs), published) if c == HARTLEPOOL and not h}


@pytest.mark.parametrize("text", [
    "The inspection of Hartlepool rated overall effectiveness good, along with the impact of leaders, children who "
    "need help and protection and children in care.",
    "Hartlepool was judged good, together with its leadership, help and protection and children in care.",
    "Ofsted rated Hartlepool good overall, along with leaders, help and protection, and children in care.",
])
def test_a_list_along_with_a_verdict_shares_its_grade(text):
    assert _graded(text) == {("overall_effectiveness", "good"), ("leadership", "good"),
                             ("help_and_protection", "good"), ("children_in_care", "good")}


@pytest.mark.parametrize("text", [
    "Hartlepool was rated good, along with Halton.",
    "Hartlepool was judged good along with the rest of the north east.",
    "Hartlepool was rated good together with its partners in the north east.",
])
def test_along_with_something_else_keeps_the_verdict_overall(text):
    assert _graded(text) == {("overall_effectiveness", "good")}


@pytest.mark.parametrize("text, judgement", [
    ("Ofsted had found the overall effectiveness of children's services in Hartlepool to be inadequate.",
     "overall_effectiveness"),
    ("Inspectors found the help and protection offered to children across Hartlepool to be inadequate.",
     "help_and_protection"),
    ("Ofsted found leadership across Hartlepool's whole service to be inadequate.", "leadership"),
])
def test_found_a_judgement_with_words_after_it_to_be_a_grade(text, judgement):
    assert (judgement, "inadequate") in _graded(text, published=date(2023, 2, 9))


@pytest.mark.parametrize("text", [
    "Of the four underlying judgements in Hartlepool, the impact of leaders had been graded requires improvement to be "
    "good; help and protection, children in care and care leavers had each been found inadequate.",
    "Of Hartlepool's three judgements, leadership was judged good; help and protection and children in care were "
    "judged to require improvement, and care leavers were found inadequate.",
    "Among Hartlepool's judgements, leadership was graded outstanding; children in care were found good and care "
    "leavers inadequate.",
])
def test_judgements_graded_in_several_clauses_are_no_vocabulary_of_grades(text):
    assert len(_graded(text, published=date(2025, 6, 19))) >= 3


@pytest.mark.parametrize("text", [
    "Hartlepool's report explains that the grades run from inadequate, through requires improvement and good, to "
    "outstanding.",
    "In Hartlepool, as everywhere, the scale runs from outstanding through good and requires improvement to "
    "inadequate.",
    "Hartlepool's officers reminded members of the four judgements, which are outstanding, good, requires "
    "improvement or inadequate.",
])
def test_a_vocabulary_of_grades_is_still_no_verdict(text):
    assert not _graded(text)


@pytest.mark.parametrize("text", [
    "Now inspectors rate the council good overall, good for leadership, good for help and protection and good for "
    "children in care, in Hartlepool.",
    "Inspectors rate Hartlepool good overall and good for leadership, help and protection and children in care.",
    "In Hartlepool, inspectors now judge the council good overall, good for leadership, good for help and protection "
    "and good for children in care.",
])
def test_rate_and_judge_in_the_present_with_their_object(text):
    assert {("overall_effectiveness", "good"), ("leadership", "good"), ("children_in_care", "good")} <= _graded(text)


@pytest.mark.parametrize("text", [
    "The re-referral rate in Hartlepool was good.",
    "The judge said Hartlepool had a good case.",
    "Staff in Hartlepool rate their managers as good.",
])
def test_rate_and_judge_otherwise_give_no_council_verdict(text):
    assert not _graded(text)


@pytest.mark.parametrize("paragraphs", [
    ["Hartlepool is now rated good.", "That's good overall, good for leadership, good for help and protection and "
     "good for children in care."],
    ["Hartlepool has been inspected.", "That is good overall, good for leadership, good for help and protection and "
     "good for children in care."],
    ["The news from Hartlepool is in.", "That's good for leadership, good for help and protection and good for "
     "children in care, and good overall."],
])
def test_a_verdict_recapped_with_that_is(paragraphs):
    assert {("leadership", "good"), ("help_and_protection", "good"), ("children_in_care", "good")} <= _graded(
        *paragraphs)


@pytest.mark.parametrize("text, expected", [
    ("In Hartlepool leadership was judged outstanding, and so was the experience of children in our care.",
     {("leadership", "outstanding"), ("children_in_care", "outstanding")}),
    ("Hartlepool's help and protection was rated good, and so were services for children in our care.",
     {("help_and_protection", "good"), ("children_in_care", "good")}),
    ("Leadership in Hartlepool was found to be good, and so was the work with children in our care.",
     {("leadership", "good"), ("children_in_care", "good")}),
])
def test_children_in_our_care_after_and_so_was(text, expected):
    assert expected <= _graded(text)


@pytest.mark.parametrize("text", [
    "2013: Hartlepool's child protection inspection found our arrangements inadequate.",
    "In 2013 an inspection of child protection found Hartlepool's arrangements inadequate.",
    "In early 2013 the child protection inspection found our arrangements inadequate, Hartlepool's leader wrote.",
])
def test_found_our_arrangements_inadequate(text):
    assert ("safeguarding", "inadequate") in {(j, g) for c, j, g, _, _ in rating_rows([text], date(2024, 8, 4))
                                              if c == HARTLEPOOL}


@pytest.mark.parametrize("text, expected", [
    ("In 2011 a re-inspection lifted safeguarding in Hartlepool to adequate.",
     ("safeguarding", "requires_improvement")),
    ("The 2019 inspection raised Hartlepool to good.", ("overall_effectiveness", "good")),
    ("A new report lifts Hartlepool's leadership to outstanding.", ("leadership", "outstanding")),
])
def test_lifted_to_a_grade(text, expected):
    assert expected in {(j, g) for c, j, g, _, _ in rating_rows([text], date(2024, 8, 4)) if c == HARTLEPOOL}


@pytest.mark.parametrize("text", [
    "The council lifted spending in Hartlepool to a good level.",
    "Hartlepool raised its foster carers' allowance to good effect.",
    "Hartlepool's director said the new team had lifted morale to a good place.",
])
def test_lifted_something_else_is_no_verdict(text):
    assert not _graded(text)


@pytest.mark.parametrize("text, expected", [
    ("Hartlepool is outstanding. Leaders were also rated outstanding, as were children in care.",
     {("leadership", "outstanding"), ("children_in_care", "outstanding")}),
    ("In 2019 Hartlepool was rated good overall and its leaders outstanding.",
     {("overall_effectiveness", "good"), ("leadership", "outstanding")}),
    ("Hartlepool was judged good, and their senior leaders outstanding.",
     {("overall_effectiveness", "good"), ("leadership", "outstanding")}),
])
def test_leaders_as_the_subject_of_a_verdict_is_the_leadership_judgement(text, expected):
    got = {(j, g) for c, j, g, _, _ in rating_rows([text], date(2025, 5, 13)) if c == HARTLEPOOL}
    assert expected <= got


@pytest.mark.parametrize("text", [
    "Leaders in Hartlepool said the council was good.",
    "Hartlepool's leaders were praised as good listeners.",
    "Hartlepool's leaders were delighted.",
])
def test_leaders_otherwise_name_no_judgement(text):
    assert "leadership" not in {j for j, _ in _graded(text)}


@pytest.mark.parametrize("text, expected", [
    ("By 2022 Hartlepool had reached good, with leadership outstanding even then.",
     {("overall_effectiveness", "good"), ("leadership", "outstanding")}),
    ("Hartlepool reached outstanding this time.", {("overall_effectiveness", "outstanding")}),
    ("Hartlepool reaches good, with care leavers good again.",
     {("overall_effectiveness", "good"), ("care_leavers", "good")}),
])
def test_reached_a_grade(text, expected):
    assert expected <= {(j, g) for c, j, g, _, _ in rating_rows([text], date(2025, 5, 13)) if c == HARTLEPOOL}


@pytest.mark.parametrize("text, expected", [
    ("Hartlepool, inadequate overall.", {("overall_effectiveness", "inadequate")}),
    ("Hartlepool, good for help and protection and for leadership.",
     {("help_and_protection", "good"), ("leadership", "good")}),
    ("Hartlepool Borough Council, outstanding overall.", {("overall_effectiveness", "outstanding")}),
])
def test_a_name_and_a_comma_opening_a_verdict_with_no_verb(text, expected):
    assert _graded(text, published=date(2019, 6, 20)) == expected


@pytest.mark.parametrize("text", [
    "Frankly, good for leaders in Hartlepool.",
    "Now, good overall for Hartlepool.",
    "Yes, good overall, said Hartlepool's director about the bid.",
])
def test_an_adverb_and_a_comma_opens_no_verdict(text):
    assert not _graded(text, published=date(2019, 6, 20))


@pytest.mark.parametrize("text, expected", [
    ("The short inspection in June had confirmed Hartlepool as good overall.", ("overall_effectiveness", "good")),
    ("The report confirms Hartlepool's leadership as outstanding.", ("leadership", "outstanding")),
    ("Inspectors reconfirmed the council in Hartlepool as requires improvement.",
     ("overall_effectiveness", "requires_improvement")),
])
def test_confirmed_as_a_grade(text, expected):
    assert expected in _graded(text, published=date(2022, 9, 21))


@pytest.mark.parametrize("text", [
    "Hartlepool confirmed the appointment as good news.",
    "Ofsted confirmed that Hartlepool had recruited good staff.",
    "Hartlepool's director confirmed the plan as a good start.",
])
def test_confirmed_as_something_else_is_no_verdict(text):
    assert not _graded(text, published=date(2022, 9, 21))


@pytest.mark.parametrize("text", [
    "Hartlepool requires improvement. That grade applies to the overall effectiveness of the service, to the impact "
    "of leaders, to help and protection and to children in care.",
    "Hartlepool requires improvement. The same rating went to leadership, to help and protection and to children in "
    "care.",
    "Hartlepool requires improvement, and that grade applies to leaders, help and protection and children in care.",
])
def test_a_grade_referred_to_applies_to_a_list(text):
    assert {("leadership", "requires_improvement"), ("help_and_protection", "requires_improvement"),
            ("children_in_care", "requires_improvement")} <= _graded(text, published=date(2022, 7, 5))


@pytest.mark.parametrize("paragraphs", [
    ["Hartlepool was inadequate in 2019.", "Members welcomed the removal of the inadequate rating in Hartlepool."],
    ["Hartlepool was inadequate in 2019.", "The removal of Hartlepool's inadequate grade was welcomed."],
    ["Hartlepool was inadequate in 2019.", "Staff in Hartlepool celebrated the removal of its 'inadequate' label."],
])
def test_the_removal_of_a_grade_is_no_current_verdict(paragraphs):
    assert not {g for j, g in _graded(*paragraphs, published=date(2023, 7, 5))} & {"inadequate"}


@pytest.mark.parametrize("text, judgement", [
    ("Hartlepool was discussed. She reminded the Committee that in 2019 every judgement had been inadequate, "
     "including the impact of leaders, and that a commissioner had been appointed.", "leadership"),
    ("In Hartlepool each of the judgements was found inadequate, including leadership.", "leadership"),
    ("Hartlepool was judged inadequate in every area, including help and protection.", "help_and_protection"),
])
def test_every_area_including_one_judgement(text, judgement):
    got = {(j, g) for c, j, g, _, _ in rating_rows([text], date(2023, 7, 5)) if c == HARTLEPOOL}
    assert {("overall_effectiveness", "inadequate"), (judgement, "inadequate")} <= got
