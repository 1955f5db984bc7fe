"""The judgement grammar, continued: "children in care and care leavers" as both judgements, judgement rows run
together after a colon, grade verbs of the news ("branded", "handed a ... rating"), judgements named in a relative
clause or as the subject of a reported finding. Wordings written for these tests, read by the pure sentence reader
(rating_claims) or through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _rows(published: date, *paragraphs: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(paragraphs), published) if c == HARTLEPOOL}


# --- "children in care and care leavers": both judgements whenever both are named --------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool's services for children in care and care leavers were judged outstanding by Ofsted.",
    "Ofsted said the experiences and progress of children in care and care leavers in Hartlepool were outstanding.",
    "At Hartlepool Borough Council, the work with children looked after and young people leaving care was rated "
    "outstanding.",
])
@pytest.mark.parametrize("published", [date(2019, 3, 4), date(2021, 11, 30), date(2016, 2, 1), date(2025, 1, 9)])
def test_children_in_care_and_care_leavers_named_together_are_both(text, published):
    got = _rows(published, text) - {("overall_effectiveness", "outstanding")}
    assert got == {("children_in_care", "outstanding"), ("care_leavers", "outstanding")}


@pytest.mark.parametrize("text, expected", [
    ("Hartlepool's services for children in care were judged outstanding.", {("children_in_care", "outstanding")}),
    ("In Hartlepool, care leavers were judged to receive an outstanding service.", {("care_leavers", "outstanding")}),
    ("Inspectors judged Hartlepool's work with looked-after children outstanding.",
     {("children_in_care", "outstanding")}),
])
def test_one_of_them_named_alone_is_that_one(text, expected):
    assert _rows(date(2020, 6, 1), text) - {("overall_effectiveness", "outstanding")} == expected


# --- judgement rows run together with semicolons ----------------------------------------------------------------

_INADEQUATE = "Hartlepool Borough Council's children's services have been judged inadequate by Ofsted."
_ROWS_EXPECTED = {("overall_effectiveness", "inadequate"), ("leadership", "inadequate"),
                  ("help_and_protection", "inadequate"), ("children_in_care", "requires_improvement"),
                  ("care_leavers", "requires_improvement")}


@pytest.mark.parametrize("paragraphs", [
    ["Inspectors gave the following judgements: Overall effectiveness: inadequate; The impact of leaders on social "
     "work practice with children and families: inadequate; The experiences and progress of children who need help "
     "and protection: inadequate; The experiences and progress of children in care and care leavers: requires "
     "improvement to be good."],
    ["The report sets out its grades.", "Overall effectiveness: inadequate; leaders' impact on practice: inadequate; "
     "help and protection: inadequate; and the experiences and progress of children in care and care leavers: "
     "requires improvement to be good."],
    ["Ofsted's findings, in short – overall effectiveness – inadequate; the impact of leaders – inadequate; children "
     "who need help and protection – inadequate; children in care and care leavers – requires improvement."],
    ["Judgements were as follows. Overall effectiveness, inadequate; The impact of leaders, inadequate; Help and "
     "protection, inadequate; Children in care and care leavers, requires improvement to be good."],
])
def test_judgement_rows_across_semicolons_with_or_without_a_lead_in(paragraphs):
    assert _rows(date(2019, 7, 1), _INADEQUATE, *paragraphs) == _ROWS_EXPECTED


@pytest.mark.parametrize("paragraph", [
    "Overall effectiveness was discussed at length; members asked about inadequate staffing levels.",
    "Leadership: the chief executive is leaving; recruitment is under way.",
    "The grades were these: good; good; inadequate.",
])
def test_semicolons_without_rows_give_no_rows(paragraph):
    assert _rows(date(2019, 7, 1), "Hartlepool Borough Council was inspected in May.", paragraph) == set()


# --- "every one of the N areas" with the areas named after a colon, overall effectiveness among them ---------------

_ALL_FIVE_GOOD = {("overall_effectiveness", "good"), ("leadership", "good"), ("help_and_protection", "good"),
                  ("children_in_care", "good"), ("care_leavers", "good")}


@pytest.mark.parametrize("sentence", [
    "Ofsted judged every one of the five areas good: overall effectiveness; the impact of leaders on social work "
    "practice; the experiences and progress of children who need help and protection; the experiences and progress "
    "of children in care; and the experiences and progress of care leavers.",
    "Every single one of the five judgements was good: overall effectiveness, leadership, help and protection, "
    "children in care and care leavers.",
    "Inspectors rated Hartlepool good in each one of its five areas: overall effectiveness, the impact of leaders, "
    "children who need help and protection, children in care, and care leavers.",
    "Hartlepool was judged good in all five areas – overall effectiveness, leadership, help and protection, children "
    "in care and care leavers.",
    "Every one of the five areas inspected was judged good, namely overall effectiveness, the impact of leaders, help "
    "and protection, children in care and care leavers.",
])
def test_every_one_of_the_areas_named_after_a_colon_a_dash_or_namely(sentence):
    assert _rows(date(2024, 7, 1), "Hartlepool Borough Council has been inspected.", sentence) == _ALL_FIVE_GOOD


@pytest.mark.parametrize("sentence, expected", [
    ("Every one of the four areas was found to be good.", {("overall_effectiveness", "good")}),
    ("Inspectors rated Hartlepool good in every one of the five areas.", {("overall_effectiveness", "good")}),
    ("Three of the four areas were found to be good.", set()),
    ("Hartlepool was judged good in all areas – a big step up from its last inspection.",
     {("overall_effectiveness", "good")}),
])
def test_every_one_of_the_areas_unnamed_is_the_overall_grade_and_some_of_them_none(sentence, expected):
    assert _rows(date(2024, 7, 1), "Hartlepool Borough Council has been inspected.", sentence) == expected


# --- the news's grade verbs -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, grade", [
    ("Hartlepool's children's services have been branded inadequate by Ofsted.", "inadequate"),
    ("Ofsted has branded Hartlepool Borough Council's children's services as 'inadequate'.", "inadequate"),
    ("Inspectors branded Hartlepool's services for children failing.", "inadequate"),
    ("Hartlepool's children's services were labelled inadequate after the visit.", "inadequate"),
    ("Ofsted labelled Hartlepool Borough Council 'requires improvement to be good'.", "requires_improvement"),
    ("Hartlepool's children's services were classed as good.", "good"),
    ("Hartlepool's services for children were marked as outstanding by inspectors.", "outstanding"),
    ("Hartlepool was awarded 'good' by Ofsted.", "good"),
    ("Hartlepool has been handed a 'requires improvement' rating.", "requires_improvement"),
    ("Hartlepool secured a good grade from Ofsted.", "good"),
])
def test_grade_verbs_of_the_news(sentence, grade):
    assert _rows(date(2023, 5, 2), sentence) == {("overall_effectiveness", grade)}


@pytest.mark.parametrize("sentence", [
    "Hartlepool's leader branded the report a good start.",
    "The mayor of Hartlepool branded the news 'outstanding progress' for the town.",
    "In Hartlepool, staff were labelled as good workers by their managers.",
    "Hartlepool's new scheme marked a good step forward.",
])
def test_the_same_verbs_without_a_grade_as_their_object(sentence):
    assert _rows(date(2023, 5, 2), sentence) == set()


# --- a judgement named in a relative clause on another noun ----------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Inspectors were impressed by Hartlepool's leaders, whose impact on social work practice was graded "
     "outstanding.", {("leadership", "outstanding")}),
    ("Ofsted praised Hartlepool's senior leaders, whose impact was judged good.", {("leadership", "good")}),
    ("In Hartlepool, inspectors met leaders, whose impact on practice they judged to be good.",
     {("leadership", "good")}),
    ("Inspectors spoke to Hartlepool's care leavers, whose experiences and progress were rated outstanding.",
     {("care_leavers", "outstanding")}),
])
def test_a_judgement_named_in_a_relative_clause(sentence, expected):
    assert _rows(date(2023, 5, 2), sentence) == expected


# --- a judgement as the subject of a clause whose verdict follows a "but" ----------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Officers said the care leavers service had stronger practice but still required improvement.",
     {("care_leavers", "requires_improvement")}),
    ("Members heard that help and protection had improved but remained inadequate.",
     {("help_and_protection", "inadequate")}),
    ("The director told the committee that children in care were doing better but still required improvement.",
     {("children_in_care", "requires_improvement")}),
    ("Leadership has been strengthened, officers said, but still requires improvement.",
     {("leadership", "requires_improvement")}),
])
def test_a_judgement_subject_keeps_its_verdict_after_but(sentence, expected):
    assert _rows(date(2023, 5, 2), "Hartlepool Borough Council's children's services were discussed.",
                 sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Hartlepool improved its help and protection but still requires improvement.",
    "Hartlepool Borough Council was praised for its leadership but was still judged to require improvement.",
    "Hartlepool has invested in its care leavers service but remains 'requires improvement'.",
])
def test_a_judgement_as_the_object_does_not_take_the_council_s_verdict(sentence):
    assert _rows(date(2023, 5, 2), sentence) == {("overall_effectiveness", "requires_improvement")}


# --- more names of the judgements ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Ofsted judged Hartlepool's help for children who need protection to be inadequate.",
     {("help_and_protection", "inadequate")}),
    ("In Hartlepool, help and support for children in need of protection was rated inadequate.",
     {("help_and_protection", "inadequate")}),
    ("In Hartlepool, the protection of children who need help was judged inadequate.",
     {("help_and_protection", "inadequate")}),
    ("In Hartlepool, the support for care leavers was judged good.", {("care_leavers", "good")}),
    ("Hartlepool's services for children looked after were judged to require improvement.",
     {("children_in_care", "requires_improvement")}),
    ("Hartlepool's leadership, management and governance was judged inadequate.", {("leadership", "inadequate")}),
])
def test_variant_names_of_the_judgements(sentence, expected):
    assert _rows(date(2016, 5, 2), sentence) == expected


def test_a_judgement_graded_too_after_the_overall_grade():
    got = _rows(date(2023, 5, 2), "Inspectors rated Hartlepool inadequate overall and rated its leadership "
                "inadequate too.")
    assert got == {("overall_effectiveness", "inadequate"), ("leadership", "inadequate")}
