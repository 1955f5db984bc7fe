"""Rows that are not the council's rating at all: a provider's rating however long its noun phrase, an aside between
dashes taken for the subject, a headline reading the body's last verdict as its own. Wordings written for these tests,
read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

OLDHAM = "E08000004"


def _rows(*paragraphs: str, title: str = "Children's services inspection") -> set[tuple]:
    """(judgement, grade, year) of Oldham's rows on a page of 3 February 2025."""
    return {(j, g, y) for c, j, g, y, _ in rating_rows(list(paragraphs), date(2025, 2, 3), title) if c == OLDHAM}


# --- a rating whose complement is a provider is the provider's, whoever owns it -----------------------------------

@pytest.mark.parametrize("text", [
    "Governors welcomed an outstanding grade last spring for one of Oldham Council's own residential children's homes.",
    "Members applauded the good inspection of a small Oldham council-maintained nursery school.",
    "The outstanding judgement awarded to Oldham's virtual school was also celebrated by the cabinet.",
])
def test_a_rating_of_a_provider_is_no_council_row(text):
    assert _rows(text) == set()


@pytest.mark.parametrize("text, row", [
    ("Oldham was given a good rating for its children's services in 2024.", ("overall_effectiveness", "good", 2024)),
    ("Oldham's good grade for care leavers in 2024 reflected the support given to young people in supported "
     "accommodation.", ("care_leavers", "good", 2024)),
])
def test_a_council_rating_beside_a_provider_stays(text, row):
    assert _rows(text) == {row}


# --- an aside between dashes describing the subject names no judgement and counts nothing --------------------------

@pytest.mark.parametrize("text, row", [
    ("Oldham's children's service - a few dozen children in all - was rated outstanding in 2024.",
     ("overall_effectiveness", "outstanding", 2024)),
    ("Oldham - where most children in care are placed within the borough - was judged good in 2024.",
     ("overall_effectiveness", "good", 2024)),
    ("Oldham – which has run its own service since 2010 – was found to require improvement in 2024.",
     ("overall_effectiveness", "requires_improvement", 2024)),
])
def test_an_aside_describing_the_subject_leaves_the_verdict_overall(text, row):
    assert _rows(text) == {row}


def test_an_aside_listing_the_judgements_still_names_them():
    rows = _rows("Each of Oldham's judgements – leadership, help and protection and children in care – was graded "
                 "good in 2024.")
    assert {("leadership", "good", 2024), ("help_and_protection", "good", 2024),
            ("children_in_care", "good", 2024)} <= rows


# --- a headline precedes its body: the body's verdicts are not its antecedents --------------------------------------

def test_a_headline_takes_no_grade_or_year_from_the_body():
    rows = _rows("Oldham's children's services were first found inadequate in 2015.",
                 title="Oldham social care: progress made, but leadership failing")
    assert ("leadership", "inadequate", 2015) not in rows


def test_a_headlines_earlier_grade_is_the_bodys():
    rows = _rows("Oldham Council has shed its inadequate rating, three years after inspectors found deep failings.",
                 "In 2012 it had been one of the few councils whose safeguarding and looked after children services "
                 "were both graded outstanding.",
                 title="Oldham climbs out of inadequate at last")
    assert ("overall_effectiveness", "inadequate", 2022) in rows
    assert not {r for r in rows if r[1] == "inadequate" and r[2] != 2022}


# --- more providers by their nouns; a grade refused as a standard -------------------------------------------------

@pytest.mark.parametrize("text", [
    "Oldham's in-house fostering team was judged good in 2024.",
    "Meanwhile Oldham's residential respite unit was rated outstanding in 2024.",
    "Oldham's new family centre was judged good in 2024.",
    "Oak House, Oldham's only council home, has been rated outstanding for the third time.",
])
def test_a_provider_by_its_noun_is_no_council_row(text):
    assert _rows(text) == set()


@pytest.mark.parametrize("text", [
    "Oldham's director said her staff had refused to accept 'requires improvement' as the ceiling.",
    "Oldham will not settle for good this time round.",
    "Social workers in Oldham were never content with requires improvement.",
])
def test_a_grade_refused_as_a_standard_is_no_verdict(text):
    assert _rows(text) == set()


def test_a_verdict_beside_a_grade_refused_stays():
    assert _rows("Oldham was rated good in 2024, but its leaders would not settle for good.") == {
        ("overall_effectiveness", "good", 2024)}
