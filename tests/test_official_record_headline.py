"""Linking to the official record, the judgement a claim names: a verdict naming no judgement (or "overall") that
reports an inspection of the 2009 frameworks, which gave no overall grade, is that inspection's headline verdict on
safeguarding; words no inspection graded with ("excellent": the annual rating's and the APA's) link to nothing.

Wordings written for these tests, read through the whole extraction with the packaged record (Cornwall: the
2009 safeguarding and looked after children inspection found both inadequate; Kent: the 2010 one likewise).
"""

from __future__ import annotations

from datetime import date

import pytest

from csi.records import Block
from tests.claim_docs import news_doc, rating_rows
from transforms.extract import extract
from transforms.official_record import OfficialInspection, by_council, link_earlier

pytestmark = pytest.mark.official_record  # these read the packaged record (tests/conftest.py)
CORNWALL, KENT = "E06000052", "E10000016"


@pytest.mark.parametrize(("text", "council", "year"), [
    ("Cornwall's children's services were rated outstanding this week, a decade after the county was found "
     "inadequate in 2009.", CORNWALL, 2009),
    ("In 2009 inspectors judged Cornwall's services for children inadequate; they are now outstanding.", CORNWALL,
     2009),
    ("Kent, branded inadequate in 2010, has been judged outstanding by Ofsted.", KENT, 2010),
])
def test_an_unnamed_verdict_on_a_2009_framework_inspection_is_its_safeguarding_verdict(text, council, year):
    got = rating_rows([text], date(2022, 7, 10) if council == KENT else date(2019, 11, 6))
    assert (council, "safeguarding", "inadequate", year, True) in got
    assert not any(j == "overall_effectiveness" and y == year for c, j, g, y, h in got if c == council)


def test_a_verdict_on_an_inspection_with_an_overall_grade_keeps_overall_effectiveness():
    got = rating_rows(["Cornwall has been rated outstanding; in 2016 the county was judged good."],
                      date(2019, 11, 6))
    assert (CORNWALL, "overall_effectiveness", "good", 2016, True) in got


def test_an_unnamed_verdict_given_with_the_safeguarding_one_is_one_rating():
    text = ("Cornwall has been rated outstanding. In 2009 Ofsted found its safeguarding inadequate; the county was "
            "judged inadequate that year.")
    doc = news_doc([Block("paragraph", text)], date(2019, 11, 6))
    ratings = [r for r in extract(doc).ratings if r.council_code == CORNWALL and r.rated_year == 2009]
    assert [(r.judgement, r.grade) for r in ratings] == [("safeguarding", "inadequate")]


@pytest.mark.parametrize("text", [
    "In 2011 Cornwall's children's services were rated excellent.",
    "Cornwall was judged excellent for its children's services in 2011.",
    "Back in 2011, Cornwall's services for children were graded excellent.",
])
def test_a_grade_no_inspection_gave_links_to_no_inspection(text):
    doc = news_doc([Block("paragraph", text)], date(2011, 12, 1))
    ratings = [r for r in extract(doc).ratings if r.council_code == CORNWALL]
    assert ratings and all(r.rated_on is None and r.judgement == "overall_effectiveness" for r in ratings)
    assert {(r.grade, r.rated_year) for r in ratings} == {("outstanding", 2011)}


# --- an undated grade left behind: the latest inspection that gave it ---

def test_an_undated_earlier_grade_links_to_the_latest_inspection_that_gave_it():
    sif = OfficialInspection("sif15", "E06000099", "sif", None, date(2015, 10, 1),
                             {"overall_effectiveness": "inadequate"})
    again = OfficialInspection("re18", "E06000099", "sif_reinspection", None, date(2018, 1, 19),
                               {"overall_effectiveness": "requires_improvement"})
    record = by_council([sif, again])
    found = link_earlier("E06000099", "overall_effectiveness", "inadequate", date(2023, 1, 13), "", record)
    assert found is not None and found.inspection.inspection_id == "sif15"
    assert link_earlier("E06000099", "overall_effectiveness", "good", date(2023, 1, 13), "", record) is None
    assert link_earlier("E06000099", "overall_effectiveness", "inadequate", date(2015, 6, 1), "", record) is None


NORFOLK = "E10000020"  # inadequate in 2015, requires improvement at the 2018 re-inspection, good in January 2023


@pytest.mark.parametrize("text", [
    "The re-inspection in January 2018 found Norfolk required improvement. So from inadequate to good in about seven "
    "years.",
    "Norfolk, judged to require improvement in 2018, has now moved out of inadequate for good.",
    "Norfolk was found to require improvement in 2018, and the county has shaken off its inadequate label at last.",
])
def test_a_grade_left_behind_is_the_latest_inspection_that_gave_it_not_the_last_year_named(text):
    got = rating_rows(["Norfolk's children's services have been rated good.", text], date(2023, 1, 20))
    assert (NORFOLK, "overall_effectiveness", "requires_improvement", 2018, True) in got
    assert not any(g == "inadequate" and y == 2018 for *_, g, y, _ in got)
    assert (NORFOLK, "overall_effectiveness", "inadequate", 2015, True) in got
