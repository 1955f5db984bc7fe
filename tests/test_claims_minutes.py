"""Minutes as minute-takers write them: the shapes of ModernGov minutes that carry an inspection's judgements.

Each construction is pinned with at least three wordings written for these tests (meetings invented about real
councils), read through the whole extraction (Document in, rating rows out).
"""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest
from bs4 import BeautifulSoup

from csi.records import Block
from scrapers.html import blocks_of, tree_blocks
from tests.claim_docs import rating_rows

SWINDON, STOCKPORT, WIGAN, DUDLEY = "E06000030", "E08000007", "E08000010", "E08000027"


# --- a judgement list nested inside another (the single inspection's adoption and care leavers) ---------------

@pytest.mark.parametrize("html, items", [
    ("<ul><li>Children looked after: good<ul><li>Adoption: outstanding</li><li>Care leavers: good</li></ul></li>"
     "<li>Leadership: good</li></ul>",
     ["Children looked after: good", "Adoption: outstanding", "Care leavers: good", "Leadership: good"]),
    ("<ol><li>First point<ol><li>a sub-point</li></ol> and its tail</li></ol>",
     ["First point and its tail", "a sub-point"]),
    ("<ul><li>Outer<ul><li>Middle<ul><li>Inner</li></ul></li></ul></li></ul>", ["Outer", "Middle", "Inner"]),
])
def test_a_nested_list_item_is_its_own_item(html, items):
    for blocks in (blocks_of(BeautifulSoup(f"<div>{html}</div>", "html.parser").div),
                   tree_blocks(lxml.html.fromstring(f"<div>{html}</div>"))):
        assert [b.text for b in blocks] == items
        assert all(b.kind == "list_item" for b in blocks) and len({b.list_id for b in blocks}) == 1


# --- "judgement: grade;" items ending with the list's punctuation -------------------------------------------------

@pytest.mark.parametrize("ending", [";", ",", "."])
def test_judgement_items_keep_their_grade_before_the_lists_punctuation(ending):
    items = [("Overall effectiveness", "inadequate"), ("Help and protection", "requires improvement to be good"),
             ("Impact of leaders", "inadequate")]
    blocks: list[Block | str] = ["Members heard that Swindon's services were inspected in June; the grades were:"]
    blocks += [Block("list_item", f"{j}: {g}{ending}", list_id=1) for j, g in items]
    got = {(code, judgement, grade) for code, judgement, grade, *_ in rating_rows(blocks, date(2023, 10, 5))}
    assert got >= {(SWINDON, "overall_effectiveness", "inadequate"), (SWINDON, "leadership", "inadequate"),
                   (SWINDON, "help_and_protection", "requires_improvement")}


# --- a lead-in that states a grade over a list of judgements (not a list of councils sharing it) ------------------

@pytest.mark.parametrize("lead_in, council", [
    ("Children's services in Stockport had been rated good overall. The areas were graded as follows:", STOCKPORT),
    ("The Director said Wigan had been judged good overall, and set out each judgement:", WIGAN),
    ("Dudley's services were found to be good overall; the judgements for each area were:", DUDLEY),
])
def test_a_lead_in_verdict_over_judgement_items_keeps_both(lead_in, council):
    items = ["Children who need help and protection: good", "Adoption performance: outstanding",
             "Leadership, management and governance: requires improvement"]
    blocks: list[Block | str] = [lead_in, *(Block("list_item", item, list_id=1) for item in items)]
    got = {(code, judgement, grade) for code, judgement, grade, *_ in rating_rows(blocks, date(2017, 10, 10))}
    assert got >= {(council, "overall_effectiveness", "good"), (council, "help_and_protection", "good"),
                   (council, "adoption", "outstanding"), (council, "leadership", "requires_improvement")}
