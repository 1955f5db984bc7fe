"""Vocabulary invariance (metamorphic tests): texts the grammar already reads (a fixed sample of the claims tests' own
wordings, tests/fixtures/vocabulary_sample.json) give the same (council, judgement, grade, year, historical) rows
when a grade, a verdict's verb, a judgement or a council is named by an equivalent wording
(tests/vocabulary_variants.py)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from tests.claim_docs import rating_rows
from tests.vocabulary_variants import SUBSTITUTIONS, council_substitutions, rewrite, rows, sample_doc

SAMPLE = json.loads((Path(__file__).parent / "fixtures" / "vocabulary_sample.json").read_text(encoding="utf-8"))
PER_SUBSTITUTION = 8  # texts read per substitution: the first it rewrites (the sample's order spreads them)
# "was rated good" -> "was given a good rating": diagnostic only (python -m tests.vocabulary_variants), not uniform yet
PINNED = [name for name in SUBSTITUTIONS if name != "was rated X -> was given an X rating"]


@cache
def _original(i: int) -> frozenset[tuple]:
    return rows(sample_doc(SAMPLE[i]["blocks"], SAMPLE[i]["published"]))


@pytest.mark.parametrize("name", [*PINNED, "X -> X Council", "X -> X council"])
def test_an_equivalent_wording_gives_the_same_rows(name):
    tried, diverged = 0, []
    for i, entry in enumerate(SAMPLE):
        doc = sample_doc(entry["blocks"], entry["published"])
        substitution = SUBSTITUTIONS.get(name) or council_substitutions(doc).get(name)
        if substitution is None:
            continue
        variant = rewrite(doc, substitution)
        if variant.text == doc.text:
            continue
        if (tried := tried + 1) > PER_SUBSTITUTION:
            break
        if rows(variant) != _original(i):
            diverged.append((entry["from"], variant.text, sorted(_original(i) ^ rows(variant))))
    assert tried >= 3, f"{name}: the sample exercises it {tried} times"
    assert not diverged, diverged


@pytest.mark.parametrize("grade", ["RI", "requires-improvement", "'requires improvement'", "“Requires Improvement”"])
@pytest.mark.parametrize("text", [
    "In Bolton leadership, help and protection, and children in care were each {}.",
    "Bolton's inspectors found help and protection and the experiences of care leavers both {} this spring.",
    "For Bolton the verdict on children in care, as on leadership, was {}.",
])
def test_every_wording_of_requires_improvement_is_read_alike(text, grade):
    found = {(j, g) for c, j, g, _, h in rating_rows([text.format(grade)], date(2024, 5, 2))
             if c == "E08000001" and not h}
    assert found and {g for _, g in found} == {"requires_improvement"}
    assert found == _plain(text)


@cache
def _plain(text: str) -> set[tuple[str, str]]:
    return {(j, g) for c, j, g, _, h in rating_rows([text.format("requires improvement")], date(2024, 5, 2))
            if c == "E08000001" and not h}


@pytest.mark.parametrize("text", [
    "Stockport{} was judged good this spring, and Trafford{} outstanding.",
    "This month inspectors gave Stockport{} outstanding for leadership and for children in care.",
    "Stockport's services require improvement, the same grade Stockport{} had received in 2019.",
])
def test_a_council_with_its_noun_in_lower_case_is_the_council(text):
    def read(noun: str) -> set[tuple]:
        return rating_rows([text.format(noun, noun)], date(2024, 5, 2))
    assert read("") and read(" council") == read("") == read(" Council")


@pytest.mark.parametrize("text", [
    "Ofsted judged Richmond {} overall in March.",
    "Richmond was rated {} for help and protection, the report said.",
    "This spring inspectors graded Richmond {} for the impact of leaders.",
])
def test_a_grade_in_title_case_after_a_council_s_name_is_the_grade(text):
    assert rating_rows([text.format("Good")], date(2024, 5, 2)) == rating_rows([text.format("good")], date(2024, 5, 2))
    assert rating_rows([text.format("Good")], date(2024, 5, 2))
