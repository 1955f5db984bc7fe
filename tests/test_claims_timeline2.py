"""Time and status, second round: an earlier inspection's year fronted before a reported verdict ("At the last
full inspection, in 2019, the council was told ..."; "reminded members that in 2014 Ofsted had judged ..."), a
question or a description of the grading scale that gives no grade, a pre-2009 group membership or list dated by
its assessment ("one of four councils in England ... in the 2008 APA"), and 2009-2012 inspections named before
their finding ("an inspection of X in 2010 found safeguarding services adequate").

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


# --- B8: an earlier inspection fronted, then "the council was told ..." ---

@pytest.mark.parametrize(("text", "grade", "year"), [
    ("Luton has been rated good by Ofsted. At the last full inspection, in 2019, the council was told its services "
     "required improvement.", "requires_improvement", 2019),
    ("Luton has been rated good. When it was last fully inspected, in 2018, the authority was told that its "
     "services were inadequate.", "inadequate", 2018),
    ("Luton is now good. At its previous standard inspection, in 2017, the council was found to be inadequate.",
     "inadequate", 2017),
])
def test_a_fronted_earlier_inspection_dates_the_verdict_told(text, grade, year):
    got = _ratings(text)
    assert (LUTON, OVERALL, "good", 2024, False) in got
    assert (LUTON, OVERALL, grade, year, True) in got
    assert not any(g == grade and not h for _, _, g, _, h in got)


# --- B9: a year opening a reported clause ---

@pytest.mark.parametrize(("text", "council", "grade", "year"), [
    ("The director reminded Cabinet that in 2014 Ofsted had judged Sheffield's children's services inadequate.",
     SHEFFIELD, "inadequate", 2014),
    ("Councillor Patel recalled that in 2015 inspectors had rated Luton's services inadequate.",
     LUTON, "inadequate", 2015),
    ("Members were reminded that in 2016 Ofsted had found Cumbria's services required improvement.",
     CUMBRIA, "requires_improvement", 2016),
    ("The chief executive recalled how, back in 2013, inspectors judged Luton's children's services inadequate.",
     LUTON, "inadequate", 2013),
])
def test_a_year_opening_a_reported_clause_is_the_verdicts(text, council, grade, year):
    assert _ratings(text) == {(council, OVERALL, grade, year, True)}


def test_a_reported_earlier_year_leaves_the_news_current():
    got = _ratings("She said that in 2014 Luton was rated inadequate but that it is now good.")
    assert got == {(LUTON, OVERALL, "inadequate", 2014, True), (LUTON, OVERALL, "good", 2024, False)}


# --- B10: questions and the grading scale give no grade ---

@pytest.mark.parametrize("question", [
    "How does a council go from good to inadequate in twelve months?",
    "What was its good rating worth, then?",
    "Can a council really climb from inadequate to outstanding in one inspection?",
    "Would a good rating have changed anything for the families waiting?",
])
def test_a_question_gives_no_grade(question):
    got = _ratings("Luton was rated inadequate this year. " + question)
    assert got == {(LUTON, OVERALL, "inadequate", 2024, False)}


def test_a_question_taking_the_verdict_as_given_keeps_it():
    assert _ratings("Why was Luton rated inadequate?") == {(LUTON, OVERALL, "inadequate", 2024, False)}


@pytest.mark.parametrize("scale", [
    "It will grade overall effectiveness and four areas as outstanding, good, requires improvement or inadequate.",
    "Under the new framework inspectors grade each area outstanding, good, requires improvement or inadequate.",
    "Councils are graded on a four-point scale from outstanding to inadequate.",
    "Each judgement will be 'outstanding', 'good', 'requires improvement to be good' or 'inadequate'.",
])
def test_the_grading_scale_gives_no_grade(scale):
    assert _ratings("Sheffield was rated inadequate this year. " + scale) == {
        (SHEFFIELD, OVERALL, "inadequate", 2024, False)}


def test_grades_given_respectively_are_no_scale():
    got = _ratings("Luton, Sheffield and Haringey were rated good, requires improvement and inadequate respectively.")
    assert got == {(LUTON, OVERALL, "good", 2024, False), (SHEFFIELD, OVERALL, "requires_improvement", 2024, False),
                   (HARINGEY, OVERALL, "inadequate", 2024, False)}  # (not Cumbria, gone in 2023: no grade in 2024)


# --- B11: pre-2009 groups ---

@pytest.mark.parametrize(("text", "council", "year"), [
    ("In 2008, Luton was one of four councils in England whose children's services were judged inadequate in the "
     "annual performance assessment.", LUTON, 2008),
    ("In 2007 Sheffield was among three authorities in the country whose services for children were rated "
     "inadequate in the annual performance assessment.", SHEFFIELD, 2007),
    ("Cumbria was one of five councils in the North West to be judged inadequate in the 2006 APA.", CUMBRIA, 2006),
])
def test_one_of_a_group_in_england_keeps_its_grade(text, council, year):
    assert _ratings(text) == {(council, OVERALL, "inadequate", year, True)}


@pytest.mark.parametrize(("text", "year"), [
    ("The councils rated inadequate in the 2008 APA were Luton, Sheffield, Cumbria and Haringey.", 2008),
    ("Those judged inadequate in the 2007 APA: Luton, Sheffield, Cumbria and Haringey.", 2007),
    ("Luton, Sheffield, Cumbria and Haringey were all rated inadequate in the 2006 JAR.", 2006),
])
def test_a_list_dated_by_its_assessment(text, year):
    assert _ratings(text) == {(c, OVERALL, "inadequate", year, True) for c in (LUTON, SHEFFIELD, CUMBRIA, HARINGEY)}


def test_councils_at_large_still_give_no_grade():
    assert _ratings("Councils in England were mostly rated good in 2008.") == set()


# --- B12: 2009-2012 inspections named before their finding ---

@pytest.mark.parametrize(("text", "council", "judgement", "year"), [
    ("An inspection of Sheffield in 2010 found safeguarding services adequate.", SHEFFIELD, "safeguarding", 2010),
    ("A 2011 inspection of Luton judged its looked after children services adequate.", LUTON, "looked_after", 2011),
    ("An inspection of Cumbria in 2012 rated safeguarding services adequate.", CUMBRIA, "safeguarding", 2012),
])
def test_an_inspection_named_before_its_finding(text, council, judgement, year):
    assert _ratings(text) == {(council, judgement, "requires_improvement", year, True)}


@pytest.mark.parametrize("text", [
    "Luton's safeguarding and looked after children services were both judged adequate in 2012.",
    "In 2012 Luton's safeguarding and looked after children services were both found to be adequate.",
    "The inspection of safeguarding and looked after children services in Luton in 2012 rated both adequate.",
])
def test_both_services_of_a_2012_inspection(text):
    assert _ratings(text) == {(LUTON, j, "requires_improvement", 2012, True) for j in ("safeguarding", "looked_after")}


# --- "meanwhile": the time just given, for the same council's verdicts ---

@pytest.mark.parametrize(("text", "judgement", "year"), [
    ("In 2016 inspectors found Luton inadequate. Meanwhile, adoption was judged good.", "adoption", 2016),
    ("Inspectors judged Luton inadequate in 2015; meanwhile, its care leavers service was rated good.",
     "care_leavers", 2015),
    ("In 2017 Luton was rated inadequate. Meanwhile the council's leadership was found to be good.",
     "leadership", 2017),
])
def test_meanwhile_is_the_time_just_given(text, judgement, year):
    assert (LUTON, judgement, "good", year, True) in _ratings(text)


@pytest.mark.parametrize("text", [
    "Luton was rated inadequate in 2018. Meanwhile Sheffield was judged good.",
    "Luton was rated inadequate in 2018. Meanwhile, neighbouring Sheffield has been rated good.",
    "Luton was rated inadequate in 2018. Meanwhile, Sheffield is now rated good.",
])
def test_meanwhile_before_other_news_is_the_documents_time(text):
    assert (SHEFFIELD, OVERALL, "good", 2024, False) in _ratings(text)


# --- special measures date the inadequate grade left undated ---

@pytest.mark.parametrize("text", [
    "Luton has moved out of inadequate and is now rated good. The council was placed in special measures in 2016.",
    "Luton is no longer inadequate. It went into special measures in 2016 and is now rated good.",
    "Luton, which went into special measures in 2016, has moved out of inadequate and is now rated good.",
])
def test_special_measures_date_the_inadequate_grade(text):
    assert _ratings(text) == {(LUTON, OVERALL, "good", 2024, False), (LUTON, OVERALL, "inadequate", 2016, True)}


@pytest.mark.parametrize("text", [
    "Luton, now rated good, has moved out of inadequate. It came out of special measures in 2023.",
    "Luton has moved out of inadequate and is now rated good. Special measures were lifted in 2023.",
    "Luton has moved out of inadequate and is now rated good. It left special measures in 2023.",
])
def test_the_year_special_measures_ended_is_no_inadequate_year(text):
    got = _ratings(text)
    assert (LUTON, OVERALL, "good", 2024, False) in got
    assert not any(g == "inadequate" and y == 2023 for _, _, g, y, _ in got)


def test_special_measures_capitalised_date_the_inadequate_grade():
    got = _ratings("Luton is no longer inadequate and is now rated good. Special measures began in 2019.")
    assert (LUTON, OVERALL, "inadequate", 2019, True) in got


# --- a grade spoken of as a grade, or as a distance, measures no council ---

@pytest.mark.parametrize("aside", [
    "But adequate is a long way from good.",
    "Requires improvement is still a long way from good.",
    "Its leaders say requires improvement is not failure.",
    "Good remains the target, and outstanding is far from out of reach.",
])
def test_a_grade_spoken_of_gives_no_grade(aside):
    assert _ratings("Luton was rated inadequate this year. " + aside) == {(LUTON, OVERALL, "inadequate", 2024, False)}


@pytest.mark.parametrize("text", [
    "Luton was rated requires improvement, still short of good.",
    "Luton was rated requires improvement, some way from good.",
    "Luton was rated requires improvement: far from good, inspectors said, but no longer inadequate.",
])
def test_a_distance_from_a_grade_is_no_grade(text):
    got = _ratings(text)
    assert (LUTON, OVERALL, "requires_improvement", 2024, False) in got
    assert not any(g == "good" for _, _, g, _, _ in got)
