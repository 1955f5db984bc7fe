"""What a parenthesis grades belongs to what it follows (stop 29): a council's record in brackets after its name is
that council's and no other's, dated by the time set after its grade; a judgement graded in brackets after a verdict
is of that verdict's council and time, and the verdicts around it go on without it. Wordings written for these tests
(stories invented about real councils).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

PUBLISHED = date(2025, 3, 1)
OVERALL = "overall_effectiveness"
DUDLEY, SANDWELL, WALSALL, LEEDS, BURY = "E08000027", "E08000028", "E08000030", "E08000035", "E08000002"


def _rows(text: str) -> set[tuple]:
    return {row[:4] for row in rating_rows([text], PUBLISHED)}


@pytest.mark.parametrize("text, expected", [
    ("Where things stand: Dudley (RI, January 2023), Sandwell (RI, July 2022, up from inadequate in 2015) and "
     "Walsall (good, November 2021).",
     {(DUDLEY, OVERALL, "requires_improvement", 2023), (SANDWELL, OVERALL, "requires_improvement", 2022),
      (SANDWELL, OVERALL, "inadequate", 2015), (WALSALL, OVERALL, "good", 2021)}),
    ("Dudley (requires improvement, 2023), Sandwell (inadequate, 2022) and Walsall (good, 2021) make up the group.",
     {(DUDLEY, OVERALL, "requires_improvement", 2023), (SANDWELL, OVERALL, "inadequate", 2022),
      (WALSALL, OVERALL, "good", 2021)}),
    ("The three boroughs - Walsall (rated outstanding, March 2024), Dudley (good since 2022) and Sandwell (RI) - met "
     "last week.",
     {(WALSALL, OVERALL, "outstanding", 2024), (DUDLEY, OVERALL, "good", 2022),
      (SANDWELL, OVERALL, "requires_improvement", 2025)}),
])
def test_a_council_record_in_brackets_is_that_councils_alone(text, expected):
    assert _rows(text) == expected


def test_brackets_opening_with_an_adjective_before_a_noun_are_no_record():
    assert _rows("Bury (good news for its staff at last) was praised by the inspectors.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Leeds was rated good in 2015 (with leadership outstanding) and outstanding in 2018.",
     {(LEEDS, OVERALL, "good", 2015), (LEEDS, "leadership", "outstanding", 2015),
      (LEEDS, OVERALL, "outstanding", 2018)}),
    ("Leeds was judged requires improvement in 2016 (care leavers inadequate) and good in 2019.",
     {(LEEDS, OVERALL, "requires_improvement", 2016), (LEEDS, "care_leavers", "inadequate", 2016),
      (LEEDS, OVERALL, "good", 2019)}),
    ("Inspectors found Leeds good in 2015 (leadership was outstanding) and then outstanding in 2018.",
     {(LEEDS, OVERALL, "good", 2015), (LEEDS, "leadership", "outstanding", 2015),
      (LEEDS, OVERALL, "outstanding", 2018)}),
])
def test_a_judgement_graded_in_brackets_after_a_verdict_is_of_its_time(text, expected):
    assert _rows(text) == expected
