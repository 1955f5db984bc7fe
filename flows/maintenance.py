"""Maintenance flows: rerun what failed, reparse the archive after a parser fix, import WARC files."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.states import Completed, Failed

from csi.paths import DEFAULT_SOURCES, resolve_db, resolve_warc_dir
from csi.records import FetchRow, make_id
from csi.sample_site import SOURCES_FILE as SAMPLE_SOURCES
from flows.pipeline import (
    Page,
    current_run_id,
    failure_summary,
    finish_run,
    load,
    now_utc,
    pages_to_batch,
    recorded_run,
    source_of,
    warehouse_session,
)
from scrapers.archive import WarcArchive, read_response
from scrapers.http import Fetcher
from scrapers.platforms import expand_sources
from scrapers.sources import SourceSet, load_sources
from scrapers.warc_import import PARSABLE_TYPES, iter_responses
from warehouse.queries import archived_pages, failed_fetches, fetch_rows

IMPORTED_TYPES = PARSABLE_TYPES + ("application/xml", "text/xml", "application/rss+xml",
                                    "application/atom+xml")
IMPORT_SOURCE = "warc-import"


def _sources(sources_file: str | None, base_url: str | None) -> SourceSet:
    """The configured sources plus the bundled sample site's, so rows from `csi demo` keep their config too."""
    path = Path(sources_file) if sources_file else DEFAULT_SOURCES
    loaded = load_sources(path, base_url=base_url).sources if path.exists() else ()
    configured = expand_sources(list(loaded))  # "moderngov-all" -> moderngov-all-<code>, with each council
    names = {s.name for s in configured}
    samples = tuple(s for s in load_sources(SAMPLE_SOURCES).sources if s.name not in names)
    return SourceSet(sources=tuple(configured) + samples)


@flow(name="rerun-failed")
def rerun_failed(db: str | None = None, source: str | None = None, since: date | None = None,
                 sources_file: str | None = None, base_url: str | None = None, warc_dir: str | None = None):
    """Refetch exactly the URLs whose latest fetch failed; parse the document pages among them."""
    logger = get_run_logger()
    run_id, started_at = current_run_id(), now_utc()
    sources = _sources(sources_file, base_url)
    fetcher = Fetcher(run_id, WarcArchive(resolve_warc_dir(warc_dir, resolve_db(db)), run_id, started_at))
    with warehouse_session(db) as con, recorded_run(con, run_id, "rerun-failed", started_at):
        failed = failed_fetches(con, source, since)
        logger.info("refetching %d URL(s) whose latest fetch failed", len(failed))
        pages, rows = [], []
        for item in failed:
            src = source_of(item.url, sources, item.source)
            result = fetcher.fetch(item.url, src)
            is_document = item.is_document or src.is_document(item.url)
            result = dataclasses.replace(result, row=dataclasses.replace(result.row, is_document=is_document))
            if result.ok and is_document:
                pages.append(Page(item.url, result.body, result.row.content_type, result.row.requested_at,
                                  result.row.content_sha256, src, result.row))
            else:
                rows.append(result.row)
        batch, errors = pages_to_batch(pages)
        batch.fetches += rows
        load(con, batch)
        all_rows = batch.fetches
        still_failing = [r for r in all_rows if r.outcome not in ("ok", "not_modified")]
        summary = finish_run(con, run_id, "rerun-failed", started_at, "FAILED" if still_failing else "COMPLETED", {
            "refetched": len(failed), "recovered": len(failed) - len(still_failing),
            "documents_this_run": {"rerun": len(batch.documents)}, "failures": failure_summary(all_rows),
        })
    message = f"refetched {len(failed)} URL(s): {summary['recovered']} recovered, {len(still_failing)} still failing"
    if still_failing:
        return Failed(message=message, data=summary)
    return Completed(message=message, data=summary)


