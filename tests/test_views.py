"""The analysts' views over a demo warehouse (plus one failing source): rows, documented columns, meaning."""

from __future__ import annotations

from collections import Counter

import duckdb
import pytest

from flows.ingest import ingest
from tests.conftest import copy_demo_warehouse, offline_sources
from tests.loopback import closed_port

pytestmark = pytest.mark.official_record  # the demo warehouse is production's: read with the record

VIEWS = ("latest_ratings", "rating_history", "council_trajectory", "findings_by_theme", "source_coverage",
         "fetch_failures")


@pytest.fixture(scope="module")
def con(demo_warehouse, tmp_path_factory):
    db = copy_demo_warehouse(demo_warehouse, tmp_path_factory.mktemp("views"))
    # One source whose host is down, so fetch_failures and the failure rates have something to show.
    broken = offline_sources(tmp_path_factory.mktemp("views") / "sources.toml", f"http://127.0.0.1:{closed_port()}")
    ingest(sources_file=str(broken), db=str(db), sources=["sample-lgc"], return_state=True)
    connection = duckdb.connect(str(db), read_only=True)
    yield connection
    connection.close()


def _rows(con, sql: str, params: list | None = None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


@pytest.mark.parametrize("view", VIEWS)
def test_view_returns_rows_and_documents_every_column(con, view):
    assert _rows(con, f"SELECT count(*) > 0 FROM {view}") == [(True,)]
    assert _rows(con, "SELECT comment <> '' FROM duckdb_views() WHERE view_name = ?", [view]) == [(True,)]
    undocumented = _rows(con, "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                              "AND coalesce(trim(comment), '') = ''", [view])
    assert undocumented == []


def test_latest_ratings_one_row_per_council_and_judgement(con):
    # Hillingdon's current judgements: all from its latest inspection in the official edition, none from news.
    hillingdon = _rows(con, "SELECT judgement, grade, framework, source, inspection_id FROM latest_ratings "
                            "WHERE council_code = 'E09000017' ORDER BY judgement")
    assert {j for j, *_ in hillingdon} >= {"overall_effectiveness", "leadership", "help_and_protection",
                                            "children_in_care"}
    assert {(f, src) for _, _, f, src, _ in hillingdon} <= {("ilacs_standard", "ofsted_mi"),
                                                             ("ilacs_short", "ofsted_mi")}
    assert len({iid for *_, iid in hillingdon}) == 1  # one inspection as a whole
    assert _rows(con, "SELECT count(*) = count(DISTINCT (council_code, judgement)) FROM latest_ratings") == [(True,)]
    # Every current council appears, and no other.
    assert _rows(con, "SELECT count(DISTINCT council_code) FROM latest_ratings") == \
        _rows(con, "SELECT count(*) FROM councils WHERE is_current")


def test_after_the_demo_the_current_view_gives_ofsteds_counts_for_the_bundled_edition(con):
    from python_calamine import CalamineWorkbook

    from csi.sample_site import SITE_DIR
    from transforms.grades import normalise_grade

    (edition,) = SITE_DIR.glob("media/*/LA_Inspection_Outcomes_as_at_31_March_2025.xlsx")
    rows = CalamineWorkbook.from_path(str(edition)).get_sheet_by_name("Inspections_as_at_31_March").to_python()
    header = next(i for i, row in enumerate(rows) if "Overall effectiveness" in row)
    column = rows[header].index("Overall effectiveness")
    official = Counter(normalise_grade(row[column]) for row in rows[header + 1:] if row[column])
    assert official == {"outstanding": 36, "good": 67, "requires_improvement": 31, "inadequate": 19}  # Ofsted's
    counts = dict(_rows(con, "select grade, count(*) from latest_ratings where judgement = 'overall_effectiveness' "
                             "group by 1"))
    assert counts == official


def test_rating_history_and_trajectory(con):
    history = _rows(con, "SELECT rated_year, framework, grade FROM rating_history WHERE council_code = 'E09000017' "
                         "AND judgement = 'overall_effectiveness' AND rated_year <= 2018")
    # the minutes' "Ofsted inspection in December 2013": the SIF published in February 2014 (the official record)
    assert history == [(2014, "sif", "requires_improvement"), (2018, "ilacs_standard", "good")]
    assert ("E09000017", 2014, "requires_improvement", 2018, "good", "improved") in _rows(
        con, "SELECT council_code, from_year, from_grade, to_year, to_grade, change FROM council_trajectory")
    assert ("Haringey", "unchanged") in _rows(con, "SELECT council_name, change FROM council_trajectory")


def test_findings_by_theme_counts_and_examples(con):
    total = _rows(con, "SELECT sum(findings) FROM findings_by_theme")[0][0]
    assert total == _rows(con, "SELECT count(*) FROM findings")[0][0]
    assert all(1 <= len(examples) <= 3 for (examples,) in _rows(con, "SELECT examples FROM findings_by_theme"))


def test_source_coverage_and_fetch_failures(con):
    coverage = dict(_rows(con, "SELECT source, sum(documents) FROM source_coverage GROUP BY source"))
    assert coverage == {"sample-lgc": 1, "sample-csnews": 1, "sample-cypnow": 1, "sample-hounslow-chronicle": 1,
                        "sample-hillingdon-moderngov": 1, "ofsted_mi": 1}
    rate = _rows(con, "SELECT DISTINCT failure_rate FROM source_coverage WHERE source = 'sample-lgc'")[0][0]
    assert 0 < rate < 1
    failures = _rows(con, "SELECT url, outcome, attempts FROM fetch_failures")
    assert failures and all(outcome == "connection_error" for _, outcome, _ in failures)
