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


# --- a year of the next clause's subject is not this verdict's ---

@pytest.mark.parametrize("text", [
    "In 2014 the council had been rated inadequate, and the re-inspection in 2017 had found services required "
    "improvement.",
    "Back in 2014 Luton was judged inadequate, but its next inspection in 2017 found that it required improvement.",
    "As far back as 2014 Luton was rated inadequate, and a full inspection in 2017 judged it to require improvement.",
])
def test_a_year_of_the_next_clauses_subject_is_not_the_verdicts(text):
    got = _ratings("Luton has been rated good.", text, published=date(2022, 3, 1))
    assert (LUTON, OVERALL, "inadequate", 2014, True) in got
    assert (LUTON, OVERALL, "requires_improvement", 2017, True) in got


@pytest.mark.parametrize("text", [
    "Under the old framework in 2015 it was judged good, and as far back as 2010 its safeguarding was outstanding.",
    "In 2015 it was rated good, and back in 2010 its safeguarding services had been judged outstanding.",
    "It was found to be good in 2015, and as long ago as 2010 its safeguarding was rated outstanding.",
])
def test_as_far_back_as_after_and_is_the_next_verdicts_time(text):
    got = _ratings("Luton has been rated outstanding.", text, published=date(2023, 3, 1))
    assert (LUTON, OVERALL, "good", 2015, True) in got
    assert (LUTON, "safeguarding", "outstanding", 2010, True) in got


# --- a verdict joined to a dated one: background ("For comparison"), or a bare noun phrase after a comma ---

@pytest.mark.parametrize("text", [
    "For comparison, Sheffield, inspected last summer, stayed at requires improvement overall, although its care "
    "leavers were judged good.",
    "For context, Sheffield was rated requires improvement in 2021, though its care leavers service was judged good.",
    "As background, Sheffield required improvement when inspected in 2021, with care leavers judged good.",
])
def test_a_background_verdict_joined_to_a_dated_one_takes_its_time(text):
    got = _ratings("Luton has been rated good.", "Luton was rated inadequate in 2018.", text,
                   published=date(2022, 3, 1))
    assert (SHEFFIELD, "care_leavers", "good", 2021, True) in got


@pytest.mark.parametrize(("text", "judgement", "grade"), [
    ("The director said the 2014 inspection had rated Luton requires improvement overall, adoption performance "
     "requiring improvement too.", "adoption", "requires_improvement"),
    ("Luton was judged inadequate in 2014, its leadership judged inadequate as well.", "leadership", "inadequate"),
    ("In 2014 Luton was rated requires improvement, care leavers outstanding.", "care_leavers", "outstanding"),
])
def test_a_judgement_and_grade_after_a_comma_take_the_dated_verdicts_time(text, judgement, grade):
    got = _ratings("Luton has been rated good.", text, published=date(2022, 3, 1))
    assert (LUTON, judgement, grade, 2014, True) in got


# --- "When Ofsted last inspected, in a report published in February 2022, ..." ---

@pytest.mark.parametrize("text", [
    "When Ofsted last carried out a full inspection of the council, in a report published in February 2019, "
    "leadership and help and protection were inadequate.",
    "When inspectors were last in Luton, in a report issued in February 2019, they judged leadership inadequate.",
    "At the last full inspection, in a report released in February 2019, leadership was found to be inadequate.",
])
def test_a_report_dated_in_the_apposition_of_a_fronted_time_dates_the_verdicts(text):
    got = _ratings("Luton has been rated good.", text, published=date(2022, 3, 1))
    assert (LUTON, "leadership", "inadequate", 2019, True) in got
