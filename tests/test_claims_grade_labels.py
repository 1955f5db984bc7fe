"""A round-up ordered by grade: paragraphs each opening with a grade alone ("Inadequate. Northtown and Westshire,
both in October."), the councils named after it with no verdict of their own given that grade, dated by the time
named after each. Wordings written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL, HALTON, DARLINGTON = "E06000001", "E06000006", "E06000005"


def _rows(*paragraphs: str) -> set[tuple[str, str, str, int]]:
    return {(c, j, g, y) for c, j, g, y, _ in rating_rows(list(paragraphs), date(2019, 4, 20))}


@pytest.mark.parametrize("paragraphs", [
    ["Here are the reports I have read this winter.",
     "Good. Hartlepool in November and Halton in January.",
     "Requires improvement. Darlington, in February."],
    ["A round-up of the spring's reports.",
     "Good: Hartlepool and Halton, both in November.",
     "Requires improvement: Darlington followed in February."],
    ["The winter's reports, by grade.",
     "Good. Hartlepool, in November. Halton joined it in January.",
     "Requires improvement. Darlington was added in February."],
])
def test_councils_under_a_grade_label_take_its_grade(paragraphs):
    got = _rows(*paragraphs)
    assert (HARTLEPOOL, "overall_effectiveness", "good", 2018) in got
    assert (DARLINGTON, "overall_effectiveness", "requires_improvement", 2019) in got
    assert {c for c, _, g, _ in got if g == "good"} == {HARTLEPOOL, HALTON}


@pytest.mark.parametrize("paragraphs", [
    ["Good. Hartlepool has started a recruitment drive this month."],  # one label: a reply, not a round-up
    ["Good. I have been reading again.", "Hartlepool held a meeting in March about its budget."],
    ["Good. Hartlepool, in November.", "Fine. Halton in January."],  # the second is no grade
])
def test_a_single_grade_said_alone_labels_nothing(paragraphs):
    assert not _rows(*paragraphs)


def test_a_sentence_with_a_grade_of_its_own_keeps_it():
    got = _rows("Good. Hartlepool in November.", "Inadequate. Halton in January, though Darlington was judged good "
                                                 "in March.")
    assert (DARLINGTON, "overall_effectiveness", "good", 2019) in got
    assert (DARLINGTON, "overall_effectiveness", "inadequate", 2019) not in got
