"""Warehouse schema and loader: migrations, data dictionary, idempotent and atomic loads."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from csi import frameworks, records
from csi.records import (
    Council,
    CouncilAlias,
    DocumentCouncil,
    DocumentInspection,
    DocumentRow,
    FetchRow,
    Finding,
    Inspection,
    Metric,
    Quote,
    Rating,
    make_id,
)
from warehouse import db
from warehouse.db import Batch

NASTY = "O'Brien said \"it's\" C:\\path\\n \\' ''; DROP TABLE councils; -- ünïcødé\nline two\ttab"


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """A warehouse file migrated once for the module (test_migrate_applies_every_packaged_version_once shows
    migrate on a fresh file): each test's `con` is a copy of it, not a migration of its own."""
    path = tmp_path_factory.mktemp("migrated") / "warehouse.duckdb"
    connection = db.connect(path)
    db.migrate(connection)
    connection.close()
    return path


@pytest.fixture
def con(migrated: Path, tmp_path: Path):
    path = tmp_path / "warehouse.duckdb"
    shutil.copyfile(migrated, path)
    connection = db.connect(path)
    yield connection
    connection.close()


def snapshot(con) -> dict[str, list]:
    return {
        table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in db.CONTRACT_TABLES
    }


def document(url: str, text: str = "Ofsted rated it good.", title: str | None = "Verdict") -> DocumentRow:
    return DocumentRow(
        document_id=make_id("document", url), url=url, source="local_news", publisher="Gazette",
        doc_type="news", title=title, author=None, published_on=date(2023, 5, 12),
        fetched_at=datetime(2024, 1, 2, 3, 4, 5), content_sha256="ab" * 32, content_type="text/html",
        parser="news_html@1", text=text,
    )


def rating(doc: DocumentRow, judgement: str = "overall_effectiveness", grade: str = "good",
           evidence: str = "Overall effectiveness: Good") -> Rating:
    return Rating(
        rating_id=make_id("rating", doc.document_id, judgement), council_code="E09000017",
        inspection_id=None, judgement=judgement, grade=grade, grade_rank=records.GRADE_RANK.get(grade, 9),
        grade_label=grade.replace("_", " ").capitalize(), rated_year=2023, rated_on=None, is_historical=False,
        document_id=doc.document_id, evidence=evidence,
    )


def inspection(**changes) -> Inspection:
    base = Inspection(
        inspection_id=make_id("inspection", "E09000017", "ilacs_standard", 2023), council_code="E09000017",
        inspectorate="ofsted", framework="ilacs_standard", visit_start=None, visit_end=None,
        published_on=None, lead_inspector=None, report_url=None,
    )
    return dataclasses.replace(base, **changes)


def council(name: str = "Hillingdon", code: str = "E09000017", kind: str = "london_borough") -> Council:
    return Council(code, name, f"London Borough of {name}", kind, "London", "80478", "312", None, None, None)


def fetch(url: str, outcome: str = "ok", error: str | None = None) -> FetchRow:
    return FetchRow(
        fetch_id=make_id("fetch", url, "2024-01-02"), url=url, source="local_news",
        requested_at=datetime(2024, 1, 2, 3, 4, 0), status_code=200, outcome=outcome, error=error,
        elapsed_ms=120, bytes=5_000_000_000, etag='W/"abc"', last_modified=None, warc_file="a.warc.gz",
        warc_offset=3_000_000_000, run_id="run-1",
    )


def full_batch(url: str = "https://news.example/hillingdon-good") -> Batch:
    doc = document(url)
    return Batch(
        documents=[doc],
        document_councils=[DocumentCouncil(doc.document_id, "E09000017", 3)],
        document_inspections=[DocumentInspection(doc.document_id, inspection().inspection_id)],
        inspections=[inspection(published_on=date(2023, 5, 10))],
        ratings=[rating(doc), rating(doc, "leadership", "outstanding", "Leaders: Outstanding")],
        findings=[Finding(make_id("finding", doc.document_id, 1), "E09000017", doc.document_id, None,
                          "weakness", "caseloads", "Caseloads are too high.")],
        quotes=[Quote(make_id("quote", doc.document_id, 1), doc.document_id, "E09000017", "Cllr Jane Palmer",
                      "cabinet member", "Hillingdon Council", "We are delighted.")],
        metrics=[Metric(make_id("metric", doc.document_id, 1), doc.document_id, "E09000017",
                        "average_caseload", 18.5, "count", date(2023, 3, 31), None, "Caseloads: 18.5.")],
        fetches=[fetch(url)],
    )


# --- migrations ---------------------------------------------------------------------------

