"""Round-up lines: a council, its new grade, and in brackets the grade it had before. Lines written for these tests in
the shapes of news round-ups (list items and short paragraphs), read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

TELFORD, TORBAY, NEWHAM, HALTON = "E06000020", "E06000027", "E09000025", "E06000006"


def _ratings(*blocks: Block) -> set[tuple]:
    return rating_rows(list(blocks), date(2023, 5, 2), title="This month's inspection results")


LINES = [
    ("Telford and Wrekin – outstanding (requires improvement, 2016)",
     {(TELFORD, "outstanding", 2023, False), (TELFORD, "requires_improvement", 2016, True)}),
    ("Torbay: requires improvement (was inadequate in 2018)",
     {(TORBAY, "requires_improvement", 2023, False), (TORBAY, "inadequate", 2018, True)}),
    ("Newham Council - good (previously requires improvement, 2019)",
     {(NEWHAM, "good", 2023, False), (NEWHAM, "requires_improvement", 2019, True)}),
    ("Halton – inadequate (previously good)",
     {(HALTON, "inadequate", 2023, False), (HALTON, "good", None, True)}),
]


@pytest.mark.parametrize("line, expected", LINES)
@pytest.mark.parametrize("kind", ["list_item", "paragraph"])
def test_a_roundup_line_gives_the_new_grade_and_the_earlier_one(line, expected, kind):
    got = _ratings(Block("paragraph", "Councils inspected this month:"), Block(kind, line, list_id=1))
    assert {(c, g, y, h) for c, j, g, y, h in got if j == "overall_effectiveness"} == expected


def test_a_roundup_list_keeps_each_council_to_its_line():
    got = _ratings(Block("heading", "Latest judgements"),
                   *[Block("list_item", line, list_id=7) for line, _ in LINES])
    assert {(c, g, y, h) for c, j, g, y, h in got} == set().union(*(e for _, e in LINES))


@pytest.mark.parametrize("text", [
    "Telford and Wrekin – a council that has worked hard (and it shows)",
    "Inspectors said Torbay's plans - good in parts (some of them) - need time",
    "Newham: the good news (for now)",
])
def test_lines_that_are_not_roundup_lines(text):
    assert not any(g == "good" and h for _, _, g, _, h in _ratings(Block("list_item", text, list_id=1)))


@pytest.mark.parametrize("line, expected", LINES[:3])
def test_a_roundup_line_as_a_table_row(line, expected):
    row = line.replace(" – ", " | ").replace(": ", " | ").replace(" - ", " | ")
    got = _ratings(Block("paragraph", "This month's inspections:"), Block("table_row", row))
    assert {(c, g, y, h) for c, j, g, y, h in got if j == "overall_effectiveness"} == expected


@pytest.mark.parametrize("separator", ["; ", " ; ", ";\n"])
def test_roundup_entries_sharing_a_paragraph(separator):
    got = _ratings(Block("paragraph", separator.join(line for line, _ in LINES)))
    assert {(c, g, y, h) for c, j, g, y, h in got} == set().union(*(e for _, e in LINES))
