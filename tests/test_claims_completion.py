"""Judgement completion (transforms/completion.py): the judgements a clause names alongside its one verdict take
that verdict's grade, council, time and status; names merely mentioned near a grade take nothing. Wordings
written for these tests, about real councils, read through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

WIGAN, RUTLAND, BURY = "E08000010", "E06000017", "E08000002"


def _graded(*paragraphs: str, council: str = WIGAN, published: date = date(2024, 6, 10)) -> set[tuple]:
    return {(j, g, y, h) for c, j, g, y, h in rating_rows(list(paragraphs), published) if c == council}


# --- judgements chained to the verdict after it or before it ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Inspectors rated Wigan's leaders outstanding - up two grades on last time - together with help and protection "
    "and children in care.",
    "In Wigan inspectors found the impact of leaders outstanding, as well as help and protection and the "
    "experiences of children in care.",
    "Wigan's leadership is now outstanding - the borough's best result yet - along with its help and protection and "
    "its children in care.",
])
def test_judgements_listed_after_the_verdict_take_its_grade(text):
    got = _graded(text)
    assert {("leadership", "outstanding", 2024, False), ("help_and_protection", "outstanding", 2024, False),
            ("children_in_care", "outstanding", 2024, False)} <= got


@pytest.mark.parametrize("text, grade", [
    ("Each grade in the report, from overall effectiveness and leadership to help and protection and care leavers, "
     "was requires improvement.", "requires_improvement"),
    ("The impact of leaders, the care of care leavers and the help given to children needing protection were all "
     "judged requires improvement, like the overall grade.", "requires_improvement"),
    ("Overall the borough got good, and leaders and care leavers got good as well.", "good"),
])
def test_judgements_named_before_the_verdict_take_its_grade(text, grade):
    got = _graded("Ofsted inspected Wigan in April.", text)
    assert {("leadership", grade, 2024, False), ("care_leavers", grade, 2024, False)} <= got


@pytest.mark.parametrize("text", [
    "In 2019 Ofsted found Wigan inadequate, including for leadership and for help and protection.",
    "Ofsted found Wigan's services inadequate in 2019, including for the impact of leaders and for help and "
    "protection.",
    "Back in 2019 Wigan's services were judged inadequate, including for leaders and for help and protection.",
])
def test_including_names_the_judgements_of_the_verdict_with_its_year(text):
    got = _graded(text)
    assert {("leadership", "inadequate", 2019, True), ("help_and_protection", "inadequate", 2019, True)} <= got


@pytest.mark.parametrize("text", [
    "Inspectors graded Wigan's care leavers good, and did the same for children who need help and protection.",
    "Ofsted rated Wigan's care leavers good and did the same for the help and protection given to children.",
    "Ofsted judged care leavers in Wigan good and gave the same grade to the help and protection of children.",
])
def test_the_same_grade_for_repeats_the_grade(text):
    assert ("help_and_protection", "good", 2024, False) in _graded(text)


@pytest.mark.parametrize("text", [
    "Inspectors judged every one of Wigan's services outstanding - overall effectiveness, leaders, help and "
    "protection, children in care and care leavers.",
    "Wigan's services were judged outstanding across the piece: overall effectiveness, leaders, help and protection, "
    "children in care and care leavers.",
    "The borough got outstanding grades for the lot - overall effectiveness, the impact of leaders, help and "
    "protection, children in care and care leavers.",
])
def test_a_list_set_off_after_the_verdict(text):
    got = _graded("Ofsted inspected Wigan in April.", text)
    assert {(j, "outstanding", 2024, False) for j in ("overall_effectiveness", "leadership", "help_and_protection",
                                                       "children_in_care", "care_leavers")} <= got


# --- a clause of judgements and a grade, its subject and verb left out --------------------------------------------

@pytest.mark.parametrize("text", [
    "Wigan's leaders and care leavers were rated outstanding; help and protection and children in care, good.",
    "Leadership and care leavers in Wigan were outstanding; help and protection and children in care, only good.",
    "Wigan was judged outstanding for leadership and care leavers; for help and protection and children in care, "
    "good.",
])
def test_a_gapped_clause_of_judgements_takes_the_sentence_council_and_time(text):
    got = _graded(text)
    assert {("help_and_protection", "good", 2024, False), ("children_in_care", "good", 2024, False)} <= got


@pytest.mark.parametrize("first, second", [
    ("Ofsted's report this week rated Wigan good overall.", "Leaders, help and protection, and care leavers: all "
                                                            "good."),
    ("Wigan was judged good overall in the report published on Monday.", "Leadership, help and protection and care "
                                                                          "leavers - good too."),
    ("Inspectors rated Wigan good overall this month.", "Help and protection, leaders and care leavers, all good."),
])
def test_a_verbless_sentence_of_judgements_after_the_paragraph_verdict(first, second):
    got = _graded(f"{first} {second}")
    assert {("leadership", "good", 2024, False), ("help_and_protection", "good", 2024, False),
            ("care_leavers", "good", 2024, False)} <= got


# --- what completion leaves alone ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Wigan was judged inadequate in every area apart from adoption and care leavers.",
    "Wigan was rated good overall, with improvements noted in help and protection and for care leavers.",
    "Ofsted rated Wigan good, praising its work with care leavers and its leadership team's grip.",
    "Wigan was rated good, and care leavers had good support from personal advisers.",
    "Wigan's services for children who need help and protection, children in care and care leavers were rated "
    "good overall.",
    "Wigan was rated good, with care leavers a particular strength and help and protection a concern.",
    "Wigan's trust now runs adoption and care leavers and was rated good in May.",
])
def test_names_not_chained_to_the_verdict_take_nothing(text):
    got = _graded(text)
    assert not {j for j, *_ in got} & {"care_leavers", "help_and_protection", "leadership", "adoption"}


@pytest.mark.parametrize("text", [
    "If Wigan were judged inadequate, including for leadership and care leavers, the minister would step in.",
    "Wigan hopes to be rated outstanding, along with help and protection and care leavers, next time.",
    "Wigan avoided an inadequate rating, including for leadership and help and protection.",
])
def test_a_hypothetical_verdict_completes_nothing(text):
    assert not {(j, g) for j, g, *_ in _graded(text)} & {("leadership", "inadequate"), ("care_leavers",
                                                                                        "inadequate"),
                                                          ("help_and_protection", "inadequate"),
                                                          ("care_leavers", "outstanding"),
                                                          ("help_and_protection", "outstanding")}


@pytest.mark.parametrize("text", [
    "Wigan was rated good overall and for leaders, but Bury's help and protection was good too.",
    "Wigan was rated good overall; Bury's help and protection and care leavers, good too.",
    "Wigan was judged good for leaders, as Bury was for help and protection.",
])
def test_a_clause_naming_another_council_is_not_completed_for_the_first(text):
    assert ("help_and_protection", "good") not in {(j, g) for j, g, *_ in _graded(text)}


@pytest.mark.parametrize("text", [
    "Wigan came out outstanding, care leavers included; Bury's care leavers were judged good.",
    "For Wigan the grade was outstanding, including for care leavers, while Bury's care leavers were rated good.",
    "Wigan was rated outstanding, care leavers too; Bury got good for care leavers.",
])
def test_a_judgement_another_council_got_is_still_completed(text):
    got = _graded("Ofsted reported on Wigan and Bury in May.", text)
    assert ("care_leavers", "outstanding", 2024, False) in got


# --- judgements named with a reference to every judgement at once -----------------------------------------------

@pytest.mark.parametrize("text", [
    "The report found Wigan good overall and in each area inspected, singling out help and protection and the impact "
    "of leaders as strengths.",
    "This spring Wigan was judged good in every single area, leaders and help and protection included.",
    "Wigan's inspection went well: every judgement was good, with help and protection much stronger and the impact "
    "of leaders praised.",
])
def test_judgements_named_with_every_area_take_its_grade(text):
    got = _graded(text)
    assert {("leadership", "good", 2024, False), ("help_and_protection", "good", 2024, False)} <= got


@pytest.mark.parametrize("text", [
    "Wigan was rated good in every area bar help and protection, which requires improvement.",
    "Wigan was good in every area other than help and protection.",
    "Wigan was good in every area except help and protection.",
])
def test_a_judgement_set_apart_from_every_area_takes_nothing(text):
    assert ("help_and_protection", "good", 2024, False) not in _graded(text)


@pytest.mark.parametrize("text", [
    "Wigan was rated good in 2017 and fell to inadequate in 2023, with every judgement inadequate, from help and "
    "protection to the impact of leaders.",
    "After a good report in 2017, Wigan was found inadequate in 2023 in all four areas, leaders and help and "
    "protection among them.",
    "In 2023 Ofsted judged Wigan inadequate across the board, help and protection and leadership included, six years "
    "after a good report.",
])
def test_every_area_gives_its_grade_with_its_own_time(text):
    got = _graded(text)
    assert {("leadership", "inadequate", 2023, True), ("help_and_protection", "inadequate", 2023, True)} <= got
    assert not {("leadership", "good", 2017, True), ("help_and_protection", "inadequate", 2017, True)} & got


# --- a grade referred to as "the same grade" ----------------------------------------------------------------------

@pytest.mark.parametrize("paragraph, judgements, grade", [
    (["Ofsted found Wigan inadequate overall, and inadequate for help and protection. It's the same grade for "
      "children in care and for young people leaving care."], {"children_in_care", "care_leavers"}, "inadequate"),
    (["Inspectors rated Wigan's impact of leaders as good, and said the same of the experiences of children in "
      "care."], {"children_in_care"}, "good"),
    (["Wigan was rated inadequate in May. The same grade was given across the board, from leadership to the help "
      "given to children needing protection."], {"leadership", "help_and_protection"}, "inadequate"),
])
def test_the_same_grade_refers_to_the_grade_given_before(paragraph, judgements, grade):
    got = _graded(*paragraph)
    assert {(j, grade, 2024, False) for j in judgements} <= got


@pytest.mark.parametrize("paragraph, judgements, grade, year", [
    (["Ofsted rated Wigan good in May.", "Overall effectiveness is good. So is help and protection, at last."],
     {"help_and_protection"}, "good", 2024),
    (["Ofsted rated Wigan good in May. Help and protection was good too, and so was leadership."], {"leadership"},
     "good", 2024),
    (["In 2016 Wigan's services for children looked after were judged outstanding, and so were adoption performance "
      "and care leavers."], {"adoption", "care_leavers"}, "outstanding", 2016),
])
def test_a_verdict_left_out_after_so_or_as_is_the_one_before(paragraph, judgements, grade, year):
    got = _graded(*paragraph)
    assert {(j, grade, year, year < 2024) for j in judgements} <= got


# --- two grades in one clause: each judgement paired with its own -------------------------------------------------

@pytest.mark.parametrize("paragraph, expected", [
    (["Wigan was adequate on safeguarding and good on looked after children in 2010."],
     ("looked_after", "good", 2010, True)),
    (["Back in 2010 inspectors found Wigan's safeguarding inadequate and its looked after children service only "
      "adequate."], ("looked_after", "requires_improvement", 2010, True)),
    (["Wigan last summer: good, and leadership, management and governance outstanding."],
     ("leadership", "outstanding", 2023, True)),
    (["Ofsted rated Wigan outstanding. Leaders got outstanding, help and protection got outstanding, and children in "
      "care and care leavers were judged good."], ("leadership", "outstanding", 2024, False)),
])
def test_two_grades_in_a_clause_pair_each_judgement_with_its_own(paragraph, expected):
    got = _graded(*paragraph)
    assert expected in got
    assert not {(j, g, y, h) for j, g, y, h in got if j == expected[0] and g != expected[1] and y == expected[2]}


@pytest.mark.parametrize("second", [
    "Nationally, the same grade was given to care leavers at 60% of councils.",
    "So were care leavers in most of the north west.",
    "Across England, 40 councils were good in every area, including care leavers.",
])
def test_councils_at_large_do_not_complete_the_paragraphs_council(second):
    got = _graded("Ofsted rated Wigan good in May. " + second)
    assert not {j for j, _, _, _ in got} - {"overall_effectiveness"}
