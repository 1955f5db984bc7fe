"""No page states a grade published after the page itself: a year counted on past the page's date is wrong, and the
claim falls back to the page's own time. Wordings written for this test, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

BOLTON = "E08000001"


@pytest.mark.parametrize("paragraphs", [
    ["I joined Bolton in the spring of 2017, a few weeks after the report that judged the council inadequate.",
     "Two years later the council got a good."],
    ["Bolton's director came in 2016, soon after inspectors rated the service inadequate.",
     "Three years later it was judged good."],
    ["I arrived in Bolton in 2015, shortly after the inspection that rated the council inadequate.",
     "Two years later it got a good."],
])
def test_no_row_is_dated_after_the_page(paragraphs):
    published = date(2025, 2, 3)
    years = [y for c, _, _, y, _ in rating_rows(paragraphs, published) if c == BOLTON]
    assert years and all(y is not None and y <= published.year for y in years)
