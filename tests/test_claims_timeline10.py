"""Time and status, tenth round: features that narrate a council's history. The reader sent back to a time ("Go
back further still, to 2010, and ..."), a fronted "by the next inspection, in January 2019," dating what follows,
and a count back with a half ("three and a half years after Ofsted judged them inadequate": the document's date
less three years and six months), a bare "that year" (the year the text gave last) and "Then came 2014.".

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON, SHEFFIELD = "E06000032", "E08000019"
OVERALL = "overall_effectiveness"


# --- the reader sent back to a time ---

@pytest.mark.parametrize("text", [
    "Go back further still, to 2011, and its adoption work was judged inadequate.",
    "Go back to 2011 and Luton's adoption service was rated inadequate.",
    "Cast your mind back to the spring of 2011, when the adoption service was graded inadequate.",
    "Looking back even further, to 2011, adoption was also found inadequate.",
])
def test_a_reader_sent_back_to_a_year_dates_the_verdict(text):
    got = _ratings("Luton Council has been rated good by Ofsted.", text, published=date(2021, 6, 1))
    assert (LUTON, "adoption", "inadequate", 2011, True) in got
    assert not any(j == "adoption" and y == 2021 for _, j, _, y, _ in got)


# --- a fronted "by the next inspection, in <time>," ---

@pytest.mark.parametrize("text", [
    "By the next inspection, in March 2018, Sheffield had been rated good, with leadership already outstanding.",
    "By the following visit, in the autumn of 2018, the council had been judged good, with leadership outstanding.",
    "By the time inspectors returned, in 2018, Sheffield was rated good, and leadership was judged outstanding.",
])
def test_a_fronted_by_phrase_with_its_time_dates_what_follows(text):
    got = _ratings("Sheffield's children's services are now outstanding.", text, published=date(2023, 2, 1))
    assert (SHEFFIELD, OVERALL, "good", 2018, True) in got
    assert (SHEFFIELD, "leadership", "outstanding", 2018, True) in got
    assert not any(y == 2023 and g == "good" for *_, g, y, _ in got)


# --- a count back with a half ---

@pytest.mark.parametrize(("text", "published", "year"), [
    ("Luton's services are good now, three and a half years after Ofsted judged them inadequate.",
     date(2022, 1, 5), 2018),
    ("Luton has been rated good, two and a half years after it was judged inadequate.", date(2022, 9, 1), 2020),
    ("Now rated good, Luton is celebrating, four and a half years after inspectors found it inadequate.",
     date(2022, 3, 1), 2017),
])
def test_a_count_back_with_a_half_counts_months_back_from_the_document_date(text, published, year):
    got = _ratings(text, published=published)
    assert (LUTON, OVERALL, "inadequate", year, True) in got
    assert not any(g == "inadequate" and y == published.year for *_, g, y, _ in got)


def _ratings(*paragraphs: str, published: date) -> set:
    return rating_rows(list(paragraphs), published)


# --- a bare "that year" refers back to the year the text gave last ---

@pytest.mark.parametrize("text", [
    "By March 2017 inspectors were back and Luton had reached good overall. Its adoption work was judged "
    "outstanding that year.",
    "In the autumn of 2017 Luton was judged good, and adoption was rated outstanding that year too.",
    "Luton got good overall in 2017; that year adoption was also found outstanding.",
])
def test_a_bare_that_year_takes_the_year_the_text_gave_last(text):
    got = _ratings("Luton is now rated good.", text, published=date(2022, 8, 21))
    assert (LUTON, "adoption", "outstanding", 2017, True) in got
    assert not any(j == "adoption" and y == 2022 for _, j, _, y, _ in got)


# --- "Then came 2014.": a sentence moving the story to an earlier time dates the paragraph's next verdicts ---

@pytest.mark.parametrize("text", [
    "Then came 2014. Within weeks of a critical review, Ofsted rated the service inadequate overall.",
    "And then it was the summer of 2014. Inspectors rated the service inadequate overall.",
    "Then came March 2014, and with it the inspectors. They rated the service inadequate.",
])
def test_then_came_a_year_dates_the_verdicts_after_it(text):
    got = _ratings("Luton is now rated good.", text, published=date(2022, 8, 21))
    assert (LUTON, OVERALL, "inadequate", 2014, True) in got
    assert not any(g == "inadequate" and y == 2022 for *_, g, y, _ in got)
