"""A lead-in giving a grade "for:" a list of judgements, one per list item, in press releases and minutes
("Inspectors judged the council good overall and good for:" over the judgements' names). Blocks written for these
tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

HARTLEPOOL = "E06000001"


def _rows(lead: str, *items: str) -> set[tuple[str, str, bool]]:
    blocks = [Block("paragraph", "Hartlepool's children's services have been inspected."), Block("paragraph", lead),
              *[Block("list_item", i, list_id=1) for i in items]]
    return {(j, g, h) for c, j, g, _, h in rating_rows(blocks, date(2023, 3, 24)) if c == HARTLEPOOL}


@pytest.mark.parametrize("lead, items", [
    ("Inspectors judged the authority good overall and good for:",
     ["the impact of leaders on social work practice with children and families",
      "the experiences and progress of children who need help and protection",
      "the experiences and progress of children in care"]),
    ("Ofsted rated Hartlepool good in:", ["Leadership", "Help and protection", "Children in care"]),
    ("The council was found to be good overall, and good for:",
     ["leaders' impact;", "children who need help and protection;", "children in care."]),
])
def test_a_grade_given_for_the_judgements_listed_under_it(lead, items):
    got = _rows(lead, *items)
    assert {("leadership", "good", False), ("help_and_protection", "good", False),
            ("children_in_care", "good", False)} <= got
    assert ("care_leavers", "good", False) not in got


@pytest.mark.parametrize("items", [
    ["Hartlepool", "Halton"],
    ["better timeliness", "stronger supervision"],
    ["the impact of leaders", "a new front door"],
])
def test_items_that_are_not_all_judgements_are_left_to_the_list_rules(items):
    got = _rows("Inspectors judged the authority good overall and good for:", *items)
    assert not {j for j, _, _ in got} - {"overall_effectiveness"}
