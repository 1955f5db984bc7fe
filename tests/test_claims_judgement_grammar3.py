"""The judgement grammar, third part: a grade given "for" judgements keeps them (the next grade of the sentence
takes only the judgements after it), and the pre-2013 frameworks' names: "the overall effectiveness of the
arrangements for the protection of children" and "services to keep children safe" are safeguarding, not overall
effectiveness; "looked-after services" names the looked-after judgement. Wordings written for these tests, read
through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _rows(published: date, *paragraphs: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(paragraphs), published) if c == HARTLEPOOL}


# --- a grade given "for" judgements binds them, up to the next grade ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool and Darlington both received outstanding for leadership and for help and protection, and both "
    "received good for care leavers.",
    "Hartlepool received outstanding for leadership and for help and protection, and good for care leavers.",
    "Inspectors gave Hartlepool outstanding for leadership and for help and protection, then gave it good for care "
    "leavers.",
])
def test_a_grade_given_for_judgements_keeps_them_from_the_next_grade(text):
    got = _rows(date(2022, 5, 10), text) - {("overall_effectiveness", "outstanding"), ("overall_effectiveness", "good")}
    assert got == {("leadership", "outstanding"), ("help_and_protection", "outstanding"), ("care_leavers", "good")}


# --- the pre-2013 safeguarding judgement by its long names -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In Hartlepool, the overall effectiveness of the arrangements for the protection of children was judged "
    "inadequate.",
    "Inspectors judged the overall effectiveness of Hartlepool's arrangements for protecting children inadequate.",
    "Hartlepool: the overall effectiveness of the council's arrangements for protection of children was rated "
    "inadequate after an unannounced visit.",
])
def test_overall_effectiveness_of_protection_arrangements_is_safeguarding(text):
    got = _rows(date(2012, 7, 2), text)
    assert ("safeguarding", "inadequate") in got
    assert ("overall_effectiveness", "inadequate") not in got


@pytest.mark.parametrize("text", [
    "In Hartlepool, services to keep children and young people safe were rated good.",
    "Hartlepool's work to keep children safe was judged good by inspectors.",
    "Ofsted found that Hartlepool keeps children and young people safe and rated that work good.",
])
def test_keeping_children_safe_is_safeguarding_not_overall(text):
    got = _rows(date(2011, 3, 15), text)
    assert ("safeguarding", "good") in got
    assert ("overall_effectiveness", "good") not in got


@pytest.mark.parametrize("text", [
    "Hartlepool council's safeguarding and looked-after services were both judged good in 2010.",
    "In Hartlepool, safeguarding and looked after provision were both rated good in 2010.",
    "Hartlepool's looked-after services and its safeguarding were judged good in 2010.",
])
def test_looked_after_services_name_the_looked_after_judgement(text):
    assert _rows(date(2011, 3, 15), text) == {("safeguarding", "good"), ("looked_after", "good")}


@pytest.mark.parametrize("text", [
    "In Hartlepool, children were looked after well by foster carers, and safeguarding was judged good in 2010.",
    "Hartlepool's safeguarding was judged good in 2010; the children it looked after were settled.",
    "Inspectors said Hartlepool's safeguarding was good in 2010 and that children looked after by relatives did well.",
])
def test_looked_after_as_a_verb_names_no_judgement(text):
    assert ("looked_after", "good") not in _rows(date(2011, 3, 15), text)


# --- minutes rows run together after a colon, a name with commas of its own ---------------------------------------

_OVERALL_BEFORE = "Members noted that Hartlepool's children's services had been judged to be good overall."


@pytest.mark.parametrize("rows", [
    "The judgements for each area were: Help and protection: good Children looked after and achieving permanence: "
    "good Adoption performance: outstanding Leadership, management and governance: requires improvement",
    "Inspectors' grades were as follows: Leadership, management and governance: requires improvement Adoption "
    "performance: outstanding Help and protection: good Children looked after and achieving permanence: good.",
    "The report graded each area: Children looked after and achieving permanence: good, Leadership, management and "
    "governance: requires improvement, Help and protection: good, Adoption performance: outstanding",
])
def test_run_together_rows_with_commas_in_a_name(rows):
    assert _rows(date(2015, 5, 1), _OVERALL_BEFORE, rows) == {
        ("overall_effectiveness", "good"), ("help_and_protection", "good"), ("children_in_care", "good"),
        ("adoption", "outstanding"), ("leadership", "requires_improvement")}


@pytest.mark.parametrize("text", [
    "Members asked about staffing: good progress had been made, though turnover was high: poor morale persisted.",
    "The chair said: training, supervision and caseloads: good work was under way.",
    "Officers reported two matters: recruitment, retention and agency costs: good news on all three.",
])
def test_prose_with_colons_and_commas_is_not_rows(text):
    assert _rows(date(2015, 5, 1), text) == set()
