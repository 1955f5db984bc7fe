"""Which council a claim goes to, and what is no council's rating (stop 22): constructions of attribution, discourse
and precision, each pinned with at least three wordings written for these tests (stories invented about real
councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

PUBLISHED = date(2024, 3, 14)
OVERALL = "overall_effectiveness"
LEEDS, SALFORD, DERBY, BOLTON = "E08000035", "E08000006", "E06000015", "E08000001"


def _ratings(*paragraphs: str, published: date = PUBLISHED) -> set[tuple]:
    return rating_rows(list(paragraphs), published)


# --- "it's" is "it is": the council the discourse is about, graded by the contracted verb --------------------------

@pytest.mark.parametrize("paragraphs, council, grade", [
    (["Leeds had its Ofsted report back on Friday.", "It's good overall, which nobody on the team expected."],
     LEEDS, "good"),
    (["I finally read Salford's inspection letter this weekend, and it's outstanding across the board."],
     SALFORD, "outstanding"),
    (["Derby's children's services were inspected in January.", "It’s inadequate overall, and the council says it "
      "accepts every finding."], DERBY, "inadequate"),
    (["So Bolton's report is out, and it's requires improvement. Again."], BOLTON, "requires_improvement"),
])
def test_its_contracted_is_grades_the_council_the_discourse_is_about(paragraphs, council, grade):
    assert (council, OVERALL, grade, 2024, False) in _ratings(*paragraphs)


@pytest.mark.parametrize("text", [
    "It's good to see the front door settling down.",
    "It's good news for the staff who stayed through the hard years.",
    "It's good that the director is staying on for another year.",
])
def test_its_good_as_an_adjective_is_no_grade(text):
    assert _ratings("Leeds was visited by inspectors in February.", text) == set()
