"""A year counted from the page's date ("three years ago") is approximate: when Ofsted's record has no report of that
year for the council, the one report of the year next to it with the same grade is the one meant. Wordings written
for this test, read through the whole extraction with the packaged record."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

pytestmark = pytest.mark.official_record  # the packaged record (tests/conftest.py)
KNOWSLEY = "E08000011"  # requires improvement in a report of December 2021


@pytest.mark.parametrize("text", [
    "Knowsley was judged to require improvement three years ago.",
    "Three years ago inspectors found that Knowsley required improvement.",
    "Knowsley, rated requires improvement three years ago, has now been judged inadequate.",
])
def test_a_year_counted_from_the_page_takes_the_official_reports_year_next_to_it(text):
    rows = {(j, g, y) for c, j, g, y, _ in rating_rows([text], date(2025, 1, 21)) if c == KNOWSLEY}
    assert ("overall_effectiveness", "requires_improvement", 2021) in rows
    assert ("overall_effectiveness", "requires_improvement", 2022) not in rows
