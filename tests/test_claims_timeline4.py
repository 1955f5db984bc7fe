"""Time and status, fourth round: a month or season named without its year ("last July", "in November", "last
summer"), a previous inspection dated by a count back ("in a report published four years ago"), the publication of
the report a document is about ("the report was published on 19 December 2019" in February's minutes), an earlier
grade's stated year dating the undated ones, grades given again at later inspections ("and again at the
re-inspection in January 2018"), "now X, eight years after being rated Y", a dated "an authority rated ...", and
grades only possible or asked about ("the prospect of an outstanding grade", "asked whether it could be found
inadequate").

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON, SHEFFIELD, CUMBRIA, HARINGEY = "E06000032", "E08000019", "E10000006", "E09000014"
OVERALL = "overall_effectiveness"


def _ratings(*paragraphs: str, published: date) -> set:
    return rating_rows(list(paragraphs), published)


# --- a month or season without its year: the latest before the document, unless it is the news's own ---

@pytest.mark.parametrize(("text", "judgement", "grade"), [
    ("Luton, in its first inspection last July: good overall, and requires improvement for care leavers.",
     "care_leavers", "requires_improvement"),
    ("The exception is Luton, where the care leavers judgement in November was good.", "care_leavers", "good"),
    ("Luton's current grade, from the short inspection last summer, is outstanding overall.", OVERALL,
     "outstanding"),
])
def test_a_month_without_its_year_is_the_latest_before_the_document(text, judgement, grade):
    got = _ratings(text, published=date(2025, 5, 2))
    assert (LUTON, judgement, grade, 2024, True) in got
    assert not any(y == 2025 for *_, y, _ in got)


@pytest.mark.parametrize("text", [
    "Luton has been rated good after inspectors visited in November.",
    "Luton was judged good in December, the report published this week says.",
    "Inspectors who spent two weeks with Luton's teams in late November rated the council good.",
])
def test_a_month_just_before_the_document_is_the_news(text):
    assert (LUTON, OVERALL, "good", 2025, False) in _ratings(text, published=date(2025, 1, 14))


def test_a_month_with_its_year_keeps_that_year():
    got = _ratings("Luton is now outstanding. It was judged good when it was last inspected, in a report published "
                   "in March 2020.", published=date(2024, 7, 1))
    assert (LUTON, OVERALL, "good", 2020, True) in got


# --- the previous inspection dated by a count back from the document ---

@pytest.mark.parametrize(("text", "year"), [
    ("Luton had been judged to require improvement when it was last inspected under the old framework, in a report "
     "published four years ago.", 2016),
    ("At its previous inspection, three years ago, the council required improvement.", 2017),
    ("When Ofsted last visited, two years ago, the council was told it required improvement.", 2018),
])
def test_a_previous_inspection_counted_back_dates_the_earlier_grade(text, year):
    got = _ratings("Luton has been rated inadequate.", text, published=date(2020, 2, 24))
    assert (LUTON, OVERALL, "requires_improvement", year, True) in got
    assert (LUTON, OVERALL, "inadequate", 2020, False) in got


# --- the report the document is about, published in the year before the document ---

@pytest.mark.parametrize("text", [
    "The short inspection took place in November 2019 and the report was published on 19 December 2019. All four "
    "judgements for Sheffield were requires improvement to be good.",
    "The report, published on 11 December 2019, judged Sheffield's services to require improvement overall.",
    "The inspection report was published on 2 December 2019. Sheffield's overall effectiveness was judged to "
    "require improvement to be good.",
])
def test_the_reports_publication_dates_the_current_grade(text):
    got = _ratings(text, published=date(2020, 2, 11))
    assert (SHEFFIELD, OVERALL, "requires_improvement", 2019, False) in got
    assert not any(y == 2020 for *_, y, _ in got)


def test_a_previous_reports_publication_does_not_date_the_news():
    got = _ratings("Sheffield has been rated good. The previous report, published in December 2019, had judged it "
                   "to require improvement.", published=date(2020, 2, 11))
    assert (SHEFFIELD, OVERALL, "good", 2020, False) in got


# --- an earlier grade's stated year dates the undated ones ---

@pytest.mark.parametrize("text", [
    "The overall judgement for Haringey remained good, the same as at the 2018 inspection. The impact of leaders, "
    "judged outstanding last time, now required improvement.",
    "Haringey's overall grade was good, as it was at the 2018 inspection. Leadership, previously outstanding, was "
    "now judged to require improvement.",
    "Haringey kept the good grade it was given in 2018. Its leadership had been judged outstanding at the previous "
    "inspection but now requires improvement.",
])
def test_an_earlier_grades_stated_year_dates_the_undated_ones(text):
    got = _ratings(text, published=date(2023, 5, 22))
    assert (HARINGEY, "leadership", "outstanding", 2018, True) in got


# --- a grade given again at later inspections ---

@pytest.mark.parametrize(("text", "years"), [
    ("Cabinet was reminded that Cumbria's services had been found inadequate in 2015 and again at the "
     "re-inspection in January 2018.", {2015, 2018}),
    ("Cumbria was judged inadequate in 2015 and again at its next full inspection in 2018, and before that in the "
     "child protection inspection of 2013.", {2013, 2015, 2018}),
    ("Cumbria was rated inadequate in 2016 and again after a re-inspection in 2019.", {2016, 2019}),
])
def test_a_grade_given_again_at_a_later_inspection_takes_each_year(text, years):
    got = _ratings(text, published=date(2022, 7, 20))
    assert {y for c, _, g, y, h in got if c == CUMBRIA and g == "inadequate" and h} == years


# --- "now X, eight years after being rated Y": the count back is the earlier verdict's ---

@pytest.mark.parametrize("text", [
    "Kirklees children's services now 'good', eight years after being rated failing",
    "Kirklees is now good, eight years after it was judged inadequate.",
    "Kirklees now rated good, eight years after Ofsted found it inadequate",
])
def test_now_then_a_count_back_dates_the_earlier_verdict(text):
    got = _ratings(text, published=date(2024, 8, 28))
    assert ("E08000034", OVERALL, "inadequate", 2016, True) in got
    assert not any(g == "inadequate" and not h for _, _, g, _, h in got)


# --- "an authority rated inadequate in 2022": dated, one authority's verdict ---

@pytest.mark.parametrize(("text", "grade", "year"), [
    ("Luton was judged good, an extraordinary turnaround for an authority rated inadequate in 2020.", "inadequate",
     2020),
    ("Luton is now inadequate. The result is a steep fall for an authority that was rated good in every judgement "
     "five years ago.", "good", 2019),
    ("Luton is now good, a remarkable change for a council judged inadequate in early 2021.", "inadequate", 2021),
])
def test_a_dated_grade_of_an_authority_is_the_councils(text, grade, year):
    assert (LUTON, OVERALL, grade, year, True) in _ratings(text, published=date(2024, 1, 31))


def test_an_undated_grade_of_any_authority_is_no_councils():
    got = _ratings("Luton is now good. Any authority rated inadequate is visited every few months.",
                   published=date(2024, 1, 31))
    assert got == {(LUTON, OVERALL, "good", 2024, False)}


# --- grades only possible or asked about ---

@pytest.mark.parametrize("text", [
    "Luton had told councillors that it expected to remain good, and had been preparing for the possibility of an "
    "outstanding grade in some areas.",
    "Luton remains good; the prospect of an outstanding rating next time was discussed.",
    "Luton remains good, and officers put its chances of an outstanding judgement at no better than even.",
])
def test_a_grade_only_possible_is_none(text):
    got = _ratings(text, published=date(2024, 6, 1))
    assert not any(g == "outstanding" for _, _, g, _, _ in got)


@pytest.mark.parametrize("text", [
    "Luton was rated good. A member asked whether the front door could be found inadequate at a focused visit.",
    "Luton was rated good. A Member asked what an outstanding judgement would have required.",
    "Luton was rated good. Councillors wondered if the council would be judged outstanding next time.",
])
def test_a_reported_question_gives_no_grade(text):
    assert _ratings(text, published=date(2024, 6, 1)) == {(LUTON, OVERALL, "good", 2024, False)}


def test_a_reported_question_about_a_grade_given_keeps_it():
    got = _ratings("A member asked what had led to Luton being rated inadequate.", published=date(2024, 6, 1))
    assert (LUTON, OVERALL, "inadequate", 2024, False) in got


# --- an undated earlier grade takes the year the document gives that grade, before any other earlier year ---

@pytest.mark.parametrize("paragraphs", [
    ("From inadequate to good: Sheffield's long climb",
     "Sheffield has been rated good, completing a recovery that began when it was found inadequate in 2015. When "
     "inspectors last came, in 2018, they judged the council as requiring improvement."),
    ("Sheffield is no longer inadequate.",
     "Members were reminded that the council had been judged inadequate in 2015 and had required improvement in "
     "2018."),
    ("Sheffield has shed its inadequate rating.",
     "It was rated inadequate in 2015, then required improvement in 2018."),
])
def test_an_undated_earlier_grade_takes_the_year_given_to_that_grade(paragraphs):
    got = _ratings(*paragraphs, published=date(2022, 12, 2))
    assert {y for c, _, g, y, h in got if c == SHEFFIELD and g == "inadequate"} == {2015}


# --- "a week ago" is the news, not an earlier inspection ---

@pytest.mark.parametrize("text", [
    "The report on Luton came out a week or so ago: outstanding overall and outstanding for leadership.",
    "Luton's report, published a few days ago, rates the council outstanding.",
    "A fortnight ago Ofsted rated Luton outstanding.",
])
def test_a_few_days_ago_is_the_news(text):
    got = _ratings(text, published=date(2024, 5, 27))
    assert (LUTON, OVERALL, "outstanding", 2024, False) in got
    assert not any(h for *_, h in got)
