"""Time and status, eighth round: an earlier grade inserted with its year ("X, outstanding in 2019, was rated good"),
a count back hedged ("less than six years ago", "about ten years ago"), a grade held since the inspection that gave
it ("requires improvement since its last full inspection in 2023"), and a grade whose removal is welcomed (the grade
left behind, not today's).

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON = "E06000032"
OVERALL = "overall_effectiveness"


def _ratings(*paragraphs: str, published: date) -> set:
    return rating_rows(list(paragraphs), published)


@pytest.mark.parametrize(("text", "old", "new"), [
    ("A week earlier Luton Council, outstanding in 2019, was rated good overall.", "outstanding", "good"),
    ("Luton, inadequate in March 2018, has now been judged to require improvement.", "inadequate",
     "requires_improvement"),
    ("Luton, good since 2017, has been rated inadequate by inspectors.", "good", "inadequate"),
])
def test_an_earlier_grade_inserted_with_its_year(text, old, new):
    got = _ratings(text, published=date(2024, 6, 1))
    assert (LUTON, OVERALL, new, 2024, False) in got
    assert any(g == old and h and y in (2017, 2018, 2019) for c, j, g, y, h in got if c == LUTON and j == OVERALL)
    assert not any(g == new and h for *_, g, _, h in got)


@pytest.mark.parametrize(("text", "year"), [
    ("Luton has been rated inadequate, a fall for a department that was judged good less than six years ago.", 2018),
    ("Luton has been rated inadequate; it was judged good about ten years ago.", 2014),
    ("Luton has been rated inadequate, having been found to be good more than five years ago.", 2019),
])
def test_a_hedged_count_back_dates_the_earlier_grade(text, year):
    got = _ratings(text, published=date(2024, 6, 1))
    assert (LUTON, OVERALL, "good", year, True) in got
    assert (LUTON, OVERALL, "inadequate", 2024, False) in got


@pytest.mark.parametrize("text", [
    "Luton, also requires improvement since its last full inspection in 2023, was told that visits were timely.",
    "The focused visit looked at Luton, rated requires improvement since its most recent inspection, in 2023.",
    "Luton has been requires improvement since its 2023 inspection, and the visit found practice steady.",
])
def test_a_grade_held_since_its_inspection_takes_that_inspections_year(text):
    got = _ratings(text, published=date(2024, 6, 1))
    assert (LUTON, OVERALL, "requires_improvement", 2023, True) in got
    assert not any(y == 2024 for *_, y, _ in got)


@pytest.mark.parametrize("text", [
    "Members welcomed the removal of Luton's inadequate rating and thanked staff.",
    "The lifting of the inadequate rating was a relief to everyone in Luton.",
    "Luton's cabinet marked the end of the inadequate judgement with a thank-you to staff.",
])
def test_a_grade_removed_is_the_grade_left_behind(text):
    got = _ratings("Luton has been judged to require improvement.", text, published=date(2024, 6, 1))
    assert (LUTON, OVERALL, "requires_improvement", 2024, False) in got
    assert not any(g == "inadequate" and not h for *_, g, _, h in got)


# --- a lead-in ending with a time before a dash dates the verdict after it ---

@pytest.mark.parametrize(("text", "judgement", "year"), [
    ("People ask how a city goes from where Luton was in 2010 – safeguarding judged inadequate, a service nobody "
     "wanted to work for – to this.", "safeguarding", 2010),
    ("Remember where Luton stood in 2014 – inadequate overall, with leaders judged inadequate too.", OVERALL, 2014),
    ("Think back to Luton in late 2015 - rated inadequate in every area.", OVERALL, 2015),
])
def test_a_lead_in_ending_with_a_time_before_a_dash_dates_the_verdict(text, judgement, year):
    got = _ratings("Luton has been rated outstanding.", text, published=date(2022, 5, 1))
    assert (LUTON, judgement, "inadequate", year, True) in got


def test_words_of_today_after_the_dash_keep_the_documents_time():
    got = _ratings("Luton was inspected in 2019 – and it is now rated good.", published=date(2022, 5, 1))
    assert (LUTON, OVERALL, "good", 2022, False) in got


# --- a month and year opening a reported clause ---

@pytest.mark.parametrize("text", [
    "Officers stressed that in March 2019 overall effectiveness and leadership had both been inadequate.",
    "The director recalled how, in the summer of 2019, overall effectiveness and leadership were judged inadequate.",
    "Members heard that by late 2019 overall effectiveness and leadership had been rated inadequate.",
])
def test_a_month_and_year_opening_a_reported_clause_dates_its_verdicts(text):
    got = _ratings("Luton has been rated requires improvement.", text,
                   "Officers said the 2015 inspection had found the service required improvement.",
                   published=date(2022, 12, 15))
    assert {(j, y) for c, j, g, y, h in got if g == "inadequate"} == {(OVERALL, 2019), ("leadership", 2019)}


# --- "a decade after", "a decade ago" ---

@pytest.mark.parametrize("text", [
    "Luton keeps its top Ofsted rating - a decade after being branded failing",
    "Luton was judged inadequate a decade ago and is now rated outstanding.",
    "A decade after it was rated inadequate, Luton has been judged outstanding.",
])
def test_a_decade_counts_back_ten_years(text):
    got = _ratings(text, published=date(2025, 4, 2))
    assert (LUTON, OVERALL, "inadequate", 2015, True) in got


# --- a grade given at several earlier inspections is history ---

@pytest.mark.parametrize("text", [
    "Luton, whose services were found to be failing at three separate inspections, has been rated good by Ofsted.",
    "Luton, judged inadequate at two successive inspections, has now been rated good.",
    "Once rated inadequate across three inspections, Luton has been judged good.",
])
def test_a_grade_given_at_several_inspections_is_history(text):
    got = _ratings(text, published=date(2022, 7, 1))
    assert (LUTON, OVERALL, "good", 2022, False) in got
    assert not any(g == "inadequate" and not h for *_, g, _, h in got)


# --- "published today, ... whose services were rated inadequate in March 2020" ---

@pytest.mark.parametrize("text", [
    "The verdict, published today after a visit in January, is a major change for Luton, whose services were rated "
    "inadequate in March 2020.",
    "Today's report is a turnaround for Luton, which was judged inadequate in 2020.",
    "The report out today marks a new start for Luton, whose services were inadequate in 2020.",
])
def test_today_before_a_relative_clause_does_not_date_its_verdict(text):
    got = _ratings("Luton has been rated good.", text, published=date(2023, 6, 1))
    assert (LUTON, OVERALL, "inadequate", 2020, True) in got
    assert not any(g == "inadequate" and y == 2023 for *_, g, y, _ in got)


# --- "That report found ...": the report just spoken of ---

@pytest.mark.parametrize("text", [
    "That report found problems in the front door, but children in care and care leavers were still judged good.",
    "That inspection judged the care of children in care and care leavers to be good.",
    "The same report rated children in care and care leavers good.",
])
def test_that_report_as_the_subject_is_the_one_just_spoken_of(text):
    got = _ratings("Luton has been rated outstanding. Its services had been rated inadequate in March 2020.", text,
                   published=date(2023, 6, 1))
    assert (LUTON, "care_leavers", "good", 2020, True) in got


# --- a grade kept today, first given in a year: a verdict joined after it is today's ---

@pytest.mark.parametrize("text", [
    "Meanwhile Luton kept the good rating it first secured in 2015, although help and protection was found to "
    "require improvement.",
    "Luton held on to the good grade it won in 2015, though help and protection was judged to require improvement.",
    "Luton retained the good rating it was given in 2015, yet help and protection was found to require improvement.",
])
def test_a_verdict_joined_to_a_kept_grade_is_todays(text):
    got = _ratings(text, published=date(2019, 12, 20))
    assert (LUTON, "help_and_protection", "requires_improvement", 2019, False) in got


# --- a fronted "In the ... inspection, in 2008," ---

@pytest.mark.parametrize("text", [
    "In the final annual performance assessment, in 2008, Luton's services for children were judged good.",
    "In its last joint area review, in 2007, Luton was judged good.",
    "In the old annual assessment, in late 2008, Luton's services were found to be good.",
])
def test_a_fronted_in_phrase_with_its_year_in_apposition_dates_the_verdict(text):
    got = _ratings(text, published=date(2020, 1, 1))
    assert any(g == "good" and h and y in (2007, 2008) for c, j, g, y, h in got if c == LUTON)
    assert not any(y == 2020 for *_, y, _ in got)


# --- a timeline entry opening with a year: a month without its year inside it is of that year ---

@pytest.mark.parametrize("entry", [
    "2018. The re-inspection, published in January, moved the county up to requires improvement.",
    "2018: the report that came out in March judged the county to require improvement.",
    "2018 - in February inspectors found that the county required improvement.",
])
def test_a_month_inside_a_timeline_entry_is_of_its_year(entry):
    got = _ratings("2015. The single inspection rated Luton inadequate.", entry,
                   "2022. And now Luton is good overall.", published=date(2022, 10, 1))
    assert (LUTON, OVERALL, "requires_improvement", 2018, True) in got
    assert (LUTON, OVERALL, "good", 2022, False) in got
