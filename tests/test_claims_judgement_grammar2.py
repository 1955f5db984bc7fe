"""The judgement grammar, continued: "children in care and care leavers" as both judgements, judgement rows run
together after a colon, grade verbs of the news ("branded", "handed a ... rating"), judgements named in a relative
clause or as the subject of a reported finding. Wordings written for these tests, read by the pure sentence reader
(rating_claims) or through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _rows(published: date, *paragraphs: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(paragraphs), published) if c == HARTLEPOOL}


# --- "children in care and care leavers": both judgements whenever both are named --------------------------------

@pytest.mark.parametrize("text", [
    "Hartlepool's services for children in care and care leavers were judged outstanding by Ofsted.",
    "Ofsted said the experiences and progress of children in care and care leavers in Hartlepool were outstanding.",
    "At Hartlepool Borough Council, the work with children looked after and young people leaving care was rated "
    "outstanding.",
])
@pytest.mark.parametrize("published", [date(2019, 3, 4), date(2021, 11, 30), date(2016, 2, 1), date(2025, 1, 9)])
def test_children_in_care_and_care_leavers_named_together_are_both(text, published):
    got = _rows(published, text) - {("overall_effectiveness", "outstanding")}
    assert got == {("children_in_care", "outstanding"), ("care_leavers", "outstanding")}


@pytest.mark.parametrize("text, expected", [
    ("Hartlepool's services for children in care were judged outstanding.", {("children_in_care", "outstanding")}),
    ("In Hartlepool, care leavers were judged to receive an outstanding service.", {("care_leavers", "outstanding")}),
    ("Inspectors judged Hartlepool's work with looked-after children outstanding.",
     {("children_in_care", "outstanding")}),
])
def test_one_of_them_named_alone_is_that_one(text, expected):
    assert _rows(date(2020, 6, 1), text) - {("overall_effectiveness", "outstanding")} == expected
