"""Load Ofsted's published local-authority inspection outcomes (ODS, XLSX or CSV) into the warehouse.

Each file becomes one `statistics` document (source ``ofsted_mi``, dated by its edition) with an
inspection per official row and a rating per judgement; all the files of a run load in one transaction,
and loading the same file again, from any path, changes nothing. A file that cannot be read, or has no
row that names a council, a framework and a date, puts the run in a Failed state naming it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.states import Completed

from csi.frameworks import BY_CODE
from csi.paths import resolve_db
from pipeline.load import load, warehouse_session
from pipeline.pages import merge_batches
from pipeline.runs import current_run_id, fails_in_one_line, finish_run, now_utc, recorded_run, run_failed
from transforms.councils import default_index
from transforms.official_outcomes import (
    Outcomes,
    OutcomesError,
    OutcomesFile,
    outcomes_rows,
    read_file,
    typed_frameworks,
)
from warehouse.db import Batch

FLOW = "load-official-outcomes"
GRADED_FRAMEWORKS = tuple(code for code, f in BY_CODE.items() if f.versions)  # what a snapshot row can be


def outcomes_batch(outcomes: Outcomes) -> Batch:
    """The warehouse batch of one outcomes file: its document and every row citing it."""
    return Batch(documents=[outcomes.document], document_councils=outcomes.document_councils,
                 document_inspections=outcomes.document_inspections, inspections=outcomes.inspections,
                 ratings=outcomes.ratings)


def _stored_frameworks(con) -> dict[tuple[str, date], str]:
    """(council, first day on site) -> framework of the typed inspections already in the warehouse."""
    rows = con.execute("SELECT council_code, visit_start, framework FROM inspections WHERE visit_start IS NOT NULL "
                       "AND framework IN (SELECT unnest(?))", [list(GRADED_FRAMEWORKS)]).fetchall()
    return {(code, day): framework for code, day, framework in rows}


def file_outcomes(con, files: list[OutcomesFile]) -> list[Outcomes]:
    """Each file's inspections and ratings: a snapshot row takes the framework of the same inspection in the
    other files, else in the warehouse (the one path from files to rows, for csi load-outcomes and the GOV.UK
    source)."""
    index = default_index()
    known = _stored_frameworks(con)
    for outcomes_file in files:
        known.update(typed_frameworks(outcomes_file.rows, index))
    found = []
    for outcomes_file in files:
        outcomes = outcomes_rows(outcomes_file.document, outcomes_file.rows, index, known)
        outcomes.skipped[:0] = outcomes_file.skipped
        found.append(outcomes)
    return found


@flow(name=FLOW)
@fails_in_one_line
def load_official_outcomes(paths: list[str], db: str | None = None, url: str | None = None):
    """Load outcomes files, every sheet of each, in one transaction; `url` is where a single file was published
    (default: its content hash). A snapshot row (as at 31 March, no inspection type) takes the framework of the
    same inspection in the other files, else in the warehouse. A file that cannot be read, or yields no row,
    is named in the Failed state; the others still load."""
    logger = get_run_logger()
    run_id, started_at = current_run_id(), now_utc()
    errors: list[str] = []
    read: list[tuple[Path, OutcomesFile]] = []
    for path in paths:
        file = Path(path)
        try:
            read.append((file, read_file(file.read_bytes(), file.name, url, started_at)))
        except (OSError, OutcomesError) as exc:
            errors.append(f"{path}: {type(exc).__name__}: {exc}")
    with recorded_run(db, run_id, FLOW, started_at), warehouse_session(db) as con:
        batches, per_file = [], {}
        for (file, outcomes_file), outcomes in zip(read, file_outcomes(con, [f for _, f in read]), strict=True):
            for note in outcomes.skipped:
                logger.warning("%s: %s", file.name, note)
            if not outcomes.rows:
                errors.append(f"{file}: no official row names a council, a framework and a date")
                continue
            batches.append(outcomes_batch(outcomes))
            per_file[file.name] = {"edition": str(outcomes_file.document.published_on), "official_rows": outcomes.rows,
                                   "inspections": len(outcomes.inspections), "ratings": len(outcomes.ratings),
                                   "skipped": len(outcomes.skipped)}
        written = load(con, merge_batches(batches)) if batches else {}
        summary = finish_run(con, run_id, FLOW, started_at, "FAILED" if errors else "COMPLETED", {
            "db": str(resolve_db(db)), "files": per_file, "errors": errors,
            "documents_this_run": {"ofsted_mi": len(batches)}, "written": written, "problems": errors})
    lines = [f"{name}: edition {f['edition']}, {f['official_rows']} official rows, {f['inspections']} inspections, "
             f"{f['ratings']} ratings ({f['skipped']} row(s) or table(s) skipped)" for name, f in per_file.items()]
    for line in lines:
        logger.info(line)
    if errors:
        for error in errors:
            logger.error(error)
        return run_failed("; ".join(errors + lines), summary)
    return Completed(message="; ".join(lines), data=summary)
