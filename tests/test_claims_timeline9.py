"""Time and status, ninth round: a time fronted after a lead-in closed by a colon or a dash, a cleft sentence ("It
was in 2019 that ..."), "not until" (a verdict given, not a negation), "at the same inspection" / "at the same time"
(the time the text gave last), and a judgement in a clause joined to a dated verdict ("..., but children in care
required improvement": the same report).

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


# --- a time fronted after a lead-in closed by a colon or a dash ---

@pytest.mark.parametrize("text", [
    "Nothing new, mind: back in 2016 the town's adoption service was judged outstanding.",
    "This is not a first for Luton - in 2016 its adoption service was rated outstanding.",
    "Worth remembering: in the spring of 2016 Luton's adoption work was graded outstanding.",
])
def test_a_time_after_a_lead_in_closed_by_a_colon_or_a_dash_dates_the_verdict(text):
    got = _ratings("Luton Council has been rated good by Ofsted.", text, published=date(2022, 5, 1))
    assert (LUTON, "adoption", "outstanding", 2016, True) in got
    assert not any(j == "adoption" and y == 2022 for _, j, _, y, _ in got)


# --- a cleft sentence puts the time first ---

@pytest.mark.parametrize("text", [
    "It was in March 2017 that inspectors last gave Luton the lowest grade, with leadership singled out as inadequate.",
    "It was back in 2017 that Luton was last judged inadequate, with leadership found inadequate as well.",
    "It was during 2017 that Ofsted rated Luton inadequate, with leadership also graded inadequate.",
])
def test_a_cleft_sentence_dates_its_verdicts_with_the_fronted_time(text):
    got = _ratings("Luton has been judged to require improvement.", text, published=date(2021, 3, 1))
    assert (LUTON, "leadership", "inadequate", 2017, True) in got
    assert not any(g == "inadequate" and y == 2021 for *_, g, y, _ in got)


@pytest.mark.parametrize("text", [
    "It was not until 2019 that Luton was judged good.",
    "Luton had to wait: it was not until 2019 that the service was rated good.",
    "It was only in 2019 that inspectors found Luton good.",
])
def test_not_until_is_a_verdict_given_not_a_negation(text):
    got = _ratings("Luton has now been rated outstanding.", text, published=date(2023, 9, 1))
    assert (LUTON, OVERALL, "good", 2019, True) in got


def test_a_plain_negation_still_gives_no_verdict():
    got = _ratings("Luton was not judged good in 2019.", published=date(2023, 9, 1))
    assert not any(g == "good" for *_, g, _, _ in got)


# --- "at the same inspection", "at the same time": the time the text gave last ---

@pytest.mark.parametrize("text", [
    "At the same inspection, services for looked after children were judged adequate.",
    "Looked after children were found adequate at the same inspection.",
    "At the same time, inspectors judged services for looked after children adequate.",
])
def test_at_the_same_inspection_takes_the_time_the_text_gave_last(text):
    got = _ratings("Luton's child protection services are now adequate, inspectors say.",
                   "The council has been watched closely since Ofsted rated its safeguarding inadequate in "
                   "November 2010.", text, published=date(2013, 5, 2))
    assert (LUTON, "looked_after", "requires_improvement", 2010, True) in got
    assert not any(j in ("looked_after", "children_in_care") and y == 2013 for _, j, _, y, _ in got)


# --- a judgement in a clause joined to a dated verdict: the same report ---

@pytest.mark.parametrize("text", [
    "Luton was judged good overall in May last year, but children in care only required improvement.",
    "Luton was rated good in May 2023, while children in care required improvement.",
    "Luton got good overall in May 2023; children in care, though, required improvement.",
])
def test_a_judgement_joined_to_a_dated_verdict_is_of_the_same_report(text):
    got = _ratings("Hackney's report came out this month: good in every area.", text, published=date(2024, 9, 2))
    assert (LUTON, "children_in_care", "requires_improvement", 2023, True) in got
    assert not any(c == LUTON and y == 2024 for c, _, _, y, _ in got)


@pytest.mark.parametrize("text", [
    "Luton was rated good in May 2023, but children in care now require improvement.",
    "Luton was rated good in May 2023, but today children in care require improvement.",
    "Luton was rated good in May 2023, but children in care have since been judged to require improvement.",
])
def test_a_joined_judgement_of_today_keeps_the_documents_time(text):
    got = _ratings(text, published=date(2024, 9, 2))
    assert (LUTON, "children_in_care", "requires_improvement", 2023, True) not in got


# --- councils each with its month and year, after a verdict they share ---

@pytest.mark.parametrize("text", [
    "Both had been rated requires improvement at their previous inspections, Luton in March 2019 and Sheffield in "
    "April 2021.",
    "Each had required improvement last time round: Luton in March 2019, Sheffield in April 2021.",
    "The two had been judged to require improvement before - Luton in early 2019 and Sheffield in April 2021.",
])
def test_councils_each_with_a_month_and_year_share_the_verdict_with_their_own_years(text):
    got = _ratings("Luton and Sheffield were both found to be good overall.", text, published=date(2024, 7, 15))
    earlier = {(c, y) for c, j, g, y, h in got if g == "requires_improvement"}
    assert earlier == {(LUTON, 2019), (SHEFFIELD, 2021)}


# --- a year opening the conjunct a verdict stands in ---

@pytest.mark.parametrize("text", [
    "The single inspection two years later said much the same, and in January 2018, after a long wait, inspectors "
    "came back and found overall effectiveness inadequate, with adoption judged inadequate too.",
    "A monitoring visit followed a year later, but in the autumn of 2018 the full inspection found overall "
    "effectiveness inadequate, with adoption graded inadequate as well.",
    "Little changed for a while after that report, but by late 2018 inspectors had rated overall effectiveness "
    "inadequate, with adoption inadequate too.",
])
def test_a_year_opening_the_conjunct_dates_its_verdict_over_an_earlier_count(text):
    got = _ratings("Luton has been judged good.",
                   "In 2013 a child protection inspection found Luton's safeguarding inadequate.", text,
                   published=date(2025, 6, 10))
    assert (LUTON, OVERALL, "inadequate", 2018, True) in got
    assert (LUTON, "adoption", "inadequate", 2018, True) in got
    assert not any(y == 2015 for *_, y, _ in got)


# --- a grade returned to is of a later time than the verdict before it ---

@pytest.mark.parametrize("text", [
    "Members recalled that the 2019 inspection had rated Luton requires improvement overall, and welcomed the return "
    "to good.",
    "Luton was judged to require improvement in 2019, and the cabinet member celebrated a return to good.",
    "In 2019 Luton was rated requires improvement, and councillors hailed its return to good.",
])
def test_a_grade_returned_to_is_not_of_the_earlier_verdicts_time(text):
    got = _ratings(text, published=date(2024, 10, 9))
    assert (LUTON, OVERALL, "requires_improvement", 2019, True) in got
    assert (LUTON, OVERALL, "good", 2024, False) in got
    assert not any(g == "good" and y == 2019 for *_, g, y, _ in got)


# --- a lead-in naming a council and a time: the paragraph goes on in that time ---

@pytest.mark.parametrize("text", [
    "Luton, October: good overall, with care leavers good. Help and protection was requires improvement, which "
    "says where the strain is.",
    "Luton, last November - good overall. Help and protection required improvement, though.",
    "Luton, October 2023: good overall and good for care leavers. Help and protection was only requires "
    "improvement.",
])
def test_a_lead_in_time_goes_on_through_its_paragraph(text):
    got = _ratings("Wigan in February: requires improvement in all five.", text, published=date(2024, 8, 10))
    assert (LUTON, "help_and_protection", "requires_improvement", 2023, True) in got
    assert not any(c == LUTON and y == 2024 for c, _, _, y, _ in got)


def test_a_lead_in_time_does_not_reach_the_next_paragraph():
    got = _ratings("Luton, October: good overall.", "Sheffield has now been judged to require improvement.",
                   published=date(2024, 8, 10))
    assert (SHEFFIELD, OVERALL, "requires_improvement", 2024, False) in got


# --- an undated earlier grade never takes a year the text gives another grade ---

@pytest.mark.parametrize("text", [
    "The council hopes the next full inspection will find it has moved out of inadequate.",
    "Leaders said they were determined to leave the inadequate rating behind.",
    "Luton is no longer judged inadequate, its cabinet member said.",
])
def test_an_undated_grade_left_behind_does_not_take_the_year_of_another_grade(text):
    got = _ratings("A report in 2018 found that Luton required improvement.", text, published=date(2025, 3, 21))
    assert (LUTON, OVERALL, "requires_improvement", 2018, True) in got
    assert not any(g == "inadequate" and y == 2018 for *_, g, y, _ in got)


# --- a grade left behind at several dated inspections: one verdict per year ---

@pytest.mark.parametrize("text", [
    "Luton has been rated good - a step up from the requires improvement grade given in December 2021, and in 2016 "
    "before that.",
    "Luton has moved out of requires improvement, the grade it got in 2016 and again in 2021.",
    "Luton has shed the requires improvement grade it was given in March 2016 and in 2021.",
])
def test_a_grade_left_behind_in_several_years_is_one_verdict_per_year(text):
    got = _ratings(text, published=date(2024, 12, 17))
    assert {y for c, j, g, y, h in got if g == "requires_improvement" and h} == {2016, 2021}


# --- a judgement joined by a dash to a dated verdict ---

@pytest.mark.parametrize("text", [
    "The exception is Luton, where care leavers were judged good in November - and the weak spot was help and "
    "protection, which requires improvement.",
    "Luton's care leavers judgement in November was good - while help and protection required improvement.",
    "In November Luton's care leavers were rated good – but help and protection was only requires improvement.",
])
def test_a_judgement_joined_by_a_dash_is_of_the_same_report(text):
    got = _ratings(text, published=date(2025, 5, 2))
    assert (LUTON, "help_and_protection", "requires_improvement", 2024, True) in got
    assert not any(y == 2025 for *_, y, _ in got)


# --- a year as the subject of the verdict's sentence ---

@pytest.mark.parametrize(("text", "year"), [
    ("Luton has had a rough ride: 2016 was inadequate overall.", 2016),
    ("Then 2018 came and Luton was rated requires improvement.", 2018),
    ("For Luton, March 2017 saw it judged inadequate.", 2017),
])
def test_a_year_as_the_subject_dates_the_verdict(text, year):
    got = _ratings("Luton has now been rated good.", text, published=date(2024, 3, 24))
    assert any(c == LUTON and y == year and h for c, _, _, y, h in got)
    assert not any(g != "good" and y == 2024 for *_, g, y, _ in got)


@pytest.mark.parametrize("text", [
    "That makes three in a row for Luton: 2015 was requires improvement, and so was January 2019.",
    "Luton: March 2015 was requires improvement and so was 2019.",
    "Luton had been rated requires improvement in 2015, and so was 2019.",
])
def test_and_so_was_a_year_gives_the_same_grade_that_year(text):
    got = _ratings("Luton has been judged requires improvement again.", text, published=date(2024, 3, 24))
    assert {y for c, j, g, y, h in got if h} == {2015, 2019}


# --- a count back between the year a verdict took and its grade counts back from that year ---

@pytest.mark.parametrize("text", [
    "The 2022 inadequate judgement followed a report four years earlier which found Luton required improvement.",
    "Luton's 2022 inadequate rating came after an inspection four years earlier that judged it to require "
    "improvement.",
    "In 2022 the verdict was inadequate; a report four years before that had found Luton required improvement.",
])
def test_a_count_back_after_a_named_year_counts_back_from_it(text):
    got = _ratings("Inspectors made a monitoring visit to Luton in February.", text, published=date(2025, 3, 21))
    assert (LUTON, OVERALL, "requires_improvement", 2018, True) in got
    assert not any(g == "requires_improvement" and y == 2022 for *_, g, y, _ in got)
