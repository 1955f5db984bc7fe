"""How a page's structure scopes the claims under it: the headline over the site's name, headings and year labels
that date what follows them (stop 27, structure)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from csi.records import Block
from scrapers.platforms.news.parse import parse_article
from scrapers.sources import Source
from tests.claim_docs import rating_rows
from transforms.extract import extract

_SOURCE = Source(name="t", adapter="news", publisher="t", doc_type="news", start_urls=("https://blog.example/p",),
                 documents=())


# --- the headline, not the site's name in the masthead --------------------------------------------------------------

@pytest.mark.parametrize("site, headline, masthead", [
    ("Northern Care Notes", "Wigan: ten years of inspections, told briefly",
     '<header id="masthead"><h1 class="site-title"><a href="/">Northern Care Notes</a></h1></header>'),
    ("The Fostering Diary", "Why the Hackney report matters",
     '<div role="banner"><h1><a href="/">The Fostering Diary</a></h1><p>notes and news</p></div>'),
    ("Social Work Ledger", "Somerset's long climb out of inadequate",
     '<header><h1 class="logo">Social Work Ledger</h1><nav><a href="/">Home</a></nav></header>'),
])
def test_the_site_name_in_the_masthead_is_not_the_headline(site, headline, masthead):
    page = (f"<html><head><title>{headline} – {site}</title></head><body>{masthead}<article>"
            f"<h2 class=\"entry-title\">{headline}</h2><p>The post itself, long enough to be read as the article's "
            f"text by the generic rules.</p></article></body></html>").encode()
    doc = parse_article("https://blog.example/p", page, "text/html", datetime(2026, 1, 1), _SOURCE, "x")
    assert doc.title == headline


# --- a heading or a paragraph's opening year labels what follows it -------------------------------------------------

PUBLISHED = date(2025, 6, 10)
OVERALL = "overall_effectiveness"
STOCKPORT, TORBAY, DERBY = "E08000007", "E06000027", "E06000015"
NORFOLK, SUFFOLK, ESSEX = "E10000020", "E10000029", "E10000012"


@pytest.mark.parametrize("heading, text, grade, year", [
    ("2016", "Inspectors found the council inadequate, with leadership inadequate too.", "inadequate", 2016),
    ("The 2019 inspection", "The council was judged to require improvement.", "requires_improvement", 2019),
    ("March 2021: a turning point", "This time the service was rated good.", "good", 2021),
    ("Previous inspection (2018)", "Overall effectiveness: requires improvement", "requires_improvement", 2018),
    ("Stockport (2014)", "Requires improvement in every area.", "requires_improvement", 2014),
])
def test_a_heading_naming_a_time_dates_the_verdicts_under_it(heading, text, grade, year):
    rows = rating_rows(["Stockport's children's services were rated outstanding by Ofsted this week.",
                        Block("heading", heading, level=3), text,
                        Block("heading", "What comes next", level=3), "The council was rated outstanding overall."],
                       PUBLISHED)
    assert (STOCKPORT, OVERALL, grade, year, True) in rows
    assert (STOCKPORT, OVERALL, "outstanding", 2025, False) in rows  # the next heading of its rank ends its time


def test_a_heading_naming_a_span_of_years_dates_nothing():
    rows = rating_rows(["Stockport's children's services were rated outstanding by Ofsted this week.",
                        Block("heading", "2016-2022", level=3), "The council was judged good."], PUBLISHED)
    assert not any(year in (2016, 2022) for *_, year, _ in rows)


@pytest.mark.parametrize("entry, grade, year", [
    ("2018. Re-inspection. Still inadequate.", "inadequate", 2018),
    ("2022. Good. Every judgement.", "good", 2022),
    ("2020: a new director. Requires improvement.", "requires_improvement", 2020),
])
def test_a_timeline_entry_s_bare_grade_is_its_year_s_verdict(entry, grade, year):
    rows = rating_rows(["Torbay's record with the inspectorate is a long one.", entry], PUBLISHED)
    assert (TORBAY, OVERALL, grade, year, True) in rows


# --- a table of one council's inspections, a row each ---------------------------------------------------------------

@pytest.mark.parametrize("header, rows, expected", [
    ("Year | Inspection | Overall grade", ["2014 | Single inspection | Requires improvement", "2018 | ILACS | Good"],
     [(OVERALL, "requires_improvement", 2014), (OVERALL, "good", 2018)]),
    ("Date | Outcome", ["March 2016 | Inadequate", "June 2019 | Good"],
     [(OVERALL, "inadequate", 2016), (OVERALL, "good", 2019)]),
    ("Published | Overall effectiveness | Care leavers", ["12 May 2017 | Good | Requires improvement"],
     [(OVERALL, "good", 2017), ("care_leavers", "requires_improvement", 2017)]),
])
def test_a_table_of_one_council_s_inspections_dates_each_row(header, rows, expected):
    got = rating_rows(["Derby City Council's children's services have been rated outstanding.",
                       Block("table_row", header), *[Block("table_row", r) for r in rows]], PUBLISHED)
    for judgement, grade, year in expected:
        assert (DERBY, judgement, grade, year, True) in got


def test_a_table_of_schools_by_date_is_no_council_s_history():
    got = rating_rows(["Derby City Council's children's services have been rated outstanding.",
                       Block("table_row", "School | Inspection date | Grade"),
                       Block("table_row", "Oakwood Primary | March 2024 | Inadequate")], PUBLISHED)
    assert not any(grade == "inadequate" for _, _, grade, _, _ in got)


# --- comments under a post ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("comment, judgement, grade", [
    ("Would add that the care leavers judgement was still inadequate.", "care_leavers", "inadequate"),
    ("I'd point out that leadership was judged good as well.", "leadership", "good"),
    ("Worth adding that help and protection was rated outstanding.", "help_and_protection", "outstanding"),
])
def test_a_comment_adding_a_verdict_is_about_the_post_s_council(comment, judgement, grade):
    """Not the council the post named last; "Would add that" asserts what it adds."""
    rows = rating_rows(["Torbay's children's services were rated good by Ofsted this week.",
                        "So what changed? Stable leadership, and a partnership with Plymouth that nobody talks about.",
                        Block("comment", comment)], PUBLISHED)
    assert (TORBAY, judgement, grade, 2025, False) in rows


# --- a definition list's terms and definitions; a speaker's label -------------------------------------------------

@pytest.mark.parametrize("entries, expected", [
    ("<dt>Overall effectiveness</dt><dd>Good</dd><dt>Impact of leaders</dt><dd>Outstanding</dd>",
     [(NORFOLK, OVERALL, "good"), (NORFOLK, "leadership", "outstanding")]),
    ("<div><dt>Care leavers</dt><dd>Requires improvement</dd></div><div><dt>Children in care</dt><dd>Good</dd></div>",
     [(NORFOLK, "care_leavers", "requires_improvement"), (NORFOLK, "children_in_care", "good")]),
    ("<dt>Suffolk</dt><dd>Inadequate</dd><dt>Essex</dt><dd>Outstanding</dd>",
     [(SUFFOLK, OVERALL, "inadequate"), (ESSEX, OVERALL, "outstanding")]),
])
def test_a_definition_list_is_read_term_by_term(entries, expected):
    page = (f"<html><head><title>Ofsted verdicts</title></head><body><article><h1>Ofsted verdicts</h1><p>Norfolk "
            f"County Council's children's services have been inspected by Ofsted this spring.</p><dl>{entries}</dl>"
            f"</article></body></html>").encode()
    doc = parse_article("https://blog.example/p", page, "text/html", datetime(2026, 1, 1), _SOURCE, "x")
    doc = replace(doc, published_on=PUBLISHED)
    rows = {(r.council_code, r.judgement, r.grade) for r in extract(doc).ratings}
    assert set(expected) <= rows


@pytest.mark.parametrize("turns, judgement, grade", [
    (["Q: And care leavers? A: Requires improvement."], "care_leavers", "requires_improvement"),
    (["QUESTION: How was help and protection judged?", "ANSWER: Outstanding."], "help_and_protection", "outstanding"),
    (["PRESENTER: What about children in care?", "REPORTER: Good, as it was last time."], "children_in_care", "good"),
])
def test_a_speaker_s_label_is_no_part_of_the_answer(turns, judgement, grade):
    rows = rating_rows(["Norfolk County Council's children's services have been inspected by Ofsted.", *turns],
                       PUBLISHED)
    assert (NORFOLK, judgement, grade, 2025, False) in rows


# --- a grade before the noun it grades, singular or plural, with the years it lists ----------------------------------

@pytest.mark.parametrize("sentence, grade, years", [
    ("The director said this compared well with the inadequate outcomes of 2014 and 2016.", "inadequate",
     (2014, 2016)),
    ("Members recalled its requires improvement ratings in 2013 and 2017.", "requires_improvement", (2013, 2017)),
    ("Since the good verdicts of 2012, 2016 and 2020 little has changed.", "good", (2012, 2016, 2020)),
])
def test_a_grade_given_to_a_plural_noun_is_each_year_s(sentence, grade, years):
    rows = rating_rows(["Stockport's children's services were rated outstanding by Ofsted this week.", sentence],
                       PUBLISHED)
    for year in years:
        assert (STOCKPORT, OVERALL, grade, year, True) in rows


def test_good_outcomes_for_children_are_no_grade():
    rows = rating_rows(["Stockport's children's services were rated outstanding by Ofsted this week.",
                        "The council wants the good outcomes children achieve in 2025 to last."], PUBLISHED)
    assert not any(grade == "good" for _, _, grade, _, _ in rows)


# --- a list item's own time ---------------------------------------------------------------------------------------

LEEDS, BRADFORD, WIGAN = "E08000035", "E08000032", "E08000010"


@pytest.mark.parametrize("blocks, council, grade, year", [
    ([Block("heading", "Outstanding", level=3), Block("list_item", "Leeds (2022)", list_id=1),
      Block("list_item", "Wigan (2019)", list_id=1)], LEEDS, "outstanding", 2022),
    (["Rated inadequate:", Block("list_item", "Bradford, March 2022", list_id=1),
      Block("list_item", "Wigan, June 2016", list_id=1)], BRADFORD, "inadequate", 2022),
    (["The latest grades:", Block("list_item", "Wigan, March 2023 – good", list_id=1),
      Block("list_item", "Leeds – outstanding", list_id=1)], WIGAN, "good", 2023),
])
def test_a_list_item_s_own_time_dates_its_council_s_grade(blocks, council, grade, year):
    rows = rating_rows(["Where the councils of the north stand, by their latest Ofsted grade.", *blocks], PUBLISHED)
    assert (council, OVERALL, grade, year, True) in rows


# --- a table cell spanning rows ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("rows, council, grades", [
    ('<tr><td rowspan="2">Leeds</td><td>2018</td><td>Outstanding</td></tr><tr><td>2022</td><td>Good</td></tr>',
     LEEDS, [("outstanding", 2018), ("good", 2022)]),
    ('<tr><td rowspan="3">Bradford</td><td>2016</td><td>Requires improvement</td></tr><tr><td>2018</td>'
     '<td>Inadequate</td></tr><tr><td>2022</td><td>Inadequate</td></tr>', BRADFORD,
     [("requires_improvement", 2016), ("inadequate", 2018), ("inadequate", 2022)]),
    ('<tr><td>Wigan</td><td rowspan="2">2019</td><td>Good</td></tr><tr><td>Leeds</td><td>Outstanding</td></tr>',
     LEEDS, [("outstanding", 2019)]),
])
def test_a_cell_spanning_rows_is_each_row_s(rows, council, grades):
    page = (f"<html><head><title>Ofsted grades</title></head><body><article><h1>Ofsted grades</h1><p>How the "
            f"councils of West Yorkshire and beyond have fared at their inspections.</p><table><tr><th>Council</th>"
            f"<th>Year</th><th>Grade</th></tr>{rows}</table></article></body></html>").encode()
    doc = parse_article("https://blog.example/p", page, "text/html", datetime(2026, 1, 1), _SOURCE, "x")
    rows = {(r.council_code, r.grade, r.rated_year) for r in extract(replace(doc, published_on=PUBLISHED)).ratings}
    assert {(council, grade, year) for grade, year in grades} <= rows
