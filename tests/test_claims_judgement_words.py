"""The judgements and verdicts in plain words (stop 29): the leaders' judgement as "how good the leaders are", help
and protection as "children who need protecting", "overall" alone before its grade in a telegraphic run, "the
headline: outstanding" (the report's verdict), "Ofsted called it good", and a grade apposed to several councils
("X and Y, both outstanding in 2022, ..."). Wordings written for these tests (stories invented about real councils).
"""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

PUBLISHED = date(2025, 3, 1)
OVERALL = "overall_effectiveness"
WIGAN, BOLTON, LEEDS, KENT, ESSEX = "E08000010", "E08000001", "E08000035", "E10000016", "E10000012"


def _rows(*blocks: str | Block) -> set[tuple]:
    return {row[:4] for row in rating_rows(list(blocks), PUBLISHED)}


@pytest.mark.parametrize("blocks, expected", [
    (["Ofsted rated Wigan good this week.", Block("list_item", "How good the leaders are – outstanding")],
     (WIGAN, "leadership", "outstanding", 2025)),
    (["Wigan was rated good. Inspectors judged how well its leaders lead to be outstanding."],
     (WIGAN, "leadership", "outstanding", 2025)),
    (["Ofsted rated Wigan good this week.", Block("list_item", "Kids who need protecting – requires improvement")],
     (WIGAN, "help_and_protection", "requires_improvement", 2025)),
    (["Wigan was rated good, but services for children in need of protection were judged inadequate."],
     (WIGAN, "help_and_protection", "inadequate", 2025)),
])
def test_judgements_named_in_plain_words(blocks, expected):
    assert expected in _rows(*blocks)


@pytest.mark.parametrize("text, expected", [
    ("Wigan (2023): overall good; leadership outstanding; care leavers good.",
     {(WIGAN, OVERALL, "good", 2023), (WIGAN, "leadership", "outstanding", 2023),
      (WIGAN, "care_leavers", "good", 2023)}),
    ("Bolton: overall inadequate; help and protection inadequate.",
     {(BOLTON, OVERALL, "inadequate", 2025), (BOLTON, "help_and_protection", "inadequate", 2025)}),
    ("Leeds, March 2022: overall outstanding; care leavers good.",
     {(LEEDS, OVERALL, "outstanding", 2022), (LEEDS, "care_leavers", "good", 2022)}),
])
def test_overall_alone_before_its_grade_in_a_telegraphic_run(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("paragraph, expected", [
    ("Wigan's report came out in July. The headline: outstanding.", (WIGAN, OVERALL, "outstanding", 2025)),
    ("Bolton waited two years for this. The upshot: good.", (BOLTON, OVERALL, "good", 2025)),
    ("Leeds is a service whose safeguarding Ofsted called good in 2011.", (LEEDS, "safeguarding", "good", 2011)),
])
def test_a_verdict_in_the_news_words(paragraph, expected):
    assert _rows(paragraph) == {expected}


def test_a_call_for_something_is_no_verdict():
    assert _rows("Ofsted called for good practice to be shared in Wigan.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Leeds and Kent, both outstanding in 2022, were praised.",
     {(LEEDS, OVERALL, "outstanding", 2022), (KENT, OVERALL, "outstanding", 2022)}),
    ("Leeds, Kent and Essex, all outstanding in 2022, were praised.",
     {(LEEDS, OVERALL, "outstanding", 2022), (KENT, OVERALL, "outstanding", 2022),
      (ESSEX, OVERALL, "outstanding", 2022)}),
    ("Leeds, outstanding in 2022, was praised.", {(LEEDS, OVERALL, "outstanding", 2022)}),
])
def test_a_grade_apposed_to_several_councils(text, expected):
    assert _rows(text) == expected
