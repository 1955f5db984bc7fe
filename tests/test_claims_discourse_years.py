"""The year a claim belongs to is the one the discourse gave last, not the page's: a verdict in an event close to a
dated clause ("in 2014, a few weeks after the report that judged it inadequate") is of that year, and "two years
later" counts on from it; "Specifically, ..." spells out the sentence before, in its time; a leading "last May" dates
its sentence; a year opening the next clause ("..., and in March 2017 ...") or a time before a colon ("recently:")
is not the verdict's; a count right after the verdict before is that one's. A grade given again or kept ("good,
which repeats its 2016 verdict", "kept good, the grade it had achieved in 2016") is today's and that year's.
Wordings written for these tests, read through the whole extraction."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON = "E06000032"
PUBLISHED = date(2021, 6, 10)


def _rows(*paragraphs: str) -> set[tuple]:
    return {(j, g, y) for c, j, g, y, _ in rating_rows(list(paragraphs), PUBLISHED) if c == LUTON}


@pytest.mark.parametrize("first", [
    "I started at Luton in the autumn of 2014, a few weeks after the report that judged the council inadequate.",
    "Luton's new director arrived in 2014, shortly after inspectors rated the service inadequate.",
    "We moved our team to Luton in 2014, just before Ofsted found the council inadequate.",
])
def test_a_verdict_close_to_a_dated_event_is_of_its_year_and_later_counts_from_it(first):
    rows = _rows(first, "Three years later the council was judged good.")
    assert ("overall_effectiveness", "inadequate", 2014) in rows
    assert ("overall_effectiveness", "good", 2017) in rows


@pytest.mark.parametrize("second", [
    "Specifically, help and protection was inadequate.",
    "In particular, the work with children who need help and protection was inadequate.",
    "Namely, services for children needing help and protection were judged inadequate.",
])
def test_an_elaboration_keeps_the_time_of_the_sentence_it_spells_out(second):
    rows = _rows("When the report came out in 2015, Luton was rated inadequate. " + second)
    assert ("help_and_protection", "inadequate", 2015) in rows


@pytest.mark.parametrize("text", [
    "And last October, at what proved a long inspection, the council was judged good.",
    "Last summer, after a fortnight of fieldwork, inspectors rated Luton good.",
    "But last autumn, when the inspection team finally came, the council was found to be good.",
])
def test_a_leading_month_or_season_dates_its_sentence(text):
    rows = _rows("Luton was rated inadequate in 2016.", text)
    assert ("overall_effectiveness", "good", 2020) in rows


@pytest.mark.parametrize("text", [
    "In 2013 Luton was found inadequate. Two years later inspectors rated it inadequate overall, and in January 2018 "
    "a re-inspection lifted it to requires improvement.",
    "In 2013 Luton was found inadequate. Two years later it was judged inadequate overall, and in the spring of 2018 "
    "the next inspection rated it requires improvement.",
])
def test_a_year_opening_the_next_clause_is_not_the_verdicts(text):
    rows = _rows(text)
    assert ("overall_effectiveness", "inadequate", 2015) in rows
    assert ("overall_effectiveness", "requires_improvement", 2018) in rows
    assert ("overall_effectiveness", "inadequate", 2018) not in rows


@pytest.mark.parametrize("text", [
    "For readers who moved here recently: in 2014 Luton's services were found inadequate.",
    "A note for anyone who joined us recently: in 2014 Luton was rated inadequate.",
])
def test_a_time_before_a_colon_belongs_to_the_lead_in(text):
    assert ("overall_effectiveness", "inadequate", 2014) in _rows(text)


def test_a_count_after_the_verdict_before_is_that_ones():
    rows = _rows("For Luton, which was also good three years earlier, the new report goes further: care leavers are "
                 "now judged outstanding.")
    assert ("overall_effectiveness", "good", 2018) in rows
    assert ("care_leavers", "outstanding", 2015) not in rows


@pytest.mark.parametrize("text, year", [
    ("Luton was rated good, which repeats its 2016 verdict.", 2016),
    ("Luton was judged good, maintaining the judgement of 2017.", 2017),
    ("Luton kept good, the grade it had achieved in 2016.", 2016),
    ("Luton held on to good, the rating it first won in 2017.", 2017),
])
def test_a_grade_repeated_or_kept_is_todays_and_that_years(text, year):
    rows = _rows(text)
    assert ("overall_effectiveness", "good", year) in rows
    assert ("overall_effectiveness", "good", 2021) in rows


@pytest.mark.parametrize("text", [
    "Judged inadequate in 2015, Luton came back in 2019 with a new director, and inspectors called its leadership "
    "good.",
    "Rated inadequate in 2015, Luton was revisited in 2019 with a new team, and inspectors judged its leadership good.",
    "Found inadequate in 2015, the council returned in 2019 with fresh leaders, and Ofsted called Luton's leadership "
    "good.",
])
def test_a_verdict_joined_on_takes_the_year_named_last_not_the_verdict_befores(text):
    rows = _rows(text)
    assert ("leadership", "good", 2019) in rows
    assert ("leadership", "good", 2015) not in rows


@pytest.mark.parametrize("text, judgement", [
    ("Luton. Now RI (2019), with children in care rated good.", "children_in_care"),
    ("Today Luton holds requires improvement (2019), with care leavers rated good.", "care_leavers"),
    ("Luton now: requires improvement (2019), with leadership judged good.", "leadership"),
])
def test_a_with_clause_takes_the_bracketed_year_of_its_main_clause_not_its_now(text, judgement):
    assert (judgement, "good", 2019) in _rows(text)


@pytest.mark.parametrize("text", [
    "Luton got good, which is quite something given where it started in 2017.",
    "Luton was rated good, which says a lot about how far it has come since a new director arrived in 2016.",
    "Luton was judged good, which is remarkable when you remember the turmoil of 2015.",
])
def test_a_year_in_a_comment_on_the_verdict_is_not_its_year(text):
    assert {y for j, g, y in _rows(text) if g == "good"} == {2021}


@pytest.mark.parametrize("text, judgement, grade, year", [
    ("Back in 2010, under the inspections that ran until 2013, Luton did well. Inspectors rated its safeguarding good.",
     "safeguarding", "good", 2010),
    ("In 2011, under the framework used up to 2013, Luton fared badly. Its safeguarding was judged inadequate.",
     "safeguarding", "inadequate", 2011),
    ("In 2012, in the regime that lasted until 2013, Luton was visited. Its looked after children services were "
     "judged good.", "looked_after", "good", 2012),
])
def test_a_year_bounding_a_stretch_is_not_the_time_the_text_is_at(text, judgement, grade, year):
    rows = _rows(text)
    assert (judgement, grade, year) in rows
    assert (judgement, grade, 2013) not in rows


@pytest.mark.parametrize("first", [
    "Last time round, in 2017, Luton was told it required improvement, so this matters.",
    "At the inspection before, in 2017, Luton was rated requires improvement, and that is why the mood is different.",
    "In 2017 Luton was judged to require improvement, but the story has changed.",
])
def test_a_sentence_come_back_to_today_passes_on_no_earlier_year(first):
    rows = _rows(first + " Leadership was rated good.")
    assert ("overall_effectiveness", "requires_improvement", 2017) in rows
    assert ("leadership", "good", 2017) not in rows


@pytest.mark.parametrize("second", [
    "Within two years it was rated good.",
    "A couple of years later it was rated good.",
    "Two years down the line inspectors judged it good.",
])
def test_every_count_on_counts_from_the_year_named_last(second):
    assert ("overall_effectiveness", "good", 2017) in _rows("Luton was judged inadequate in 2015. " + second)


@pytest.mark.parametrize("text, grade, year", [
    ("Luton was outstanding at its previous inspection, and it is outstanding again. That is a long way from 2012, "
     "when its safeguarding was judged inadequate.", "outstanding", 2012),
    ("Luton was already good at its previous inspection. That is a long way from 2010, when its safeguarding was "
     "found inadequate.", "good", 2010),
    ("At its previous inspection Luton was judged good. Its story began badly: in 2011 its safeguarding was found "
     "inadequate.", "good", 2011),
])
def test_a_previous_grade_is_not_dated_to_a_year_whose_headline_grade_was_another(text, grade, year):
    # (before the 2013 framework the headline verdict was the safeguarding one: no overall grade of its own)
    assert not any(g == grade and y == year for _, g, y in _rows(text))
