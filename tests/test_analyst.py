"""The analyst's commands on the demo warehouse: the data dictionary (csi docs), csi sql and csi export."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from front.cli import app
from tests.conftest import copy_demo_warehouse
from warehouse.docs import DOCS_PATH, EXAMPLES, relations, render
from warehouse.export import MANIFEST, export_parquet

pytestmark = pytest.mark.official_record  # the demo warehouse is production's: read with the record

REPO = Path(__file__).resolve().parent.parent
VIEWS = ("latest_ratings", "rating_history", "council_trajectory", "findings_by_theme", "source_coverage",
         "fetch_failures")
HILLINGDON = "SELECT * FROM latest_ratings WHERE council_code = 'E09000017'"
# Hillingdon's 2023 short inspection, as Ofsted's bundled 2025 edition records it.
HILLINGDON_GRADES = {"overall_effectiveness": "outstanding", "leadership": "outstanding", "help_and_protection": "good",
                     "children_in_care": "outstanding", "care_leavers": "good"}


@pytest.fixture(scope="module")
def demo_db(demo_warehouse, tmp_path_factory) -> Path:
    return copy_demo_warehouse(demo_warehouse, tmp_path_factory.mktemp("analyst"))


def _read(db: Path):
    return duckdb.connect(str(db), read_only=True)


def _snapshot(db: Path) -> dict[str, list]:
    """Every relation of the warehouse with its rows, to show that nothing changed."""
    con = _read(db)
    try:
        return {r.name: sorted(map(repr, con.sql(f'SELECT * FROM "{r.name}"').fetchall())) for r in relations(con)}
    finally:
        con.close()


def _files(db: Path) -> dict[str, bytes]:
    """The digest of every file beside the warehouse (DuckDB's write-ahead log among them)."""
    return {p.name: hashlib.sha256(p.read_bytes()).digest() for p in db.parent.iterdir() if p.is_file()}


@pytest.fixture(scope="module")
def pristine(demo_db) -> tuple[dict, dict]:
    """The warehouse's files and rows, taken once for the tests that show a command left it as it was."""
    return _files(demo_db), _snapshot(demo_db)


def _unchanged(db: Path, pristine) -> bool:
    """Every relation holds the rows it held: at once when not a byte of the files changed, else row by row."""
    files, rows = pristine
    return _files(db) == files or _snapshot(db) == rows


def _counts(db: Path) -> dict[str, int]:
    con = _read(db)
    try:
        return {r.name: con.execute(f'SELECT count(*) FROM "{r.name}"').fetchall()[0][0] for r in relations(con)}
    finally:
        con.close()


def _sql(db: Path, query: str, *options: str):
    return CliRunner().invoke(app, ["sql", query, "--db", str(db), *options])


# --- the data dictionary -------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_every_example_query_returns_rows(demo_db, example):
    con = _read(demo_db)
    try:
        assert con.sql(example.sql).fetchall(), example.title
    finally:
        con.close()


def test_there_are_enough_worked_examples_each_explained():
    assert len(EXAMPLES) >= 8
    assert len({e.title for e in EXAMPLES}) == len(EXAMPLES)
    assert all(e.explanation and "\n" not in e.explanation for e in EXAMPLES)


def test_every_view_exists_and_every_table_view_and_column_is_commented(demo_db):
    con = _read(demo_db)
    try:
        found = relations(con)
    finally:
        con.close()
    assert {r.name for r in found if r.kind == "view"} >= set(VIEWS)
    assert [r.name for r in found if not r.comment] == []
    assert [f"{r.name}.{c.name}" for r in found for c in r.columns if not c.comment] == []


def test_docs_file_is_up_to_date(demo_db):
    con = _read(demo_db)
    try:
        expected = render(con)
    finally:
        con.close()
    committed = (REPO / DOCS_PATH).read_text(encoding="utf-8")
    assert committed == expected, (f"{DOCS_PATH} is out of date: run `csi demo --db /tmp/csi-docs.duckdb` and "
                                   "`csi docs --db /tmp/csi-docs.duckdb`, then commit it")


def test_docs_cover_every_relation_and_example(demo_db):
    con = _read(demo_db)
    try:
        text, found = render(con), relations(con)
        assert render(con) == text  # deterministic
    finally:
        con.close()
    for relation in found:
        assert f"\n### {relation.name}\n\n{relation.comment}\n" in text
        for column in relation.columns:
            assert f"| `{column.name}` | {column.type} |" in text
    assert "## Worked example queries" in text
    assert all(f"```sql\n{e.sql}\n```" in text and e.explanation in text for e in EXAMPLES)


def test_cli_docs_writes_the_dictionary(demo_db, tmp_path):
    out = tmp_path / "docs" / "warehouse.md"
    result = CliRunner().invoke(app, ["docs", "--db", str(demo_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == (REPO / DOCS_PATH).read_text(encoding="utf-8")
    assert re.search(r"\d+ tables, \d+ views, \d+ worked example queries", result.output)


def test_cli_docs_without_a_warehouse_says_to_run_the_demo(tmp_path):
    out = tmp_path / "warehouse.md"
    result = CliRunner().invoke(app, ["docs", "--db", str(tmp_path / "missing.duckdb"), "--out", str(out)])
    assert result.exit_code == 2
    assert "csi demo" in result.output and "Traceback" not in result.output
    assert not out.exists() and not (tmp_path / "missing.duckdb").exists()


def test_cli_docs_refuses_a_warehouse_behind_the_migrations(demo_db, tmp_path):
    old = tmp_path / "old.duckdb"
    shutil.copy(demo_db, old)
    con = duckdb.connect(str(old))
    con.execute("DELETE FROM schema_version WHERE version = (SELECT max(version) FROM schema_version)")
    con.close()
    out = tmp_path / "warehouse.md"
    result = CliRunner().invoke(app, ["docs", "--db", str(old), "--out", str(out)])
    assert result.exit_code == 2 and "schema version" in result.output and "csi demo" in result.output
    assert not out.exists()


# --- csi sql ---------------------------------------------------------------------------------------------------


def test_sql_table_shows_hillingdon(demo_db):
    result = _sql(demo_db, HILLINGDON)
    assert result.exit_code == 0, result.output
    assert "Hillingdon" in result.output and "outstanding" in result.output and "5 rows" in result.output
    narrow = _sql(demo_db, "SELECT council_name, judgement, grade FROM latest_ratings "
                           "WHERE council_code = 'E09000017' ORDER BY judgement")
    assert narrow.exit_code == 0 and "┃" in narrow.output  # fits: a table, not one block per row
    assert narrow.output.index("children_in_care") < narrow.output.index("overall_effectiveness")


def test_sql_csv(demo_db):
    result = _sql(demo_db, HILLINGDON, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["council_name"] for r in rows} == {"Hillingdon"}
    assert {r["judgement"]: r["grade"] for r in rows} == HILLINGDON_GRADES
    assert {r["rated_year"] for r in rows} == {"2023"}


def test_sql_json_lines(demo_db):
    result = _sql(demo_db, HILLINGDON, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {r["council_name"] for r in rows} == {"Hillingdon"}
    assert {r["judgement"]: r["grade"] for r in rows} == HILLINGDON_GRADES
    assert {r["rated_year"] for r in rows} == {2023} and {r["grade_rank"] for r in rows} == {1, 2}


def test_sql_json_dates_are_iso_and_json_columns_nested(demo_db):
    result = _sql(demo_db, "SELECT d.published_on, d.fetched_at, r.counts, [1, 2] AS list, NULL AS nothing "
                           "FROM documents d, runs r", "--format", "json")
    assert result.exit_code == 0, result.output
    for row in map(json.loads, result.output.splitlines()):
        assert date.fromisoformat(row["published_on"]) and datetime.fromisoformat(row["fetched_at"])
        assert isinstance(row["counts"], dict) and row["list"] == [1, 2] and row["nothing"] is None


def test_sql_markdown(demo_db):
    result = _sql(demo_db, HILLINGDON, "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("| council_code | council_name |")
    assert set(lines[1]) <= set("|-: ")
    assert len(lines) == 7 and all(line.startswith("| E09000017 | Hillingdon |") for line in lines[2:])


WRITES = [
    "INSERT INTO ratings SELECT * FROM ratings",
    "UPDATE councils SET name = 'X'",
    "DELETE FROM ratings",
    "CREATE TABLE t AS SELECT 1 AS a",
    "CREATE OR REPLACE VIEW latest_ratings AS SELECT 1 AS a",
    "DROP TABLE ratings",
    "ALTER TABLE councils ADD COLUMN x INTEGER",
    "COPY ratings TO '{tmp}/ratings.csv'",
    "COPY (SELECT * FROM ratings) TO '{tmp}/ratings.parquet' (FORMAT parquet)",
    "ATTACH '{tmp}/other.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "PRAGMA table_info('ratings')",
    "SET threads = 1",
    "TRUNCATE ratings",
    "SELECT 1; DROP TABLE ratings",
    "SELECT * FROM ratings; SELECT * FROM councils",
    "WITH x AS (SELECT 1) INSERT INTO runs SELECT * FROM runs",
    "EXPLAIN ANALYZE DELETE FROM ratings",
    "EXPLAIN ANALYZE COPY ratings TO '{tmp}/explained.csv'",
    "COPY (PIVOT ratings ON grade USING count(*)) TO '{tmp}/pivot.csv'",
    "EXPORT DATABASE '{tmp}/export'",
    "CHECKPOINT",
]


@pytest.mark.parametrize("statement", WRITES)
def test_sql_refuses_writes(demo_db, pristine, tmp_path, statement):
    assert _unchanged(demo_db, pristine)
    result = _sql(demo_db, statement.format(tmp=tmp_path))
    assert result.exit_code == 2, result.output
    assert "Refused" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert _unchanged(demo_db, pristine)
    assert list(tmp_path.iterdir()) == []  # no file written either


def test_the_read_only_connection_refuses_writes_the_check_misses(demo_db, pristine, monkeypatch):
    monkeypatch.setattr("warehouse.console.sql_refusal", lambda query: None)
    assert _unchanged(demo_db, pristine)
    result = _sql(demo_db, "DELETE FROM ratings")
    assert result.exit_code == 2, result.output
    assert "read-only" in result.output and "Traceback" not in result.output
    assert _unchanged(demo_db, pristine)


@pytest.mark.parametrize("query, message", [
    ("SELEC * FROM ratings", "syntax error"),
    ("SELECT * FROM no_such_table", "no_such_table"),
    ("SELECT no_such_column FROM ratings", "no_such_column"),
    ("", "No SQL statement"),
])
def test_sql_errors_exit_2_without_a_traceback(demo_db, query, message):
    result = _sql(demo_db, query)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_sql_rejects_an_unknown_format(demo_db):
    result = _sql(demo_db, "SELECT 1", "--format", "xml")
    assert result.exit_code == 2 and "table, csv, json, markdown" in result.output


def test_sql_without_a_warehouse_says_to_run_the_demo(tmp_path):
    result = _sql(tmp_path / "missing.duckdb", "SELECT 1")
    assert result.exit_code == 2
    assert "csi demo" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "missing.duckdb").exists()


@pytest.mark.parametrize("command", ["sql", "export", "docs"])
def test_help_has_an_example(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


# --- csi export ------------------------------------------------------------------------------------------------


def _parquet_rows(path: Path) -> tuple[int, int]:
    """Rows read back by DuckDB (read_parquet, Hive partitions for a directory) and by pyarrow."""
    pattern = f"{path}/**/*.parquet" if path.is_dir() else str(path)
    con = duckdb.connect()
    try:
        by_duckdb = con.execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)",
                                [pattern]).fetchall()[0][0]
    finally:
        con.close()
    return by_duckdb, pq.read_table(path).num_rows


def test_export_writes_every_table_and_view_with_the_same_row_counts(demo_db, tmp_path):
    out = tmp_path / "parquet"
    result = CliRunner().invoke(app, ["export", "--parquet", str(out), "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    counts = _counts(demo_db)
    assert set(VIEWS) <= set(counts) and "ratings" in counts
    manifest = json.loads((out / MANIFEST).read_text())
    assert set(manifest) == set(counts)
    assert sorted(p.name for p in out.iterdir()) == sorted([MANIFEST, *(f"{name}.parquet" for name in counts)])
    for name, rows in counts.items():
        entry = manifest[name]
        assert entry["rows"] == rows and entry["path"] == f"{name}.parquet" and entry["partition_by"] is None
        assert _parquet_rows(out / entry["path"]) == (rows, rows), name
    assert "latest_ratings" in result.output and "_manifest.json" in result.output
    assert str(pq.read_schema(out / "runs.parquet").field("counts").type) == "string"  # JSON as text, for Polars


def test_export_partitions_large_tables_by_year(demo_db, tmp_path):
    out = tmp_path / "parquet"
    con = _read(demo_db)
    try:
        exported = {e.name: e for e in export_parquet(con, out, partition_rows=1)}
        years = {
            "documents": con.sql("SELECT DISTINCT year(coalesce(published_on, fetched_at)) FROM documents").fetchall(),
            "fetches": con.sql("SELECT DISTINCT year(requested_at) FROM fetches").fetchall(),
            "ratings": con.sql("SELECT DISTINCT rated_year FROM ratings").fetchall(),
        }
        assert "year" not in {c.name for r in relations(con) for c in r.columns if r.name in years}
    finally:
        con.close()
    counts = _counts(demo_db)
    for name, expected_years in years.items():
        assert exported[name].partition_by == "year" and exported[name].path == name
        folders = {p.name for p in (out / name).iterdir()}
        assert folders == {f"year={y}" for (y,) in expected_years}, name
        assert all(list((out / name / folder).glob("*.parquet")) for folder in folders)
        assert _parquet_rows(out / name) == (counts[name], counts[name])
        con = duckdb.connect()
        back = con.execute("SELECT DISTINCT year FROM read_parquet(?, hive_partitioning = true)",
                           [f"{out / name}/**/*.parquet"]).fetchall()
        con.close()
        assert {y for (y,) in back} == {y for (y,) in expected_years}
    assert not any(exported[v].partition_by for v in VIEWS)  # views and small tables stay single files
    assert (out / "councils.parquet").is_file()


def test_export_replaces_a_previous_export_and_refuses_other_directories(demo_db, tmp_path):
    out = tmp_path / "parquet"
    args = ["export", "--parquet", str(out), "--db", str(demo_db)]
    assert CliRunner().invoke(app, [*args, "--partition-rows", "1"]).exit_code == 0
    assert (out / "ratings").is_dir()
    assert CliRunner().invoke(app, args).exit_code == 0
    assert not (out / "ratings").exists() and (out / "ratings.parquet").is_file()  # nothing stale left
    assert _parquet_rows(out / "ratings.parquet")[0] == _counts(demo_db)["ratings"]

    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    result = CliRunner().invoke(app, ["export", "--parquet", str(other), "--db", str(demo_db)])
    assert result.exit_code == 2 and "not empty" in result.output and "Traceback" not in result.output
    assert [p.name for p in other.iterdir()] == ["keep.txt"]


def test_export_without_a_warehouse_says_to_run_the_demo(tmp_path):
    result = CliRunner().invoke(app, ["export", "--parquet", str(tmp_path / "out"),
                                      "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2 and "csi demo" in result.output
    assert not (tmp_path / "out").exists()


# --- analyst ergonomics: csi sql from a file or stdin, row limits, --version, Parquet descriptions, xlsx ----------

def test_sql_reads_a_file_or_standard_input_and_says_how_many_rows_it_left_out(demo_db, tmp_path):
    query = tmp_path / "current.sql"
    query.write_text("SELECT council_code, judgement FROM latest_ratings ORDER BY ALL\n", encoding="utf-8")
    total = _read(demo_db).execute("SELECT count(*) FROM latest_ratings").fetchall()[0][0]
    result = CliRunner().invoke(app, ["sql", "-f", str(query), "--db", str(demo_db), "--max-rows", "10"])
    assert result.exit_code == 0, result.output
    assert f"10 rows shown, {total - 10:,} more rows not printed (--max-rows 10)" in " ".join(result.output.split())
    piped = CliRunner().invoke(app, ["sql", "--db", str(demo_db), "--format", "csv"], input=query.read_text())
    assert piped.exit_code == 0 and len(piped.output.splitlines()) == total + 1  # csv: every row by default
    both = CliRunner().invoke(app, ["sql", "SELECT 1", "-f", str(query), "--db", str(demo_db)])
    assert both.exit_code == 2 and "one of them" in both.output


def test_sql_table_output_of_thousands_of_rows_is_plain_and_complete(demo_db):
    result = _sql(demo_db, "SELECT i AS n, 'row ' || i AS label FROM range(6242) t(i)", "--max-rows", "0")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["n", "┃", "label"] and lines[-1] == "6,242 rows"
    assert lines[2].split() == ["0", "│", "row", "0"] and lines[-2].split() == ["6241", "│", "row", "6241"]


def test_version():
    from importlib.metadata import version

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"csi {version('csi')}"


def test_parquet_files_carry_every_column_description(demo_db, tmp_path):
    result = CliRunner().invoke(app, ["export", "--parquet", str(tmp_path / "pq"), "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    con = _read(demo_db)
    comments = dict(con.execute("SELECT column_name, comment FROM duckdb_columns() "
                                "WHERE table_name = 'latest_ratings'").fetchall())
    metadata = pq.read_schema(tmp_path / "pq" / "latest_ratings.parquet").metadata
    assert json.loads(metadata[b"csi.columns"]) == comments and all(comments.values())
    assert metadata[b"csi.description"].decode().startswith("Current councils only")


def test_xlsx_summary_has_one_row_per_current_council_and_documents_its_columns(demo_db, tmp_path):
    from python_calamine import CalamineWorkbook

    out = tmp_path / "ilacs-summary.xlsx"
    result = CliRunner().invoke(app, ["export", "--xlsx", str(out), "--db", str(demo_db)])
    assert result.exit_code == 0, result.output
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["ILACS summary", "Columns"]
    header, *rows = book.get_sheet_by_name("ILACS summary").to_python()
    con = _read(demo_db)
    current = dict(con.execute("SELECT council_code, name FROM councils WHERE is_current").fetchall())
    column = {name: i for i, name in enumerate(header)}
    assert sorted(row[column["ons_code"]] for row in rows) == sorted(current)  # one row per current council
    overall = dict(con.execute("SELECT council_code, grade FROM latest_ratings "
                               "WHERE judgement = 'overall_effectiveness'").fetchall())
    words = {"outstanding": "Outstanding", "good": "Good", "requires_improvement": "Requires improvement",
             "inadequate": "Inadequate"}
    assert {row[column["ons_code"]]: row[column["overall_effectiveness_grade"]] for row in rows} == {
        code: words[grade] for code, grade in overall.items()}
    somerset = next(row for row in rows if row[column["ons_code"]] == "E06000066")
    assert somerset[column["inspected_council"]] == "Somerset (E10000027)"  # the county council's inspection
    assert isinstance(somerset[column["publication_date"]], date)
    documented = book.get_sheet_by_name("Columns").to_python()
    assert [row[0] for row in documented[1:len(header) + 1]] == header and all(r[1] for r in documented[1:len(header)])
    refused = CliRunner().invoke(app, ["export", "--db", str(demo_db)])
    assert refused.exit_code == 2 and "Nothing to export" in refused.output
