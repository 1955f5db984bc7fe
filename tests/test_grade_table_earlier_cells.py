"""A grade cell with an earlier grade in brackets after it ("Good (previously inadequate)"): the cell's own grade is
the current one and the bracket's the earlier one, as on a round-up line (transforms.roundup_lines)."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

TELFORD, TORBAY = "E06000020", "E06000027"
PUBLISHED = date(2023, 5, 2)


def _table(*rows: str) -> set[tuple]:
    return rating_rows([Block("paragraph", "Ofsted published these council inspections this month."),
                        *[Block("table_row", r) for r in rows]], PUBLISHED)


@pytest.mark.parametrize("cell, earlier", [
    ("Good (requires improvement in 2019)", (TORBAY, "overall_effectiveness", "requires_improvement", 2019, True)),
    ("Good (up from inadequate, 2018)", (TORBAY, "overall_effectiveness", "inadequate", 2018, True)),
    ("Good (was RI in 2019)", (TORBAY, "overall_effectiveness", "requires_improvement", 2019, True)),
])
def test_a_bracketed_earlier_grade_leaves_the_cells_grade_current(cell, earlier):
    got = _table("Council | Ofsted rating", f"Torbay | {cell}", "Telford and Wrekin | Outstanding")
    assert got == {(TORBAY, "overall_effectiveness", "good", 2023, False), earlier,
                   (TELFORD, "overall_effectiveness", "outstanding", 2023, False)}


def test_a_bracket_grading_another_judgement_is_not_an_earlier_grade():
    got = rating_rows(["Ofsted has published its inspection of Torbay's children's services.",
                       Block("table_row", "Judgement | Grade"),
                       Block("table_row", "Help and protection | Good (leadership: outstanding)")], PUBLISHED)
    assert got == {(TORBAY, "help_and_protection", "good", 2023, False),
                   (TORBAY, "leadership", "outstanding", 2023, False)}
