"""Load Ofsted's published local-authority inspection outcomes (ODS, XLSX or CSV) into the warehouse.

The file becomes one `statistics` document (source ``ofsted_mi``) with an inspection per official row
and a rating per judgement, in one transaction; loading the same file again changes nothing. A file
with no row that names a council, a framework and a date puts the run in a Failed state naming it.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger
from prefect.states import Completed, Failed

from csi.paths import resolve_db
from flows.pipeline import current_run_id, finish_run, load, now_utc, recorded_run, warehouse_session
from transforms.official_outcomes import Outcomes, OutcomesError, read_outcomes
from warehouse.db import Batch

FLOW = "load-official-outcomes"


def outcomes_batch(outcomes: Outcomes) -> Batch:
    """The warehouse batch of one outcomes file: its document and every row citing it."""
    return Batch(documents=[outcomes.document], document_councils=outcomes.document_councils,
                 document_inspections=outcomes.document_inspections, inspections=outcomes.inspections,
                 ratings=outcomes.ratings)


@flow(name=FLOW)
def load_official_outcomes(path: str, db: str | None = None, url: str | None = None):
    """Load one outcomes file; `url` is where it was published (default: its file:// path)."""
    logger = get_run_logger()
    run_id, started_at = current_run_id(), now_utc()
    file = Path(path)
    with warehouse_session(db) as con, recorded_run(con, run_id, FLOW, started_at):
        try:
            outcomes = read_outcomes(file.read_bytes(), file.name, url or file.resolve().as_uri(), started_at)
            error = None if outcomes.rows else f"{path}: no official row names a council, a framework and a date"
        except (OSError, OutcomesError) as exc:
            outcomes, error = None, f"{path}: {type(exc).__name__}: {exc}"
        for note in outcomes.skipped if outcomes else []:
            logger.warning("%s: %s", file.name, note)
        if error:
            summary = finish_run(con, run_id, FLOW, started_at, "FAILED", {
                "db": str(resolve_db(db)), "file": path, "error": error,
                "skipped": outcomes.skipped[:20] if outcomes else []})
            logger.error(error)
            return Failed(message=error, data=summary)
        written = load(con, outcomes_batch(outcomes))
        summary = finish_run(con, run_id, FLOW, started_at, "COMPLETED", {
            "db": str(resolve_db(db)), "file": path, "official_rows": outcomes.rows, "skipped": len(outcomes.skipped),
            "documents_this_run": {"ofsted_mi": 1}, "written": written})
    message = (f"{file.name}: {outcomes.rows} official rows, {len(outcomes.inspections)} inspections, "
               f"{len(outcomes.ratings)} ratings ({len(outcomes.skipped)} row(s) or table(s) skipped)")
    logger.info(message)
    return Completed(message=message, data=summary)
