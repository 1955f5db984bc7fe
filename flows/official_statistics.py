"""The official-statistics source: find the newest edition of Ofsted's local-authority inspection outcomes on
GOV.UK (Search API, then Content API), download its data spreadsheet politely into the WARC archive, and load
it with the loader `csi load-outcomes` uses (transforms.official_outcomes).

Every request is a `fetches` row of source ``ofsted_mi`` (robots.txt, a delay per host, retries, conditional
requests). An edition already loaded and unchanged (304, or the same bytes) is not loaded again. A search with
no edition, a publication without a spreadsheet, or a spreadsheet without an official row fails the run,
naming what was missing.
"""

from __future__ import annotations

import dataclasses

from prefect import flow, get_run_logger
from prefect.states import Completed

from csi.paths import resolve_db, resolve_warc_dir
from csi.records import FetchRow
from flows.official_outcomes import file_outcomes, outcomes_batch
from pipeline.load import load, warehouse_session
from pipeline.runs import current_run_id, failure_summary, finish_run, now_utc, recorded_run, run_failed
from scrapers.archive import WarcArchive
from scrapers.govuk import (
    GOVUK,
    JSON_TYPES,
    SPREADSHEET_TYPES,
    GovukShapeError,
    content_url,
    newest_edition,
    publication,
    search_url,
)
from scrapers.http import Fetcher, PreviousFetch
from scrapers.sources import Source
from transforms.official_outcomes import SOURCE, OutcomesError, read_file
from warehouse.db import Batch
from warehouse.queries import last_good_fetches

FLOW = "official-statistics"
# Servers label spreadsheets loosely; the reader goes by the file name and the bytes.
_DOWNLOAD_TYPES = (*SPREADSHEET_TYPES, "application/octet-stream", "application/zip")


def govuk_source(min_delay_seconds: float, allow_private_addresses: bool) -> Source:
    """The source every request of this flow is recorded under (the documents' source, ofsted_mi)."""
    return Source(name=SOURCE, adapter="govuk", publisher="Ofsted", doc_type="statistics", start_urls=(),
                  documents=(), min_delay_seconds=min_delay_seconds, timeout_seconds=30.0,
                  allow_private_addresses=allow_private_addresses)


class _Missed(Exception):
    """The run cannot go on: what was missing or failed, in one line."""


def _fetched(fetcher: Fetcher, url: str, source: Source, fetches: list[FetchRow], allowed: tuple[str, ...],
             previous: PreviousFetch | None = None):
    result = fetcher.fetch(url, source, previous, allowed_types=allowed)
    fetches.append(result.row)
    if result.row.outcome not in ("ok", "not_modified"):
        raise _Missed(f"{url}: {result.row.outcome}: {result.row.error}")
    return result


@flow(name=FLOW)
def official_statistics(db: str | None = None, base_url: str = GOVUK, warc_dir: str | None = None,
                        min_delay_seconds: float = 1.0, reload: bool = False):
    """Load the newest edition of Ofsted's "Local authority inspection outcomes" from GOV.UK (`base_url`);
    `reload` loads it again even if unchanged (after a fix to the outcomes loader)."""
    logger = get_run_logger()
    run_id, started_at = current_run_id(), now_utc()
    db_path = resolve_db(db)
    loopback = base_url.startswith(("http://127.0.0.1", "http://localhost"))
    source = govuk_source(min_delay_seconds, allow_private_addresses=loopback)
    fetcher = Fetcher(run_id, WarcArchive(resolve_warc_dir(warc_dir, db_path).absolute(), run_id, started_at))
    fetches: list[FetchRow] = []
    with recorded_run(db, run_id, FLOW, started_at), warehouse_session(db) as con:
        summary: dict = {"db": str(db_path)}
        try:
            found = _fetched(fetcher, search_url(base_url), source, fetches, JSON_TYPES)
            edition = newest_edition(found.body)
            page = content_url(base_url, edition.path)
            release = publication(_fetched(fetcher, page, source, fetches, JSON_TYPES).body, page)
            attachment = release.attachment
            summary.update(edition=edition.title, as_at=str(edition.as_at), url=attachment.url)
            known = last_good_fetches(con, SOURCE).get(attachment.url)
            previous = PreviousFetch(known.etag, known.last_modified, known.content_sha256, known.fetched_at) \
                if known else None
            download = _fetched(fetcher, attachment.url, source, fetches, _DOWNLOAD_TYPES, previous)
            stored = con.execute("SELECT count(*) FROM documents WHERE url = ?", [attachment.url]).fetchall()[0][0]
            if not download.changed and stored and not reload:
                outcomes = None
            else:
                if download.body is None:  # a 304 for a file the warehouse lost: fetch it unconditionally
                    download = _fetched(fetcher, attachment.url, source, fetches, _DOWNLOAD_TYPES)
                (outcomes,) = file_outcomes(con, [read_file(download.body, attachment.filename, attachment.url,
                                                            download.row.requested_at)])
                if not outcomes.rows:
                    raise _Missed(f"{attachment.url}: no official row names a council, a framework and a date")
        except (_Missed, GovukShapeError, OutcomesError) as exc:
            load(con, Batch(fetches=fetches))
            error = str(exc)
            summary = finish_run(con, run_id, FLOW, started_at, "FAILED", {
                **summary, "error": error, "failures": failure_summary(fetches), "problems": [error]})
            logger.error(error)
            return run_failed(error, summary)
        if outcomes is None:
            load(con, Batch(fetches=fetches))
            message = f"{edition.title}: unchanged since it was loaded ({attachment.url})"
            summary = finish_run(con, run_id, FLOW, started_at, "COMPLETED", {
                **summary, "official_rows": 0, "documents_this_run": {SOURCE: 0},
                "failures": failure_summary(fetches)})
        else:
            for note in outcomes.skipped:
                logger.warning("%s: %s", attachment.filename, note)
            outcomes.document = dataclasses.replace(outcomes.document, title=release.title or edition.title)
            batch = outcomes_batch(outcomes)
            batch.fetches = fetches
            written = load(con, batch)
            message = (f"{edition.title}: {outcomes.rows} official rows, {len(outcomes.inspections)} inspections, "
                       f"{len(outcomes.ratings)} ratings from {attachment.filename}")
            summary = finish_run(con, run_id, FLOW, started_at, "COMPLETED", {
                **summary, "official_rows": outcomes.rows, "skipped": len(outcomes.skipped),
                "documents_this_run": {SOURCE: 1}, "written": written, "failures": failure_summary(fetches)})
    logger.info(message)
    return Completed(message=message, data=summary)
