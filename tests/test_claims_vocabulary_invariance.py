"""Vocabulary invariance (metamorphic tests): texts the grammar already reads (a fixed sample of the claims tests' own
wordings, tests/fixtures/vocabulary_sample.json) give the same (council, judgement, grade, year, historical) rows
when a grade, a verdict's verb or a judgement is named by an equivalent wording (tests/vocabulary_variants.py)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from tests.claim_docs import rating_rows
from tests.vocabulary_variants import SUBSTITUTIONS, rewrite, rows, sample_doc

SAMPLE = json.loads((Path(__file__).parent / "fixtures" / "vocabulary_sample.json").read_text(encoding="utf-8"))
PER_SUBSTITUTION = 8  # texts read per substitution: the first it rewrites (the sample's order spreads them)
# "was rated good" -> "was given a good rating": diagnostic only (python -m tests.vocabulary_variants), not uniform yet
PINNED = [name for name in SUBSTITUTIONS if name != "was rated X -> was given an X rating"]


@cache
def _original(i: int) -> frozenset[tuple]:
    return rows(sample_doc(SAMPLE[i]["blocks"], SAMPLE[i]["published"]))


@pytest.mark.parametrize("name", PINNED)
def test_an_equivalent_wording_gives_the_same_rows(name):
    substitution, tried, diverged = SUBSTITUTIONS[name], 0, []
    for i, entry in enumerate(SAMPLE):
        doc = sample_doc(entry["blocks"], entry["published"])
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
