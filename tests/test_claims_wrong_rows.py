"""Rows that are not the page's ratings stay out, by class of English rather than by sentence. Wordings written for
these tests, about real councils, read through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

OLDHAM = "E08000004"


def _rows(*paragraphs: str, published: date = date(2025, 2, 3)) -> set[tuple]:
    """(judgement, grade, year) of Oldham's rows."""
    return {(j, g, y) for c, j, g, y, _ in rating_rows(list(paragraphs), published) if c == OLDHAM}


# --- the 2009-2013 frameworks' words date their verdict: never a row dated years after they ended ------------------

@pytest.mark.parametrize("text", [
    "I started in Oldham under the old regime. Safeguarding was judged inadequate and looked after children adequate.",
    "Oldham's story is a long one. The safeguarding inspection found it adequate, which nobody celebrated.",
    "Oldham was found adequate overall by the old inspection regime.",
])
def test_the_earlier_frameworks_words_give_no_row_of_today(text):
    assert not {r for r in _rows(text) if r[2] and r[2] > 2014}


@pytest.mark.parametrize("text, row", [
    ("In 2011 Oldham's safeguarding was judged adequate.", ("safeguarding", "requires_improvement", 2011)),
    ("Oldham was rated inadequate for safeguarding in 2012.", ("safeguarding", "inadequate", 2012)),
    ("Oldham was judged good in 2019, up from requires improvement.", ("overall_effectiveness", "good", 2019)),
])
def test_a_verdict_dated_in_its_framework_stays(text, row):
    assert row in _rows(text)


# --- a grade named as an aim is no verdict: by a noun or an adjective of aim, or as the aim itself ------------------

@pytest.mark.parametrize("text", [
    "The leader of Oldham Council said her ambition was for children's services to be judged outstanding.",
    "Oldham's director told the committee the service was keen to be rated good next time.",
    "The goal for Oldham is for its social care to be graded good within two years.",
    "In Oldham, an outstanding rating is the aim, the cabinet member said.",
    "Officers in Oldham insisted that a good grade was not the target in itself.",
])
def test_a_grade_named_as_an_aim_is_no_verdict(text):
    assert _rows(text) == set()


# --- a negated universal, or a part of the work as the subject, gives no overall verdict ---------------------------

@pytest.mark.parametrize("text", [
    "Oldham's report was mixed. Nothing was graded outstanding, and nothing was judged inadequate.",
    "At Oldham nothing was rated good this time.",
    "Much of Oldham's work was judged outstanding, the report said.",
    "Parts of the service in Oldham were found to be inadequate.",
    "The director said most of what Oldham does for children had been rated good.",
])
def test_nothing_or_a_part_as_the_subject_gives_no_overall_verdict(text):
    assert _rows(text) == set()


@pytest.mark.parametrize("text, row", [
    ("Oldham's turnaround was nothing short of outstanding: inspectors rated it outstanding in 2024.",
     ("overall_effectiveness", "outstanding", 2024)),
    ("Oldham was rated good in 2024, and most of its neighbours were too.", ("overall_effectiveness", "good", 2024)),
    ("Keen to improve after a poor visit, Oldham was judged good in 2024.", ("overall_effectiveness", "good", 2024)),
])
def test_a_verdict_beside_an_aim_or_a_quantifier_stays(text, row):
    assert row in _rows(text)


# --- a school named by its phase alone is another provider -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Another primary in Oldham was rated requires improvement.",
    "Two Oldham primaries were judged good this term.",
    "A secondary in Oldham was found to be inadequate in March.",
])
def test_a_school_named_by_its_phase_is_no_council_rating(text):
    assert _rows(text) == set()


# --- an aside between dashes leaves its subject's predicate in the subject's clause ---------------------------------

@pytest.mark.parametrize("text, row", [
    ("In Oldham, care leavers - the young people it has the greatest duty to - received an outstanding grade.",
     ("care_leavers", "outstanding", 2025)),
    ("Oldham's leadership – under a new director since 2022 – was rated good.", ("leadership", "good", 2025)),
    ("Help and protection in Oldham — the front door above all — was judged to require improvement.",
     ("help_and_protection", "requires_improvement", 2025)),
])
def test_an_aside_between_dashes_leaves_the_verdict_to_its_subject(text, row):
    rows = _rows(text)
    assert row in rows
    assert not {r for r in rows if r[0] == "overall_effectiveness" or r[2] != 2025}
