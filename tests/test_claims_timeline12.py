"""Time and status, twelfth round: one relation for a verdict's time. A verdict takes its own time phrase; a verdict in
a clause depending on another ("..., when", "..., with", "..., even though", "..., while") with no time of its own
takes the time of the clause it depends on (the time named last before it, counted on by "N years later"), and
none of an earlier year when that clause is of today; a time of the news in the verdict's own words ("last month",
"now") is its own, whatever year the clause before it named.

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
