"""Verdicts told by what a council did with its grade: kept it ("holds 'good'", "retained its outstanding rating") or
reached it ("made the step up to good"). Wordings written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

LUTON, CUMBRIA = "E06000032", "E10000006"


def _ratings(text: str, title: str = "Children's services inspection") -> set[tuple]:
    return rating_rows([Block("paragraph", text)], date(2021, 6, 10), title)


@pytest.mark.parametrize("text", [
    "Luton Borough Council has retained its good rating.",
    "Luton kept its 'good' grade after a three-week inspection.",
    "Inspectors said Luton maintains the good judgement it was given before.",
])
def test_a_kept_grade_is_the_current_grade(text):
    assert (LUTON, "overall_effectiveness", "good", 2021, False) in _ratings(text)


def test_a_headline_with_two_councils_keeps_each_to_its_own():
    got = _ratings("Ofsted published both reports this week.",
                   title="Cumbria completes climb from inadequate as Luton holds 'good'")
    assert (LUTON, "overall_effectiveness", "good", 2021, False) in got
    assert not any(c == CUMBRIA and g == "good" for c, _, g, _, _ in got)
    assert not any(c == LUTON and g == "inadequate" for c, _, g, _, _ in got)


@pytest.mark.parametrize("text", [
    "Cumbria has made the step up to good.",
    "Cumbria stepped up to 'good' this year.",
    "Cumbria climbed to good from requires improvement.",
])
def test_a_grade_reached_is_the_current_grade(text):
    assert (CUMBRIA, "overall_effectiveness", "good", 2021, False) in _ratings(text)


@pytest.mark.parametrize("text", [
    "Luton aims to hold on to its good rating at the next inspection.",
    "Luton will not keep its outstanding grade if the service slips.",
    "Luton wants to retain its good rating.",
])
def test_a_hope_or_a_failure_to_keep_is_no_verdict(text):
    assert not any(g in ("good", "outstanding") for _, _, g, _, _ in _ratings(text))


@pytest.mark.parametrize("text", [
    "Luton failed to keep its outstanding grade.",
    "Luton did not hold on to its 'outstanding' rating.",
    "Luton was unable to retain the outstanding judgement.",
])
def test_a_grade_not_kept_is_the_grade_it_had(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "outstanding", None, True) in got
    assert not any(g == "outstanding" and not h for _, _, g, _, h in got)


@pytest.mark.parametrize("text", [
    "Luton keeps good records of every child's plan, inspectors said.",
    "The council holds good relationships with its schools.",
    "Luton maintained outstanding partnerships with the police.",
    "A children's home run by Luton kept its outstanding rating.",
])
def test_kept_good_things_are_not_grades(text):
    assert _ratings(text) == set()
