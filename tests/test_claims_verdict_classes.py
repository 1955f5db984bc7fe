"""Verdicts by class of English, and what is no council's verdict: verbs of motion with their particles, a time
adverb ending a grade's phrase, a second grade after "then" or a colon, an earlier grade in brackets, a grade named as
a noun by its year; a universal negated over the judgements, a condition put by "had" with any verb, a provider
something was done to "by the council", a question's subject. Each with three wordings written for these tests
(stories invented about real councils), read through the whole extraction.
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

@pytest.mark.parametrize("text, grade", [
    ("Bury went outstanding shortly before Christmas.", "outstanding"),
    ("Bury is inadequate now, and nobody at the town hall denies it.", "inadequate"),
    ("Bury came out good two weeks earlier than its neighbour.", "good"),
])
def test_a_time_adverb_ends_the_grade(text, grade):
    assert (BURY, OVERALL, grade, 2024) in _graded(text)


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


# --- a grade named as a noun by its year: "the 2015 inadequate" ---

@pytest.mark.parametrize("text, grade, year", [
    ("Trafford was rated good in May. || Its 2019 outstanding was no fluke, then.", "outstanding", 2019),
    ("Trafford moved to good in 2023, up from the 2019 requires improvement.", "requires_improvement", 2019),
    ("Trafford was rated good this spring; the 2016 inadequate and the years after it are behind it.",
     "inadequate", 2016),
])
def test_a_grade_named_by_its_year(text, grade, year):
    assert (TRAFFORD, OVERALL, grade, year) in _graded(*text.split(" || "))


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
