"""Time and status, fifth round: "three days earlier" is no earlier inspection, "the last time X was inadequate was
in 2014", a "when" clause after a year and a phrase ("in 2016 under the old framework, when ..."), "last spring" (the
spring before this one), and a time after "since" that is no visit ("the first inspection since the council was
created in April 2023").

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


# --- days or weeks earlier: the same round of news, not an earlier inspection ---

@pytest.mark.parametrize("text", [
    "Luton's report, published three days earlier, was equally bleak: inadequate overall and for leadership.",
    "A week earlier Luton had been rated inadequate.",
    "Luton, whose report came out two weeks earlier, was judged inadequate.",
])
def test_days_or_weeks_earlier_is_the_news(text):
    got = _ratings("Sheffield has been rated inadequate.", text, published=date(2024, 2, 19))
    assert (LUTON, OVERALL, "inadequate", 2024, False) in got
    assert not any(h for *_, h in got)


# --- "the last time X was inadequate was in 2014" ---

@pytest.mark.parametrize(("text", "grade", "year"), [
    ("The last time Luton was inadequate was in 2014.", "inadequate", 2014),
    ("The last time Luton was outstanding was in March 2012.", "outstanding", 2012),
    ("Luton is rated good. The only time Luton was inadequate was in 2015.", "inadequate", 2015),
])
def test_the_last_time_a_council_had_a_grade_was_in_a_year(text, grade, year):
    assert (LUTON, OVERALL, grade, year, True) in _ratings(text, published=date(2025, 1, 21))


# --- "in 2016 under the old framework, when ...": the year before a "when" clause, with a phrase between ---

@pytest.mark.parametrize(("text", "judgement", "year"), [
    ("Sheffield required improvement in 2016 under the old framework, when its adoption work was rated good.",
     "adoption", 2016),
    ("Sheffield was last inspected in 2017 at a short inspection, when its care leavers service was judged good.",
     "care_leavers", 2017),
    ("Members recalled Sheffield's inspection in 2015 under the single framework, when leadership was rated good.",
     "leadership", 2015),
])
def test_a_when_clause_after_a_year_and_a_phrase_takes_that_year(text, judgement, year):
    got = _ratings(text, published=date(2023, 5, 21))
    assert (SHEFFIELD, judgement, "good", year, True) in got


# --- "last spring": the spring before this one ---

@pytest.mark.parametrize(("text", "published", "year"), [
    ("Cumbria was good last spring.", date(2023, 5, 21), 2022),
    ("Cumbria, inspected last summer, was rated good.", date(2023, 5, 21), 2022),
    ("Cumbria was judged good last autumn.", date(2024, 2, 10), 2023),
])
def test_last_season_is_the_one_before_this(text, published, year):
    assert (CUMBRIA, OVERALL, "good", year, True) in _ratings(text, published=published)


# --- a time after "since" is no visit ---

@pytest.mark.parametrize("text", [
    "Haringey's children's services have been judged good in the first full Ofsted inspection since the council "
    "restructured its front door in April 2023.",
    "Haringey has been rated good, its first inspection since a new director arrived in May 2023.",
    "Haringey has been judged good at the first inspection since the service came back in house in June 2023.",
])
def test_a_time_after_since_is_no_visit(text):
    got = _ratings(text, published=date(2024, 7, 12))
    assert (HARINGEY, OVERALL, "good", 2024, False) in got
