"""Time and status, third round: times stressed as near or far ("as recently as 2014"), a month and year fronted
("In November 2017 ..."), a "when" clause set in the year before it ("a good grade in 2017, when ..."), "even then"
for the time just given, and a time the sentence opens with (also after "X said that" or after its subject, "X,
in August last year, ...") scoping the clauses coordinated after it ("... but that ...", "- and ...").

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON, SHEFFIELD, CUMBRIA, HARINGEY = "E06000032", "E08000019", "E10000006", "E09000014"
PUBLISHED = date(2024, 5, 1)
OVERALL = "overall_effectiveness"


def _ratings(*paragraphs: str, published: date = PUBLISHED) -> set:
    return rating_rows(list(paragraphs), published)


# --- "as recently as 2014": a time stressed as near or far dates the verdict, before or after it ---

@pytest.mark.parametrize(("text", "council", "judgement", "grade", "year"), [
    ("Luton is now rated good. As recently as 2016, inspectors found the council's services inadequate.",
     LUTON, OVERALL, "inadequate", 2016),
    ("Sheffield is now outstanding. Councillors recalled that its care leavers had been judged inadequate as "
     "recently as 2015.", SHEFFIELD, "care_leavers", "inadequate", 2015),
    ("Cumbria has been rated good. As long ago as 2012 the county's services were judged adequate.",
     CUMBRIA, "safeguarding", "requires_improvement", 2012),
    ("Haringey is now good. The borough was still rated inadequate as late as 2018.",
     HARINGEY, OVERALL, "inadequate", 2018),
])
def test_a_time_stressed_as_near_or_far_dates_the_verdict(text, council, judgement, grade, year):
    got = _ratings(text)
    earlier = {r for r in got if r[2] == grade}
    assert {(r[0], r[3], r[4]) for r in earlier} == {(council, year, True)}
    assert any(r[1] == judgement or judgement == "safeguarding" for r in earlier)
    assert not any(not h and y != PUBLISHED.year for _, _, _, y, h in got)


# --- "In November 2017 ...": a month and year (or "early 2017") fronted ---

@pytest.mark.parametrize(("text", "grade", "year"), [
    ("Luton has been rated inadequate. In November 2017 the borough's services were judged good overall.",
     "good", 2017),
    ("Luton is now outstanding. In early 2019 the council had been rated requires improvement.",
     "requires_improvement", 2019),
    ("Luton has fallen to inadequate. In March 2020, inspectors judged the authority good.", "good", 2020),
])
def test_a_fronted_month_and_year_dates_the_verdict(text, grade, year):
    got = _ratings(text)
    assert (LUTON, OVERALL, grade, year, True) in got
    assert not any(g == grade and not h for _, _, g, _, h in got)


# --- "in 2017, when ...": a "when" clause set in the year before it ---

@pytest.mark.parametrize(("text", "judgement", "grade", "year"), [
    ("Sheffield is rated outstanding. It builds on a good grade in 2019, when adoption was judged outstanding too.",
     "adoption", "outstanding", 2019),
    ("Sheffield is now rated good. The previous inspection was in 2018, when the help and protection judgement "
     "was inadequate.", "help_and_protection", "inadequate", 2018),
    ("Sheffield has been judged outstanding. Inspectors last came in March 2016, when they found the council "
     "inadequate.", OVERALL, "inadequate", 2016),
])
def test_a_when_clause_takes_the_year_before_it(text, judgement, grade, year):
    got = _ratings(text)
    assert (SHEFFIELD, judgement, grade, year, True) in got
    assert not any(j == judgement and g == grade and not h for _, j, g, _, h in got)


def test_a_when_clause_in_the_present_is_not_set_in_that_year():
    got = _ratings("Sheffield was rated requires improvement in 2019, when leaders had just arrived; today, when "
                   "the council is rated good, they are still there.")
    assert (SHEFFIELD, OVERALL, "good", PUBLISHED.year, False) in got


# --- "even then", "at that point": the time just given ---

@pytest.mark.parametrize("text", [
    "Cumbria was found inadequate in 2016. Its adoption service was good even then.",
    "In 2016 inspectors rated Cumbria inadequate overall. At that point, though, adoption was judged good.",
    "Cumbria fell to inadequate in 2016. Adoption, even then, was rated good.",
])
def test_even_then_is_the_time_just_given(text):
    got = _ratings(text)
    assert (CUMBRIA, "adoption", "good", 2016, True) in got
    assert (CUMBRIA, OVERALL, "inadequate", 2016, True) in got
    assert not any(not h for *_, h in got)


# --- a time the sentence opens with scopes the clauses coordinated after it ---

@pytest.mark.parametrize("text", [
    "She reminded members that at the last inspection, in 2019, Haringey had been judged good overall but that "
    "care leavers had been judged to require improvement.",
    "Haringey is now outstanding. Last time, in a shorter inspection published in May 2019, the council was rated "
    "good, but the help given to care leavers was found to require improvement.",
    "Haringey, in its inspection in 2019, was rated good - and its care leavers service was judged to require "
    "improvement.",
])
def test_a_time_the_sentence_opens_with_scopes_the_clauses_after_it(text):
    got = _ratings(text)
    assert (HARINGEY, "care_leavers", "requires_improvement", 2019, True) in got
    assert not any(g == "requires_improvement" and not h for _, _, g, _, h in got)


@pytest.mark.parametrize(("text", "year"), [
    ("Luton, in August last year, was judged good - and its adoption service was rated outstanding.", 2023),
    ("Luton, two years ago, was rated good, and adoption was judged outstanding.", 2022),
    ("The director said that last year Luton was rated good and that its adoption work was judged outstanding.",
     2023),
])
def test_a_relative_time_the_sentence_opens_with_scopes_the_clauses_after_it(text, year):
    got = _ratings(text)
    assert (LUTON, "adoption", "outstanding", year, True) in got


@pytest.mark.parametrize("text", [
    "At the last inspection, in 2019, Luton was rated requires improvement, but it has now been judged good.",
    "At its previous inspection in 2019 Luton required improvement, but this time inspectors rated it good.",
    "In 2019 Luton was judged to require improvement; today its services are rated good.",
])
def test_a_clause_of_today_keeps_its_own_time(text):
    got = _ratings(text)
    assert (LUTON, OVERALL, "good", PUBLISHED.year, False) in got
    assert (LUTON, OVERALL, "requires_improvement", 2019, True) in got
