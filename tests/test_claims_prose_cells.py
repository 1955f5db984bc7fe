"""A table cell of prose is read as prose: a risk register's commentary, an action log's update, a minutes table's
discussion column say what a paragraph would. Tables written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

TORBAY = "E06000027"


@pytest.mark.parametrize(("header", "row"), [
    ("Ref | Risk | Score | Commentary",
     "R4 | Children's social care | 20 (Red) | Following the inspection in March, Ofsted judged Torbay's children's "
     "services inadequate overall and the council is preparing its improvement plan."),
    ("Action | Owner | Update",
     "Respond to inspection findings | Director of Children's Services | Torbay was rated inadequate by Ofsted in "
     "March; the improvement board meets monthly from May."),
    ("Item | Discussion",
     "4. Ofsted outcome | Members noted that inspectors had found Torbay's services for children to be inadequate, "
     "the lowest of the four grades."),
])
def test_a_cell_of_prose_states_a_rating_as_a_paragraph_would(header, row):
    got = rating_rows([Block("paragraph", "The committee received the quarterly update."),
                       Block("table_row", header), Block("table_row", row)], date(2024, 6, 3))
    assert (TORBAY, "overall_effectiveness", "inadequate", 2024, False) in got
