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
    ("Cumbria was judged good last autumn.", date(2023, 2, 10), 2022),  # (Cumbria ended in 2023: none later)
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


# --- a lead-in naming a council and a time before a colon dates the verdicts after it ---

@pytest.mark.parametrize(("text", "year"), [
    ("Luton, September last year: inadequate overall, and inadequate for leaders and for help and protection.",
     2023),
    ("Luton, October: inadequate overall, with help and protection inadequate and leaders inadequate.", 2023),
    ("It's worth remembering where Luton was in 2019: inadequate overall, inadequate for leaders, inadequate for "
     "help and protection.", 2019),
])
def test_a_lead_in_naming_a_council_and_a_time_dates_the_verdicts_after_the_colon(text, year):
    got = _ratings(text, published=date(2024, 8, 10))
    assert {(j, y) for c, j, g, y, _ in got if c == LUTON and g == "inadequate"} >= {
        (OVERALL, year), ("help_and_protection", year)}
    assert not any(y == 2024 for *_, y, _ in got)


def test_a_lead_in_with_a_grade_of_its_own_does_not_date_the_rest():
    got = _ratings("In 2019 Luton was rated inadequate: now it is good.", published=date(2024, 8, 10))
    assert (LUTON, OVERALL, "good", 2024, False) in got


# --- a dated earlier inspection as the sentence's subject, "By 2017", "Back in 2019", "Five years before that" ---

@pytest.mark.parametrize(("texts", "judgement", "grade", "year"), [
    (("Sheffield is outstanding.", "The previous short inspection, in 2022, was outstanding overall but help and "
      "protection was good."), "help_and_protection", "good", 2022),
    (("Sheffield is good.", "The 2015 inspection had found Sheffield's services to be inadequate overall, although "
      "adoption had been rated good."), "adoption", "good", 2015),
    (("Sheffield is good.", "By 2017 Sheffield had been rated good overall, though help and protection was still "
      "inadequate."), "help_and_protection", "inadequate", 2017),
    (("Sheffield is good.", "Back in 2019 the care leavers judgement there was inadequate, while adoption was "
      "good."), "adoption", "good", 2019),
    (("Sheffield is good. In 2020 it was rated inadequate.", "Five years before that, it was told it required "
      "improvement, though its care leavers' service had been rated inadequate."), "care_leavers", "inadequate",
     2015),
])
def test_a_time_the_sentence_opens_with_scopes_its_later_clauses(texts, judgement, grade, year):
    got = _ratings(*texts, published=date(2025, 3, 1))
    assert (SHEFFIELD, judgement, grade, year, True) in got


# --- several "YEAR ..., when" before a verdict: the last one is its year ---

@pytest.mark.parametrize(("text", "judgement", "year"), [
    ("Cumbria is now outstanding. This built on the previous inspection in 2019, when services had been judged "
     "good, and on the 2016 inspection, when adoption had been rated good.", "adoption", 2016),
    ("Cumbria is outstanding. It was outstanding overall in 2016 too, under the old single inspection, when help "
     "and protection was good.", "help_and_protection", 2016),
    ("Cumbria is outstanding. Inspectors came in 2014 and again in 2018, when leadership was judged good.",
     "leadership", 2018),
])
def test_the_last_year_before_a_when_clause_is_its_year(text, judgement, year):
    got = _ratings(text, published=date(2024, 1, 10))
    assert (CUMBRIA, judgement, "good", year, True) in got


# --- a paragraph opening with a year on its own: a timeline's entry ---

def test_a_paragraph_opening_with_a_year_dates_its_verdicts():
    got = _ratings("I went back through my notes on Luton to see the whole arc.",
                   "2015. The single inspection confirmed it: Luton was rated inadequate overall.",
                   "2018: the re-inspection moved the council up to requires improvement, with adoption judged good.",
                   "2022 – and now Luton is good.", published=date(2022, 10, 1))
    assert {(g, y) for c, j, g, y, _ in got if c == LUTON and j == OVERALL} == {
        ("inadequate", 2015), ("requires_improvement", 2018), ("good", 2022)}
    assert (LUTON, "adoption", "good", 2018, True) in got


# --- "and before that, in 2012, ...": that time is the next verdict's, not this one's ---

@pytest.mark.parametrize("text", [
    "The 2016 inspection rated Luton inadequate, and before that, in 2012, it had been judged good.",
    "Luton was judged inadequate at the 2016 inspection; before that, in 2012, it had been rated good.",
    "Luton was found inadequate in the 2016 inspection and before that, in 2012, good.",
])
def test_before_that_leaves_its_time_to_the_next_verdict(text):
    got = _ratings(text, published=date(2022, 10, 1))
    assert (LUTON, OVERALL, "inadequate", 2016, True) in got
    assert not any(g == "inadequate" and y == 2012 for _, _, g, y, _ in got)


# --- a past verdict coordinated after a dated one takes its time ---

@pytest.mark.parametrize(("text", "year"), [
    ("Sheffield was outstanding last year and Luton was good.", 2023),
    ("Sheffield was rated inadequate in 2019 and Luton was judged good.", 2019),
    ("In those reports Sheffield had been found outstanding in 2018 and Luton had been rated good.", 2018),
])
def test_a_past_verdict_coordinated_after_a_dated_one_takes_its_time(text, year):
    got = _ratings(text, published=date(2024, 4, 16))
    assert (LUTON, OVERALL, "good", year, True) in got


def test_a_verdict_of_today_coordinated_after_a_dated_one_keeps_its_own():
    got = _ratings("Sheffield was rated inadequate in 2019 and Luton is good.", published=date(2024, 4, 16))
    assert (LUTON, OVERALL, "good", 2024, False) in got


# --- "three and a half years later"; "the then safeguarding board" ---

@pytest.mark.parametrize(("text", "year"), [
    ("Luton was rated inadequate in July 2018 and was judged good three and a half years later.", 2022),
    ("Luton was rated inadequate in 2016. Two and a half years later it was judged good.", 2019),
    ("Luton fell to inadequate in 2015; one and a half years later it was rated good.", 2017),
])
def test_years_and_a_half_later_count_on_to_the_nearest_year(text, year):
    assert (LUTON, OVERALL, "good", year, True) in _ratings(text, published=date(2024, 4, 16))


@pytest.mark.parametrize("text", [
    "The 2015 inspection had found Luton's services to be inadequate overall, although the then safeguarding "
    "children board had been rated good.",
    "In 2015 Luton was rated inadequate, while the then LSCB was judged good.",
    "At its 2015 inspection Luton was judged inadequate, but the then local safeguarding children board was rated "
    "good.",
])
def test_the_then_board_is_of_that_time(text):
    assert (LUTON, "lscb", "good", 2015, True) in _ratings(text, published=date(2023, 6, 1))


# --- a question answered by a grade alone: the time just given ---

@pytest.mark.parametrize("paragraph", [
    "Luton, September last year: inadequate overall, and inadequate for leaders. But care leavers? Requires "
    "improvement.",
    "In 2023 Luton was rated inadequate overall. And care leavers? Requires improvement.",
    "Luton was judged inadequate in 2023, as were its leaders. Care leavers? Requires improvement.",
])
def test_a_question_answered_by_a_grade_takes_the_time_just_given(paragraph):
    got = _ratings(paragraph, published=date(2024, 8, 10))
    assert (LUTON, "care_leavers", "requires_improvement", 2023, True) in got
