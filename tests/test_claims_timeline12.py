"""Time and status, twelfth round: one relation for a verdict's time. A verdict takes its own time phrase; a verdict in
a clause depending on another ("..., when", "..., with", "..., even though", "..., while") with no time of its own
takes the time of the clause it depends on (the time named last before it, counted on by "N years later"), and
none of an earlier year when that clause is of today; a time of the news in the verdict's own words ("last month",
"now") is its own, whatever year the clause before it named, as is the present tense ("which is inadequate"), a
count right after the grade (from the year the verdict took before it) and a dated visit after the grade.

Wordings written for these tests (stories invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

LUTON, SHEFFIELD, MEDWAY = "E06000032", "E08000019", "E06000035"
OVERALL = "overall_effectiveness"


# --- a dependent clause takes the time of the clause it depends on ---

@pytest.mark.parametrize("text, judgement, grade, year", [
    ("The report in March 2016 still rated Luton inadequate overall, even though its care leavers service had "
     "improved to good.", "care_leavers", "good", 2016),
    ("Sheffield was inadequate in 2015 and rated good two years later, with leadership judged outstanding.",
     "leadership", "outstanding", 2017),
    ("Medway's 2019 report kept it at requires improvement, though adoption was judged good.", "adoption", "good",
     2019),
    ("Back in 2014 Luton was told it required improvement overall, while adoption was judged good.", "adoption",
     "good", 2014),
])
def test_a_dependent_clause_takes_the_time_of_its_main_clause(text, judgement, grade, year):
    rows = rating_rows([text], date(2024, 5, 6))
    assert any(r[1:4] == (judgement, grade, year) and r[4] for r in rows), rows
    assert not any(r[1:3] == (judgement, grade) and r[3] != year for r in rows), rows


@pytest.mark.parametrize("text, judgement, grade", [
    ("Luton was inadequate in 2016, but it is now good, with adoption outstanding.", "adoption", "outstanding"),
    ("Sheffield required improvement in 2019 and has since been rated good, with care leavers outstanding.",
     "care_leavers", "outstanding"),
    ("Medway was judged inadequate in 2015; this week it was rated good, while leadership was judged outstanding.",
     "leadership", "outstanding"),
])
def test_a_dependent_clause_of_a_main_clause_of_today_is_of_today(text, judgement, grade):
    rows = rating_rows([text], date(2024, 5, 6))
    assert any(r[1:4] == (judgement, grade, 2024) and not r[4] for r in rows), rows


# --- a time of the news in the verdict's own words is its own ---

@pytest.mark.parametrize("text, code", [
    ("Sheffield required improvement in 2019, and last month it was rated good.", SHEFFIELD),
    ("Luton had been judged inadequate in 2017 and it was recently rated good.", LUTON),
    ("Medway required improvement in 2018 and this week it was rated good.", MEDWAY),
])
def test_a_time_of_the_news_in_the_verdicts_own_words_is_its_own(text, code):
    rows = rating_rows([text], date(2024, 5, 6))
    assert (code, OVERALL, "good", 2024, False) in rows, rows
    assert not any(r[2] == "good" and r[3] != 2024 for r in rows), rows


# --- a verdict's own time: the present tense, a count after its grade, a dated visit after it ---

@pytest.mark.parametrize("text", [
    "Locals compare us with Leeds, which has been outstanding since 2018, and with Luton, which is inadequate.",
    "Sheffield was rated good in 2019, and Luton, which remains inadequate, was visited last spring.",
    "Sheffield was rated good in 2019, while Luton, which is still inadequate, awaits its visit.",
])
def test_a_verdict_in_the_present_tense_is_of_today(text):
    rows = rating_rows([text], date(2024, 5, 6))
    assert (LUTON, OVERALL, "inadequate", 2024, False) in rows, rows


@pytest.mark.parametrize("text", [
    "Sheffield: inadequate in 2014, requires improvement two years later.",
    "Sheffield's record is patchy. Inadequate in 2014, then requires improvement two years later, and now good.",
    "Sheffield was inadequate in 2014 and requires improvement two years later.",
])
def test_a_count_after_the_grade_counts_on_from_the_year_before_it(text):
    rows = rating_rows([text], date(2024, 5, 6))
    assert (SHEFFIELD, OVERALL, "requires_improvement", 2016, True) in rows, rows
    assert not any(r[2] == "requires_improvement" and r[3] != 2016 for r in rows), rows


@pytest.mark.parametrize("text", [
    "Luton was inadequate in 2016, and it is still good after its 2023 visit.",
    "Luton was outstanding in 2015 and it is judged good following the 2023 inspection.",
    "Luton was good in 2014; it is still rated good at its 2023 inspection.",
])
def test_a_dated_visit_after_a_present_verdict_is_its_time(text):
    rows = rating_rows([text], date(2025, 4, 6))
    assert (LUTON, OVERALL, "good", 2023, True) in rows, rows
