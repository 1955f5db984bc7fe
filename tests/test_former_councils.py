"""Councils as news names them: short names ("Stoke"), and the county councils split in 2009 ("Bedfordshire")
for what was said about them before, kept under their own record and linked to their successors."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from csi.records import Block, Document
from front.evaluation.claims import score_page
from transforms.councils import default_index
from transforms.extract import extract

STOKE, STOCKTON, SOUTHEND = "E06000021", "E06000004", "E06000033"
BEDFORDSHIRE, BEDFORD, CENTRAL_BEDFORDSHIRE = "E10000001", "E06000055", "E06000056"
CHESHIRE, CHESHIRE_EAST, CHESHIRE_WEST = "E10000004", "E06000049", "E06000050"
HACKNEY = "E09000012"


def _ratings(*paragraphs: str, published: date) -> set[tuple]:
    blocks = [Block("paragraph", p) for p in paragraphs]
    doc = Document(url=f"https://news.example.org/{abs(hash(paragraphs))}", source="test", publisher="Test",
                   doc_type="news", title="Social services ratings", author=None, published_on=published,
                   fetched_at=datetime(2026, 1, 1), content_sha256="0" * 64, content_type="text/html",
                   parser="test", text="\n\n".join(paragraphs), blocks=blocks)
    return {(r.council_code, r.grade, r.rated_year) for r in extract(doc).ratings}


@pytest.mark.parametrize("text, code", [
    ("Stoke's children's services were rated inadequate.", STOKE),
    ("Inspectors judged Stockton inadequate after a two-week visit.", STOCKTON),
    ("Southend was rated inadequate by inspectors this week.", SOUTHEND),
])
def test_short_names_of_x_on_y_councils(text, code):
    assert _ratings(text, published=date(2006, 3, 2)) == {(code, "inadequate", 2006)}


@pytest.mark.parametrize("text", [
    "Stoke Newington's children's centre was rated inadequate.",  # a Hackney district, not the city
    "The council in Kingston was rated inadequate.",  # Kingston upon Thames or upon Hull: not said
    "Stockton Heath's nursery was judged inadequate.",
])
def test_a_short_name_followed_by_another_name_or_shared_is_not_the_council(text):
    assert not {code for code, _, _ in _ratings(text, published=date(2006, 3, 2))} & {STOKE, STOCKTON}
    assert default_index().resolve("Kingston") is None


@pytest.mark.parametrize("text, code", [
    ("Bedfordshire's social services were given zero stars in 2003.", BEDFORDSHIRE),
    ("Bedfordshire County Council was judged to be performing poorly in its 2005 assessment.", BEDFORDSHIRE),
    ("Inspectors gave Cheshire County Council one star in 2004.", CHESHIRE),
    ("Cheshire was rated inadequate for safeguarding in 2008.", CHESHIRE),
])
def test_a_county_split_in_2009_is_found_under_its_own_record(text, code):
    got = _ratings(text, published=date(2008, 12, 1))
    assert {c for c, _, _ in got} == {code}


def test_the_split_counties_name_their_successors():
    index = default_index()
    assert index.council(BEDFORDSHIRE).replaced_by == f"{BEDFORD};{CENTRAL_BEDFORDSHIRE}"
    assert index.council(CHESHIRE).replaced_by == f"{CHESHIRE_EAST};{CHESHIRE_WEST}"
    assert index.council(BEDFORDSHIRE).end_date == date(2009, 3, 31)
    # the successors' own names stay theirs
    assert index.resolve("Central Bedfordshire") == CENTRAL_BEDFORDSHIRE
    assert index.resolve("Cheshire East Council") == CHESHIRE_EAST


def test_evaluation_matches_a_former_council_listed_by_its_successors():
    councils = {"bedfordshire_county": [BEDFORD, CENTRAL_BEDFORDSHIRE, "bedfordshire"],
                "bedford": [BEDFORD, "bedford"]}
    row = {"council_code": BEDFORDSHIRE, "judgement": "overall_effectiveness", "grade": "inadequate",
           "rated_year": 2003, "is_historical": True}
    counts, *_ = score_page([["bedfordshire_county", None, "inadequate", 2003, 0]], set(), councils, [row])
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    counts, *_ = score_page([["bedford", None, "inadequate", 2003, 0]], set(), councils, [row])
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)  # one successor alone is not the former county


@pytest.mark.parametrize("text, surfaces", [
    ("Bedfordshire Police and Stoke Newington's schools were mentioned.", []),
    ("Hull Children's Services and Stoke Council replied.", ["Hull", "Stoke"]),
    ("Stoke, Stockton and Southend were named.", ["Stoke", "Stockton", "Southend"]),
])
def test_short_names_inside_longer_names_are_not_councils(text, surfaces):
    assert [m.surface for m in default_index().find_mentions(text)] == surfaces
