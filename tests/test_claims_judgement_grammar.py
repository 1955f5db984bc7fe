"""The judgement grammar: how prose names the judgements an inspection grades (full names, short forms, coordinated
lists sharing one predicate, lists in apposition, "all areas") and the grade verb forms that give them a grade.
Wordings written for these tests; most are read by the pure sentence reader (rating_claims), the rest through the
whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows
from transforms.judgement_names import coordinated, judgements_in, listed, unbracketed
from transforms.ratings import rating_claims

PUBLISHED = date(2021, 6, 10)
ROCHDALE = "E08000005"


def _verdicts(sentence: str) -> set[tuple[str, str]]:
    return {(c.judgement, c.grade) for c in rating_claims(sentence, PUBLISHED) if c.status == "current"}


def _grades(*paragraphs: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(paragraphs), PUBLISHED) if c == ROCHDALE}


# --- the grammar itself: which names form one list -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("the impact of leaders, the experiences and progress of children who need help and protection, and the "
     "experiences and progress of children in care", ["leadership", "help_and_protection", "children_in_care"]),
    ("leaders' impact, the help and protection given to children and services for care leavers",
     ["leadership", "help_and_protection", "care_leavers"]),
    ("both adoption performance and the support offered to care leavers", ["adoption", "care_leavers"]),
    ("services for children in care, together with those for care leavers", ["children_in_care", "care_leavers"]),
    ("the council's leadership, along with its help and protection", ["leadership", "help_and_protection"]),
    ("the impact of leaders on social work practice with children and families as well as children in care",
     ["leadership", "children_in_care"]),
])
def test_a_list_of_judgement_names(text, expected):
    assert listed(text) == expected


@pytest.mark.parametrize("text", [
    "leadership was strong and children in care",  # a clause between them, not a joining word
    "help and protection",  # one name is no list
    "Rochdale's leadership, which the report praised, and its care leavers",
])
def test_what_is_not_a_list(text):
    assert listed(text) is None


def test_the_list_ends_at_the_first_name_not_joined():
    text = "Leadership improved after the inspection of adoption; help and protection and children in care were good"
    names = judgements_in(text)
    assert coordinated(text, names, 0, len(text)) == ["help_and_protection", "children_in_care"]


def test_a_list_in_apposition_keeps_its_length_and_loses_its_dashes():
    sentence = "All three judgements – leadership, help and protection and children in care – were graded good."
    kept = unbracketed(sentence)
    assert len(kept) == len(sentence) and "–" not in kept
    assert unbracketed("Rochdale – a borough in Greater Manchester – was rated good.") == (
        "Rochdale – a borough in Greater Manchester – was rated good.")


# --- one predicate bound to every judgement of a list -----------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Inspectors judged the impact of leaders, the experiences and progress of children who need help and "
    "protection, and the experiences and progress of children in care to be inadequate.",
    "Ofsted rated the council's leadership, help and protection and services for children in care as inadequate.",
    "Help and protection, the experiences of children in care and leadership were all judged inadequate.",
    "Leaders' impact, the help and protection given to children and the progress of children in care were each "
    "found to be inadequate.",
])
def test_one_grade_for_every_judgement_of_a_list(sentence):
    assert _verdicts(sentence) == {("leadership", "inadequate"), ("help_and_protection", "inadequate"),
                                   ("children_in_care", "inadequate")}


@pytest.mark.parametrize("sentence", [
    "Each of the three sub-judgements – impact of leaders, help and protection and children in care – was also "
    "graded good.",
    "The three judgements (leadership, children who need help and protection, and children in care) were all rated "
    "good.",
    "All three other areas – leadership, the help and protection of children, and the experiences of children in "
    "care – were judged good.",
])
def test_a_list_in_apposition_shares_the_predicate(sentence):
    assert _verdicts(sentence) == {("leadership", "good"), ("help_and_protection", "good"),
                                   ("children_in_care", "good")}


@pytest.mark.parametrize("sentence, expected", [
    ("Leadership was judged good, but help and protection and children in care were inadequate.",
     {("leadership", "good"), ("help_and_protection", "inadequate"), ("children_in_care", "inadequate")}),
    ("After an inspection of adoption services, help and protection was rated good.",
     {("help_and_protection", "good")}),
    ("Leadership, praised by inspectors for its stability, was judged outstanding.", {("leadership", "outstanding")}),
])
def test_a_grade_goes_only_to_its_own_list(sentence, expected):
    assert _verdicts(sentence) == expected


# --- grade verb forms -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Rochdale's children's services required improvement, the report said.",
     ("overall_effectiveness", 2021, False)),
    ("Rochdale was rated good this week. Its leadership had required improvement at the previous inspection in 2017.",
     ("leadership", 2017, True)),
    ("Rochdale's services, which required improvement to be good in 2016, have been rated good.",
     ("overall_effectiveness", 2016, True)),
])
def test_required_improvement_is_the_grade_in_the_past(text, expected):
    got = rating_rows([text], PUBLISHED)
    assert {(j, y, h) for c, j, g, y, h in got if c == ROCHDALE and g == "requires_improvement"} == {expected}


@pytest.mark.parametrize("sentence", [
    "Rochdale was rated 'requires improvement to be good' by Ofsted.",
    "Rochdale was rated “requires improvement to be good” by Ofsted.",
    "Inspectors judged Rochdale ‘requires improvement to be good’ overall.",
    "Rochdale was found to require improvement to be good.",
])
def test_a_quoted_requires_improvement_to_be_good_is_not_good(sentence):
    assert _verdicts(sentence) == {("overall_effectiveness", "requires_improvement")}


# --- "all areas": the areas are not named, so the overall grade only; some areas: no claim ----------------------

@pytest.mark.parametrize("text", [
    "All four areas of Rochdale's children's services were judged inadequate.",
    "Rochdale was rated inadequate overall. Each of the four judgements was graded inadequate.",
    "Ofsted rated Rochdale inadequate overall and in every other area.",
    "Members noted that all four judgements for Rochdale were inadequate.",
])
def test_all_areas_is_the_overall_grade(text):
    assert _grades(text) == {("overall_effectiveness", "inadequate")}


@pytest.mark.parametrize("sentence", [
    "Ofsted rated Rochdale good in three of the four areas.",
    "Rochdale was judged inadequate across two of the judgements.",
    "Inspectors found Rochdale's services good in most areas.",
    "In Rochdale, three of the four judgements were inadequate.",
])
def test_some_areas_not_named_give_no_claim(sentence):
    assert _grades(sentence) == set()


# --- a list after the grade, "as were", "respectively" ----------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Rochdale was judged good for leadership, help and protection and children in care.",
    "Inspectors rated the council good for the impact of leaders, for the help and protection of children and for "
    "children in care.",
    "The borough was graded good on leadership, help and protection as well as children in care.",
])
def test_a_list_of_judgements_after_the_grade(sentence):
    assert _verdicts(sentence) == {("leadership", "good"), ("help_and_protection", "good"),
                                   ("children_in_care", "good")}


@pytest.mark.parametrize("sentence", [
    "Rochdale was rated good, as were leadership and help and protection.",
    "The council was judged good overall, as were the impact of leaders and the experiences of children in care.",
    "Services were found to be good, and so were leadership and help and protection.",
])
def test_as_were_judgements_after_the_overall_grade(sentence):
    got = _verdicts(sentence)
    assert ("overall_effectiveness", "good") in got and len(got) == 3
    assert {j for j, _ in got} - {"overall_effectiveness"} <= {"leadership", "help_and_protection",
                                                               "children_in_care"}


@pytest.mark.parametrize("sentence", [
    "Leadership, help and protection and children in care were rated outstanding, good and requires improvement "
    "respectively.",
    "The impact of leaders, the help and protection of children and the experiences of children in care were judged "
    "outstanding, good and requires improvement respectively.",
    "Inspectors graded leadership, help and protection and children in care outstanding, good and requires "
    "improvement respectively.",
])
def test_respectively_pairs_judgements_with_grades(sentence):
    assert _verdicts(sentence) == {("leadership", "outstanding"), ("help_and_protection", "good"),
                                   ("children_in_care", "requires_improvement")}


# --- a judgement graded in a "with" phrase or an elided clause --------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The inspection found children's services in the borough to be good, with leadership outstanding.",
     {("overall_effectiveness", "good"), ("leadership", "outstanding")}),
    ("Inspectors judged the council good, with 'outstanding' leadership.",
     {("overall_effectiveness", "good"), ("leadership", "outstanding")}),
    ("Its care leavers service was judged outstanding and its adoption service good.",
     {("care_leavers", "outstanding"), ("adoption", "good")}),
    ("Services were rated 'requires improvement' with 'good' help and protection and children in care.",
     {("overall_effectiveness", "requires_improvement"), ("help_and_protection", "good"),
      ("children_in_care", "good")}),
])
def test_judgements_graded_after_the_main_verdict(sentence, expected):
    assert _verdicts(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "It received a 'good' grade, with strong leadership praised by inspectors.",
    "The council has praised its 'outstanding' leadership team.",
    "Staff spoke of outstanding leadership.",
])
def test_a_judgement_praised_is_not_the_rating_s_judgement(sentence):
    assert _verdicts(sentence) <= {("overall_effectiveness", "good")}


@pytest.mark.parametrize("sentence", [
    "The council achieved a good rating, with outstanding leadership and good help and protection.",
    "Services were judged good, with outstanding leadership and good help and protection.",
    "It was rated good overall with outstanding leadership, and good help and protection.",
])
def test_grades_of_judgements_in_the_verdict_s_with_phrase(sentence):
    assert _verdicts(sentence) == {("overall_effectiveness", "good"), ("leadership", "outstanding"),
                                   ("help_and_protection", "good")}


@pytest.mark.parametrize("sentence", [
    "The areas judged outstanding were leadership and help and protection.",
    "The judgements rated outstanding are the impact of leaders and the help and protection of children.",
    "Sub-judgements that were graded outstanding included leadership and help and protection.",
])
def test_judgements_named_after_the_verdict_they_share(sentence):
    assert _verdicts(sentence) == {("leadership", "outstanding"), ("help_and_protection", "outstanding")}


@pytest.mark.parametrize("sentence", [
    "It was judged outstanding for leadership; good for help and protection; and requires improvement for "
    "children in care.",
    "Inspectors rated the council outstanding for leadership; good for help and protection; requires improvement "
    "for children in care.",
    "The borough was graded outstanding for the impact of leaders; good for help and protection; and requires "
    "improvement for the experiences of children in care.",
])
def test_grades_listed_by_judgement_across_semicolons(sentence):
    assert _verdicts(sentence) == {("leadership", "outstanding"), ("help_and_protection", "good"),
                                   ("children_in_care", "requires_improvement")}


@pytest.mark.parametrize("sentence", [
    "Inspectors found social workers to be outstanding in their commitment to children.",
    "Inspectors found the quality of supervision to be inadequate in some teams.",
    "Inspectors said that leadership was good at setting priorities.",
    "Inspectors found children in care were well supported, with good outcomes.",
])
def test_good_said_of_people_or_practice_is_no_grade(sentence):
    assert _verdicts(sentence) == set()


# --- "children in care and care leavers": one judgement from 2018 to 2022, two before and after ----------------

@pytest.mark.parametrize("text", [
    "Rochdale was rated good, and the experiences and progress of children in care and care leavers were also "
    "judged good.",
    "In Rochdale, children in care and care leavers were both rated good.",
    "Inspectors judged Rochdale's services for looked-after children and care leavers to be good.",
])
@pytest.mark.parametrize("published, judgements", [
    (date(2016, 5, 1), {"children_in_care", "care_leavers"}),  # the single inspection framework
    (date(2020, 5, 1), {"children_in_care", "care_leavers"}),  # ILACS grades one judgement; readers name both
    (date(2024, 5, 1), {"children_in_care", "care_leavers"}),  # ILACS from 2023
])
def test_children_in_care_and_care_leavers_are_both_whatever_the_year(text, published, judgements):
    got = {j for c, j, g, _, _ in rating_rows([text], published) if c == ROCHDALE and g == "good"}
    assert got - {"overall_effectiveness"} == judgements


@pytest.mark.parametrize("sentence", [
    "Two of the four judgements – leadership and help and protection – were outstanding.",
    "Two judgements (leadership and help and protection) were graded outstanding.",
    "Services were rated good, and two areas, leadership and help and protection, were judged outstanding.",
])
def test_a_counted_group_of_judgements_that_names_them(sentence):
    assert _verdicts(sentence) - {("overall_effectiveness", "good")} == {
        ("leadership", "outstanding"), ("help_and_protection", "outstanding")}


@pytest.mark.parametrize("sentence", [
    "The committee noted the outcome of the inspection: good overall, with leadership judged outstanding.",
    "Ofsted's verdict: good overall and outstanding for leadership.",
    "The result of the inspection: 'good' overall, with 'outstanding' leadership.",
])
def test_a_verdict_after_a_colon(sentence):
    assert _verdicts(sentence) == {("overall_effectiveness", "good"), ("leadership", "outstanding")}


# --- more ways of giving judgements their grades ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rochdale was judged inadequate overall, and the same grade went to each of the three judgements under it: "
    "the impact of leaders, the help and protection of children, and children in care.",
    "Rochdale was rated inadequate in all three areas beneath the overall grade: leadership; help and protection; "
    "children in care.",
    "Inspectors judged Rochdale inadequate overall and in each of the three judgements: leadership, help and "
    "protection and the experiences of children in care.",
])
def test_every_area_named_after_a_colon(text):
    assert _grades(text) == {(j, "inadequate") for j in ("overall_effectiveness", "leadership",
                                                          "help_and_protection", "children_in_care")}


@pytest.mark.parametrize("sentence", [
    "Its services for children who need help and protection, children looked after and care leavers were rated "
    "inadequate overall.",
    "Services for children in care and children in need of help and protection were judged inadequate overall.",
    "The council's help and protection and children in care services were found to be inadequate overall.",
])
def test_services_named_then_graded_overall_are_the_overall_grade(sentence):
    assert _verdicts(sentence) == {("overall_effectiveness", "inadequate")}


@pytest.mark.parametrize("sentence", [
    "It received outstanding for leadership and for help and protection, and good for children in care.",
    "The borough got outstanding for leadership and help and protection, and good for children in care.",
    "Inspectors gave it outstanding for the impact of leaders and for help and protection, and good for the "
    "experiences of children in care.",
])
def test_a_grade_received_for_judgements(sentence):
    assert _verdicts(sentence) == {("leadership", "outstanding"), ("help_and_protection", "outstanding"),
                                   ("children_in_care", "good")}


@pytest.mark.parametrize("sentence", [
    "Leadership good, help and protection good, children in care requires improvement.",
    "Impact of leaders outstanding; help and protection good; children in care requires improvement.",
    "The impact of leaders good, help and protection good and children in care requires improvement.",
])
def test_judgements_graded_with_no_verb(sentence):
    got = _verdicts(sentence)
    assert ("children_in_care", "requires_improvement") in got and ("help_and_protection", "good") in got
    assert {j for j, _ in got} == {"leadership", "help_and_protection", "children_in_care"}


@pytest.mark.parametrize("sentence", [
    "Inspectors rated the impact of leaders as good, help and protection as good, and children in care as "
    "requires improvement.",
    "Ofsted grades Rochdale good for leadership, with help and protection both good and children in care requires "
    "improvement.",
    "Ofsted judged leadership to be good, help and protection as good and children in care as requires improvement.",
])
def test_judgement_as_grade_lists(sentence):
    got = _verdicts(sentence)
    assert ("leadership", "good") in got and ("help_and_protection", "good") in got
    assert ("children_in_care", "requires_improvement") in got


@pytest.mark.parametrize("sentence, expected", [
    ("The impact of its leaders was rated outstanding.", ("leadership", "outstanding")),
    ("Its services to keep children safe were rated adequate.", ("safeguarding", "requires_improvement")),
    ("The impact of their senior leaders was judged good.", ("leadership", "good")),
])
def test_more_forms_of_judgement_names(sentence, expected):
    assert expected in _verdicts(sentence)


@pytest.mark.parametrize("text, expected", [
    ("Inspectors found safeguarding in Rochdale adequate and services for looked after children good.",
     {("safeguarding", "requires_improvement"), ("looked_after", "good")}),
    ("Rochdale's safeguarding and looked after children services had both been judged adequate.",
     {("safeguarding", "requires_improvement"), ("looked_after", "requires_improvement")}),
    ("Ofsted found the council's safeguarding services in Rochdale inadequate.", {("safeguarding", "inadequate")}),
])
def test_the_earlier_frameworks_judgements_named_as_the_object(text, expected):
    got = {(j, g) for c, j, g, _, _ in rating_rows([text], date(2012, 3, 1)) if c == ROCHDALE}
    assert got == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The inspectors concluded that in the borough the experiences and progress of children in care required "
     "improvement.", {("children_in_care", "requires_improvement")}),
    ("The inspection found that help and protection requires improvement to be good.",
     {("help_and_protection", "requires_improvement")}),
    ("Ofsted said that leadership and management require improvement.", {("leadership", "requires_improvement")}),
])
def test_a_judgement_that_requires_improvement_as_the_verb(sentence, expected):
    assert _verdicts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Leadership – the impact of leaders on social work practice – was outstanding.", ("leadership", "outstanding")),
    ("Help and protection (the experiences and progress of children who need help and protection) was judged good.",
     ("help_and_protection", "good")),
    ("Care leavers – the experiences and progress of care leavers – were rated requires improvement.",
     ("care_leavers", "requires_improvement")),
])
def test_a_judgement_with_its_full_name_in_apposition(sentence, expected):
    assert _verdicts(sentence) == {expected}
