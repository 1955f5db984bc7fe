"""The DuckDB warehouse: connect, migrate, and load records in single atomic transactions.

Loads are idempotent (ids are deterministic, writes are upserts) and atomic (one transaction per
batch), as the warehouse contract requires. Records become one Arrow table per warehouse table
and are written with a single INSERT ... SELECT each, never a statement per row.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import socket
import typing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from csi.records import TABLE, TABLES, Council, CouncilAlias, rows_class

CONTRACT_TABLES = tuple(spec.name for spec in TABLES if spec.contract)
# Rows derived from a document: replaced wholesale whenever the document is reloaded.
DERIVED_TABLES = tuple(spec.name for spec in TABLES if spec.write == "derived")
PRIMARY_KEYS = {spec.name: spec.key for spec in TABLES if spec.record is not None}
# What one load writes: documents with all rows derived from them, plus fetches.
BATCH_TABLES = tuple(spec for spec in TABLES if spec.record is not None and spec.write != "reference")
BATCH_TYPES = {spec.name: spec.record for spec in BATCH_TABLES}

_MIGRATION_FILE = re.compile(r"^(\d+)_\w+\.sql$")
_SCHEMA_VERSION_DDL = """
CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE schema_version IS 'Migrations (warehouse/migrations) applied here, one row each.';
COMMENT ON COLUMN schema_version.version IS 'Migration number, the NNN of NNN_name.sql, e.g. 1.';
COMMENT ON COLUMN schema_version.name IS 'Migration file name without .sql, e.g. 001_core.';
COMMENT ON COLUMN schema_version.applied_at IS 'When the migration was applied (UTC).';
"""
_ARROW_TYPES = {
    str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
    date: pa.date32(), datetime: pa.timestamp("us"),
}


class WarehouseMissing(FileNotFoundError):
    """Raised by a read-only connect when there is no warehouse yet, with what to do about it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"No warehouse at {path}: run `csi demo` or `csi run` first.")


class SchemaTooNew(RuntimeError):
    """The database was migrated by newer code; writing to it with this code could corrupt it."""


