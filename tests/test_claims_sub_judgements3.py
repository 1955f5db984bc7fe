"""Sub-judgements in three relations of English: a "with" phrase of its own after the overall verdict ("rated good,
with leadership then already outstanding"), the leaders' impact "on practice" as one NAME of a LIST, and a verdict
repeated by its auxiliary alone ("and leadership does too", "as did care leavers", "the board got the same").
Wordings written for these tests, about real councils, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

WIGAN = "E08000010"


def _graded(*paragraphs: str, published: date = date(2024, 6, 10)) -> set[tuple]:
    return {(j, g, y) for c, j, g, y, _ in rating_rows(list(paragraphs), published) if c == WIGAN}


@pytest.mark.parametrize("text", [
    "Wigan was rated good in 2019, with leadership then already outstanding.",
    "In 2019 Wigan was judged good with its leadership already outstanding.",
    "Ofsted rated Wigan good in 2019, with leadership by then outstanding.",
])
def test_a_with_phrase_grades_its_own_judgement(text):
    got = _graded(text)
    assert ("leadership", "outstanding", 2019) in got and ("overall_effectiveness", "good", 2019) in got
    assert ("leadership", "good", 2019) not in got


@pytest.mark.parametrize("text", [
    "In Wigan leaders' impact on practice and help and protection were both judged inadequate.",
    "The impact of leaders on practice, help and protection and care leavers were all inadequate in Wigan.",
    "Inspectors judged Wigan's leaders' impact on practice and the help given to children needing protection to be "
    "inadequate.",
])
def test_the_leaders_impact_on_practice_is_one_name_of_a_list(text):
    got = _graded(text)
    assert {("leadership", "inadequate", 2024), ("help_and_protection", "inadequate", 2024)} <= got


@pytest.mark.parametrize("text", [
    "In Wigan help and protection still requires improvement and leadership does too.",
    "Wigan's help and protection required improvement in the spring, as did its leadership.",
    "At Wigan help and protection requires improvement, and so does leadership.",
    "In Wigan help and protection was judged to require improvement and leadership was too.",
])
def test_a_verdict_repeated_by_its_auxiliary(text):
    got = _graded(text)
    assert {("help_and_protection", "requires_improvement", 2024), ("leadership", "requires_improvement", 2024)} <= got


@pytest.mark.parametrize("text", [
    "In Wigan help and protection improved, as did leadership.",
    "In Wigan help and protection was judged good and leadership did too.",
    "Wigan's help and protection is now good, and so did its leaders say.",
])
def test_a_verb_of_doing_repeats_no_adjective_grade(text):
    assert not {j for j, _, _ in _graded(text)} & {"leadership"}


@pytest.mark.parametrize("text", [
    "Ofsted judged Wigan inadequate in 2016, and help and protection inadequate. The safeguarding board got the same.",
    "Wigan was rated inadequate in 2016, and help and protection was inadequate. The local safeguarding children "
    "board received the same.",
    "In 2016 Wigan was judged inadequate; help and protection was inadequate too. Its safeguarding children board "
    "was given the same.",
])
def test_a_judgement_given_the_same(text):
    assert ("lscb", "inadequate", 2016) in _graded(text)


@pytest.mark.parametrize("text, judgement", [
    ("Wigan is now good. One weak spot: its services for children in care still need to improve, the report says.",
     "children_in_care"),
    ("Wigan was judged good, but inspectors graded help and protection as needing improvement.", "help_and_protection"),
    ("Wigan is good overall, though care leavers' services are in need of improvement.", "care_leavers"),
])
def test_a_judgement_said_to_need_improvement_requires_improvement(text, judgement):
    assert (judgement, "requires_improvement", 2024) in _graded(text)


@pytest.mark.parametrize("text", [
    "Wigan is good. The report said the council needs to improve the consistency of supervision.",
    "Wigan is good, but its social workers need to improve, the union said.",
    "Wigan is good. Leaders know they need to improve recording.",
])
def test_needing_improvement_said_of_no_judgement_is_no_verdict(text):
    assert {g for _, g, _ in _graded(text)} == {"good"}


@pytest.mark.parametrize("text, judgement, grade", [
    ("Wigan is good. Care leavers remain an area that requires improvement, inspectors said.", "care_leavers",
     "requires_improvement"),
    ("Wigan is good. Help and protection was still an area that was judged to require improvement.",
     "help_and_protection", "requires_improvement"),
    ("Wigan is good. Adoption is an area which inspectors rated outstanding.", "adoption", "outstanding"),
])
def test_a_judgement_called_an_area_the_grade_describes(text, judgement, grade):
    assert judgement in {j for j, g, _ in _graded(text) if g == grade}


@pytest.mark.parametrize("text", [
    "In 2018 Wigan was rated inadequate, though at the time leadership and the care of looked-after children were "
    "only found to require improvement.",
    "Wigan was inadequate in 2018, though at that inspection leadership and the care of children in care were found "
    "to require improvement.",
    "Wigan was judged inadequate in 2018, while at the time leadership and the care of looked after children both "
    "required improvement.",
])
def test_a_time_opening_the_clause_does_not_modify_the_list(text):
    assert ("leadership", "requires_improvement", 2018) in _graded(text)


@pytest.mark.parametrize("item", [
    "Wigan – good at the March 2022 inspection, with an outstanding for care leavers, which nobody expected after the "
    "2015 inadequate.",
    "Wigan – good in 2022, with an outstanding for care leavers, a long way from the 2016 inadequate.",
    "Wigan: good at its 2022 inspection, with an outstanding for care leavers, not bad after the inadequate of 2016.",
])
def test_a_judgement_paired_with_a_grade_takes_the_time_named_with_it(item):
    blocks = [Block("list_item", "Bury – good (May 2022)."), Block("list_item", item)]
    got = {(j, g, y) for c, j, g, y, _ in rating_rows(blocks, date(2025, 1, 1)) if c == WIGAN}
    assert ("care_leavers", "outstanding", 2022) in got


@pytest.mark.parametrize("text", [
    "In 2015 Wigan was rated inadequate, with weaknesses in child protection, and when Ofsted returned in 2018 "
    "services were found to require improvement.",
    "In 2018 inspectors praised the work with care leavers in Wigan, and the council was judged to require "
    "improvement.",
    "Wigan was visited in 2018, after concerns about help and protection, and the department was found to require "
    "improvement.",
])
def test_a_verdict_with_a_subject_of_its_own_is_not_the_judgement_named_before(text):
    got = _graded(text)
    assert ("overall_effectiveness", "requires_improvement") in {(j, g) for j, g, _ in got}
    assert not {j for j, _, _ in got} & {"help_and_protection", "care_leavers"}


@pytest.mark.parametrize("text, judgement", [
    ("Wigan was inadequate. Only care leavers fared better: their services were rated as requiring improvement.",
     "care_leavers"),
    ("Wigan was inadequate, except for children in care, where the council was judged to require improvement.",
     "children_in_care"),
    ("Wigan was inadequate, but help and protection services were found to require improvement.",
     "help_and_protection"),
])
def test_a_subject_referring_back_to_the_judgement_keeps_it(text, judgement):
    assert (judgement, "requires_improvement", 2024) in _graded(text)


@pytest.mark.parametrize("text, year", [
    ("Wigan was good in 2017, but they graded help and protection as needing improvement. This time round that "
     "judgement went up to good.", 2022),
    ("Wigan was good in 2017, with help and protection requiring improvement. In 2022 that area was good.", 2022),
    ("Wigan was good in 2017 but help and protection required improvement. At the latest inspection that judgement "
     "came out as good.", 2022),
])
def test_a_judgement_referred_to_after_a_time_opening_the_clause(text, year):
    got = _graded(text, published=date(2022, 6, 2))
    assert {("help_and_protection", "requires_improvement", 2017), ("help_and_protection", "good", year)} <= got


@pytest.mark.parametrize("text", [
    "Wigan was judged good, with outstanding leadership, outstanding adoption and good help and protection.",
    "Wigan was rated good in 2024, with outstanding leadership, outstanding adoption, and good care leavers' services.",
    "Wigan was good, with outstanding leadership, outstanding adoption and requires improvement help and protection.",
])
def test_a_with_phrase_lists_graded_judgements(text):
    assert {("leadership", "outstanding", 2024), ("adoption", "outstanding", 2024)} <= _graded(text)


@pytest.mark.parametrize("text", [
    "Wigan was rated good, outstanding in two areas: leadership and adoption.",
    "Wigan was rated good overall, but outstanding in two of the four areas: leadership and adoption.",
    "Wigan was rated good - and outstanding in two areas, leadership and adoption.",
])
def test_areas_counted_under_a_grade_take_that_grade(text):
    got = _graded(text)
    assert {("leadership", "outstanding", 2024), ("adoption", "outstanding", 2024)} <= got
    assert ("leadership", "good", 2024) not in got and ("overall_effectiveness", "outstanding", 2024) not in got


@pytest.mark.parametrize("text", [
    "Wigan was rated good. All but care leavers were good.",
    "Wigan was rated good. Every judgement but care leavers was good.",
    "Wigan was rated good. All the judgements except care leavers were good.",
    "Wigan was rated good. With the exception of care leavers, all areas were good.",
    "Wigan was rated good. Every area apart from care leavers came out good.",
])
def test_a_judgement_set_apart_from_the_subject_takes_no_grade(text):
    assert "care_leavers" not in {j for j, _, _ in _graded(text)}


@pytest.mark.parametrize("text", [
    "Wigan was rated good, apart from care leavers, which was judged to require improvement.",
    "Wigan was rated good in every area except care leavers, which required improvement.",
    "Wigan was good; all but care leavers were good, and care leavers required improvement.",
])
def test_a_judgement_set_apart_keeps_its_own_verdict(text):
    assert ("care_leavers", "requires_improvement", 2024) in _graded(text)


@pytest.mark.parametrize("text", [
    "The 2011 inspection of safeguarding and looked after children rated Wigan adequate for safeguarding and good "
    "for looked after children.",
    "In 2011 the safeguarding and looked after children inspectors judged Wigan adequate for safeguarding and good "
    "for looked after children.",
    "A 2011 inspection of safeguarding and looked after children found Wigan adequate for safeguarding, and good for "
    "looked after children.",
])
def test_the_judgements_after_a_grade_are_its_own_when_the_council_is_the_object(text):
    got = {(j, g) for j, g, y in _graded(text) if y == 2011}
    assert ("safeguarding", "requires_improvement") in got and ("looked_after", "requires_improvement") not in got


@pytest.mark.parametrize("text", [
    "Wigan was rated good, and Ofsted gave its leaders an outstanding rating.",
    "Wigan was rated good, and inspectors gave Wigan's senior leaders an outstanding grade.",
    "Ofsted rated Wigan good and awarded the council's leaders an outstanding judgement.",
])
def test_leaders_given_a_grade_name_the_leadership_judgement(text):
    got = _graded(text)
    assert ("leadership", "outstanding", 2024) in got and ("overall_effectiveness", "outstanding", 2024) not in got


@pytest.mark.parametrize("text, judgement, grade", [
    ("The chairman said the pattern in Wigan was not new: the 2010 inspection had found safeguarding inadequate.",
     "safeguarding", "inadequate"),
    ("Wigan was rated good, although its care leavers' service was not yet good and required improvement.",
     "care_leavers", "requires_improvement"),
    ("Wigan was rated good; its adoption service was not outstanding but was rated good.", "adoption", "good"),
])
def test_a_negation_ends_at_a_colon_or_a_predicate_of_its_own(text, judgement, grade):
    assert judgement in {j for j, g, _ in _graded(text, published=date(2024, 11, 28)) if g == grade}


@pytest.mark.parametrize("text", [
    "Wigan received good overall, with outstanding for leaders and for children in care.",
    "Wigan achieved good overall in the spring, and outstanding for leaders.",
    "Wigan kept good overall, with outstanding for its leaders.",
    "Wigan has been given good again. Leaders outstanding, care leavers good.",
    "Wigan was given good by Ofsted, and its leaders were outstanding.",
])
def test_a_grade_received_overall_is_the_overall_grade(text):
    got = _graded(text)
    assert ("overall_effectiveness", "good", 2024) in got and ("leadership", "outstanding", 2024) in got


@pytest.mark.parametrize("text", [
    "Wigan was rated good, but not for help and protection, which required improvement.",
    "Wigan was good in every area but not help and protection, which requires improvement.",
    "Wigan was rated good, though not for help and protection, which needed to improve.",
])
def test_a_negation_ends_at_a_relative_clause(text):
    assert ("help_and_protection", "requires_improvement", 2024) in _graded(text)


@pytest.mark.parametrize("text, judgement, grade", [
    ("Wigan was rated good. Of the four judgements, leadership was the strongest, at outstanding.", "leadership",
     "outstanding"),
    ("Wigan was rated good; care leavers lagged behind, at requires improvement.", "care_leavers",
     "requires_improvement"),
    ("Wigan was rated good. The judgement for help and protection went up a grade, to good.", "help_and_protection",
     "good"),
])
def test_a_grade_set_after_the_predicate_is_the_subjects(text, judgement, grade):
    assert (judgement, grade, 2024) in _graded(text)
