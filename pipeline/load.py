"""Loading: the warehouse session every flow writes through, and a batch's inspections matched to the stored
ones before the one transaction that writes it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from csi.paths import resolve_db
from transforms.councils import load_aliases, load_councils
from transforms.inspections import DOC_TYPE_RANK, resolve_identities
from warehouse.db import Batch, connect, load_batch, migrate, seed_reference
from warehouse.queries import inspection_doc_types, inspections_of


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


@contextmanager
def warehouse_session(db: str | Path | None) -> Iterator:
    """A migrated, reference-seeded writer connection to the warehouse, closed afterwards."""
    con = connect(resolve_db(db))
    try:
        migrate(con)
        seed_reference(con, load_councils(), load_aliases())
        yield con
    finally:
        con.close()
