"""Grades that are no Ofsted verdict on the council: another grader's (an audit, a peer review, the council's own
self-assessment), another service's (adult learning, health visiting, its finances), a claim under examination
(a fact-check's "Claim:", "the claim that ...", "it is untrue that ..."), a target ("working towards good"), a
condition put by inversion ("Had it been judged inadequate, ...") and a near miss ("came close to being judged ...").
Wordings written for these tests, read through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

WIGAN = "E08000010"
LEAD = "Ofsted rated Wigan Council's children's services outstanding in March 2024."


def _wigan(*paragraphs: str) -> set[tuple]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(paragraphs), date(2025, 5, 2)) if c == WIGAN}


@pytest.mark.parametrize("text", [
    "A peer challenge by two neighbouring directors judged the front door to be good last autumn.",
    "The service's own self-evaluation grades practice as requires improvement in places.",
    "External auditors rated the council's financial controls inadequate in their annual report.",
    "Wigan's adult and community learning service was graded good when it was inspected in 2023.",
    "Claim: Wigan's children's services went from inadequate to good under Labour.",
    "The claim that Wigan was judged inadequate in 2019 does not survive a look at the record.",
    "The campaign leaflet claims Wigan's children's services were graded inadequate in 2018.",
    "A candidate's flyer says Wigan was 'rated good in 2019', which is simply untrue.",
    "Managers say the council is working towards a good grade for care leavers.",
    "Had Wigan been judged inadequate in 2024, a commissioner would have been appointed.",
    "Were the borough's children's services found inadequate, the minister could step in.",
    "Wigan came close to being judged inadequate for help and protection in 2024.",
    "Wigan has yet to be rated good for its work with care leavers.",
])
def test_no_ofsted_verdict_on_the_council_gives_no_row(text):
    assert _wigan(LEAD, text) == {("overall_effectiveness", "outstanding")}


@pytest.mark.parametrize("text", [
    "After last year's peer review, Ofsted inspectors rated Wigan's children's services good in 2023.",
    "Wigan claimed a good rating for children's services in 2023 and has held on to it since.",
])
def test_an_ofsted_verdict_near_those_words_stays(text):
    assert ("overall_effectiveness", "good") in _wigan(text)
