"""The judgement grammar, ninth part: an inserted verdict's judgement is the subject of the predicate after it even
when "as did X" follows; "the inspection said adequate"; "every one of the five graded outstanding"; "Requires
improvement is the overall verdict" is a verdict, not the grade spoken of. Wordings written for these tests, read
through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _rows(published: date, *paragraphs: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, h in rating_rows(list(paragraphs), published) if c == HARTLEPOOL and not h}


@pytest.mark.parametrize("text", [
    "In Hartlepool the impact of leaders, judged good last time, now requires improvement, as did help and protection.",
    "In Hartlepool leadership, rated good in 2019, has now been judged to require improvement, as has help and "
    "protection.",
    "Hartlepool's leadership, good at the previous inspection, now requires improvement, as does help and protection.",
])
def test_an_inserted_verdict_leaves_its_judgement_to_the_predicate_before_as_did(text):
    got = _rows(date(2023, 5, 22), text)
    assert {("leadership", "requires_improvement"), ("help_and_protection", "requires_improvement")} <= got


@pytest.mark.parametrize("text, judgement", [
    ("In Hartlepool the child protection inspection of January 2013 said adequate.", "safeguarding"),
    ("Hartlepool's 2014 single inspection report says requires improvement.", "overall_effectiveness"),
    ("For Hartlepool the unannounced child protection inspection said inadequate, in 2012.", "safeguarding"),
])
def test_an_inspection_or_report_said_a_grade(text, judgement):
    got = {(j, g) for c, j, g, _, _ in rating_rows([text], date(2016, 5, 1)) if c == HARTLEPOOL}
    assert judgement in {j for j, _ in got}


@pytest.mark.parametrize("text", [
    "Hartlepool got the full set: every one of the five graded outstanding.",
    "In Hartlepool each one of the five was rated outstanding.",
    "Hartlepool was outstanding in all five, a first for the region.",
])
def test_every_one_of_the_five_is_every_area(text):
    assert _rows(date(2025, 4, 28), text) == {("overall_effectiveness", "outstanding")}


@pytest.mark.parametrize("text", [
    "Hartlepool has climbed out. Requires improvement to be good is the overall verdict.",
    "Hartlepool has climbed out. Good is now the overall grade.",
    "Hartlepool has fallen. Inadequate is the overall judgement, and it is the same for leadership.",
])
def test_a_grade_as_the_subject_of_the_overall_verdict_is_the_verdict(text):
    assert "overall_effectiveness" in {j for j, _ in _rows(date(2023, 2, 8), text)}


@pytest.mark.parametrize("text", [
    "Requires improvement is not failure, the director said of Hartlepool.",
    "For Hartlepool, good means a lot.",
    "In Hartlepool, adequate is a long way from good.",
])
def test_a_grade_spoken_of_is_still_no_verdict(text):
    assert _rows(date(2023, 2, 8), text) == set()
