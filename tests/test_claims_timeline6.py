"""Time and status, sixth round: a list row opening with a council and its date before a dash ("X (August 2009) -
..."), a fronted "when" clause or a dated subject giving the time in an apposition ("When inspectors last came, in
late 2019, ...", "That report, published in March 2020, found ..."), and an earlier grade dated in an apposition
inside "from X to Y" ("from inadequate, the grade it was given in 2019, to good").

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import rating_rows

LUTON, SHEFFIELD, CUMBRIA, HARINGEY = "E06000032", "E08000019", "E10000006", "E09000014"
OVERALL = "overall_effectiveness"


def _ratings(*paragraphs: str | Block, published: date) -> set:
    return rating_rows(list(paragraphs), published)


# --- a council and its date opening a list row, before a spaced dash ---

@pytest.mark.parametrize(("item", "year"), [
    ("Luton (August 2009) - adequate for safeguarding and good for looked after children.", 2009),
    ("Luton (late 2010) – safeguarding adequate, looked after children good.", 2010),
    ("Luton, March 2010 - safeguarding judged adequate and looked after children good.", 2010),
])
def test_a_council_and_its_date_before_a_dash_date_the_row(item, year):
    got = _ratings("Here is what the other reports I have read said:", Block("list_item", item, list_id=1),
                   Block("list_item", "Sheffield (2010) - good for safeguarding.", list_id=1),
                   published=date(2011, 5, 2))
    assert {(j, g, y) for c, j, g, y, _ in got if c == LUTON} == {
        ("safeguarding", "requires_improvement", year), ("looked_after", "good", year)}


@pytest.mark.parametrize("text", [
    "Luton - the council we wrote about in March 2009 - was rated good.",
    "Luton has changed since it was inspected in May 2009 - it is rated good, as it happens.",
    "Luton has been rated good - its first inspection since a report in June 2009 said adequate.",
])
def test_a_dash_after_a_verb_or_a_grade_is_no_dated_lead_in(text):
    got = _ratings(text, published=date(2011, 5, 2))
    assert (LUTON, OVERALL, "good", 2011, False) in got


# --- a fronted "when" clause or a dated subject with its time in an apposition ---

@pytest.mark.parametrize(("text", "judgement", "grade", "year"), [
    ("When inspectors last came, in late 2019, they concluded that services required improvement to be good.",
     OVERALL, "requires_improvement", 2019),
    ("When Ofsted was last in the borough, in the spring of 2018, it found services inadequate.",
     OVERALL, "inadequate", 2018),
    ("That report, published in March 2020, found the help given to children who need protection was inadequate.",
     "help_and_protection", "inadequate", 2020),
    ("The last report, which was published in November 2017, judged leadership to be inadequate in every respect "
     "that mattered to the inspectors.", "leadership", "inadequate", 2017),
    ("Ofsted's verdict, issued in June 2016, rated the care leavers service as inadequate after months of decline.",
     "care_leavers", "inadequate", 2016),
])
def test_a_fronted_time_in_an_apposition_dates_the_verdict(text, judgement, grade, year):
    got = _ratings("Luton has been rated good.", text, published=date(2023, 3, 14))
    assert (LUTON, judgement, grade, year, True) in got
    assert (LUTON, OVERALL, "good", 2023, False) in got


def test_this_report_dated_in_the_documents_year_stays_the_news():
    got = _ratings("Luton has been rated good.", "This report, published in January 2023, rated leadership "
                   "outstanding.", published=date(2023, 3, 14))
    assert (LUTON, "leadership", "outstanding", 2023, False) in got


# --- "from X, <apposition dating it>, to Y" ---

@pytest.mark.parametrize(("text", "old", "new", "year"), [
    ("The director told members that Luton had moved from inadequate, the judgement given in January 2019, to "
     "requires improvement to be good.", "inadequate", "requires_improvement", 2019),
    ("Luton has gone from requires improvement, the grade it received in 2018, to good.",
     "requires_improvement", "good", 2018),
    ("Luton improved from inadequate, its rating after the visit of 2017, to good.", "inadequate", "good", 2017),
])
def test_an_apposition_after_the_grade_left_dates_it_not_the_new_one(text, old, new, year):
    got = _ratings(text, published=date(2023, 2, 6))
    assert (LUTON, OVERALL, old, year, True) in got
    assert (LUTON, OVERALL, new, 2023, False) in got


# --- the inspection the document is about, "published on" a date in the year before the document ---

@pytest.mark.parametrize("text", [
    "Members considered the findings of the re-inspection published on 14 December 2017. Luton's services were "
    "judged to require improvement to be good overall.",
    "The committee noted that the inspection, published on 4 December 2017, had judged Luton's help and protection "
    "and its overall effectiveness to require improvement.",
    "The reinspection was published on 20 December 2017; it found Luton's services required improvement overall.",
])
def test_the_inspections_publication_dates_the_current_grade(text):
    got = _ratings(text, published=date(2018, 1, 16))
    assert (LUTON, OVERALL, "requires_improvement", 2017, False) in got
    assert not any(y == 2018 for *_, y, _ in got)


# --- a verdict with no time of its own goes on in the earlier time its paragraph last gave ---

@pytest.mark.parametrize(("paragraph", "judgement", "grade", "year"), [
    ("Luton was rated good in its 2016 single inspection, a fine result for the time. Adoption was good too.",
     "adoption", "good", 2016),
    ("Back in 2015 Luton was judged to require improvement. But its care leavers service was rated good, which "
     "nobody mentioned.", "care_leavers", "good", 2015),
    ("Luton's re-inspection report came out just before Christmas 2017. Requires improvement overall, but "
     "leadership was good.", "leadership", "good", 2017),
])
def test_a_verdict_goes_on_in_the_time_its_paragraph_last_gave(paragraph, judgement, grade, year):
    got = _ratings("A look back at some councils I have known.", paragraph, published=date(2019, 6, 20))
    assert (LUTON, judgement, grade, year, True) in got
    assert not any(y == 2019 for c, *_, y, _ in got if c == LUTON)


@pytest.mark.parametrize("paragraph", [
    "In 2017 Luton was good. Then, this May, it was rated inadequate. Care leavers were judged inadequate too.",
    "In 2017 Luton was good. It is now rated inadequate, and care leavers were judged inadequate too.",
    "In 2017 Luton was good. This time care leavers were judged inadequate.",
])
def test_a_verdict_of_today_ends_the_paragraphs_earlier_time(paragraph):
    got = _ratings(paragraph, published=date(2023, 9, 2))
    assert (LUTON, "care_leavers", "inadequate", 2023, False) in got
    assert (LUTON, OVERALL, "good", 2017, True) in got


def test_a_new_paragraph_does_not_go_on_in_the_last_ones_time():
    got = _ratings("Luton was judged inadequate in 2016.", "Leadership was rated good.", published=date(2023, 9, 2))
    assert (LUTON, "leadership", "good", 2023, False) in got


@pytest.mark.parametrize("paragraph", [
    "Luton was rated inadequate in 2016. Sheffield was judged good.",
    "Luton was rated inadequate in 2016. Over in Yorkshire, Sheffield was found to be good.",
    "Luton was rated inadequate in 2016. Its neighbour Sheffield came out as good.",
])
def test_a_sentence_naming_another_council_is_other_news(paragraph):
    got = _ratings(paragraph, published=date(2023, 9, 2))
    assert (SHEFFIELD, OVERALL, "good", 2023, False) in got
