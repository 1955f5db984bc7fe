"""Loading: the warehouse session every flow writes through, and a batch's inspections matched to the stored
ones before the one transaction that writes it."""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from prefect.concurrency.sync import concurrency
from prefect.context import FlowRunContext
from prefect.exceptions import MissingContextError
from prefect.logging import get_run_logger

from csi.paths import resolve_db
from transforms.councils import load_aliases, load_councils
from transforms.inspections import DOC_TYPE_RANK, resolve_identities
from warehouse.db import Batch, load_batch, migrate, seed_reference
from warehouse.queries import inspection_doc_types, inspections_of
from warehouse.writer import open_writer, publish_snapshot, write_wait_seconds, writer_lock


def resolved(con, batch: Batch) -> tuple[Batch, dict[str, str]]:
    """The batch with its inspections matched to the stored ones they are the same as, and the stored ids
    that move (see transforms.inspections.resolve_identities): a report, the provider page, the official
    row and the news about one inspection end up sharing one inspection_id, whatever order they came in.
    """
    if not batch.inspections:
        return batch, {}
    doc_rank = {d.document_id: DOC_TYPE_RANK.get(d.doc_type, 0) for d in batch.documents}
    rank: dict[str, int] = {}
    for link in batch.document_inspections:
        rank[link.inspection_id] = max(rank.get(link.inspection_id, 0), doc_rank.get(link.document_id, 0))
    known = inspections_of(con, sorted({i.council_code for i in batch.inspections}))
    stored_rank = {iid: max((DOC_TYPE_RANK.get(t, 0) for t in types), default=0) for iid, types in
                   inspection_doc_types(con, [k.inspection_id for k in known]).items()}
    resolution = resolve_identities([(i, rank.get(i.inspection_id, 0)) for i in batch.inspections],
                                    [(k, stored_rank.get(k.inspection_id, 0)) for k in known])

    def rename(rows: list) -> list:
        return [dataclasses.replace(r, inspection_id=resolution.renamed[r.inspection_id])
                if r.inspection_id in resolution.renamed else r for r in rows]

    return dataclasses.replace(batch, inspections=resolution.rows, ratings=rename(batch.ratings),
                               findings=rename(batch.findings),
                               document_inspections=rename(batch.document_inspections)), resolution.rekeyed


def load(con, batch: Batch) -> dict[str, int]:
    """Resolve the batch's inspections against the warehouse, then load it (and any re-keying) in one transaction."""
    batch, rekeyed = resolved(con, batch)
    return load_batch(con, batch, rekeyed)


WRITER_LIMIT = "csi-warehouse-writer"  # the Prefect global concurrency limit (1) every writing run takes


def _log(level: int, message: str) -> None:
    try:
        get_run_logger().log(level, message)
    except MissingContextError:  # outside a flow run (a test, a script): say it all the same
        logging.getLogger("csi").log(level, message)


def _log_wait(message: str) -> None:
    _log(logging.WARNING, message)


@functools.cache
def _writer_limit_exists() -> bool:
    from prefect import get_client
    from prefect.exceptions import ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(WRITER_LIMIT)
        except ObjectNotFound:
            return False
    return True


@contextmanager
def _writer_slot(wait_seconds: float) -> Iterator[None]:
    """Prefect's global concurrency limit csi-warehouse-writer, when a flow run holds the session and the server
    has the limit (`csi serve` creates it; `prefect gcl create csi-warehouse-writer --limit 1` for work pools):
    the run waits for it where the UI shows it. The file lock below is what guarantees one writer either way."""
    if FlowRunContext.get() is None or not _writer_limit_exists():
        yield
        return
    with concurrency(WRITER_LIMIT, occupy=1, timeout_seconds=wait_seconds):
        yield


@contextmanager
def warehouse_session(db: str | Path | None, publish: bool = True) -> Iterator:
    """The warehouse's one writer: a migrated, reference-seeded connection, held only for this block.

    Another writer is waited for (bounded by CSI_WRITE_WAIT_SECONDS, logged); afterwards the read-only snapshot
    is published (warehouse/writer.py) unless `publish` is False (a session that only reads or marks a run).
    """
    path = resolve_db(db)
    wait = write_wait_seconds()
    with _writer_slot(wait), writer_lock(path, wait, _log_wait) as deadline:
        taken = datetime.now(UTC)
        con = open_writer(path, deadline, _log_wait)
        try:
            migrate(con)
            seed_reference(con, load_councils(), load_aliases())
            yield con
            con.execute("CHECKPOINT")
        finally:
            con.close()
        if publish:
            publish_snapshot(path)
        done = datetime.now(UTC)  # said before the lock goes: another writer's window starts after this one's end
        _log(logging.INFO, f"held the write lock on {path} from {taken.isoformat()} to {done.isoformat()} "
                           f"({(done - taken).total_seconds():.1f} s)")
