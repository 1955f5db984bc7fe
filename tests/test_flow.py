"""End to end: the Prefect flows over the sample site on loopback, into a temporary DuckDB."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csi.sample_site import serve_site
from flows.demo import demo
from flows.ingest import ingest
from front.cli import app
from scrapers.archive import read_response
from tests.conftest import copy_demo_warehouse, db_rows, offline_sources
from tests.loopback import closed_port

pytestmark = pytest.mark.official_record  # the demo warehouse is production's: read with the record

DERIVED_TABLES = ("documents", "document_councils", "inspections", "ratings", "findings", "quotes", "metrics",
                  "councils", "council_aliases")


def _dump(db) -> dict[str, list]:
    return {t: sorted(map(repr, db_rows(db, f"SELECT * FROM {t}"))) for t in DERIVED_TABLES}


@pytest.fixture(scope="module")
def demo_db(demo_warehouse, tmp_path_factory):
    """The session's demo run (tests/conftest.py), then a second run on the same port over a copy of it."""
    db = copy_demo_warehouse(demo_warehouse, tmp_path_factory.mktemp("demo"))
    _, port, first_summary = demo_warehouse
    after_first = _dump(db)
    second = demo(db=str(db), port=port, return_state=True)
    assert second.is_completed(), second.message
    return db, first_summary, after_first, _dump(db)



def test_demo_loads_every_sample_document(demo_db):
    db, summary, _, _ = demo_db
    assert summary["documents_this_run"] == {
        "sample-lgc": 1, "sample-csnews": 1, "sample-cypnow": 1, "sample-hounslow-chronicle": 1,
        "sample-hillingdon-moderngov": 1}
    assert summary["failures"]["failed_urls"] == 0
    assert summary["tables"]["documents"] == 6  # the five pages and the official outcomes edition
    # The second demo run revalidates the edition: a 304, not reloaded.
    assert db_rows(db, "SELECT outcome, count(*) FROM fetches WHERE outcome <> 'ok' GROUP BY 1") == [
        ("not_modified", 1)]
    assert db_rows(db, "SELECT source, doc_type, title FROM documents WHERE source = 'ofsted_mi'") == [
        ("ofsted_mi", "statistics", "Local authority inspection outcomes as at 31 March 2025")]


def test_demo_rows_for_the_seed_documents(demo_db):
    db = demo_db[0]
    ratings = set(db_rows(db, """SELECT c.name, judgement, grade, rated_year, is_historical
                                FROM ratings JOIN councils c USING (council_code) JOIN documents d USING (document_id)
                                WHERE d.source <> 'ofsted_mi'"""))
    assert ratings == {
        ("Hillingdon", "overall_effectiveness", "good", 2018, False),
        ("Hillingdon", "leadership", "outstanding", 2018, False),
        ("Hillingdon", "help_and_protection", "good", 2018, False),
        ("Hillingdon", "children_in_care", "good", 2018, False),
        ("Hillingdon", "care_leavers", "good", 2018, False),  # "children in care and care leavers": both
        # "the Ofsted inspection in December 2013": the SIF published in February 2014 (the official record)
        ("Hillingdon", "overall_effectiveness", "requires_improvement", 2014, True),
        ("Haringey", "overall_effectiveness", "requires_improvement", 2018, False),
        ("Haringey", "overall_effectiveness", "requires_improvement", 2014, True),
        ("Hounslow", "overall_effectiveness", "requires_improvement", 2014, False),
        ("Hounslow", "lscb", "requires_improvement", 2014, False),
    }
    assert ("ssi", "ssi") in db_rows(db, "SELECT inspectorate, framework FROM inspections")
    assert ("joint", "jtai") in db_rows(db, "SELECT inspectorate, framework FROM inspections")
    speakers = {s for (s,) in db_rows(db, "SELECT speaker FROM quotes")}
    assert speakers == {"Denise Platt", "Graeme Betts", "John Ransford", "David Simmonds", "Elin Weston",
                        "Lily Bath"}
    assert db_rows(db, """SELECT kind, count(*) FROM findings f JOIN documents d USING (document_id)
                         WHERE d.source = 'sample-hounslow-chronicle' GROUP BY kind ORDER BY kind""") == [
        ("strength", 5), ("weakness", 9)]
    metrics = set(db_rows(db, "SELECT name, value FROM metrics"))
    assert {("children_in_need", 1758.0), ("children_in_need", 2200.0), ("action_plan_actions", 41.0),
            ("action_plan_actions_completed", 30.0), ("agency_staff_tenure_weeks", 37.0)} <= metrics


