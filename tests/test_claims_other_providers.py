"""A grade given to another provider is no council rating: a placement agency, a home (also one the council runs),
a secure unit, supported accommodation, a childminder; the grade is the provider's when the provider is the subject
named before it, with no council's services named as the subject after it. Wordings written for these tests, read
through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

WIGAN = "E08000010"
LEAD = "Ofsted rated Wigan Council's children's services outstanding in March 2024."


def _wigan(*paragraphs: str) -> set[tuple]:
    return {(j, g) for c, j, g, _, _ in rating_rows(list(paragraphs), date(2025, 5, 2)) if c == WIGAN}


@pytest.mark.parametrize("text", [
    "Our foster son came to us through a private agency which was judged inadequate in the autumn.",
    "Judged requires improvement: the short-breaks home on Moss Lane, run for the borough by a charity.",
    "Beech Lodge, a home run by the council for disabled children, was rated inadequate in January.",
    "The council-run residential unit on Moss Lane was judged requires improvement last summer.",
    "Both homes were graded good at their latest inspections.",
    "Beech Lodge children's home, Wigan – inadequate (May 2025).",
    "The semi-independent accommodation for 16 and 17 year olds was found inadequate by inspectors.",
    "A childminder in Hindley was rated inadequate after a complaint.",
    "My daughter's academy slid from outstanding to requires improvement last term.",
])
def test_another_providers_grade_gives_the_council_no_row(text):
    assert _wigan(LEAD, text) == {("overall_effectiveness", "outstanding")}


@pytest.mark.parametrize("text, grade", [
    ("Wigan Council, which runs four children's homes of its own, was judged good overall in 2023.", "good"),
    ("For all the praise heaped on its schools, Wigan Council's children's services were found inadequate in 2023.",
     "inadequate"),
    ("Wigan, whose fostering service was judged good in 2022, was itself rated requires improvement in 2023.",
     "requires_improvement"),
    ("Ofsted, the schools inspectorate, judged Wigan good in 2023.", "good"),
])
def test_the_councils_services_named_after_a_provider_keep_their_grade(text, grade):
    assert ("overall_effectiveness", grade) in _wigan(text)


@pytest.mark.parametrize("text", [
    "Despite heavy use of agency staff, Wigan's children's services were rated good in 2023.",
])
def test_agency_staff_are_the_councils_workforce_not_a_provider(text):
    assert ("overall_effectiveness", "good") in _wigan(text)


@pytest.mark.parametrize("text", [
    "Kent is now in the company of councils like Wigan and Leeds, both judged outstanding in 2024.",
    "Authorities such as Wigan, judged outstanding in 2024, still struggle to recruit social workers.",
])
def test_councils_the_text_goes_on_to_name_are_not_councils_at_large(text):
    assert ("overall_effectiveness", "outstanding") in _wigan(text)


@pytest.mark.parametrize("provider, verdict", [
    ("A home for three teenagers in Wigan had its first full inspection in April.", "Ofsted judged it inadequate."),
    ("We place our foster children through an independent agency.", "It was graded requires improvement in May."),
])
def test_a_pronoun_after_a_sentence_ending_on_a_provider_is_the_providers(provider, verdict):
    assert _wigan(LEAD, provider, verdict) == {("overall_effectiveness", "outstanding")}
    assert _wigan(LEAD, f"{provider} {verdict}") == {("overall_effectiveness", "outstanding")}


@pytest.mark.parametrize("text", [
    "A children's home closed in 2023, and Wigan Council was inspected in 2024. It was rated inadequate.",
    "Wigan runs five children's homes of its own. In 2024 it was judged inadequate by Ofsted.",
])
def test_a_pronoun_after_a_sentence_about_the_council_is_the_councils(text):
    assert ("overall_effectiveness", "inadequate") in _wigan(text)
