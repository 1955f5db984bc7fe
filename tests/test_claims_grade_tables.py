"""Tables of grades whose header names the columns: a council per row, a judgement (or an earlier grade) per column.
Tables written for these tests in the shapes press releases and round-ups use, read through the whole extraction."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from csi.records import Block
from scrapers.platforms import parse_page
from scrapers.sources import Source
from tests.claim_docs import rating_rows
from transforms.extract import extract

TELFORD, TORBAY, HALTON = "E06000020", "E06000027", "E06000006"
PUBLISHED = date(2023, 5, 2)


def _table(*rows: str) -> set[tuple]:
    return rating_rows([Block("paragraph", "Ofsted published these council inspections this month."),
                        *[Block("table_row", r) for r in rows]], PUBLISHED)


@pytest.mark.parametrize("header", [
    "Council | Overall effectiveness | Impact of leaders | Help and protection | Children in care",
    "Local authority | Overall | Leadership | Children who need help and protection | Children looked after",
    "Area | Ofsted grade | The impact of leaders on social work practice | Help and protection | Experiences of "
    "children in care",
])
def test_each_cell_takes_its_columns_judgement_and_its_rows_council(header):
    got = _table(header, "Telford and Wrekin | Outstanding | Outstanding | Good | Outstanding",
                 "Torbay | Requires improvement | Good | Requires improvement | Inadequate")
    assert got == {(code, judgement, grade, 2023, False) for code, judgement, grade in [
        (TELFORD, "overall_effectiveness", "outstanding"), (TELFORD, "leadership", "outstanding"),
        (TELFORD, "help_and_protection", "good"), (TELFORD, "children_in_care", "outstanding"),
        (TORBAY, "overall_effectiveness", "requires_improvement"), (TORBAY, "leadership", "good"),
        (TORBAY, "help_and_protection", "requires_improvement"), (TORBAY, "children_in_care", "inadequate")]}


@pytest.mark.parametrize("header, earlier_year", [
    ("Local authority | Grade | Previous grade", 2016),
    ("Council | New rating | Last inspection", 2016),
    ("Council | Judgement | Rating in 2016", 2016),
])
def test_a_column_of_earlier_grades_gives_history(header, earlier_year):
    cell = "Requires improvement (2016)" if "2016" not in header else "Requires improvement"
    got = _table(header, f"Telford and Wrekin | Outstanding | {cell}", "Halton | Inadequate | Good")
    year = earlier_year if "2016" in header else None
    assert (TELFORD, "overall_effectiveness", "outstanding", 2023, False) in got
    assert (TELFORD, "overall_effectiveness", "requires_improvement", 2016, True) in got
    assert (HALTON, "overall_effectiveness", "inadequate", 2023, False) in got
    assert (HALTON, "overall_effectiveness", "good", year, True) in got
    assert not any(c == HALTON and g == "good" and not h for c, _, g, _, h in got)


@pytest.mark.parametrize("rows", [
    ("Year | Children in care | Care leavers", "2022 | 410 | 95", "2023 | 436 | 102"),
    ("Council | Children in care | Care leavers", "Torbay | 410 | 95", "Halton | 436 | 102"),
    ("Council | Overall effectiveness | Leadership", "Torbay | Good"),  # a cell left empty: not lined up
])
def test_tables_without_lined_up_grades_give_no_grades_from_the_header(rows):
    got = _table(*rows)
    assert not any(j == "leadership" or (j != "overall_effectiveness" and c == TORBAY) for c, j, _, _, _ in got)


def test_a_grade_table_in_a_press_release_page():
    html = b"""<html><head><title>Inspection results</title>
    <meta property="article:published_time" content="2023-05-02T10:00:00Z"></head><body><main><article>
    <h1>Inspection results for the region&#39;s councils</h1>
    <p>Ofsted has published the outcomes of three inspections of children&#39;s services in the region this spring,
    and each council has set out how it will respond to what inspectors found.</p>
    <table><tr><th>Council</th><th>Overall effectiveness</th><th>Impact of leaders</th></tr>
    <tr><td>Telford and Wrekin</td><td>Outstanding</td><td>Good</td></tr>
    <tr><td>Halton</td><td>Inadequate</td><td>Inadequate</td></tr></table>
    <p>The councils will publish action plans within seventy working days of their reports, as the rules
    require, and the region&#39;s directors meet next month to share what worked for those judged well.</p>
    </article></main></body></html>"""
    source = Source(name="t", adapter="news", publisher="Regional News", doc_type="press_release",
                    start_urls=("http://127.0.0.1/",), documents=())
    doc = parse_page("http://127.0.0.1/news/results", html, "text/html", datetime(2026, 1, 1), source, "x")
    got = {(r.council_code, r.judgement, r.grade, r.rated_year) for r in extract(doc).ratings}
    assert got == {(TELFORD, "overall_effectiveness", "outstanding", 2023), (TELFORD, "leadership", "good", 2023),
                   (HALTON, "overall_effectiveness", "inadequate", 2023), (HALTON, "leadership", "inadequate", 2023)}


@pytest.mark.parametrize("row", ["Staying safe | 3", "Leadership | 2", "Help and protection | 1"])
def test_a_row_naming_a_judgement_beside_a_number_is_no_header(row):
    from transforms.grade_tables import grade_table_header

    assert grade_table_header(row, PUBLISHED) is None


@pytest.mark.parametrize("header, rows", [
    ("| Telford and Wrekin | Torbay", ("2016 | Good | Inadequate",
                                     "Latest | Outstanding (2022) | Requires improvement")),
    ("Year | Telford and Wrekin | Torbay", ("2016 | Good | Inadequate", "2023 | Outstanding | Requires improvement")),
    ("Inspection | Telford and Wrekin | Torbay", ("Previous (2016) | Good | Inadequate",
                                                 "This inspection | Outstanding | Requires improvement")),
])
def test_a_table_comparing_councils_a_time_per_row_gives_each_council_its_overall_grade_then(header, rows):
    """(Not a row of a span of years: which year each council's grade is from, the row does not say.)"""
    got = _table(header.removeprefix("| "), *rows, "2017-18 | Inadequate | Good")  # which year each is, unsaid
    assert not any(r[2:4] == ("inadequate", 2017) or r[3] == 2018 for r in got)
    assert {(TELFORD, "overall_effectiveness", "good", 2016, True),
            (TORBAY, "overall_effectiveness", "inadequate", 2016, True)} <= got
    assert any(r[:3] == (TELFORD, "overall_effectiveness", "outstanding") for r in got)
    assert any(r[:3] == (TORBAY, "overall_effectiveness", "requires_improvement") for r in got)
