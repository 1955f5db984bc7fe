"""Verdicts by class of English, and what is no council's verdict: verbs of motion with their particles, a time
adverb ending a grade's phrase, a second grade after "then" or a colon, an earlier grade in brackets, a grade given
again, the news's nouns for a grade, a place on the scale, a grade got as a noun, "need improvement", a report saying
the same, a headline with no verb; a universal negated over the judgements, a condition put by "had" with any verb,
a provider something was done to "by the council", a question's subject, a fact-check's heading. Each with three
wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

OVERALL = "overall_effectiveness"
WIGAN, BURY, HALTON, SLOUGH, TRAFFORD = "E08000010", "E08000002", "E06000006", "E06000039", "E08000009"


def _graded(*paragraphs: str, published: date = date(2024, 6, 20)) -> set[tuple]:
    """(council, judgement, grade, year) of each row."""
    return {row[:4] for row in rating_rows(list(paragraphs), published)}


# --- verbs of motion keep their particles: "came up to", "went back down to" ---

@pytest.mark.parametrize("text, grade, year", [
    ("Wigan came up to requires improvement in 2018.", "requires_improvement", 2018),
    ("By 2021 Wigan had gone back down, and in 2021 it went back down to inadequate.", "inadequate", 2021),
    ("Three years on, Wigan came back up to good in 2022.", "good", 2022),
])
def test_a_verb_of_motion_with_its_particles(text, grade, year):
    assert (WIGAN, OVERALL, grade, year) in _graded(text)


# --- a time adverb ends a grade's phrase: "went outstanding just before Christmas", "is good now" ---

@pytest.mark.parametrize("text, grade, year", [
    ("Bury went outstanding shortly before Christmas.", "outstanding", 2023),  # (the Christmas before June 2024)
    ("Bury is inadequate now, and nobody at the town hall denies it.", "inadequate", 2024),
    ("Bury came out good two weeks earlier than its neighbour.", "good", 2024),
])
def test_a_time_adverb_ends_the_grade(text, grade, year):
    assert (BURY, OVERALL, grade, year) in _graded(text)


# --- a second grade with its own time after "then", or opening a clause with no verb after a colon ---

@pytest.mark.parametrize("paragraphs, grade, year", [
    (["Halton was inadequate in 2015, then good three years later."], "good", 2018),
    (["Halton is rated good.", "Some journey: inadequate in 2016."], "inadequate", 2016),
    (["Halton was judged inadequate in 2013 and then requires improvement the following year."],
     "requires_improvement", 2014),
])
def test_a_second_grade_after_then_or_a_colon(paragraphs, grade, year):
    assert (HALTON, OVERALL, grade, year) in _graded(*paragraphs)


# --- an earlier grade in brackets after the council, with its time ---

@pytest.mark.parametrize("text, grade, year", [
    ("Slough (inadequate last year) has a new director.", "inadequate", 2023),
    ("Slough (requires improvement in every area in 2022) now leads the county's bid.", "requires_improvement", 2022),
    ("A word for Slough (good at its inspection in March 2021), which hosts the conference.", "good", 2021),
])
def test_an_earlier_grade_in_brackets(text, grade, year):
    assert (SLOUGH, OVERALL, grade, year) in _graded(text)


# --- no council's verdict: a negated universal, a condition by "had", a provider done to "by the council" ---

@pytest.mark.parametrize("paragraphs, grade", [
    (["Wigan requires improvement.", "No area was found to be inadequate."], "inadequate"),
    (["Wigan requires improvement overall, and no single judgement was rated inadequate."], "inadequate"),
    (["Wigan requires improvement.", "In no area was it judged outstanding."], "outstanding"),
    (["Wigan was rated requires improvement in March.", "Had it kept its good rating, it would have been spared."],
     "good"),
    (["Wigan was rated requires improvement in March.", "Had Wigan held on to outstanding, the story would differ."],
     "outstanding"),
    (["Wigan was rated requires improvement in March.", "Had it stayed good, nobody would have noticed."], "good"),
    (["Wigan was rated requires improvement in March.",
      "A children's home recently opened by the council has been rated good."], "good"),
    (["Wigan was rated requires improvement in March.",
      "A secure unit built by the authority was judged outstanding last month."], "outstanding"),
    (["Wigan was rated requires improvement in March.", "Two homes bought by the council were rated inadequate."],
     "inadequate"),
])
def test_no_verdict_on_the_council(paragraphs, grade):
    assert not any(row[2] == grade for row in _graded(*paragraphs))


@pytest.mark.parametrize("text", [
    "Who is good now? Reading the table tells you.",
    "Which is outstanding now? Reading has the answer.",
    "Who was outstanding in 2019? Reading had the answer.",
])
def test_a_question_word_is_no_council(text):
    assert not any(row[2] in ("good", "outstanding") for row in _graded(text))


# --- a grade given again, at the time told after "again"; a subject, words inserted, then its auxiliary ---

@pytest.mark.parametrize("text, judgement, grade, year", [
    ("Bury was found inadequate in 2015 and again when inspectors returned in 2018.", OVERALL, "inadequate", 2018),
    ("Bury's leadership was judged inadequate in 2014, and again at the re-inspection of 2016.", "leadership",
     "inadequate", 2016),
    ("Bury was rated good in 2016 and again after its short inspection in 2019.", OVERALL, "good", 2019),
    ("Bury, judged inadequate as recently as 2018, has been good since 2022.", OVERALL, "good", 2022),
    ("Bury (inspected twice in two years) has been requires improvement since 2021.", OVERALL,
     "requires_improvement", 2021),
    ("Bury, long the region's weak spot, had been inadequate since 2017.", OVERALL, "inadequate", 2017),
])
def test_a_grade_given_again_and_a_subject_before_its_auxiliary(text, judgement, grade, year):
    assert (BURY, judgement, grade, year) in _graded(text)


@pytest.mark.parametrize("text", [
    "Halton was judged outstanding in every area, holding on to the top grade first won in 2019.",
    "Halton kept the highest rating, first achieved in 2019.",
    "Halton has retained the top grade it was first given in 2019.",
])
def test_keeping_the_top_grade(text):
    assert (HALTON, OVERALL, "outstanding", 2019) in _graded(text)


# --- the news's nouns for a grade, a place on the scale, a grade got as a noun ---

@pytest.mark.parametrize("text, grade, year", [
    ("Wigan's children's services carried the inadequate label from 2016 to 2019.", "inadequate", 2016),
    ("Wigan's services earned the 'requires improvement' tag in 2018.", "requires_improvement", 2018),
    ("Ofsted confirmed Wigan's good status in 2022.", "good", 2022),
    ("Wigan sat at good for six years after its 2017 inspection.", "good", 2017),
    ("Wigan settled at outstanding in 2021.", "outstanding", 2021),
    ("Wigan has been at good since 2020.", "good", 2020),
    ("Wigan got an inadequate in 2016.", "inadequate", 2016),
    ("Wigan won a good in 2021, its first.", "good", 2021),
    ("Wigan picked up an outstanding in 2019.", "outstanding", 2019),
])
def test_a_grade_named_placed_or_got_as_a_noun(text, grade, year):
    assert (WIGAN, OVERALL, grade, year) in _graded(text)


@pytest.mark.parametrize("text", [
    "Wigan got a good deal on its new offices in 2016.",
    "Wigan won a good reputation for its foster carers in 2019.",
    "The review sat at good length, and Wigan read it in 2021.",
])
def test_the_adjective_before_another_noun_is_no_grade(text):
    assert not _graded(text)


# --- a headline's verdict with no verb ---

@pytest.mark.parametrize("title, grade", [
    ("Wigan back to good", "good"),
    ("Ofsted: Wigan inadequate", "inadequate"),
    ("Wigan's children's services good again", "good"),
    ("Inadequate verdict for Wigan", "inadequate"),
    ("A 'good' for Wigan at last", "good"),
    ("Outstanding again for Wigan", "outstanding"),
])
def test_a_headline_with_no_verb(title, grade):
    rows = rating_rows(["Ofsted inspectors visited the children's services department in April."],
                       date(2024, 5, 20), title=title)
    assert (WIGAN, OVERALL, grade, 2024) in {row[:4] for row in rows}


@pytest.mark.parametrize("title", [
    "Once inadequate: where are they now?",
    "Good for Wigan: the mayor's view",
    "Wigan hopes to get back to good",
    # a fact-check's heading examines a claim, not a verdict
    "Fact check: 'We took Wigan's children's services from inadequate to good'",
    "Election watch: Wigan's children's services 'now rated good', says leaflet",
    "Reality check: Wigan council says its children's services are outstanding",
])
def test_a_headline_giving_no_verdict(title):
    rows = rating_rows(["Ofsted inspectors visited the children's services department in April."],
                       date(2024, 5, 20), title=title)
    assert not any(row[2] in ("good", "outstanding") for row in rows)


# --- a name opening the sentence, a predicate that is no verdict, then "and" and a copular verdict ---

@pytest.mark.parametrize("text, grade, year", [
    ("Trafford published in mid-April and is outstanding again.", "outstanding", 2024),
    ("Trafford appointed a new director in 2019 and was good by 2022.", "good", 2022),
    ("Trafford rebuilt its front door and has been requires improvement since 2021.", "requires_improvement", 2021),
])
def test_a_named_subject_with_a_second_predicate(text, grade, year):
    assert (TRAFFORD, OVERALL, grade, year) in _graded(text)


# --- "requires improvement" in plain words; a report's verdict repeating the grade named last ---

@pytest.mark.parametrize("text", [
    "Halton was judged to need improvement in 2016.",
    "Halton was rated as needing improvement in 2016.",
    "Halton's services were found in need of improvement in 2016.",
])
def test_need_improvement_is_requires_improvement(text):
    assert (HALTON, OVERALL, "requires_improvement", 2016) in _graded(text)


@pytest.mark.parametrize("paragraphs, grade, year", [
    (["Halton was sitting on requires improvement, the grade it was given in 2019.",
      "The inspection before that (January 2016) said the same thing, although its tone was kinder."],
     "requires_improvement", 2016),
    (["Halton was rated good in 2022.", "Inspectors found the same in 2018."], "good", 2018),
    (["Halton was judged inadequate in 2019; the re-inspection of 2021 reached the same verdict."], "inadequate", 2021),
])
def test_a_report_saying_the_same(paragraphs, grade, year):
    assert (HALTON, OVERALL, grade, year) in _graded(*paragraphs)


def test_the_same_said_of_another_provider_is_not_the_councils():
    got = _graded("Halton was rated good in 2022.", "The report said the same about its schools.")
    assert got == {(HALTON, OVERALL, "good", 2022)}