def test_migrate_applies_every_packaged_version_once(tmp_path):
    con = db.connect(tmp_path / "w.duckdb")
    packaged = sorted(p.stem for p in (Path(db.__file__).parent / "migrations").glob("*.sql"))
    assert db.migrate(con) == packaged
    versions = con.execute("SELECT version, name FROM schema_version ORDER BY applied_at, version").fetchall()
    assert [name for _, name in versions] == packaged
    assert [v for v, _ in versions] == sorted(int(name.split("_")[0]) for name in packaged)
    assert db.migrate(con) == []
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(packaged)


def test_migrate_orders_numerically_and_rolls_back_a_failing_migration(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    (package / "migrations").mkdir(parents=True)
    (package / "migrations" / "2_b.sql").write_text("CREATE TABLE b (x INTEGER);")
    (package / "migrations" / "10_c.sql").write_text("ALTER TABLE b ADD COLUMN y INTEGER;")
    (package / "migrations" / "1_a.sql").write_text("CREATE TABLE a (x INTEGER);")
    (package / "migrations" / "notes.txt").write_text("not a migration")
    monkeypatch.setattr(db.resources, "files", lambda _name: package)
    con = db.connect(tmp_path / "w.duckdb")
    assert db.migrate(con) == ["1_a", "2_b", "10_c"]

    (package / "migrations" / "11_bad.sql").write_text("CREATE TABLE d (x INTEGER); SELECT * FROM missing;")
    with pytest.raises(duckdb.CatalogException):
        db.migrate(con)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 10
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'd'").fetchone()[0] == 0


def test_database_from_newer_code_is_refused(con):
    con.execute("INSERT INTO schema_version VALUES (999, '999_future', TIMESTAMP '2030-01-01')")
    with pytest.raises(db.SchemaTooNew, match="999"):
        db.migrate(con)


# --- schema -------------------------------------------------------------------------------

def test_every_table_and_column_has_a_comment(con):
    tables = dict(con.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main'"
    ).fetchall())
    assert set(db.CONTRACT_TABLES) | {"schema_version"} <= set(tables)
    assert [t for t, comment in tables.items() if not (comment or "").strip()] == []
    uncommented = con.execute(
        "SELECT table_name || '.' || column_name FROM duckdb_columns() "
        "WHERE NOT internal AND schema_name = 'main' AND coalesce(trim(comment), '') = ''"
    ).fetchall()
    assert uncommented == []


@pytest.mark.parametrize("table, record_type", [
    ("councils", Council), ("council_aliases", CouncilAlias), ("documents", DocumentRow),
    ("document_councils", DocumentCouncil), ("document_inspections", DocumentInspection),
    ("inspections", Inspection), ("ratings", Rating),
    ("findings", Finding), ("quotes", Quote), ("metrics", Metric), ("fetches", FetchRow),
])
def test_tables_match_records_one_to_one(con, table, record_type):
    columns = [c for (c,) in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
    ).fetchall()]
    assert columns == [f.name for f in dataclasses.fields(record_type)]


@pytest.mark.parametrize("table, column, vocabulary", [
    ("ratings", "judgement", records.JUDGEMENTS), ("ratings", "grade", tuple(records.GRADE_RANK)),
    ("inspections", "inspectorate", records.INSPECTORATES), ("inspections", "framework", frameworks.FRAMEWORKS),
    ("documents", "doc_type", records.DOC_TYPES), ("findings", "kind", records.FINDING_KINDS),
    ("findings", "theme", records.THEMES), ("metrics", "unit", records.METRIC_UNITS),
    ("fetches", "outcome", records.FETCH_OUTCOMES),
    ("councils", "kind", ("london_borough", "metropolitan_district", "unitary", "county")),
])
def test_vocabulary_checks_match_records(con, table, column, vocabulary):
    (expression,) = con.execute(
        "SELECT expression FROM duckdb_constraints() WHERE table_name = ? AND constraint_type = 'CHECK' "
        "AND constraint_column_names = [?] AND expression LIKE '%IN (%'", [table, column]
    ).fetchone()
    assert set(re.findall(r"'([^']*)'", expression)) == set(vocabulary)


def test_check_rejects_bad_grade_and_inconsistent_rank(con):
    doc = document("https://news.example/a")
    with pytest.raises(duckdb.ConstraintException):
        db.load_batch(con, Batch(documents=[doc], ratings=[rating(doc, grade="excellent")]))
    wrong_rank = dataclasses.replace(rating(doc, grade="good"), grade_rank=4)
    with pytest.raises(duckdb.ConstraintException):
        db.load_batch(con, Batch(documents=[doc], ratings=[wrong_rank]))


# --- loading ------------------------------------------------------------------------------

