"""Judgements referred to, not named: "that area", "this part of the service", "and that's" as a verdict's subject;
"leaders, who were graded good" (a relative clause on a judgement); the areas of an inspection called "measures",
"aspects" or "parts of the service"; areas counted and then named in apposition ("good on one measure, care
leavers"). Wordings written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _graded(*blocks: str, published: date = date(2024, 4, 9)) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, h in rating_rows(list(blocks), published) if c == HARTLEPOOL and not h}


@pytest.mark.parametrize("text, named", [
    ("Hartlepool now requires improvement. Inspectors were happier with children in care – that part of the service "
     "is good.", "children_in_care"),
    ("Hartlepool now requires improvement, although inspectors liked what they saw of care leavers, and that's "
     "rated good.", "care_leavers"),
    ("Hartlepool now requires improvement. The report singled out the help given to children who need help and "
     "protection. That area was found to be good.", "help_and_protection"),
    ("Hartlepool now requires improvement; the impact of leaders stood out, and this aspect was judged good.",
     "leadership"),
])
def test_a_reference_to_a_judgement_named_before_is_that_judgement(text, named):
    assert _graded(text) == {("overall_effectiveness", "requires_improvement"), (named, "good")}


@pytest.mark.parametrize("text", [
    "Hartlepool now requires improvement. Inspectors visited in March. That area was judged good.",
    "Hartlepool now requires improvement. In that area, the council was rated good by most parents.",
])
def test_a_reference_with_no_judgement_before_it_or_not_the_subject_stays_overall(text):
    assert ("overall_effectiveness", "good") in _graded(text)


@pytest.mark.parametrize("text", [
    "Hartlepool now requires improvement, with inspectors praising its leaders, who were graded good.",
    "Hartlepool now requires improvement, but not its senior leaders, who were found to be good.",
    "Hartlepool now requires improvement; the report was kinder to the council's leaders, who were judged good.",
])
def test_leaders_as_the_antecedent_of_a_relative_clause_giving_a_verdict(text):
    assert _graded(text) == {("overall_effectiveness", "requires_improvement"), ("leadership", "good")}


@pytest.mark.parametrize("text, named", [
    ("Hartlepool was judged good. The only part of the service rated outstanding was the experiences and progress "
     "of care leavers.", "care_leavers"),
    ("Hartlepool was judged good. The one aspect found to be outstanding was adoption.", "adoption"),
    ("Hartlepool was judged good. The single measure rated outstanding was help and protection.",
     "help_and_protection"),
])
def test_the_areas_of_an_inspection_by_any_of_their_nouns(text, named):
    assert _graded(text) == {("overall_effectiveness", "good"), (named, "outstanding")}


@pytest.mark.parametrize("text, named", [
    ("Hartlepool slips to good on one measure, care leavers.", {"care_leavers"}),
    ("Hartlepool fell to requires improvement in one area – help and protection.", {"help_and_protection"}),
    ("Hartlepool was judged inadequate in two areas, leadership and adoption.", {"leadership", "adoption"}),
    ("Hartlepool was judged inadequate in two areas, which worried councillors.", set()),
])
def test_areas_counted_then_named_in_apposition_take_the_verdict(text, named):
    assert {j for j, _ in _graded(text)} == named


def test_every_headline_measure_listed_is_every_area():
    text = ("Inspectors found Hartlepool's service inadequate on every one of its four headline measures: the impact "
            "of leaders, help and protection for children, the experiences of children in care, and the overall "
            "effectiveness of the service.")
    assert _graded(text) == {(j, "inadequate") for j in (
        "overall_effectiveness", "leadership", "help_and_protection", "children_in_care")}


@pytest.mark.parametrize("text", [
    "Every judgement – overall, leaders, help and protection, children in care – was judged good in Hartlepool.",
    "All four areas (overall effectiveness, leaders, help and protection and children in care) were judged good in "
    "Hartlepool.",
    "Each of Hartlepool's judgements – overall effectiveness, the impact of leaders, help and protection and the "
    "experiences of children in care – was graded good.",
])
def test_every_area_listed_in_apposition_to_its_subject_takes_the_verdict_after_it(text):
    assert _graded(text) == {(j, "good") for j in (
        "overall_effectiveness", "leadership", "help_and_protection", "children_in_care")}


@pytest.mark.parametrize("text, found", [
    ("Hartlepool requires improvement. The chair said two 'good' sub-judgements was the best result in a decade.",
     {("overall_effectiveness", "requires_improvement")}),
    ("Hartlepool requires improvement; it now has three outstanding areas, which councillors welcomed.",
     {("overall_effectiveness", "requires_improvement")}),
    ("Hartlepool requires improvement, with two good judgements: adoption and care leavers.",
     {("overall_effectiveness", "requires_improvement"), ("adoption", "good"), ("care_leavers", "good")}),
])
def test_a_count_of_areas_a_grade_describes_is_no_overall_grade(text, found):
    assert _graded(text) == found


@pytest.mark.parametrize("text, found", [
    ("Hartlepool is outstanding again, but children in care came out as good rather than outstanding.",
     ("children_in_care", "good")),
    ("Hartlepool is outstanding again, though its care leavers stayed good instead of rising.",
     ("care_leavers", "good")),
    ("Hartlepool is outstanding again; this time adoption came back good rather than outstanding.",
     ("adoption", "good")),
])
def test_a_grade_contrasted_with_another_is_the_verdict(text, found):
    assert _graded(text) == {("overall_effectiveness", "outstanding"), found}


@pytest.mark.parametrize("text, named", [
    ("Hartlepool was rated good, with the help-and-protection judgement outstanding.", "help_and_protection"),
    ("Hartlepool was rated good, and its children-in-care service outstanding.", "children_in_care"),
    ("Hartlepool was rated good, with outstanding for its care-leavers service.", "care_leavers"),
])
def test_a_judgement_named_with_hyphens(text, named):
    assert _graded(text) == {("overall_effectiveness", "good"), (named, "outstanding")}


@pytest.mark.parametrize("text", [
    "In 2021 Hartlepool was rated good, with leaders already outstanding.",
    "In 2021 Hartlepool was rated good; its leaders were then outstanding.",
    "In 2021 Hartlepool was rated good, with its leaders then outstanding.",
])
def test_leaders_graded_after_an_adverb_of_time(text):
    assert {("leadership", "outstanding")} <= {(j, g) for c, j, g, _, _ in rating_rows([text], date(2024, 4, 9))
                                              if c == HARTLEPOOL}


@pytest.mark.parametrize("text", [
    "In 2010 the inspection found Hartlepool's safeguarding inadequate and looked-after children's services merely "
    "adequate.",
    "In 2010 Hartlepool's safeguarding was judged inadequate and its looked after children's services only adequate.",
    "Back in 2010 inspectors rated Hartlepool's safeguarding inadequate, and looked-after services merely adequate.",
])
def test_the_looked_after_childrens_service_named_whole_and_graded_merely(text):
    found = {(j, g) for c, j, g, _, _ in rating_rows([text], date(2024, 4, 9)) if c == HARTLEPOOL}
    assert found == {("safeguarding", "inadequate"), ("looked_after", "requires_improvement")}


@pytest.mark.parametrize("text", [
    "Hartlepool has gone from requires improvement to outstanding – skipping the good grade altogether.",
    "Hartlepool went straight from requires improvement to outstanding, bypassing good.",
    "Hartlepool is now outstanding, having skipped good entirely after years at requires improvement.",
])
def test_a_grade_passed_over_is_no_verdict(text):
    assert ("overall_effectiveness", "good") not in {(j, g) for c, j, g, _, _ in rating_rows(
        [text], date(2024, 4, 9)) if c == HARTLEPOOL}


@pytest.mark.parametrize("text", [
    "The report judged Hartlepool inadequate overall, and each of the three other judgements (the impact of leaders; "
    "help and protection; and the experiences of children in care) inadequate as well.",
    "Hartlepool was rated inadequate, as were the other areas (leadership; help and protection; children in care).",
    "Hartlepool's other judgements – leadership; help and protection; and children in care – were all inadequate "
    "too, as was the overall grade.",
])
def test_a_list_in_brackets_or_dashes_with_semicolons_is_one_clause(text):
    assert _graded(text) == {(j, "inadequate") for j in (
        "overall_effectiveness", "leadership", "help_and_protection", "children_in_care")}


@pytest.mark.parametrize("text, named", [
    ("Every area of Hartlepool's service was judged to require improvement. That includes the impact of leaders, "
     "which had been good last time.", {"leadership"}),
    ("Hartlepool was rated requires improvement in every area. This included care leavers, for the first time.",
     {"care_leavers"}),
    ("Hartlepool was judged requires improvement across the board. It covered help and protection and children in "
     "care.", {"help_and_protection", "children_in_care"}),
    ("Hartlepool was judged requires improvement. That includes a new director's first year.", set()),
])
def test_members_of_every_area_named_in_the_next_sentence_take_its_verdict(text, named):
    assert _graded(text) == {("overall_effectiveness", "requires_improvement")} | {
        (j, "requires_improvement") for j in named}