class WarehouseLocked(RuntimeError):
    """Another process holds the DuckDB file (DuckDB allows one writer process, and no reader beside it)."""

    def __init__(self, path: Path, pid: str | None) -> None:
        holder = f" (pid {pid})" if pid else ""
        super().__init__(f"The warehouse {path} is locked by another run{holder}: wait for it to finish, "
                         "or use another --db.")
        self.pid = pid


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in .*?\(PID (\d+)\)")


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file, creating its directory for writers; readers never create anything."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseMissing(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "Conflicting lock" not in str(exc):
            raise
        holder = _LOCK_HOLDER.search(str(exc))
        raise WarehouseLocked(path, holder.group(1) if holder else None) from None


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _utc_naive(moment: datetime | None) -> datetime | None:
    """TIMESTAMP columns hold naive UTC; DuckDB would shift an aware value to the session time zone."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every packaged migration, in version order."""
    found = []
    for entry in resources.files("warehouse").joinpath("migrations").iterdir():
        match = _MIGRATION_FILE.match(entry.name)
        if match:
            found.append((int(match[1]), entry.name.removesuffix(".sql"), entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [version for version, _, _ in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"Two migrations share a version number: {[name for _, name, _ in found]}")
    return found


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations this database lacks, each atomically with its schema_version row.

    Returns the names applied (empty when up to date). Refuses a database migrated by newer code.
    """
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()"
        " AND schema_name = current_schema() AND table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        with _transaction(con):
            con.execute(_SCHEMA_VERSION_DDL)
    applied = {version for (version,) in con.execute("SELECT version FROM schema_version").fetchall()}
    known = _migrations()
    newest_known = max((version for version, _, _ in known), default=0)
    if applied and max(applied) > newest_known:
        raise SchemaTooNew(
            f"The warehouse is at schema version {max(applied)} but this code only knows up to "
            f"{newest_known}: upgrade csi (or use a fresh warehouse file)."
        )
    done = []
    for version, name, sql in known:
        if version in applied:
            continue
        with _transaction(con):
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)", [version, name, _utc_naive(datetime.now(UTC))]
            )
        done.append(name)
    return done


@functools.cache
def _arrow_schema(record_type: type) -> pa.Schema:
    """Arrow schema of a record dataclass, from its annotations (`X | None` becomes a nullable X)."""
    hints = typing.get_type_hints(record_type)
    columns = []
    for f in dataclasses.fields(record_type):
        hint = hints[f.name]
        (base,) = [arg for arg in typing.get_args(hint) if arg is not type(None)] or [hint]
        if typing.get_origin(base) is tuple:  # tuple[str, ...]: a list column
            columns.append(pa.field(f.name, pa.list_(_ARROW_TYPES[typing.get_args(base)[0]])))
        else:
            columns.append(pa.field(f.name, _ARROW_TYPES[base]))
    return pa.schema(columns)


def _to_arrow(rows: Sequence[object], record_type: type) -> pa.Table:
    """Column-wise conversion; aware datetimes become naive UTC (pyarrow converts them)."""
    schema = _arrow_schema(record_type)
    return pa.table([pa.array([getattr(row, name) for row in rows], type=schema.field(name).type)
                     for name in schema.names], schema=schema)


def _dedupe(rows: Sequence[object], table: str) -> list:
    """Keep the last row for each primary key, as the database would after sequential upserts."""
    key = PRIMARY_KEYS[table]
    return list({tuple(getattr(row, k) for k in key): row for row in rows}.values())


def _merge(rows: Sequence[object], table: str) -> list:
    """Fold rows with one key the way a "merge" upsert does: later non-null values win, nulls never erase."""
    key = PRIMARY_KEYS[table]
    merged: dict[tuple, object] = {}
    for row in rows:
        at = tuple(getattr(row, k) for k in key)
        known = merged.get(at)
        if known is None:
            merged[at] = row
        else:
            updates = {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
            merged[at] = dataclasses.replace(
                known, **{name: value for name, value in updates.items() if value is not None}
            )
    return list(merged.values())


Batch = rows_class("Batch", BATCH_TABLES, "Everything one load writes: documents with all rows derived from them, "
                   "plus fetches.", __name__)


def _insert_sql(table: str, source: str, columns: Sequence[str]) -> str:
    """INSERT ... SELECT with the table's write rule (csi.records.TABLES): merge, keep first fetched, or replace."""
    cols = ", ".join(columns)
    key = PRIMARY_KEYS[table]
    rule = TABLE[table].write
    if rule == "merge":
        merge = ", ".join(f"{c} = coalesce(excluded.{c}, {table}.{c})" for c in columns if c not in key)
        return (f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {source} "
                f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {merge}")
    if rule == "keep_first_fetched":
        # fetched_at is when this content was first fetched: a refetch of identical bytes keeps it.
        update = ", ".join(
            f"{c} = CASE WHEN {table}.content_sha256 = excluded.content_sha256 THEN {table}.fetched_at "
            f"ELSE excluded.fetched_at END" if c == "fetched_at" else f"{c} = excluded.{c}"
            for c in columns if c not in key)
        return (f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {source} "
                f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {update}")
    return f"INSERT OR REPLACE INTO {table} ({cols}) SELECT {cols} FROM {source}"


def _view(table: str) -> str:
    return f"_csi_load_{table}"


def _write(
    con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table], first: Sequence[str | tuple[str, list]],
    last: Sequence[str | tuple[str, list]] = ()
) -> dict[str, int]:
    """Run the `first` statements, one insert per Arrow table, then `last`, all in one transaction.

    The Arrow tables are registered outside the transaction because DuckDB rolls registrations back with it.
    """
    for table, arrow in tables.items():
        con.register(_view(table), arrow)
    try:
        written = {}
        with _transaction(con):
            for sql in first:  # SQL text, or (SQL, parameters)
                con.execute(*sql) if isinstance(sql, tuple) else con.execute(sql)
            for table, arrow in tables.items():
                written[table] = 0
                if arrow.num_rows:
                    sql = _insert_sql(table, _view(table), arrow.schema.names)
                    written[table] = con.execute(sql).fetchone()[0]
            for sql in last:
                con.execute(*sql) if isinstance(sql, tuple) else con.execute(sql)
        return written
    finally:
        for table in tables:
            con.unregister(_view(table))


def batch_to_arrow(batch: Batch) -> dict[str, pa.Table]:
    """One Arrow table per batch table, deduplicated the way the load would (merged where the rule merges)."""
    tables = {}
    for table, record_type in BATCH_TYPES.items():
        rows = getattr(batch, table)
        rows = _merge(rows, table) if TABLE[table].write == "merge" else _dedupe(rows, table)
        tables[table] = _to_arrow(rows, record_type)
    return tables


def load_batch(con: duckdb.DuckDBPyConnection, batch: Batch, rekeyed: dict[str, str] | None = None
               ) -> dict[str, int]:
    """Write a batch in one transaction; returns rows written (inserted or updated) per table.

    Each document in the batch has its previously derived rows replaced by the batch's, so a
    reparse that finds less leaves nothing stale, and an inspection no document names any more
    is deleted. Documents upsert; inspections merge (a null never erases a stored value); a fetch
    already stored is replaced (a reparse re-records its parse outcome). `rekeyed` moves stored
    inspections to the id they keep from now on (old -> new), in the same transaction. Any error
    rolls back everything and is re-raised.
    """
    tables = batch_to_arrow(batch)
    moves = [statement for old, new in sorted((rekeyed or {}).items()) for statement in _rekey(old, new)]
    dating = _dated_claims(sorted({i.inspection_id for i in batch.inspections}))
    if not batch.documents:
        return _write(con, tables, first=moves, last=dating)
    reloaded = f"SELECT document_id FROM {_view('documents')}"
    # Inspections these documents named before the reload: any that no document names afterwards go.
    remember = (f"CREATE OR REPLACE TEMP TABLE _csi_named_before AS SELECT DISTINCT inspection_id "
                f"FROM document_inspections WHERE document_id IN ({reloaded})")
    stale = [f"DELETE FROM {table} WHERE document_id IN ({reloaded})" for table in DERIVED_TABLES]
    orphans = ["DELETE FROM inspections WHERE inspection_id IN (SELECT inspection_id FROM _csi_named_before) "
               "AND inspection_id NOT IN (SELECT inspection_id FROM document_inspections)",
               "DROP TABLE _csi_named_before"]
    return _write(con, tables, first=[*moves, remember, *stale], last=[*orphans, *dating])


def _dated_claims(inspection_ids: list[str]) -> list[tuple[str, list]]:
    """A claim linked to an inspection whose publication date is known takes that date: news or minutes
    recalling "the 2013 judgement" of an inspection Ofsted published on 11 February 2014 say 2014-02-11."""
    if not inspection_ids:
        return []
    marks = ", ".join("?" * len(inspection_ids))
    return [(f"UPDATE ratings SET rated_on = i.published_on, rated_year = year(i.published_on) FROM inspections i "
             f"WHERE ratings.inspection_id = i.inspection_id AND i.published_on IS NOT NULL "
             f"AND ratings.rated_on IS NULL AND i.inspection_id IN ({marks})", inspection_ids)]


def _rekey(old: str, new: str) -> list[tuple[str, list]]:
    """Statements that move every row of inspection `old` to `new` (the same inspection under its kept id)."""
    return [
        ("UPDATE ratings SET inspection_id = ? WHERE inspection_id = ?", [new, old]),
        ("UPDATE findings SET inspection_id = ? WHERE inspection_id = ?", [new, old]),
        ("INSERT OR IGNORE INTO document_inspections SELECT document_id, ? FROM document_inspections "
         "WHERE inspection_id = ?", [new, old]),
        ("DELETE FROM document_inspections WHERE inspection_id = ?", [old]),
        ("DELETE FROM inspections WHERE inspection_id = ?", [old]),
    ]


# The reorganisations councils.replaced_by records, one row per link.
_LINEAGE = [
    """INSERT INTO council_lineage
       WITH links AS (
           SELECT p.council_code AS predecessor_code, trim(s.code) AS successor_code,
                  p.end_date + INTERVAL 1 DAY AS changed_on
           FROM councils p, unnest(string_split(p.replaced_by, ';')) AS s(code)
           WHERE trim(s.code) <> ''
       )
       SELECT predecessor_code, successor_code, coalesce(c.start_date, changed_on::DATE),
              CASE WHEN count(*) OVER (PARTITION BY predecessor_code) > 1 THEN 'split'
                   WHEN count(*) OVER (PARTITION BY successor_code) > 1 THEN 'merged' ELSE 'replaced' END
       FROM links JOIN councils c ON c.council_code = links.successor_code""",
]


def seed_reference(
    con: duckdb.DuckDBPyConnection, councils: Sequence[Council], aliases: Sequence[CouncilAlias]
) -> dict[str, int]:
    """Replace the councils, council_aliases and council_lineage reference tables together, atomically."""
    tables = {
        "councils": _to_arrow(_dedupe(councils, "councils"), Council),
        "council_aliases": _to_arrow(_dedupe(aliases, "council_aliases"), CouncilAlias),
    }
    return _write(con, tables, first=["DELETE FROM council_lineage", "DELETE FROM council_aliases",
                                      "DELETE FROM councils"], last=_LINEAGE)


def record_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    flow: str,
    started_at: datetime,
    finished_at: datetime | None,
    state: str,
    counts: dict,
) -> None:
    """Insert or update the runs row of a flow run (call it at start and again at the end)."""
    con.execute(
        "INSERT OR REPLACE INTO runs (run_id, flow, started_at, finished_at, state, counts) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [run_id, flow, _utc_naive(started_at), _utc_naive(finished_at), state,
         json.dumps(counts, sort_keys=True, default=str)],
    )


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every contract table."""
    union = " UNION ALL ".join(f"SELECT '{table}', count(*) FROM {table}" for table in CONTRACT_TABLES)
    counts = dict(con.execute(union).fetchall())
    return {table: counts[table] for table in CONTRACT_TABLES}


def process_gone(counts: dict, host: str) -> bool:
    """Whether the process a RUNNING run recorded (pid, host) no longer exists: it was killed (SIGKILL, OOM)."""
    pid = counts.get("pid")
    if not pid or counts.get("host") != host:
        return False  # recorded by older code, or on another machine: nothing to tell
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def abandoned_runs(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, datetime]]:
    """(run_id, flow, started_at) of the runs still RUNNING whose process on this machine is gone."""
    host = socket.gethostname()
    running = con.execute("SELECT run_id, flow, started_at, counts FROM runs WHERE state = 'RUNNING'").fetchall()
    return [(run_id, flow, started) for run_id, flow, started, counts in running
            if process_gone(json.loads(counts or "{}"), host)]


def mark_abandoned_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Mark CRASHED the runs whose process died without a word; returns their run ids."""
    found = abandoned_runs(con)
    for run_id, flow, started in found:
        record_run(con, run_id, flow, started, None, "CRASHED",
                   {"error": "the run's process ended without finishing (killed, e.g. out of memory)"})
    return [run_id for run_id, _, _ in found]
