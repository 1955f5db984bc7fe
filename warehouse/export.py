"""Export every warehouse table and view to Parquet: one file each, Hive-partitioned by year when a table is large.

Files are written by DuckDB (`COPY ... TO ... (FORMAT parquet)`) and read back by DuckDB, pyarrow, pandas and
Polars. A partitioned table is a directory `NAME/year=YYYY/data_0.parquet` (rows without a year go to
`year=__HIVE_DEFAULT_PARTITION__`); the `year` column is added by the export query, never stored in the warehouse.
JSON columns (runs.counts) are written as text, which every reader understands.
`_manifest.json` lists what was written: relation -> kind, rows, path, partition_by.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from warehouse.docs import Relation, relations

PARTITION_ROWS = 100_000
MANIFEST = "_manifest.json"
# The natural year of each table that may be large, as a SQL expression over its columns.
YEAR_OF = {
    "documents": "year(coalesce(published_on, fetched_at))",
    "fetches": "year(requested_at)",
    "ratings": "rated_year",
}


class ExportError(RuntimeError):
    """The export cannot go ahead (e.g. the directory holds files that are not a previous export)."""


@dataclass(frozen=True)
class Exported:
    name: str
    kind: str  # "table" or "view"
    rows: int
    path: str  # relative to the export directory: NAME.parquet, or the directory NAME when partitioned
    partition_by: str | None = None


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _clear_previous(out_dir: Path) -> None:
    """Remove what a previous export listed in its manifest; refuse a non-empty directory without one."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"{out_dir} is a file: choose a directory for the Parquet export.")
    if not out_dir.exists() or not any(out_dir.iterdir()):
        return
    manifest = out_dir / MANIFEST
    if not manifest.is_file():
        raise ExportError(f"{out_dir} is not empty and holds no previous csi export ({MANIFEST}): "
                          "choose a new or empty directory.")
    try:
        previous = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(f"Cannot read {manifest} ({exc}): remove it or choose another directory.") from None
    root = out_dir.resolve()
    for entry in previous.values():
        target = (out_dir / str(entry.get("path", ""))).resolve()
        if target == root or root not in target.parents:
            continue  # never delete outside the export directory
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    manifest.unlink()


def export_parquet(con: duckdb.DuckDBPyConnection, out_dir: str | Path,
                   partition_rows: int = PARTITION_ROWS) -> list[Exported]:
    """Write every table and view of the warehouse to out_dir; returns what was written, by name.

    documents, fetches and ratings are Hive-partitioned by year when they hold more than partition_rows rows.
    A previous export in out_dir is replaced; any other non-empty directory is refused (ExportError).
    """
    out_dir = Path(out_dir)
    _clear_previous(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    exported: list[Exported] = []
    try:
        for relation in relations(con):
            exported.append(_export_one(con, relation, out_dir, partition_rows))
    finally:  # even after a failure, so that the next export knows what to replace
        manifest = {e.name: {k: v for k, v in asdict(e).items() if k != "name"} for e in exported}
        (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return exported


def _export_one(con: duckdb.DuckDBPyConnection, relation: Relation, out_dir: Path, partition_rows: int) -> Exported:
    year = YEAR_OF.get(relation.name) if relation.kind == "table" else None
    # JSON columns as plain text: Polars would otherwise read Parquet's JSON type as binary.
    as_text = [f"CAST({_ident(c.name)} AS VARCHAR) AS {_ident(c.name)}" for c in relation.columns if c.type == "JSON"]
    star = f"* REPLACE ({', '.join(as_text)})" if as_text else "*"
    if year and con.execute(f"SELECT count(*) FROM {_ident(relation.name)}").fetchall()[0][0] > partition_rows:
        has_year = any(c.name == "year" for c in relation.columns)
        select = f"SELECT {star}{'' if has_year else f', {year} AS year'} FROM {_ident(relation.name)}"
        path, partition_by = relation.name, "year"
        options = "FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), OVERWRITE"
    else:
        select = f"SELECT {star} FROM {_ident(relation.name)}"
        path, partition_by, options = f"{relation.name}.parquet", None, "FORMAT parquet, COMPRESSION zstd"
    written = con.execute(f"COPY ({select}) TO {_literal(out_dir / path)} ({options})").fetchall()[0][0]
    return Exported(relation.name, relation.kind, written, path, partition_by)
