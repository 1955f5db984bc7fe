"""Staged batches: rows written as Parquet by whichever process parsed them, merged later by the one writer.

DuckDB allows one writing process, so on a cluster the workers never open the warehouse: each
writes its rows to a directory of Parquet files (one per table) and the flow's writer task merges
the directories into DuckDB in one transaction, through the same upsert rules as any other load.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq

from warehouse.db import BATCH_TYPES, Batch, batch_to_arrow


def write_staged(batch: Batch, directory: str | Path) -> Path:
    """Write every table of the batch to `<directory>/<table>.parquet` (empty tables too) and return the path."""
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    for table, arrow in batch_to_arrow(batch).items():
        pq.write_table(arrow, path / f"{table}.parquet")
    return path


def read_staged(directory: str | Path) -> Batch:
    """The batch written by `write_staged`, as records again."""
    path = Path(directory)
    batch = Batch()
    for table, record_type in BATCH_TYPES.items():
        file = path / f"{table}.parquet"
        if not file.exists():
            raise FileNotFoundError(f"staged batch {path} has no {table}.parquet")
        getattr(batch, table).extend(record_type(**row) for row in pq.read_table(file).to_pylist())
    return batch


def discard_staged(directory: str | Path) -> None:
    shutil.rmtree(directory, ignore_errors=True)