@flow(name="reparse")
def reparse(db: str | None = None, source: str | None = None, since: date | None = None,
            sources_file: str | None = None):
    """Rebuild documents and every derived row from the WARC archive, with today's parsers; no network."""
    logger = get_run_logger()
    run_id, started_at = current_run_id(), now_utc()
    sources = _sources(sources_file, None)
    with warehouse_session(db) as con, recorded_run(con, run_id, "reparse", started_at):
        archived = archived_pages(con, source, since)
        fetches = fetch_rows(con, [a.fetch_id for a in archived])
        pages, missing = [], []
        for item in archived:
            try:
                response = read_response(item.warc_file, item.warc_offset)
            except (OSError, ValueError) as exc:
                missing.append((item.url, f"{type(exc).__name__}: {exc}"))
                continue
            pages.append(Page(item.url, response.body, item.content_type, item.fetched_at, item.content_sha256,
                              source_of(item.url, sources, item.source), fetches[item.fetch_id]))
        batch, errors = pages_to_batch(pages)
        load(con, batch)
        for url, error in missing + errors:
            logger.warning("%s: %s", url, error)
        summary = finish_run(con, run_id, "reparse", started_at, "FAILED" if missing or errors else "COMPLETED", {
            "pages": len(archived), "reparsed": len(batch.documents), "parse_errors": len(errors),
            "missing_from_archive": len(missing), "documents_this_run": {"reparse": len(batch.documents)},
        })
    message = (f"reparsed {len(batch.documents)} of {len(archived)} archived page(s); {len(errors)} parse error(s), "
               f"{len(missing)} missing from the archive")
    if missing or errors:
        return Failed(message=message, data=summary)
    return Completed(message=message, data=summary)


@flow(name="import-warc")
def import_warc(files: list[str], db: str | None = None, sources_file: str | None = None):
    """Load every HTML/XHTML page and PDF report of WARC files (any producer); the same URL and bytes load once.

    Only complete 200 responses count: error pages, redirects and truncated records are skipped. XML records
    (feeds, sitemaps) are recorded as fetches with outcome parse_error ("no adapter ..."), so none is lost.
    """
    logger = get_run_logger()
    run_id, started_at = current_run_id(), now_utc()
    sources = _sources(sources_file, None)
    with warehouse_session(db) as con, recorded_run(con, run_id, "import-warc", started_at):
        stored = set(con.execute("SELECT url, content_sha256 FROM fetches WHERE outcome IN ('ok', 'parse_error') "
                                 "AND content_sha256 IS NOT NULL").fetchall())
        pages, rows, skipped = [], [], {"duplicate": 0, "not_a_document": 0, "refused": 0}
        for path in files:
            for record in iter_responses(path):
                response = record.response
                media_type = record.media_type
                if record.refused:
                    skipped["refused"] += 1
                    logger.warning("%s: %s", response.url, record.refused)
                    continue
                if response.status != 200 or media_type not in IMPORTED_TYPES or record.truncated:
                    skipped["not_a_document"] += 1
                    continue
                sha = hashlib.sha256(response.body).hexdigest()
                if (response.url, sha) in stored:
                    skipped["duplicate"] += 1
                    continue
                stored.add((response.url, sha))
                fetched_at = record.fetched_at or started_at
                src = source_of(response.url, sources, IMPORT_SOURCE)
                row = FetchRow(
                    fetch_id=make_id("warc-record", record.warc_file, record.record_id), url=response.url,
                    source=src.name, requested_at=fetched_at, status_code=response.status, outcome="ok", error=None,
                    elapsed_ms=None, bytes=len(response.body), etag=None, last_modified=None,
                    warc_file=record.warc_file, warc_offset=record.offset, run_id=run_id, final_url=response.url,
                    content_type=record.content_type, content_sha256=sha, is_document=True,
                )
                if record.is_parsable:
                    pages.append(Page(response.url, response.body, record.content_type, fetched_at, sha, src, row))
                else:
                    error = f"no adapter for {media_type}"
                    rows.append(dataclasses.replace(row, outcome="parse_error", error=error))
        batch, errors = pages_to_batch(pages)
        batch.fetches += rows
        load(con, batch)
        summary = finish_run(con, run_id, "import-warc", started_at, "COMPLETED", {
            "files": files, "loaded": len(batch.documents), "parse_errors": len(errors) + len(rows), **skipped,
            "documents_this_run": {IMPORT_SOURCE: len(batch.documents)},
        })
    logger.info("imported %d document(s) from %d file(s)", len(batch.documents), len(files))
    return Completed(message=f"loaded {len(batch.documents)} document(s)", data=summary)
