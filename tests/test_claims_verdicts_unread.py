"""Verdicts the rules used to read nothing from: a grade that is itself the verb, words set aside in brackets, a
grade passed through, an object with no determiner, a report's relative clause, a council described inside a
question, a count of years, a verdict referred back to, a grade as a noun, a name with its time, a grade in
apposition. Each construction pinned with at least three wordings written for these tests (stories invented about
real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

OVERALL = "overall_effectiveness"
BRISTOL, LEEDS, WIGAN, BURY, DERBY = "E06000023", "E08000035", "E08000010", "E08000002", "E06000015"
DUDLEY, HALTON, TORBAY, SOLIHULL, SLOUGH = "E08000027", "E06000006", "E06000027", "E08000029", "E06000039"
TRAFFORD, WALSALL, OLDHAM, SWINDON, MEDWAY = "E08000009", "E08000030", "E08000004", "E06000030", "E06000035"


def _rows(*paragraphs: str, published: date) -> set[tuple]:
    return rating_rows(list(paragraphs), published)


def _graded(rows: set[tuple]) -> set[tuple]:
    """(council, judgement, grade, year) of each row, its status left aside."""
    return {row[:4] for row in rows}


# --- "requires improvement" is itself a verb: its subject before it, "overall" or "for X" after it ---

@pytest.mark.parametrize("text", [
    "Wigan requires improvement overall, though its care leavers service is good.",
    "Of the two, Wigan still requires improvement overall, and its care leavers service was judged good.",
    "Wigan, inspected in January, requires improvement overall; for care leavers it was judged good.",
])
def test_requires_improvement_as_the_verb_of_its_subject(text):
    got = _graded(_rows(text, published=date(2024, 3, 1)))
    assert (WIGAN, OVERALL, "requires_improvement", 2024) in got
    assert (WIGAN, "care_leavers", "good", 2024) in got


# --- words in brackets between a subject and its verb leave the clause whole ---

@pytest.mark.parametrize("text", [
    "Bury (inspected in May, and not for the first time) was inadequate.",
    "And Bury (a borough I know well, but not from the inside) was inadequate across the board.",
    "Bury (its second visit in two years) was inadequate.",
])
def test_an_aside_in_brackets_between_subject_and_verb(text):
    assert (BURY, OVERALL, "inadequate", 2024) in _graded(_rows(text, published=date(2024, 6, 20)))


# --- a grade passed through on the way to another is left behind, with the year in brackets after it ---

@pytest.mark.parametrize("text", [
    "Dudley has since climbed through requires improvement (2019) to good.",
    "Dudley went via requires improvement (2019) to good this spring.",
    "Since then Dudley has risen from requires improvement (2019) to good.",
])
def test_a_grade_passed_through_keeps_its_bracketed_year(text):
    got = _graded(_rows("Dudley was judged inadequate in 2016.", text, published=date(2024, 6, 20)))
    assert (DUDLEY, OVERALL, "requires_improvement", 2019) in got
    assert (DUDLEY, OVERALL, "good", 2024) in got


# --- "found" with an object that needs no determiner: "found arrangements adequate", "found both services good" ---

@pytest.mark.parametrize("text, judgement, grade", [
    ("Members noted that the unannounced inspection of child protection in 2012 had found arrangements "
     "inadequate.", "safeguarding", "inadequate"),
    ("The safeguarding and looked after children inspection of 2011 found both services good.", "safeguarding", "good"),
    ("In Halton safeguarding was found adequate back in 2011.", "safeguarding", "requires_improvement"),
])
def test_found_with_an_object_that_has_no_determiner(text, judgement, grade):
    got = _graded(_rows("Halton's cabinet met on Tuesday.", text, published=date(2015, 1, 20)))
    assert any(row[0] == HALTON and row[1] == judgement and row[2] == grade and row[3] in (2011, 2012)
               for row in got)


# --- an inspection or report whose relative clause "said" the grade ---

@pytest.mark.parametrize("text, grade", [
    ("There was a child protection inspection in 2013 which said adequate, and we believed the worst was over.",
     "requires_improvement"),
    ("Torbay's last report, which said good, came out in 2019.", "good"),
    ("I still have the 2018 report that said inadequate, framed.", "inadequate"),
    ("The inspection in the spring of 2019 said good again.", "good"),
])
def test_an_inspection_which_said_the_grade(text, grade):
    got = _graded(_rows("I have sat on Torbay council for ten years.", text, published=date(2022, 5, 20)))
    assert any(row[0] == TORBAY and row[2] == grade for row in got)


# --- a question asks about its verb, not about a council it describes in passing ---

@pytest.mark.parametrize("text, year", [
    ("How does our service compare with Solihull, which was rated good at its last inspection in 2019?", 2019),
    ("Can the Cabinet Member say why we lag behind Solihull, which was judged good in 2022?", 2022),
    ("Will the Chair meet officers from Solihull, rated good in 2021, to learn from them?", 2021),
    ("The Member asked whether Solihull, which had been judged good in 2020, had been consulted.", 2020),
])
def test_a_council_described_inside_a_question_keeps_its_verdict(text, year):
    got = _graded(_rows(text, published=date(2024, 3, 18)))
    assert (SOLIHULL, OVERALL, "good", year) in got


def test_what_a_question_asks_stays_unasserted():
    got = _rows("Solihull, which was rated good in 2019 after a long climb, is our neighbour: will we be judged "
                "outstanding next time?", published=date(2024, 3, 18))
    assert (SOLIHULL, OVERALL, "good", 2019) in _graded(got)
    assert not {row for row in got if row[2] == "outstanding"}


# --- a count of years, months or weeks is a time, not a count of councils ---

@pytest.mark.parametrize("text", [
    "The re-inspection three years later rated the council requires improvement overall.",
    "Inspectors returning three years later found the council to require improvement.",
    "The full inspection three years later judged the council to require improvement.",
])
def test_a_count_of_years_before_the_verdict_is_no_count_of_councils(text):
    got = _graded(_rows("Trafford was found inadequate in 2014.", text, published=date(2022, 2, 1)))
    assert (TRAFFORD, OVERALL, "requires_improvement", 2017) in got


def test_a_count_of_councils_is_still_no_council_s_verdict():
    got = _rows("Three years later five councils were rated good.", published=date(2022, 2, 1))
    assert not got


# --- "reached the same verdict": the grade named last ---

@pytest.mark.parametrize("text", [
    "In 2013 the inspectors also returned for looked after children and reached the same verdict.",
    "A second inspection of looked after children in 2013 reached that verdict too.",
    "When inspectors looked at services for looked after children that year, 2013, they reached the same verdict.",
])
def test_reached_the_same_verdict(text):
    got = _graded(_rows("In 2013 Walsall's child protection arrangements were found inadequate.", text,
                        published=date(2014, 2, 1)))
    assert (WALSALL, "children_in_care", "inadequate", 2013) in got


# --- 2009-2012: "had good for both", "adequate across the pair", the time after them ---

@pytest.mark.parametrize("text, grade", [
    ("Oldham, by contrast, had good for both in May.", "good"),
    ("Oldham was adequate across the pair - nobody was surprised.", "requires_improvement"),
    ("Oldham got outstanding for both in June.", "outstanding"),
])
def test_a_grade_for_both_slac_judgements(text, grade):
    got = _graded(_rows(text, published=date(2011, 3, 6)))
    assert {(OLDHAM, "safeguarding", grade), (OLDHAM, "looked_after", grade)} <= {row[:3] for row in got}


# --- a council named with its time before the verb: "Wokingham in August was adequate" ---

@pytest.mark.parametrize("text, year", [
    ("And Swindon in August was inadequate.", 2023),
    ("Swindon in 2021 was good, and is good again now.", 2021),
    ("Swindon last year was outstanding, I am told.", 2023),
])
def test_a_name_with_its_time_before_the_verb(text, year):
    got = _graded(_rows(text, published=date(2024, 2, 10)))
    assert any(row[0] == SWINDON and row[1] == OVERALL and row[3] == year for row in got)


# --- a grade in apposition: to a rating ("its 2018 grade for X, outstanding,"), to a council with its time ---

@pytest.mark.parametrize("text, judgement, grade, year", [
    ("I still think its 2018 grade for children in care, outstanding, was deserved.", "children_in_care",
     "outstanding", 2018),
    ("Medway's rating for leadership, good, surprised nobody.", "leadership", "good", 2025),
    ("Its 2021 judgement on care leavers, inadequate, still stings.", "care_leavers", "inadequate", 2021),
])
def test_a_grade_in_apposition_to_its_rating(text, judgement, grade, year):
    got = _graded(_rows("Medway's children's services were inspected this winter.", text,
                        published=date(2025, 3, 6)))
    assert (MEDWAY, judgement, grade, year) in got


@pytest.mark.parametrize("text, council, year", [
    ("Or Derby, outstanding in January in every area Ofsted graded.", DERBY, 2025),
    ("Add Slough, good last spring, and that makes five.", SLOUGH, 2024),
    ("Then there is Leeds, which got its outstanding at the end of 2023.", LEEDS, 2023),
])
def test_a_grade_given_to_a_council_in_passing(text, council, year):
    got = _graded(_rows("I have worked in several councils.", text, published=date(2025, 4, 25)))
    assert any(row[0] == council and row[1] == OVERALL and row[3] == year for row in got)


# --- a second grade after "and", dated by a count on from the first ---

def test_a_second_grade_counted_on_from_the_first():
    for text, year in (("Walsall were inadequate in 2016 and good two years later.", 2018),
                       ("Walsall was judged inadequate in 2015, and outstanding three years on.", 2018),
                       ("Walsall, rated inadequate in 2014 and outstanding a year later, is unusual.", 2015)):
        got = _graded(_rows("A look back at the West Midlands.", text, published=date(2024, 5, 1)))
        assert any(row[0] == WALSALL and row[2] in ("good", "outstanding") and row[3] == year for row in got), text


# --- "a good report", "an inadequate Ofsted report": the report's grade ---

def test_a_report_named_with_its_grade():
    for text, grade in (("Dudley had a good report in 2018, for what it is worth.", "good"),
                        ("Dudley's inadequate Ofsted report of 2018 still hurts.", "inadequate"),
                        ("In 2018 Dudley received an outstanding report.", "outstanding")):
        got = _graded(_rows(text, published=date(2024, 9, 10)))
        assert (DUDLEY, OVERALL, grade, 2018) in got, text


# --- what an inspection came out with: "came out in 2009 with safeguarding adequate and looked after children good" ---

def test_the_grades_an_inspection_came_out_with():
    for text in ("Halton came out in the summer of 2009 with safeguarding adequate and looked after children good.",
                 "Halton's 2009 inspection came out with safeguarding adequate and looked after children good.",
                 "In 2009 Halton came back with safeguarding adequate and looked after children good."):
        got = _graded(_rows(text, published=date(2011, 3, 6)))
        assert {(HALTON, "safeguarding", "requires_improvement", 2009), (HALTON, "looked_after", "good", 2009)} \
            <= got, text


# --- "earlier in the year": the document's year ---

def test_earlier_in_the_year_is_the_document_s_year():
    for text in ("Earlier in the year, Bury's care leavers grade was inadequate.",
                 "Bury's care leavers were judged inadequate earlier this year.",
                 "Earlier in the year Bury was rated inadequate for care leavers."):
        got = _graded(_rows("Bury had a good report in 2018.", text, published=date(2024, 9, 10)))
        assert (BURY, "care_leavers", "inadequate", 2024) in got, text


# --- a council's own site, its name's linking words left out of the address ---

def test_a_council_s_own_site_without_the_linking_words_of_its_name():
    from transforms.councils import default_index

    index = default_index()
    assert index.of_site("https://www.brighton-hove.gov.uk/news/2024/ofsted") == "E06000043"
    assert index.of_site("https://www.windsor-maidenhead.gov.uk/news") == "E06000040"
    assert index.of_site("https://www.redcar-cleveland.gov.uk/press") == "E06000003"


# --- what is recalled, remembered or noted is said, whatever modal the recalling has ---

def test_a_verdict_recalled_is_said():
    for text in ("Older readers may recall that safeguarding was also found inadequate in 2010.",
                 "Some will remember how safeguarding was judged inadequate in 2010.",
                 "Members might note that safeguarding had been rated inadequate in 2010."):
        got = _graded(_rows("Solihull's committee met.", text, published=date(2020, 1, 14)))
        assert (SOLIHULL, "safeguarding", "inadequate", 2010) in got, text


# --- a judgement the subject, an insertion between it and its verb ---

def test_a_judgement_subject_across_an_insertion():
    for text in ("Adoption, which usually saves a council's blushes, was also inadequate.",
                 "Adoption, the one part of the service everybody praised for years, was inadequate.",
                 "Adoption, which is usually the bit that saves the day, was also inadequate."):
        got = _graded(_rows("Oldham's report came out in 2015.", text, published=date(2015, 7, 14)))
        assert (OLDHAM, "adoption", "inadequate", 2015) in got, text
