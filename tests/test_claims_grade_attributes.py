"""A grade said of a council as what it is or what it has (stop 29): a grade classing it ("an RI council", "a
good-rated authority", "X, an Ofsted 'good' council since 2023, ..."), a grade held as a noun ("has an RI", "holds an
outstanding", "has a good Ofsted"), a grade achieved as a judgement's adjective ("achieved outstanding safeguarding");
and the leaders' judgement named in a council's own words ("the impact of our leaders"). Wordings written for these
tests (stories invented about real councils).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

PUBLISHED = date(2025, 3, 1)
OVERALL = "overall_effectiveness"
WIGAN, LANCASHIRE, NORTHUMBERLAND, LEEDS = "E08000010", "E10000017", "E06000057", "E08000035"


def _rows(text: str) -> set[tuple]:
    return {row[:4] for row in rating_rows([text], PUBLISHED)}


@pytest.mark.parametrize("text, expected", [
    ("Lancashire is an RI council, and its cabinet knows it.", (LANCASHIRE, OVERALL, "requires_improvement", 2025)),
    ("Lancashire became an outstanding authority in 2023.", (LANCASHIRE, OVERALL, "outstanding", 2023)),
    ("Wigan, an Ofsted 'good' council since 2023, has bid for the funding.", (WIGAN, OVERALL, "good", 2023)),
    ("Wigan, a good-rated borough, will host the event.", (WIGAN, OVERALL, "good", 2025)),
    ("Lancashire is still an inadequate local authority.", (LANCASHIRE, OVERALL, "inadequate", 2025)),
])
def test_a_grade_classing_a_council_is_its_verdict(text, expected):
    assert _rows(text) == {expected}


@pytest.mark.parametrize("text, expected", [
    ("Wigan has an RI, for now.", (WIGAN, OVERALL, "requires_improvement", 2025)),
    ("Wigan still holds an outstanding.", (WIGAN, OVERALL, "outstanding", 2025)),
    ("Lancashire has a good Ofsted, the leader reminded members.", (LANCASHIRE, OVERALL, "good", 2025)),
    ("Northumberland achieved outstanding safeguarding in 2012.",
     (NORTHUMBERLAND, "safeguarding", "outstanding", 2012)),
    ("In 2019 Leeds secured good leadership.", (LEEDS, "leadership", "good", 2019)),
])
def test_a_grade_held_or_achieved_is_its_verdict(text, expected):
    assert _rows(text) == {expected}


@pytest.mark.parametrize("text", [
    "Wigan has a good chance of funding.",
    "Wigan is a good council to work for, staff say.",
    "Leeds achieved good outcomes for children leaving care.",
])
def test_a_grade_word_describing_something_else_is_no_verdict(text):
    assert _rows(text) == set()


@pytest.mark.parametrize("text", [
    "Leeds was rated good in 2022, and inspectors rated the impact of our leaders as outstanding.",
    "Leeds was rated good in 2022; the impact of the council's leaders was judged outstanding.",
    "Leeds was rated good in 2022, with the impact of its senior leaders outstanding.",
])
def test_the_leaders_named_by_whose_they_are(text):
    assert (LEEDS, "leadership", "outstanding", 2022) in _rows(text)