def test_every_row_traces_to_a_document(demo_db):
    db = demo_db[0]
    for table in ("ratings", "findings", "quotes", "metrics", "document_councils"):
        orphans = db_rows(db, f"SELECT count(*) FROM {table} t ANTI JOIN documents d USING (document_id)")
        assert orphans == [(0,)], table
    assert db_rows(db, "SELECT count(*) FROM ratings r ANTI JOIN inspections i USING (inspection_id)") == [(0,)]


def test_second_run_changes_nothing(demo_db):
    _, _, after_first, after_second = demo_db
    assert after_first == after_second
    assert all(after_first[t] for t in DERIVED_TABLES)


def test_fetches_point_into_the_warc_archive(demo_db):
    db = demo_db[0]
    rows = db_rows(db, """SELECT f.warc_file, f.warc_offset, f.content_sha256, d.url FROM fetches f
                         JOIN documents d ON d.url = f.url AND d.content_sha256 = f.content_sha256
                         WHERE f.outcome = 'ok'""")
    assert len(rows) >= 6
    for warc_file, offset, sha, url in rows:
        archived = read_response(warc_file, offset)
        assert archived.url == url and archived.status == 200
        assert hashlib.sha256(archived.body).hexdigest() == sha


def test_runs_are_recorded(demo_db):
    db = demo_db[0]
    assert db_rows(db, "SELECT count(*), min(state) FROM runs WHERE flow = 'demo-ingest'") == [(2, "COMPLETED")]


