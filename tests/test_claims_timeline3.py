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


# --- "later that year", "at the end of that year": the year the text last gave ---

@pytest.mark.parametrize("text", [
    "In March 2018 Luton was judged inadequate. Sheffield, by contrast, had been rated outstanding at the end of "
    "that year.",
    "Luton fell to inadequate in 2018. Later that year Sheffield was judged outstanding.",
    "Luton was rated inadequate in 2018; Sheffield had been rated outstanding earlier that year.",
])
def test_a_part_of_that_year_is_the_year_last_given(text):
    got = _ratings(text)
    assert (SHEFFIELD, OVERALL, "outstanding", 2018, True) in got
    assert (LUTON, OVERALL, "inadequate", 2018, True) in got


# --- a season of a year ---

@pytest.mark.parametrize(("text", "year"), [
    ("Luton is now good. In the summer of 2016 inspectors had rated the council inadequate.", 2016),
    ("Luton is now good. The authority had been judged inadequate in autumn 2015.", 2015),
    ("Luton is now good. An inspection in spring 2017 found its services inadequate.", 2017),
])
def test_a_season_of_a_year_dates_the_verdict(text, year):
    assert (LUTON, OVERALL, "inadequate", year, True) in _ratings(text)


# --- "the inspection of summer 2016, which rated ...": a relative clause on a dated inspection ---

@pytest.mark.parametrize(("text", "year"), [
    ("Haringey is rated outstanding. That was a long way from the single inspection of summer 2016, which rated "
     "the council inadequate.", 2016),
    ("Haringey is rated outstanding. Members recalled the unannounced inspection of January 2013, which had found "
     "the council inadequate.", 2013),
    ("Haringey is rated outstanding, a turnaround since a damning report in 2014, which judged the council "
     "inadequate.", 2014),
])
def test_a_which_clause_on_a_dated_inspection_takes_its_year(text, year):
    got = _ratings(text)
    assert (HARINGEY, OVERALL, "inadequate", year, True) in got
    assert (HARINGEY, OVERALL, "outstanding", PUBLISHED.year, False) in got


# --- "..., and that in 2016 it had been judged ...": reported clauses, each with its own time ---

@pytest.mark.parametrize(("text", "first", "second"), [
    ("The Committee was reminded that the previous inspection in 2019 had also found Luton's services to require "
     "improvement, and that in 2016 they had been judged inadequate.", ("requires_improvement", 2019),
     ("inadequate", 2016)),
    ("Members heard that Luton had been rated good in 2020, and that in 2017 the council had been judged "
     "inadequate.", ("good", 2020), ("inadequate", 2017)),
    ("She said that the 2018 inspection had rated Luton good, and that the inspection before it, in 2015, had "
     "judged the council inadequate.", ("good", 2018), ("inadequate", 2015)),
])
def test_reported_clauses_each_keep_their_own_time(text, first, second):
    got = _ratings(text)
    assert (LUTON, OVERALL, *first, True) in got
    assert (LUTON, OVERALL, *second, True) in got
    assert not any(not h for *_, h in got)


def test_and_that_as_a_determiner_opens_no_reported_clause():
    got = _ratings("Luton's services were judged inadequate overall. But inspectors said children in care were "
                   "well looked after, and that part of the service was rated good.")
    assert (LUTON, "children_in_care", "good", PUBLISHED.year, False) in got
    assert (LUTON, OVERALL, "good", PUBLISHED.year, False) not in got


# --- an earlier inspection named after the verdict's judgements dates it ---

@pytest.mark.parametrize(("text", "year"), [
    ("Cumbria now requires improvement. The county had been rated good for both safeguarding and looked-after "
     "children at its previous inspection, in 2010.", 2010),
    ("Cumbria now requires improvement. Its services for looked after children and for child protection had been "
     "judged good at the last inspection carried out in 2011.", 2011),
    ("Cumbria now requires improvement. Officers noted that the county had received good judgements for "
     "safeguarding and for looked after children under the previous framework's inspection in 2012.", 2012),
])
def test_an_earlier_inspection_named_after_the_judgements_dates_the_verdict(text, year):
    got = _ratings(text, published=date(2015, 6, 1))
    assert (CUMBRIA, "safeguarding", "good", year, True) in got
    assert not any(g == "good" and not h for _, _, g, _, h in got)


# --- a year named after the news verdict is the time the text goes on to ---

@pytest.mark.parametrize("text", [
    "Sheffield has been rated good, completing a climb that began when the council was placed in intervention in "
    "2016. Back then, inspectors found the service inadequate.",
    "Sheffield is now good, eight years after ministers stepped in in 2016. At that time the council was judged "
    "inadequate.",
    "Sheffield has been judged good - a long way from where it stood in 2016. Even then, though, its adoption "
    "service was rated good.",
])
def test_a_year_named_after_the_news_is_the_time_the_text_goes_on_to(text):
    got = _ratings(text)
    assert any(c == SHEFFIELD and y == 2016 and h for c, _, _, y, h in got)
    assert (SHEFFIELD, OVERALL, "good", PUBLISHED.year, False) in got
