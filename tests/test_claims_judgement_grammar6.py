"""The judgement grammar, sixth part: the grade before its object ("rated as outstanding the impact of leaders and
..."); a grade's ratings given "for" a LIST ("good judgements for leadership, for children in care and for care
leavers"); "the one for care leavers" heading a judgement; a verdict inserted between a judgement and its own
predicate ("the impact of leaders, judged good last time, now required improvement"); a comment clause there ("X,
I should say, was also rated ..."); a judgement's formal name in apposition ("Leadership - formally 'the impact
of leaders' - and ..."); "singled out as outstanding". Wordings written for these tests, read through the whole
extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"
PUBLISHED = date(2023, 11, 20)


def _rows(*paragraphs: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(paragraphs), PUBLISHED) if c == HARTLEPOOL}


def _current(*paragraphs: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, h in rating_rows(list(paragraphs), PUBLISHED) if c == HARTLEPOOL and not h}


# --- the grade before its object ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Inspectors also rated as outstanding the impact of its leaders and the experiences and progress of children "
    "in care.",
    "Ofsted judged as outstanding both the impact of leaders and the experiences of children in care.",
    "The report grades as outstanding the impact of leaders on social work practice and the progress of children "
    "in care, a first for the borough.",
])
def test_a_grade_before_its_object_grades_the_list_after_it(text):
    got = _rows("Hartlepool was judged outstanding in a report published today.", text)
    assert {("leadership", "outstanding"), ("children_in_care", "outstanding")} <= got


# --- ratings given "for" a LIST ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The overall grade of good was matched by good judgements for leadership, for children in care and for care "
    "leavers.",
    "It came with good ratings for leadership, children in care and care leavers.",
    "Alongside it sat good grades for leadership and for children in care and care leavers.",
])
def test_ratings_given_for_a_list_grade_each_judgement(text):
    got = _rows("Hartlepool's children's services have been rated good.", text)
    assert {("leadership", "good"), ("children_in_care", "good"), ("care_leavers", "good")} <= got


# --- "the one for" heads a judgement ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In Hartlepool the service for children who need help and protection and the one for care leavers were both "
    "good.",
    "In Hartlepool the services for children in care and the ones for care leavers were judged good.",
    "In Hartlepool, the work with children in care and that for care leavers were both rated good.",
])
def test_the_one_for_heads_a_judgement_of_the_list(text):
    got = _rows(text)
    assert ("care_leavers", "good") in got
    assert len({j for j, g in got if g == "good"} - {"overall_effectiveness"}) == 2


# --- a verdict inserted between a judgement and its predicate ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In Hartlepool the impact of leaders, judged good last time, now requires improvement.",
    "In Hartlepool the impact of leaders, rated good in 2019, has now been judged to require improvement.",
    "In Hartlepool leadership, good at the previous inspection, was found to require improvement.",
])
def test_a_verdict_inserted_after_a_judgement_leaves_it_to_the_predicate(text):
    assert ("leadership", "requires_improvement") in _current(text)


@pytest.mark.parametrize("text", [
    "Hartlepool's adoption work, I should say, was also rated requires improvement.",
    "Hartlepool's adoption service, inspectors noted, was judged to require improvement.",
    "Hartlepool's adoption performance, it has to be said, was rated requires improvement.",
])
def test_a_comment_clause_between_a_judgement_and_its_predicate(text):
    assert ("adoption", "requires_improvement") in _rows(text)


# --- a judgement's formal name in apposition -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In Hartlepool leadership - formally \"the impact of leaders on social work practice\" - and the experiences of "
    "children in care were both rated as requiring improvement.",
    "In Hartlepool leadership (officially 'the impact of leaders') and the experiences of children in care were "
    "both judged to require improvement.",
    "In Hartlepool leadership – known in the report as the impact of leaders – and children in care were both rated "
    "requires improvement.",
])
def test_a_formal_name_in_apposition_stays_in_the_list(text):
    got = _rows(text)
    assert {("leadership", "requires_improvement"), ("children_in_care", "requires_improvement")} <= got


# --- "singled out as" ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool was judged good overall, with adoption singled out as outstanding.",
    "Hartlepool was rated good, and inspectors singled out its adoption work as outstanding.",
    "Hartlepool's adoption service was singled out as outstanding in a good report.",
])
def test_singled_out_as_gives_the_grade(text):
    assert ("adoption", "outstanding") in _rows(text)


# --- the time of a verdict its "including" phrase or its "which ... at the time" clause depends on -----------------

def _dated(*paragraphs: str) -> set[tuple[str, str, int | None]]:
    return {(j, g, y) for c, j, g, y, _ in rating_rows(list(paragraphs), PUBLISHED) if c == HARTLEPOOL}


@pytest.mark.parametrize("text", [
    "The director reminded members that Hartlepool had been judged inadequate in May 2016, including inadequate "
    "judgements for leadership and for help and protection.",
    "Hartlepool was rated inadequate in 2016, including inadequate ratings for leadership and help and protection.",
    "In 2016 Hartlepool was found inadequate overall, including inadequate grades for leadership and for help and "
    "protection.",
])
def test_an_including_phrase_takes_the_time_of_its_verdict(text):
    got = _dated(text)
    assert {("leadership", "inadequate", 2016), ("help_and_protection", "inadequate", 2016)} <= got


@pytest.mark.parametrize("text", [
    "Back in 2014 Hartlepool required improvement. Its adoption work, I should say, was also rated requires "
    "improvement, which surprised a few of us at the time.",
    "Hartlepool was inspected in 2014. Its adoption service was judged to require improvement, which worried "
    "councillors at the time.",
    "Hartlepool's 2014 report was mixed. Adoption was rated requires improvement, which nobody expected at the time.",
])
def test_a_which_clause_at_the_time_dates_the_verdict_it_comments_on(text):
    assert ("adoption", "requires_improvement", 2014) in _dated(text)
