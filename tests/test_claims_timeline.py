"""Time and status of claims across a document: a grade left behind in other words ("shaken off", "no longer judged
to be"), a grade measured against an earlier one ("an improvement on"), an earlier time named in a clause ("last
time", "when I arrived"), a year that dates another event ("from ... in 2018", "since the last visit in 2017"), an
inserted clause about an earlier inspection, and the year of the previous inspection given anywhere in the article.

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON, SHEFFIELD, CUMBRIA = "E06000032", "E08000019", "E10000006"
PUBLISHED = date(2022, 9, 1)


def _ratings(*paragraphs: str, published: date = PUBLISHED, title: str = "Children's services inspection") -> set:
    return rating_rows(list(paragraphs), published, title)


# --- a grade left behind, in words the transition rules did not know ---

@pytest.mark.parametrize("text", [
    "Sheffield's services are no longer judged to be inadequate.",
    "Sheffield has shaken off its inadequate rating.",
    "Sheffield has finally shed the 'inadequate' label it carried for four years.",
    "Sheffield is no longer rated as inadequate by Ofsted.",
])
def test_a_grade_left_behind_is_no_current_grade(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "inadequate", None, True) in got
    assert not any(g == "inadequate" and not h for *_, g, _, h in got)


# --- a grade measured against an earlier one ---

@pytest.mark.parametrize("text", [
    "Luton was judged good, an improvement on the inadequate rating it received last time.",
    "Luton has been rated good, an improvement on its previous inadequate grade.",
    "Luton is now judged good - a big step up on the inadequate rating it was given before.",
])
def test_a_grade_improved_on_is_an_earlier_grade(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "inadequate", None, True) in got
    assert not any(g == "inadequate" and not h for *_, g, _, h in got)


# --- an earlier time named in the verdict's own clause ---

@pytest.mark.parametrize("text", [
    "Luton had been judged good last time but has now been rated outstanding.",
    "Rated good last time, Luton has now been judged outstanding.",
    "Luton, which was judged good the last time inspectors came, is now rated outstanding.",
])
def test_last_time_is_an_earlier_grade(text):
    got = _ratings(text)
    assert (LUTON, "overall_effectiveness", "outstanding", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "good", None, True) in got
    assert not any(g == "good" and not h for *_, g, _, h in got)


@pytest.mark.parametrize("text", [
    "When I arrived we were rated inadequate, and nobody thought we would turn it round.",
    "When she took over as director the service was judged inadequate.",
    "In those days we were rated inadequate and morale was low.",
])
def test_a_time_before_the_writer_came_is_an_earlier_grade(text):
    got = _ratings("I want to say something about our Ofsted result for Luton: we were judged good last week.", text,
                   title="A proud week for Luton")
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in got
    assert (LUTON, "overall_effectiveness", "inadequate", None, True) in got
    assert not any(g == "inadequate" and not h for *_, g, _, h in got)


# --- a year after the grade that dates another event ---

@pytest.mark.parametrize("text", [
    "Sheffield has improved its rating to good, from requires improvement in 2018.",
    "Sheffield has been rated good, up from requires improvement in 2018.",
    "Sheffield has climbed to good, from requires improvement at its 2018 inspection.",
])
def test_the_year_of_the_grade_left_is_not_the_new_grades(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "good", 2022, False) in got
    assert (SHEFFIELD, "overall_effectiveness", "requires_improvement", 2018, True) in got
    assert not any(g == "good" and h for *_, g, _, h in got)


@pytest.mark.parametrize("text", [
    "Sheffield has improved from inadequate to good since Ofsted's last visit in 2017.",
    "Sheffield is now rated good, having been inadequate since the inspection of 2017.",
    "Sheffield has gone from inadequate to good since inspectors were last in the city in 2017.",
])
def test_a_year_after_since_dates_the_earlier_visit(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "good", 2022, False) in got
    assert not any(g == "good" and (h or y == 2017) for _, _, g, y, h in got)


# --- an inserted clause about an earlier inspection stays with its own verdict ---

@pytest.mark.parametrize("text", [
    "The council, which was rated inadequate at its last inspection, has been judged good.",
    "Sheffield, judged inadequate at the previous inspection, has now been rated good.",
    "The authority, rated inadequate at its last full inspection in 2018, has been judged good.",
])
def test_an_inserted_earlier_verdict_leaves_the_main_verdict_current(text):
    got = _ratings("Sheffield City Council's children's services have been inspected.", text)
    assert (SHEFFIELD, "overall_effectiveness", "good", 2022, False) in got
    assert not any(g == "good" and h for *_, g, _, h in got)
    assert any(g == "inadequate" and h for *_, g, _, h in got)


# --- the previous inspection's year, given anywhere in the article, dates an undated earlier grade ---

@pytest.mark.parametrize("dating", [
    "Since its 2018 inspection the council has recruited 40 social workers.",
    "The previous inspection (2018) found serious weaknesses.",
    "Inspectors who last visited the council in 2018 found caseloads high.",
    "When Ofsted last visited, in March 2018, caseloads were high.",
])
def test_the_previous_inspection_year_dates_an_undated_earlier_grade(dating):
    got = _ratings("Cumbria has been rated good, having previously been judged inadequate.", dating)
    assert (CUMBRIA, "overall_effectiveness", "good", 2022, False) in got
    assert (CUMBRIA, "overall_effectiveness", "inadequate", 2018, True) in got


def test_a_year_of_something_else_does_not_date_the_earlier_grade():
    got = _ratings("Cumbria has been rated good, having previously been judged inadequate.",
                   "Since 2018 the council has recruited 40 social workers.")
    assert (CUMBRIA, "overall_effectiveness", "inadequate", None, True) in got


# --- a grade only expected, feared or escaped is no verdict ---

@pytest.mark.parametrize("text", [
    "Sheffield is likely to be rated inadequate, insiders fear.",
    "Sheffield was braced for an inadequate rating.",
    "Sheffield was predicted to be judged inadequate.",
    "Sheffield is on course to be judged good.",
])
def test_an_expected_grade_is_no_verdict(text):
    assert not any(not h for *_, h in _ratings(text))


@pytest.mark.parametrize("text", [
    "Sheffield feared an inadequate rating but was judged to require improvement.",
    "Sheffield was spared an inadequate rating and instead judged to require improvement.",
    "Sheffield, which had been bracing itself for an inadequate rating, was judged to require improvement.",
])
def test_a_grade_feared_or_spared_is_no_verdict_but_the_grade_given_is(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "requires_improvement", 2022, False) in got
    assert not any(g == "inadequate" for *_, g, _, _ in got)


# --- a grade regained or returned to is the current one ---

@pytest.mark.parametrize("text", [
    "Sheffield has regained the good rating it lost in 2017.",
    "Sheffield has returned to good after being rated requires improvement in 2019.",
    "Sheffield has won back its good grade, three years after losing it.",
])
def test_a_grade_regained_is_the_current_grade(text):
    got = _ratings(text)
    assert (SHEFFIELD, "overall_effectiveness", "good", 2022, False) in got
    assert not any(g == "good" and h for *_, g, _, h in got)


# --- a time counted back or on from the year the text last gave, not from the document's date ---

@pytest.mark.parametrize("later", [
    "The year before, it had been judged inadequate.",
    "A year earlier it had been judged inadequate.",
    "In the previous year it had been rated inadequate.",
])
def test_a_year_before_counts_back_from_the_year_last_given(later):
    got = _ratings("Luton was rated good in 2019.", later)
    assert (LUTON, "overall_effectiveness", "good", 2019, True) in got
    assert (LUTON, "overall_effectiveness", "inadequate", 2018, True) in got


@pytest.mark.parametrize("later", [
    "Three years before that, it had been judged inadequate.",
    "Three years earlier, inspectors had found it inadequate.",
    "It had been rated inadequate three years previously.",
])
def test_years_before_count_back_from_the_year_last_given(later):
    got = _ratings("Luton was rated good in 2019.", later)
    assert (LUTON, "overall_effectiveness", "inadequate", 2016, True) in got


def test_years_earlier_count_back_from_the_document_when_the_text_speaks_of_now():
    got = _ratings("In 2012 Luton appointed a new director.", "Luton has now been rated good.",
                   "Two years earlier it had been judged inadequate.")
    assert (LUTON, "overall_effectiveness", "inadequate", 2020, True) in got


@pytest.mark.parametrize("later", [
    "Eighteen months later it was rated as requiring improvement.",
    "Some 18 months on, inspectors judged it to require improvement.",
    "Twenty months later, it was judged to require improvement.",
])
def test_months_later_count_on_from_the_year_last_given(later):
    got = _ratings("Luton was judged inadequate in 2015.", later, "It is now rated good.")
    assert (LUTON, "overall_effectiveness", "requires_improvement", 2017, True) in got
    assert (LUTON, "overall_effectiveness", "good", 2022, False) in got


@pytest.mark.parametrize("later", [
    "The same year, its adoption service was rated good.",
    "That same year adoption was judged good.",
    "In the same year, inspectors judged adoption good.",
])
def test_the_same_year_refers_to_the_year_last_given(later):
    got = _ratings("Luton was judged inadequate in 2015.", later)
    assert (LUTON, "adoption", "good", 2015, True) in got
