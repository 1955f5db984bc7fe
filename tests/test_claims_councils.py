"""Which councils a verdict is for (stop 25): a subject of several councils each carrying its own time. Each
construction is pinned with at least three wordings written for these tests (stories invented about real
councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

PUBLISHED = date(2024, 9, 20)
OVERALL = "overall_effectiveness"
BOLTON, BURY, OLDHAM, WIGAN = "E08000001", "E08000002", "E08000004", "E08000010"
LEEDS, BRADFORD, KIRKLEES = "E08000035", "E08000032", "E08000034"


def _pairs(rows: set[tuple]) -> set[tuple]:
    """(council, judgement, grade, year) of the rows."""
    return {row[:4] for row in rows}


# --- a subject of several councils, each with its own time -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Bolton in February and Wigan last month were both judged good.",
     {(BOLTON, OVERALL, "good", 2024), (WIGAN, OVERALL, "good", 2024)}),
    ("Leeds in 2019 and Bradford a year later were rated requires improvement to be good.",
     {(LEEDS, OVERALL, "requires_improvement", 2019), (BRADFORD, OVERALL, "requires_improvement", 2020)}),
    ("Oldham in 2021, Bury the same year and Kirklees in 2023 each came out inadequate for care leavers.",
     {(OLDHAM, "care_leavers", "inadequate", 2021), (BURY, "care_leavers", "inadequate", 2021),
      (KIRKLEES, "care_leavers", "inadequate", 2023)}),
    ("Wigan in 2018, Bolton in 2022 (when leaders were singled out), Leeds last month: all good overall.",
     {(WIGAN, OVERALL, "good", 2018), (BOLTON, OVERALL, "good", 2022), (LEEDS, OVERALL, "good", 2024)}),
])
def test_each_council_of_a_subject_takes_the_verdict_at_its_own_time(text: str, expected: set[tuple]) -> None:
    assert _pairs(rating_rows([text], PUBLISHED)) == expected


def test_a_grade_inserted_in_the_subject_stays_with_its_council() -> None:
    rows = _pairs(rating_rows(["Bury in 2020, Oldham the same year (where children in care were judged outstanding) "
                               "and Wigan in 2022: each requires improvement for care leavers."], PUBLISHED))
    assert (OLDHAM, "children_in_care", "outstanding", 2020) in rows
    assert not {(BURY, "children_in_care", "outstanding", 2020), (WIGAN, "children_in_care", "outstanding", 2022)} \
        & rows
    assert {(code, "care_leavers", "requires_improvement", year)
            for code, year in ((BURY, 2020), (OLDHAM, 2020), (WIGAN, 2022))} <= rows


def test_councils_visited_at_their_times_by_a_subject_named_before_are_no_subject() -> None:
    """Councils each with a time after the verb are its object, not a subject of several: nothing is distributed."""
    rows = _pairs(rating_rows(["Inspectors visited Bolton in March and Bury in May. Bury was then rated good."],
                              PUBLISHED))
    assert rows == {(BURY, OVERALL, "good", 2024)}


# --- a grade set off after a clause about a council: a second predicate of its subject -----------------------------

@pytest.mark.parametrize("text, expected", [
    ("Wigan's report was published in August, good across the board.", {(WIGAN, OVERALL, "good", 2024)}),
    ("Bury followed in March, also inadequate overall.", {(BURY, OVERALL, "inadequate", 2024)}),
    ("Oldham did it first, last year, outstanding overall.", {(OLDHAM, OVERALL, "outstanding", 2023)}),
    ("Kirklees went next, in July, requires improvement for care leavers.",
     {(KIRKLEES, "care_leavers", "requires_improvement", 2024)}),
])
def test_a_grade_after_a_clause_about_a_council_is_its_verdict(text: str, expected: set[tuple]) -> None:
    assert _pairs(rating_rows([text], PUBLISHED)) == expected


@pytest.mark.parametrize("text", [
    "Bolton held its annual conference in May, good for staff morale.",
    "Leeds published its improvement plan in June, good news for families.",
    "Bradford, good at recruiting, opened two new homes this year.",
])
def test_a_grade_after_a_clause_that_is_no_verdict_gives_none(text: str) -> None:
    assert rating_rows([text], PUBLISHED) == set()


def test_a_council_in_a_time_inserted_after_the_subject_is_not_the_subject() -> None:
    """", a month before Y, also received ...": the adverb before the verb still closes the insertion."""
    for text in ("Bury, a month before Wigan, also received requires improvement.",
                 "Oldham, two weeks after Bolton, was also judged inadequate.",
                 "Leeds, the same week as Bradford, then got a good grade."):
        rows = _pairs(rating_rows([text], PUBLISHED))
        assert {row[0] for row in rows} == {_CODES[text.split(",")[0]]}, text


_CODES = {"Bury": BURY, "Oldham": OLDHAM, "Leeds": LEEDS}