def test_the_demo_has_its_own_warehouse_port_and_artifact_and_leaves_production_alone(
        demo_db, prefect_harness, tmp_path, monkeypatch):
    """`csi demo` with no --db: its summary and example queries printed, its own warehouse written under a relative
    path (data/demo.duckdb), production's left alone; then reparse finds its archive from another directory."""
    import duckdb
    from prefect.artifacts import Artifact

    from flows.maintenance import reparse

    production = tmp_path / "data" / "csi.duckdb"
    production.parent.mkdir()
    duckdb.connect(str(production)).close()
    before = (production.read_bytes(), production.stat().st_mtime_ns)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CSI_DB", str(production))  # an operator's environment names production's warehouse
    for name in ("CSI_DEMO_DB", "CSI_WARC_DIR"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(app, ["demo", "--port", str(closed_port())])
    assert result.exit_code == 0, result.output
    for word in ("documents", "ratings", "findings", "quotes", "metrics", "failures", "SELECT"):
        assert word in result.output
    assert "Hillingdon" in result.output
    assert (production.read_bytes(), production.stat().st_mtime_ns) == before
    assert {p.name for p in production.parent.iterdir()} >= {"csi.duckdb", "demo.duckdb", "demo-warc"}
    assert not (production.parent / "warc").exists()
    # Another port this time: the same documents all the same.
    ports = {url.split("/")[2] for (url,) in db_rows(demo_db[0], "SELECT url FROM documents")}
    here = production.parent / "demo.duckdb"
    assert ports.isdisjoint(url.split("/")[2] for (url,) in db_rows(here, "SELECT url FROM documents"))
    ids = "SELECT document_id FROM documents ORDER BY 1"
    assert db_rows(here, ids) == db_rows(demo_db[0], ids) and len(db_rows(here, ids)) >= 5
    assert ("demo-ingest",) in db_rows(here, "SELECT flow FROM runs")
    assert "sample-lgc" in Artifact.get("demo-ingest-summary").data
    # The archive of a warehouse named by a relative path is recorded absolute: found from any directory.
    monkeypatch.chdir(tmp_path / "elsewhere")
    state = reparse(db=str(here), return_state=True)
    assert state.is_completed(), state.message
    assert state.result()["reparsed"] >= 5 and state.result()["missing_from_archive"] == 0
    assert all(Path(f).is_absolute() for (f,) in db_rows(here, "SELECT warc_file FROM fetches WHERE warc_file "
                                                              "IS NOT NULL"))


def test_a_busy_demo_port_is_one_line(prefect_harness, tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["demo", "--db", str(tmp_path / "demo.duckdb"), "--port", str(port)])
        state = demo(db=str(tmp_path / "demo.duckdb"), port=port, return_state=True)
    assert result.exit_code == 2 and "busy" in result.output and len(result.output.strip().splitlines()) <= 2
    assert "Traceback" not in result.output
    assert state.is_failed() and f"127.0.0.1:{port}" in state.message


def test_unreachable_sources_fail_loudly(prefect_harness, tmp_path):
    db = tmp_path / "csi.duckdb"
    state = ingest(sources_file=str(offline_sources(tmp_path / "sources.toml")), db=str(db),
                   base_url=f"http://127.0.0.1:{closed_port()}", return_state=True)
    assert state.is_failed()
    assert "no documents from 5 source(s)" in state.message
    outcomes = db_rows(db, "SELECT url, outcome FROM fetches ORDER BY url")
    assert len(outcomes) == 5 and {o for _, o in outcomes} == {"connection_error"}
    assert db_rows(db, "SELECT state FROM runs") == [("FAILED",)]


def test_cli_run_offline_explains_and_exits_non_zero(prefect_harness, tmp_path):
    db = tmp_path / "csi.duckdb"
    sources = offline_sources(tmp_path / "sources.toml", f"http://127.0.0.1:{closed_port()}")
    result = CliRunner().invoke(app, ["run", "--db", str(db), "--sources", str(sources)])
    assert result.exit_code == 1
    assert "could not be reached" in result.output and "csi demo" in result.output
    assert "Traceback" not in result.output
    assert db_rows(db, "SELECT count(*) FROM fetches WHERE outcome = 'connection_error'") == [(5,)]


def test_sample_site_server_maps_query_strings():
    import requests

    with serve_site() as base:
        assert requests.get(f"{base}/moderngov/mgAi.aspx?ID=12345", timeout=5).status_code == 200
        assert requests.get(f"{base}/robots.txt", timeout=5).text.startswith("User-agent")
        assert requests.get(f"{base}/../../etc/passwd", timeout=5).status_code == 404


def test_moderngov_councils_expand_to_one_discovering_source_each():
    from scrapers.platforms import expand_sources
    from scrapers.sources import SourceConfigError, parse_sources

    template = '[[source]]\nname = "mg"\nadapter = "moderngov"\npublisher = "-"\nmin_delay_seconds = 2.0\n'
    expanded = expand_sources(list(parse_sources(template + 'councils = ["E09000017", "E09000018"]\n').sources))
    assert [(s.name, s.council, s.min_delay_seconds) for s in expanded] == [
        ("mg-E09000017", "E09000017", 2.0), ("mg-E09000018", "E09000018", 2.0)]
    assert all(s.moderngov_base and s.adapter == "moderngov" and s.doc_type == "minutes" for s in expanded)
    everyone = expand_sources(list(parse_sources(template + 'councils = "all"\n').sources))
    assert len(everyone) > 100 and len({s.moderngov_base for s in everyone}) == len(everyone)
    with pytest.raises(SourceConfigError, match="E99999999"):
        expand_sources(list(parse_sources(template + 'councils = ["E99999999"]\n').sources))
