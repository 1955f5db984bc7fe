"""Which council a verdict is said of (stop 29): a council's seat standing for it ("at Trafford Town Hall"); a
relative clause said of the council it follows ("X joins Y, whose service ... kept its outstanding grade"); councils
given the verdict together, each with its own time after it ("Y and Z are both RI, Y since 2023 and Z since 2022"),
another council's verdict in the sentence its own. Wordings written for these tests (stories invented about real
councils).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

PUBLISHED = date(2025, 3, 1)
OVERALL = "overall_effectiveness"
TRAFFORD, SEFTON, KENT = "E08000009", "E08000014", "E10000016"
WIGAN, BOLTON, BURY = "E08000010", "E08000001", "E08000002"


def _rows(*paragraphs: str) -> set[tuple]:
    return {row[:4] for row in rating_rows(list(paragraphs), PUBLISHED)}


@pytest.mark.parametrize("text, council", [
    ("A row broke out at Trafford Town Hall after the borough's children's services were rated inadequate.", TRAFFORD),
    ("Protesters gathered outside Sefton Town Hall. The council's children's services were judged inadequate.",
     SEFTON),
    ("Staff at Kent County Hall cheered when the county's services were judged inadequate by mistake, then fixed.",
     KENT),
])
def test_a_councils_seat_stands_for_it(text, council):
    assert (council, OVERALL, "inadequate", 2025) in _rows(text)


def test_a_club_of_the_same_name_is_no_council():
    assert _rows("Luton Town were rated good at football this season.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Bury joins Wigan, whose small children's service - tiny by any measure - was rated outstanding in 2024.",
     (WIGAN, OVERALL, "outstanding", 2024)),
    ("Bolton was praised alongside Wigan, which was rated good in 2023.", (WIGAN, OVERALL, "good", 2023)),
    ("Bury overtook Bolton, whose services were judged inadequate in 2022.", (BOLTON, OVERALL, "inadequate", 2022)),
])
def test_a_relative_clause_is_said_of_the_council_it_follows(text, expected):
    assert _rows(text) == {expected}


@pytest.mark.parametrize("text, expected", [
    ("Wigan is now good, while Bury and Bolton are both RI, Bury since 2023 and Bolton since 2022.",
     {(WIGAN, OVERALL, "good", 2025), (BURY, OVERALL, "requires_improvement", 2023),
      (BOLTON, OVERALL, "requires_improvement", 2022)}),
    ("Bury and Bolton are both good, Bury since 2019 and Bolton since its March 2021 inspection.",
     {(BURY, OVERALL, "good", 2019), (BOLTON, OVERALL, "good", 2021)}),
    ("Both were rated inadequate - Bury in 2016 and Bolton in 2017.",
     {(BURY, OVERALL, "inadequate", 2016), (BOLTON, OVERALL, "inadequate", 2017)}),
])
def test_councils_given_a_verdict_together_each_with_its_time(text, expected):
    assert _rows(text) == expected
