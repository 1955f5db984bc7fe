"""Open language (stop 30): a council and its grade parted by any of the separators records use (comma, colon,
dash) read alike, in one line or sentence by sentence; the answer to a question about the report ("The result?
Good."); "the island" as a council's kind; "as a council" a preposition, no other council. Wordings written for
these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

PUBLISHED = date(2025, 3, 3)
OVERALL = "overall_effectiveness"
LEEDS, BRADFORD, KIRKLEES, WAKEFIELD, CALDERDALE = "E08000035", "E08000032", "E08000034", "E08000036", "E08000033"
WIGAN, BOLTON, BURY = "E08000010", "E08000001", "E08000002"
HAMPSHIRE, ISLE_OF_WIGHT, CORNWALL, SCILLY = "E10000014", "E06000046", "E06000052", "E06000053"


def _current(paragraphs: list[str], title: str = "Children's services inspections") -> set[tuple]:
    return {(c, j, g) for c, j, g, y, h in rating_rows(paragraphs, PUBLISHED, title=title) if y == 2025 and not h}


@pytest.mark.parametrize("paragraphs, expected", [
    (["Kirklees, good; Wakefield - inadequate; Calderdale: requires improvement."],
     {(KIRKLEES, "good"), (WAKEFIELD, "inadequate"), (CALDERDALE, "requires_improvement")}),
    (["Leeds – outstanding; Bradford, inadequate; Kirklees: good."],
     {(LEEDS, "outstanding"), (BRADFORD, "inadequate"), (KIRKLEES, "good")}),
    (["Bolton: good. Wigan - requires improvement. Bury, inadequate."],
     {(BOLTON, "good"), (WIGAN, "requires_improvement"), (BURY, "inadequate")}),
])
def test_a_council_and_its_grade_read_alike_whatever_parts_them(paragraphs, expected):
    assert _current(paragraphs) == {(c, OVERALL, g) for c, g in expected}


@pytest.mark.parametrize("paragraphs", [
    ["Ofsted inspected Wigan's children's services in January.", "The result? Good."],
    ["Inspectors spent two weeks in Wigan in January. And the verdict? Good."],
    ["Wigan's children's services were inspected in January. The outcome this time? Good."],
])
def test_the_answer_to_a_question_about_the_report_is_its_verdict(paragraphs):
    assert _current(paragraphs) == {(WIGAN, OVERALL, "good")}


@pytest.mark.parametrize("title, paragraphs, island, grade, year", [
    ("Hampshire rated outstanding", ["Hampshire County Council's children's services have been rated outstanding.",
                                     "Hampshire has run the Isle of Wight's children's services under a partnership "
                                     "for years. The island's own inspection in 2023 found it good."],
     ISLE_OF_WIGHT, "good", 2023),
    ("Hampshire rated outstanding", ["Hampshire County Council's children's services have been rated outstanding.",
                                     "The county also supports the Isle of Wight. The island was judged requires "
                                     "improvement in 2022."],
     ISLE_OF_WIGHT, "requires_improvement", 2022),
    ("Cornwall rated outstanding", ["Cornwall Council's children's services have been rated outstanding.",
                                    "Cornwall shares some services with the Isles of Scilly. The islands were last "
                                    "judged good in 2022."],
     SCILLY, "good", 2022),
])
def test_the_island_is_the_island_council_named_not_the_mainland_one(title, paragraphs, island, grade, year):
    got = rating_rows(paragraphs, PUBLISHED, title=title)
    assert (island, OVERALL, grade, year, True) in got
    assert not any(y == year and c != island for c, _, _, y, _ in got)


@pytest.mark.parametrize("text, council", [
    ("North Northamptonshire's first inspection as a council in its own right rated its children's services "
     "requires improvement.", "E06000061"),
    ("In its first year as a unitary authority, Somerset was judged good by inspectors.", "E06000066"),
    ("Wigan, inspected as a single authority for the first time, was rated good.", WIGAN),
])
def test_as_a_council_names_a_role_not_another_council(text, council):
    assert {c for c, j, g in _current([text])} == {council}