def test_load_batch_is_idempotent(con):
    batch = full_batch()
    written = db.load_batch(con, batch)
    assert written == {"documents": 1, "document_councils": 1, "document_inspections": 1, "inspections": 1,
                       "ratings": 2,
                       "findings": 1, "quotes": 1, "metrics": 1, "fetches": 1}
    first = snapshot(con)
    db.load_batch(con, batch)
    assert snapshot(con) == first
    assert db.table_counts(con) == {
        "councils": 0, "council_aliases": 0, "documents": 1, "document_councils": 1, "inspections": 1,
        "ratings": 2, "findings": 1, "quotes": 1, "metrics": 1, "fetches": 1, "runs": 0,
    }


def test_reloading_a_document_replaces_its_derived_rows(con):
    db.load_batch(con, full_batch("https://news.example/a"))
    other = full_batch("https://news.example/b")
    db.load_batch(con, other)
    doc = document("https://news.example/a", text="Reparsed: only leadership found.")
    kept = rating(doc, "leadership", "outstanding", "Leaders: Outstanding")
    db.load_batch(con, Batch(documents=[doc], ratings=[kept]))

    rows = con.execute("SELECT document_id, rating_id FROM ratings ORDER BY ALL").fetchall()
    others = sorted((r.document_id, r.rating_id) for r in other.ratings)
    assert rows == sorted([(doc.document_id, kept.rating_id), *others])
    other_id = other.documents[0].document_id
    for table in ("document_councils", "findings", "quotes", "metrics"):
        assert con.execute(f"SELECT document_id FROM {table}").fetchall() == [(other_id,)]
    assert con.execute("SELECT text FROM documents WHERE document_id = ?", [doc.document_id]).fetchone() == (
        "Reparsed: only leadership found.",)


def test_an_inspection_no_document_names_any_more_is_deleted(con):
    first, second = full_batch("https://news.example/a"), full_batch("https://news.example/b")
    db.load_batch(con, first)
    db.load_batch(con, second)
    iid = inspection().inspection_id
    # The first document is reparsed and no longer names the inspection: the second still does.
    db.load_batch(con, Batch(documents=first.documents))
    assert con.execute("SELECT count(*) FROM inspections WHERE inspection_id = ?", [iid]).fetchall() == [(1,)]
    db.load_batch(con, Batch(documents=second.documents))
    assert con.execute("SELECT count(*) FROM inspections WHERE inspection_id = ?", [iid]).fetchall() == [(0,)]


def test_inspection_merge_keeps_stored_values_that_incoming_rows_lack(con):
    report = inspection(visit_start=date(2023, 3, 6), visit_end=date(2023, 3, 17),
                        lead_inspector="Jane Smith", report_url="https://files.ofsted.gov.uk/v1/file/1")
    db.load_batch(con, Batch(inspections=[report]))
    news = inspection(published_on=date(2023, 5, 10), framework="ilacs_standard")
    db.load_batch(con, Batch(inspections=[news]))
    stored = Inspection(*con.execute("SELECT * FROM inspections").fetchone())
    assert stored == dataclasses.replace(report, published_on=date(2023, 5, 10))


def test_inspections_in_one_batch_merge_too(con):
    report = inspection(lead_inspector="Jane Smith")
    news = inspection(published_on=date(2023, 5, 10))
    db.load_batch(con, Batch(inspections=[report, news]))
    assert con.execute("SELECT lead_inspector, published_on FROM inspections").fetchall() == [
        ("Jane Smith", date(2023, 5, 10))]


def test_duplicate_keys_in_a_batch_keep_the_last_row(con):
    doc = document("https://news.example/a")
    first, last = rating(doc, evidence="first"), rating(doc, evidence="last")
    written = db.load_batch(con, Batch(documents=[doc, doc], ratings=[first, last]))
    assert written["ratings"] == 1
    assert con.execute("SELECT evidence FROM ratings").fetchall() == [("last",)]


def test_a_stored_fetch_is_replaced_by_its_new_record(con):
    """A reparse re-records a fetch's parse outcome under the same fetch_id."""
    original = fetch("https://news.example/a")
    db.load_batch(con, Batch(fetches=[original]))
    written = db.load_batch(con, Batch(fetches=[dataclasses.replace(original, outcome="parse_error", error="E")]))
    assert written["fetches"] == 1
    assert con.execute("SELECT outcome, error, bytes, warc_offset FROM fetches").fetchall() == [
        ("parse_error", "E", 5_000_000_000, 3_000_000_000)]


