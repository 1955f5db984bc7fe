"""How `csi eval-claims` scores a page: one judgement under two names counts once."""

import pytest

from front.evaluation.claims import score_page

COUNCILS = {"luton": ["E06000032", "luton"]}


def _row(judgement, year, historical=False):
    return {"council_code": "E06000032", "judgement": judgement, "grade": "good", "rated_year": year,
            "is_historical": historical}


@pytest.mark.parametrize("year", [2018, 2020, 2022])
def test_care_leavers_under_ilacs_2018_2022_is_the_children_in_care_judgement(year):
    expected = [["luton", "children_in_care", "good", year, 0], ["luton", "care_leavers", "good", year, 0]]
    counts, agree, missing, unexpected = score_page(expected, {1}, COUNCILS, [_row("children_in_care", year, True)])
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)  # the two names are one tuple, found once
    assert agree == 0  # the kept tuple is the first, which the manifest calls current
    assert missing == [] and unexpected == []


@pytest.mark.parametrize("year", [2016, 2023, 2025])
def test_care_leavers_before_and_after_is_a_judgement_of_its_own(year):
    expected = [["luton", "care_leavers", "good", year, 0]]
    counts, _, missing, _ = score_page(expected, set(), COUNCILS, [_row("children_in_care", year)])
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)
    assert missing == [["luton", "care_leavers", "good", year, 0]]
