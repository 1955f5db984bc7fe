"""Current means current: councils that exist today, lineage across reorganisations, one inspection per
inspection, and current judgements from the latest graded inspection as a whole, checked against an
official-shaped "as at 31 March" snapshot."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from flows.official_outcomes import outcomes_batch
from pipeline.load import load
from transforms.councils import default_index, load_aliases, load_councils
from transforms.grades import normalise_grade
from transforms.official_outcomes import judgement_of, read_outcomes
from warehouse.db import connect, migrate, seed_reference

FIXTURES = Path(__file__).parent / "fixtures" / "current"
NORTH_YORKSHIRE_CC, NORTH_YORKSHIRE = "E10000023", "E06000065"
SOMERSET_CC, SOMERSET = "E10000027", "E06000066"
NORTHAMPTONSHIRE, NORTH_NORTHANTS, WEST_NORTHANTS = "E10000021", "E06000061", "E06000062"
CUMBRIA, CUMBERLAND = "E10000006", "E06000063"
BARNET, KENT = "E09000003", "E10000016"


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    connection = connect(tmp_path_factory.mktemp("current") / "csi.duckdb")
    migrate(connection)
    seed_reference(connection, load_councils(), load_aliases())
    for name in ("inspections_2009_2023_wide.csv", "ilacs_history.csv"):
        outcomes = read_outcomes((FIXTURES / name).read_bytes(), name, f"https://example.org/{name}",
                                 datetime(2026, 7, 1))
        assert outcomes.rows and not outcomes.skipped
        load(connection, outcomes_batch(outcomes))  # as the flows load: identities resolved, versions set
    yield connection
    connection.close()


def _rows(con, sql: str, params: list | None = None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


def test_councils_say_whether_they_exist_today_and_lineage_links_reorganisations(con):
    assert _rows(con, "SELECT count(*) FILTER (is_current), count(*) FILTER (NOT is_current) FROM councils") == [
        (153, 10)]
    assert _rows(con, "SELECT successor_code, change, changed_on FROM council_lineage WHERE predecessor_code = ? "
                      "ORDER BY 1", [NORTHAMPTONSHIRE]) == [
        (NORTH_NORTHANTS, "split", date(2021, 4, 1)), (WEST_NORTHANTS, "split", date(2021, 4, 1))]
    assert _rows(con, "SELECT successor_code, change FROM council_lineage WHERE predecessor_code = 'E10000001' "
                      "ORDER BY 1") == [("E06000055", "split"), ("E06000056", "split")]  # Bedfordshire, 2009
    assert _rows(con, "SELECT change FROM council_lineage WHERE predecessor_code = ?", [NORTH_YORKSHIRE_CC]) == [
        ("replaced",)]
    assert _rows(con, "SELECT DISTINCT change FROM council_lineage WHERE successor_code = 'E06000058'") == [
        ("merged",)]
    predecessors = {code for (code,) in _rows(con, "SELECT predecessor_code FROM council_predecessors")}
    assert predecessors == {code for (code,) in _rows(con, "SELECT council_code FROM councils WHERE NOT is_current")}


def test_an_inspection_listed_under_todays_code_belongs_to_the_council_inspected():
    index = default_index()
    assert index.as_of(NORTH_YORKSHIRE, date(2018, 7, 2)) == NORTH_YORKSHIRE_CC
    assert index.as_of(NORTH_YORKSHIRE, date(2023, 7, 3)) == NORTH_YORKSHIRE
    assert index.as_of(CUMBERLAND, date(2022, 9, 20)) == CUMBRIA
    assert index.as_of("E06000058", date(2018, 7, 1)) == "E06000058"  # two predecessors: undecidable


@pytest.mark.parametrize(("council", "year", "other"), [
    (NORTH_YORKSHIRE_CC, 2018, NORTH_YORKSHIRE), (SOMERSET_CC, 2022, SOMERSET)])
def test_a_reorganised_councils_inspection_is_one_row_under_the_council_inspected(con, council, year, other):
    # Both files list it: the 2009-2023 sheet by name, the ILACS history under today's code.
    assert _rows(con, "SELECT council_code, count(DISTINCT di.document_id) FROM inspections "
                      "JOIN document_inspections di USING (inspection_id) "
                      "WHERE council_code IN (?, ?) AND year(published_on) = ? AND framework LIKE 'ilacs%' GROUP BY 1",
                 [council, other, year]) == [(council, 2)]
    assert _rows(con, "SELECT count(*) FROM inspections i JOIN councils c USING (council_code) "
                      "WHERE coalesce(i.visit_start, i.published_on) NOT BETWEEN "
                      "coalesce(c.start_date, DATE '1900-01-01')"
                      " AND coalesce(c.end_date, DATE '2999-12-31')") == [(0,)]


def test_a_trajectory_spans_a_reorganisation(con):
    assert _rows(con, "SELECT from_council_name, from_year, from_grade, to_council_name, to_year, to_grade, change "
                      "FROM council_trajectory WHERE council_code = ? AND to_year > 2019", [NORTH_NORTHANTS]) == [
        ("Northamptonshire", 2019, "inadequate", "North Northamptonshire", 2022, "requires_improvement", "improved")]
    # The abolished council keeps its own history, which stops at its abolition.
    assert _rows(con, "SELECT max(to_year) FROM council_trajectory WHERE council_code = ?", [NORTHAMPTONSHIRE]) == [
        (2019,)]


def test_current_judgements_come_from_the_latest_graded_inspection_as_a_whole(con):
    assert _rows(con, "SELECT count(DISTINCT council_code) FROM latest_ratings") == [(153,)]
    assert _rows(con, "SELECT count(*) FROM latest_ratings l JOIN councils c USING (council_code) "
                      "WHERE NOT c.is_current") == [(0,)]
    # Somerset Council has not been inspected itself: the county council's 2022 inspection stands, labelled.
    assert _rows(con, "SELECT DISTINCT inspected_council_code, framework, published_on FROM latest_ratings "
                      "WHERE council_code = ?", [SOMERSET]) == [(SOMERSET_CC, "ilacs_standard", date(2022, 9, 21))]
    # Post-reform: no overall grade, said so, and no fallback to the 2019 overall grade.
    barnet = dict(_rows(con, "SELECT judgement, coalesce(grade, status) FROM latest_ratings WHERE council_code = ?",
                        [BARNET]))
    assert barnet == {"overall_effectiveness": "not_graded_by_framework", "leadership": "good",
                      "help_and_protection": "good", "children_in_care": "outstanding", "care_leavers": "good"}


def test_no_current_view_shows_an_older_frameworks_judgement_as_current(con):
    old = _rows(con, "SELECT council_code, judgement, framework FROM latest_ratings WHERE grade IS NOT NULL "
                     "AND (framework NOT LIKE 'ilacs%' OR judgement IN ('lscb', 'adoption', 'safeguarding', "
                     "'looked_after') OR coalesce(visit_start, published_on) < DATE '2018-01-01')")
    assert old == []
    # Kent's only inspection in the files is a 2017 SIF: it stays history, and Kent has no current grade.
    assert _rows(con, "SELECT judgement, grade, status FROM latest_ratings WHERE council_code = ?", [KENT]) == [
        ("overall_effectiveness", None, "no_inspection")]
    assert _rows(con, "SELECT count(*) FROM rating_history WHERE council_code = ? AND framework = 'sif'", [KENT]) \
        == [(4,)]  # overall, help and protection, adoption, LSCB


def _snapshot() -> dict[tuple[str, str], str]:
    """(council, judgement) -> grade, from the official-shaped "as at 31 March 2025" file."""
    grades = {}
    with open(FIXTURES / "as_at_31_march_2025.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for column, label in row.items():
                judgement = judgement_of(column)
                if judgement and label:
                    grades[(row["Local authority area code"], judgement)] = normalise_grade(label)
    return grades


def test_the_current_view_as_at_31_march_matches_the_official_snapshot(con):
    snapshot = _snapshot()
    got = {(c, j): g for c, j, g in _rows(con, "SELECT council_code, judgement, grade FROM "
                                               "ratings_as_at(DATE '2025-03-31') WHERE grade IS NOT NULL")}
    assert got == snapshot
    overall = Counter(g for (_, j), g in snapshot.items() if j == "overall_effectiveness")
    assert dict(_rows(con, "SELECT grade, count(*) FROM ratings_as_at(DATE '2025-03-31') "
                           "WHERE judgement = 'overall_effectiveness' AND grade IS NOT NULL GROUP BY 1")) == overall
    # Hounslow's inspection of May 2025 came after the snapshot date, and is its current one today.
    assert _rows(con, "SELECT grade FROM latest_ratings WHERE council_code = 'E09000018' "
                      "AND judgement = 'overall_effectiveness'") == [("inadequate",)]
