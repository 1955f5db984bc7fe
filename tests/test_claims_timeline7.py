"""Time and status, seventh round: "the 2018 re-inspection" names its year like "the 2018 inspection"; "then" after
"was/had" or closing a clause is "at that time", the year the sentence gave before it; a past verdict joined by
"yet", "though" or "although" after a dated one takes its time; "fifteen years ago"; a year inside a verdict set off
by commas before another verdict ("X, outstanding in 2019, was rated good") is that inserted verdict's alone.

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON, SHEFFIELD = "E06000032", "E08000019"
OVERALL = "overall_effectiveness"


def _ratings(*paragraphs: str, published: date) -> set:
    return rating_rows(list(paragraphs), published)


# --- "the 2018 re-inspection" ---

@pytest.mark.parametrize(("text", "judgement"), [
    ("The 2016 re-inspection had also judged adoption performance inadequate.", "adoption"),
    ("Councillors recalled that the 2016 reinspection had rated leadership inadequate.", "leadership"),
    ("Its 2016 re-inspection found the care leavers service inadequate as well.", "care_leavers"),
])
def test_a_dated_re_inspection_dates_its_verdict(text, judgement):
    got = _ratings("Luton has been rated good.", text, published=date(2022, 6, 1))
    assert (LUTON, judgement, "inadequate", 2016, True) in got


# --- "then" after "was/had", or closing its clause: at that time ---

@pytest.mark.parametrize(("text", "judgement", "grade", "year"), [
    ("When inspectors last visited, in 2017, the council was rated good, although the LSCB was then judged to "
     "require improvement.", "lscb", "requires_improvement", 2017),
    ("Officers said that the 2015 inspection had found the service required improvement, though adoption had then "
     "been rated good.", "adoption", "good", 2015),
    ("In 2016 the council required improvement, and its care leavers service was judged inadequate then.",
     "care_leavers", "inadequate", 2016),
])
def test_then_after_the_verb_is_the_time_the_sentence_gave(text, judgement, grade, year):
    got = _ratings("Luton has been rated outstanding.", text, published=date(2022, 6, 1))
    assert (LUTON, judgement, grade, year, True) in got


def test_then_with_no_year_before_it_in_the_sentence_is_no_earlier_time():
    got = _ratings("Luton was rated good in 2014. It was then rated inadequate, this spring.",
                   published=date(2022, 6, 1))
    assert not any(g == "inadequate" and y == 2014 for *_, g, y, _ in got)


# --- "yet", "though", "although" after a dated past verdict ---

@pytest.mark.parametrize("text", [
    "Luton was judged to require improvement in every other area in September 2019, yet its care leavers' services "
    "were good.",
    "Luton was rated requires improvement in 2019, though its care leavers service was rated good.",
    "In 2019 Luton was found to require improvement, although care leavers were judged good.",
])
def test_a_past_verdict_joined_by_yet_or_though_takes_the_dated_ones_time(text):
    got = _ratings(text, published=date(2022, 6, 1))
    assert (LUTON, "care_leavers", "good", 2019, True) in got


def test_a_verdict_of_today_joined_by_although_keeps_its_own():
    got = _ratings("Luton required improvement in 2019, although care leavers are now rated good.",
                   published=date(2022, 6, 1))
    assert (LUTON, "care_leavers", "good", 2022, False) in got


# --- "fifteen years ago" ---

@pytest.mark.parametrize(("text", "year"), [
    ("The result is a far cry from fifteen years ago, when safeguarding was judged inadequate.", 2007),
    ("Thirteen years ago Luton's safeguarding was rated inadequate.", 2009),
    ("Luton's safeguarding had been judged inadequate some twenty years ago.", 2002),
])
def test_years_ago_counted_in_words_past_twelve(text, year):
    got = _ratings("Luton has been rated good.", text, published=date(2022, 6, 1))
    assert (LUTON, "safeguarding", "inadequate", year, True) in got


# --- a year inside an inserted earlier verdict ---

@pytest.mark.parametrize("text", [
    "A week earlier Luton Council, outstanding in 2019, was rated good overall.",
    "Luton, inadequate in 2019, has been judged good.",
    "Luton, which was outstanding in 2019, was this week rated good.",
])
def test_a_year_inside_an_inserted_earlier_verdict_is_not_the_next_ones(text):
    got = _ratings(text, published=date(2024, 3, 1))
    assert (LUTON, OVERALL, "good", 2024, False) in got
    assert not any(g == "good" and y == 2019 for *_, g, y, _ in got)