def test_failing_batch_leaves_every_table_as_before(con):
    db.load_batch(con, full_batch("https://news.example/a"))
    db.record_run(con, "run-1", "scrape-news", datetime(2024, 1, 2), None, "Running", {})
    before = snapshot(con)

    bad = full_batch("https://news.example/a")
    new = full_batch("https://news.example/b")
    bad.documents.append(new.documents[0])
    bad.fetches += new.fetches
    bad.inspections = [inspection(lead_inspector="Someone Else")]
    bad.ratings = [rating(bad.documents[0], "leadership"), rating(new.documents[0], "not_a_judgement")]
    with pytest.raises(duckdb.ConstraintException):
        db.load_batch(con, bad)
    assert snapshot(con) == before
    db.load_batch(con, new)  # the connection is usable: no transaction left open
    assert db.table_counts(con)["documents"] == 2


def test_text_round_trips_exactly(con):
    doc = document("https://news.example/it's?q=1&x=\\", text=NASTY, title=NASTY)
    quote = Quote(make_id("quote", NASTY), doc.document_id, None, NASTY, None, NASTY, NASTY)
    db.load_batch(con, Batch(documents=[doc], ratings=[rating(doc, evidence=NASTY)], quotes=[quote]))
    db.seed_reference(con, [council(NASTY)], [CouncilAlias(NASTY, "E09000017")])

    assert DocumentRow(*con.execute("SELECT * FROM documents").fetchone()) == doc
    assert Quote(*con.execute("SELECT * FROM quotes").fetchone()) == quote
    assert con.execute("SELECT evidence FROM ratings").fetchone() == (NASTY,)
    assert Council(*con.execute("SELECT * FROM councils").fetchone()) == council(NASTY)
    assert con.execute("SELECT alias FROM council_aliases").fetchone() == (NASTY,)


def test_aware_datetimes_are_stored_as_utc(con):
    one_pm_bst = datetime(2024, 7, 1, 13, 0, tzinfo=timezone(timedelta(hours=1)))
    doc = dataclasses.replace(document("https://news.example/a"), fetched_at=one_pm_bst)
    db.load_batch(con, Batch(documents=[doc]))
    db.record_run(con, "r", "f", one_pm_bst, None, "Running", {})
    assert con.execute("SELECT fetched_at FROM documents").fetchone() == (datetime(2024, 7, 1, 12, 0),)
    assert con.execute("SELECT started_at FROM runs").fetchone() == (datetime(2024, 7, 1, 12, 0),)


# --- reference data and runs --------------------------------------------------------------

def test_seed_reference_replaces_both_tables_atomically(con):
    db.seed_reference(con, [council(), council("Barnet", "E09000003")],
                      [CouncilAlias("hillingdon", "E09000017"), CouncilAlias("barnet", "E09000003")])
    written = db.seed_reference(con, [council()], [CouncilAlias("hillingdon", "E09000017")])
    assert written == {"councils": 1, "council_aliases": 1}
    assert con.execute("SELECT council_code FROM councils").fetchall() == [("E09000017",)]
    before = snapshot(con)
    with pytest.raises(duckdb.ConstraintException):
        db.seed_reference(con, [council("Nowhere", "E99999999", kind="parish")], [])
    assert snapshot(con) == before


def test_record_run_upserts(con):
    started = datetime(2024, 1, 2, 3, 0, tzinfo=UTC)
    db.record_run(con, "run-1", "scrape-news", started, None, "Running", {})
    db.record_run(con, "run-1", "scrape-news", started, started + timedelta(minutes=5), "Completed",
                  {"documents": 80, "ratings": 12})
    row = con.execute("SELECT state, finished_at, counts->>'ratings', counts FROM runs").fetchall()
    assert len(row) == 1
    state, finished_at, ratings, counts = row[0]
    assert (state, finished_at, ratings) == ("Completed", datetime(2024, 1, 2, 3, 5), "12")
    assert json.loads(counts) == {"documents": 80, "ratings": 12}


# --- connecting ---------------------------------------------------------------------------

def test_read_only_connect_to_missing_file_explains_and_creates_nothing(tmp_path):
    path = tmp_path / "absent" / "warehouse.duckdb"
    with pytest.raises(db.WarehouseMissing, match="run `csi demo` or `csi run` first") as raised:
        db.connect(str(path), read_only=True)
    assert isinstance(raised.value, FileNotFoundError)
    assert str(path) in str(raised.value)
    assert not path.parent.exists()


def test_connect_creates_parent_directory_and_read_only_cannot_write(tmp_path):
    path = tmp_path / "nested" / "dir" / "warehouse.duckdb"
    con = db.connect(path)
    db.migrate(con)
    con.close()
    reader = db.connect(path, read_only=True)
    assert db.table_counts(reader)["councils"] == 0
    with pytest.raises(duckdb.Error):
        db.load_batch(reader, full_batch())
