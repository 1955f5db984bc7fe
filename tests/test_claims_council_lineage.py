"""Councils that merged, split or were abolished (stop 30): no council is rated before it existed or after it
ended. A former council's name in a later text is read as the council of that name in the verdict's year; a verdict
of a year when a council did not exist but several of its lineage did is none of its; a former county's name
before "authority" or "council" describes a council by its place. Wordings written for these tests (stories
invented about real councils), read through the whole extraction.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claim_docs import rating_rows

PUBLISHED = date(2025, 2, 6)
OVERALL = "overall_effectiveness"
BCP, BOURNEMOUTH, POOLE = "E06000058", "E06000028", "E06000029"
HALTON, CHESHIRE_WEST, BEDFORD, NORTH_NORTHANTS = "E06000006", "E06000050", "E06000055", "E06000061"


@pytest.mark.parametrize("history, former", [
    ("Bournemouth's services were rated inadequate in 2018, while Poole's had been judged good in 2017.",
     {(BOURNEMOUTH, "inadequate", 2018), (POOLE, "good", 2017)}),
    ("Before the merger, Poole was judged good in 2017 and Bournemouth was found inadequate in 2018.",
     {(BOURNEMOUTH, "inadequate", 2018), (POOLE, "good", 2017)}),
    ("In 2018, unlike Poole, Bournemouth was judged inadequate.", {(BOURNEMOUTH, "inadequate", 2018)}),
])
def test_former_councils_named_together_keep_each_its_grade_of_its_own_years(history, former):
    got = rating_rows(["Bournemouth, Christchurch and Poole Council has been judged good by Ofsted.", history],
                      PUBLISHED, title="BCP Council children's services judged good")
    assert got == {(BCP, OVERALL, "good", 2025, False)} | {(code, OVERALL, grade, year, True)
                                                          for code, grade, year in former}


@pytest.mark.parametrize("text", [
    "Bournemouth, Christchurch and Poole Council had been rated inadequate in 2016.",
    "Cumbria County Council's children's services were judged good in 2024.",
    "Back in 2022 Northamptonshire County Council was found to require improvement.",
])
def test_no_council_is_rated_when_it_did_not_exist_and_several_of_its_lineage_did(text):
    assert rating_rows([text], PUBLISHED) == set()


@pytest.mark.parametrize("title, lede, description, council", [
    ("Halton children's services rated good", "Halton Borough Council's children's services have been rated good.",
     "The Cheshire authority had been judged inadequate in 2019.", HALTON),
    ("Chester council's services improve", "Cheshire West and Chester Council has been rated good by Ofsted.",
     "This Cheshire council had been judged inadequate in 2019.", CHESHIRE_WEST),
    ("Bedford's children's services judged good", "Bedford Borough Council's services have been judged good.",
     "In 2019 the Bedfordshire authority was found inadequate.", BEDFORD),
    ("North Northamptonshire judged good", "North Northamptonshire Council has been judged good by Ofsted.",
     "The Northamptonshire council was found inadequate in 2022.", NORTH_NORTHANTS),
])
def test_a_former_countys_name_before_a_council_noun_describes_the_council_spoken_of(title, lede, description,
                                                                                      council):
    assert rating_rows([lede, description], PUBLISHED, title=title) == {
        (council, OVERALL, "good", 2025, False), (council, OVERALL, "inadequate", 2019 if "2019" in description
                                                  else 2022, True)}


@pytest.mark.parametrize("title, paragraphs, council, former, past, now", [
    ("Cumberland judged good", ["Cumberland Council's children's services have been judged good.",
                                "Cumbria County Council was abolished in 2023, and Westmorland and Furness Council "
                                "runs the rest of it.",
                                "In 2022 the old county council had been found to require improvement.",
                                "Inspectors this time judged leadership good."],
     "E06000063", "E10000006", ("requires_improvement", 2022), ("leadership", "good")),
    ("North Northamptonshire requires improvement",
     ["North Northamptonshire Council was rated requires improvement by Ofsted.",
      "Northamptonshire County Council, which ran the service until 2021, was judged inadequate in 2019.",
      "Help and protection was judged good this time."],
     NORTH_NORTHANTS, "E10000021", ("inadequate", 2019), ("help_and_protection", "good")),
    ("West Northamptonshire judged good", ["West Northamptonshire Council's children's services were rated good.",
                                           "Northamptonshire County Council had been found inadequate in 2019.",
                                           "Care leavers were judged outstanding."],
     "E06000062", "E10000021", ("inadequate", 2019), ("care_leavers", "outstanding")),
])
def test_the_inspection_a_page_reports_is_not_a_former_councils_it_recalls(title, paragraphs, council, former, past,
                                                                            now):
    got = rating_rows(paragraphs, PUBLISHED, title=title)
    assert (former, OVERALL, *past, True) in got and (council, *now, 2025, False) in got
    assert not any(c == former and y == 2025 for c, _, _, y, _ in got)
