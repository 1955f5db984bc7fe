"""Rows that are not the page's ratings stay out, by class of English rather than by sentence. Wordings written for
these tests, about real councils, read through the whole extraction (Document in, rating rows out)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

OLDHAM = "E08000004"


def _rows(*paragraphs: str, published: date = date(2025, 2, 3)) -> set[tuple]:
    """(judgement, grade, year) of Oldham's rows."""
    return {(j, g, y) for c, j, g, y, _ in rating_rows(list(paragraphs), published) if c == OLDHAM}


# --- the 2009-2013 frameworks' words date their verdict: never a row dated years after they ended ------------------

@pytest.mark.parametrize("text", [
    "I started in Oldham under the old regime. Safeguarding was judged inadequate and looked after children adequate.",
    "Oldham's story is a long one. The safeguarding inspection found it adequate, which nobody celebrated.",
    "Oldham was found adequate overall by the old inspection regime.",
])
def test_the_earlier_frameworks_words_give_no_row_of_today(text):
    assert not {r for r in _rows(text) if r[2] and r[2] > 2014}


@pytest.mark.parametrize("text, row", [
    ("In 2011 Oldham's safeguarding was judged adequate.", ("safeguarding", "requires_improvement", 2011)),
    ("Oldham was rated inadequate for safeguarding in 2012.", ("safeguarding", "inadequate", 2012)),
    ("Oldham was judged good in 2019, up from requires improvement.", ("overall_effectiveness", "good", 2019)),
])
def test_a_verdict_dated_in_its_framework_stays(text, row):
    assert row in _rows(text)
