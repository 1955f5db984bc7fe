"""What is not the stated rating stays out: each verdict is given to the judgement its own words name, not to one a
later verdict of the sentence names. Wordings written for these tests, about real councils, read through the whole
extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

DONCASTER = "E08000017"


def _graded(*paragraphs: str, council: str = DONCASTER, published: date = date(2024, 6, 10)) -> set[tuple]:
    return {(j, g, h) for c, j, g, _, h in rating_rows(list(paragraphs), published) if c == council}


# --- a move between grades is the judgement's its own words name ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Doncaster Council's children's services have climbed out of inadequate and are now judged good, with the "
    "inspectors picking out leadership as outstanding.",
    "Doncaster moved from inadequate to good overall, with the impact of its leaders rated outstanding.",
    "Doncaster's journey from inadequate to good, with outstanding leadership, took a little over three years.",
])
def test_a_move_is_the_overall_grades_when_a_later_verdict_names_the_judgement(text):
    rows = _graded(text)
    assert ("leadership", "outstanding", False) in rows
    assert ("overall_effectiveness", "inadequate", True) in rows
    assert not {r for r in rows if r[0] == "leadership" and r[1] != "outstanding"}


@pytest.mark.parametrize("text", [
    "Doncaster slipped from good after inspectors raised concerns about care leavers.",
    "Doncaster has dropped from good to requires improvement, and inspectors worry about care leavers.",
    "Doncaster tumbled from good as caseloads rose and care leavers waited for pathway plans.",
])
def test_a_judgement_another_verb_names_after_a_move_takes_nothing_from_it(text):
    rows = _graded(text)
    assert ("overall_effectiveness", "good", True) in rows
    assert not {r for r in rows if r[0] == "care_leavers"}


# --- the scale itself: three grades or more coordinated are no council's verdict ----------------------------------

@pytest.mark.parametrize("text", [
    "How are councils graded? Outstanding, good, requires improvement to be good, or inadequate.",
    "Which grades can Doncaster get? Inadequate, requires improvement, good and outstanding.",
    "Doncaster was rated good in May. (Ofsted's words: 'outstanding', 'good', 'adequate' or 'inadequate'.)",
])
def test_the_scale_coordinated_is_no_verdict(text):
    rows = _graded(text)
    assert {g for _, g, _ in rows} <= {"good"}


@pytest.mark.parametrize("text, grades", [
    ("Doncaster, judgement by judgement: good for leaders, good for help and protection, outstanding for care "
     "leavers.", {"good", "outstanding"}),
    ("In Doncaster leadership, help and protection and care leavers were judged good, good and outstanding "
     "respectively.", {"good", "outstanding"}),
    ("Doncaster was judged good, and its leaders outstanding.", {"good", "outstanding"}),
])
def test_verdicts_whose_grades_repeat_are_no_scale(text, grades):
    assert {g for _, g, _ in _graded(text)} == grades


# --- "would" contracted is a modal like "would"; "had" contracted is not -------------------------------------------

@pytest.mark.parametrize("text", [
    "After the short inspection at Doncaster I honestly thought we'd hold on to good.",
    "Doncaster's director told staff it'd be judged outstanding this time.",
    "Everyone at Doncaster felt they'd be rated good.",
])
def test_a_grade_after_would_contracted_is_no_verdict(text):
    assert not {r for r in _graded(text) if not r[2]}


@pytest.mark.parametrize("text", [
    "In Doncaster we'd been rated good in 2019.",
    "In 2019, I'd learned, Doncaster was judged good.",
    "Doncaster's leaders said they'd had a good rating in 2019.",
])
def test_a_grade_after_had_contracted_is_a_verdict(text):
    assert ("overall_effectiveness", "good", True) in _graded(text)


# --- a grade held for years and left now is history, dated that many years back -----------------------------------

@pytest.mark.parametrize("text, old, year", [
    ("Doncaster slips back to inadequate after five years at requires improvement.", "requires_improvement", 2019),
    ("Doncaster's children's services are good, Ofsted has ruled, ending more than eight years in the requires "
     "improvement bracket.", "requires_improvement", 2016),
    ("Doncaster has been rated good, ending six years rated 'inadequate'.", "inadequate", 2018),
])
def test_years_at_a_grade_left_are_that_grades_history(text, old, year):
    rows = {(j, g, y, h) for c, j, g, y, h in rating_rows([text], date(2024, 6, 10)) if c == DONCASTER}
    assert ("overall_effectiveness", old, year, True) in rows
    assert not {r for r in rows if r[1] == old and not r[3]}


# --- a number right before a grade counts councils ----------------------------------------------------------------

@pytest.mark.parametrize("blocks", [
    ["Doncaster was rated good.", Block("list_item", "36 requires improvement, 18 inadequate")],
    ["Doncaster was rated good. Across the region 12 outstanding and 4 inadequate remain."],
    ["Doncaster was rated good. On the old scale, grade 1 inadequate and grade 4 outstanding."],
])
def test_a_count_before_a_grade_is_no_verdict(blocks):
    assert {(g, h) for c, _, g, _, h in rating_rows(blocks, date(2024, 6, 10)) if c == DONCASTER} == {("good", False)}


# --- any grade of its kind as a clause's subject: what such a grade does, no verdict -------------------------------

@pytest.mark.parametrize("text, given", [
    ("Doncaster was rated good. An inadequate judgement usually triggers government intervention.", None),
    ("Doncaster was rated good, but an outstanding grade doesn't pay the bills.", None),
    ("Doncaster was rated good. Any 'inadequate' rating means a commissioner is considered.", None),
    ("Doncaster was rated good. An inadequate rating was given to it in 2019.", "inadequate"),
    ("Doncaster was rated good. An inadequate judgement in 2019 had led to a commissioner.", "inadequate"),
    ("Doncaster was rated good. A good rating for the town came as no surprise after 2019.", None),
])
def test_a_grade_of_its_kind_as_subject_is_no_verdict(text, given):
    assert {g for _, g, _ in _graded(text)} == {"good"} | ({given} if given else set())


# --- "adequate" given in 2010-2013 is the safeguarding judgement of those years' inspections ------------------------

@pytest.mark.parametrize("text, year", [
    ("Doncaster was found adequate at its re-inspection in autumn 2011.", 2011),
    ("In 2012 inspectors rated Doncaster adequate.", 2012),
    ("Doncaster, judged adequate in 2010, is now outstanding.", 2010),
])
def test_adequate_of_2010_to_2013_is_the_safeguarding_judgement(text, year):
    rows = {(j, g, y) for c, j, g, y, _ in rating_rows([text], date(2024, 6, 10)) if c == DONCASTER}
    assert ("safeguarding", "requires_improvement", year) in rows
    assert ("overall_effectiveness", "requires_improvement", year) not in rows
