"""Maintenance flows: rerun what failed, reparse the archive after a parser fix, import WARC files."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.states import Completed

from csi.paths import DEFAULT_SOURCES, resolve_db, resolve_warc_dir
from csi.records import FetchRow, make_id
from flows.ingest import MAINTENANCE_BATCH, parse_and_load
from pipeline.load import warehouse_session
from pipeline.pages import source_of
from pipeline.runs import (
    MAINTENANCE_TIMEOUT_SECONDS,
    current_run_id,
    fails_in_one_line,
    failure_summary,
    finish_run,
    now_utc,
    recorded_run,
    run_failed,
    run_label,
)
from scrapers.archive import ArchiveFull, WarcArchive, safe_run_name
from scrapers.http import Fetcher
from scrapers.platforms import expand_sources
from scrapers.sources import SourceSet, load_sources
from scrapers.urls import host_of
from scrapers.warc_import import PARSABLE_TYPES, WarcUnreadable, iter_responses
from warehouse.queries import FailedFetch, archived_pages, failed_fetches, fetch_rows
from warehouse.staging import discard_staged

IMPORTED_TYPES = PARSABLE_TYPES + ("application/xml", "text/xml", "application/rss+xml",
                                    "application/atom+xml")
IMPORT_SOURCE = "warc-import"


def _sources(sources_file: str | None, base_url: str | None) -> SourceSet:
    """The configured sources, as the ingest flow runs them ("moderngov-all" -> moderngov-all-<code>, ...).

    Pages of a source not configured here get a source made up by their platform (`source_of`): to reparse
    a `csi demo` warehouse with the sample site's profiles, pass its sources file (csi/samples/sources.toml).
    """
    path = Path(sources_file) if sources_file else DEFAULT_SOURCES
    loaded = load_sources(path, base_url=base_url).sources if path.exists() else ()
    return SourceSet(sources=tuple(expand_sources(list(loaded))))


def _stage_root(db: str | None, run_id: str) -> Path:
    return resolve_db(db).parent / "staging" / safe_run_name(run_id)


# Failures a refetch will not heal soon: retried a few times at growing intervals, then given up (csi status lists
# them). Anything else (connection errors, timeouts, 5xx, 429, parse errors) is retried on every run.
PERMANENT_OUTCOMES = ("robots_disallowed", "too_large", "bad_content_type")
PERMANENT_STATUSES = (404, 410)
GIVE_UP_AFTER = 4  # failed fetches in a row; CSI_GIVE_UP_AFTER overrides
RETRY_BASE_SECONDS = 3600.0  # the wait after the second failure, doubling each time; CSI_RETRY_BASE_SECONDS overrides


def is_permanent(outcome: str, status_code: int | None) -> bool:
    return outcome in PERMANENT_OUTCOMES or (outcome == "http_error" and status_code in PERMANENT_STATUSES)


@dataclass(frozen=True)
class RetryPolicy:
    give_up_after: int = GIVE_UP_AFTER
    base_seconds: float = RETRY_BASE_SECONDS

    @classmethod
    def from_environment(cls) -> RetryPolicy:
        return cls(int(os.environ.get("CSI_GIVE_UP_AFTER") or GIVE_UP_AFTER),
                   float(os.environ.get("CSI_RETRY_BASE_SECONDS") or RETRY_BASE_SECONDS))

    def decide(self, item: FailedFetch, now: datetime) -> str:
        """"refetch", "wait" (a permanent failure not due yet) or "give_up" (a permanent failure, retried enough)."""
        if not is_permanent(item.outcome, item.status_code):
            return "refetch"
        if item.failures_in_a_row >= self.give_up_after:
            return "give_up"
        # The next rerun tries once more (the site may have been fixed); after that 1, 2, 4, ... x base.
        wait = 0 if item.failures_in_a_row < 2 else self.base_seconds * 2 ** (item.failures_in_a_row - 2)
        due = item.requested_at + timedelta(seconds=wait)
        return "refetch" if now >= due else "wait"


def given_up_fetches(con) -> list[FailedFetch]:
    """The failing URLs rerun-failed no longer fetches (`csi status` lists them)."""
    policy, now = RetryPolicy.from_environment(), now_utc()
    return [item for item in failed_fetches(con) if policy.decide(item, now) == "give_up"]


def _given_up_line(item: FailedFetch) -> str:
    what = f"{item.outcome} {item.status_code}" if item.status_code else item.outcome
    return f"{item.url} ({what}, {item.failures_in_a_row} failures in a row)"


@flow(name="rerun-failed", timeout_seconds=MAINTENANCE_TIMEOUT_SECONDS)
@fails_in_one_line
def rerun_failed(db: str | None = None, source: str | None = None, since: date | None = None,
                 sources_file: str | None = None, base_url: str | None = None, warc_dir: str | None = None):
    """Refetch the URLs whose latest fetch failed; parse the document pages among them, in batches.

    Permanent failures (404, 410, robots disallow, bad content type, too large) are retried at growing intervals
    and given up after CSI_GIVE_UP_AFTER failures in a row; the run fails only while a failure that may heal
    (connection, timeout, 5xx, 429, parse) persists, and says which sources and hosts.
    """
    logger = get_run_logger()
    run_id, started_at, label = current_run_id(), now_utc(), run_label("rerun-failed")
    sources = _sources(sources_file, base_url)
    fetcher = Fetcher(run_id, WarcArchive(resolve_warc_dir(warc_dir, resolve_db(db)).absolute(), run_id, started_at))
    policy = RetryPolicy.from_environment()
    stopped: list[str] = []
    with recorded_run(db, run_id, label, started_at):
        with warehouse_session(db, publish=False) as con:
            failed = failed_fetches(con, source, since)
        decisions = {item.url: policy.decide(item, started_at) for item in failed}
        due = [item for item in failed if decisions[item.url] == "refetch"]
        given_up = [item for item in failed if decisions[item.url] == "give_up"]
        logger.info("refetching %d of %d URL(s) whose latest fetch failed (%d given up, %d not due yet)", len(due),
                    len(failed), len(given_up), len(failed) - len(due) - len(given_up))
        for item in given_up:
            logger.warning("given up: %s", _given_up_line(item))

        def refetched():
            for item in due:
                src = source_of(item.url, sources, item.source)
                try:
                    result = fetcher.fetch(item.url, src)
                except ArchiveFull as full:  # keep what was fetched; the rest stays failing for a later rerun
                    stopped.append(f"stopped: {full}")
                    if full.row is not None:
                        yield None, full.row
                    return
                is_document = item.is_document or src.is_document(item.url)
                row = dataclasses.replace(result.row, is_document=is_document)
                yield (src if result.ok and is_document else None), row

        with warehouse_session(db) as con:
            totals = parse_and_load(con, refetched(), "rerun-failed", _stage_root(db, run_id), logger)
            discard_staged(_stage_root(db, run_id))
            still_failing = totals.failed_rows
            retryable = [row for row in still_failing if not is_permanent(row.outcome, row.status_code)]
            summary = finish_run(con, run_id, label, started_at,
                                 "FAILED" if retryable or stopped else "COMPLETED", {
                "refetched": totals.rows, "recovered": totals.rows - len(still_failing),
                "documents_this_run": {"rerun": totals.parsed}, "failures": failure_summary(still_failing),
                "skipped_hosts": dict(fetcher.skipped_hosts), "problems": stopped,
                "given_up": [_given_up_line(item) for item in given_up],
                "not_due": len(failed) - len(due) - len(given_up),
            })
    message = (f"refetched {totals.rows} of {len(failed)} URL(s): {summary['recovered']} recovered, "
               f"{len(still_failing)} still failing")
    if given_up:
        message += f", {len(given_up)} given up"
    if retryable:
        message += (f"; still failing and worth retrying: {len(retryable)} URL(s) of source(s) "
                    f"{', '.join(sorted({r.source for r in retryable}))} on host(s) "
                    f"{', '.join(sorted({host_of(r.url) for r in retryable}))}")
    if stopped:
        message += f"; {stopped[0]}"
    if retryable or stopped:
        logger.error(message)
        return run_failed(message, summary)
    return Completed(message=message, data=summary)


@flow(name="reparse", timeout_seconds=MAINTENANCE_TIMEOUT_SECONDS)
@fails_in_one_line
def reparse(db: str | None = None, source: str | None = None, since: date | None = None,
            sources_file: str | None = None):
    """Rebuild documents and every derived row from the WARC archive, with today's parsers; no network.

    Pages go through ingest's parse tasks in batches, each batch loaded in its own transaction."""
    logger = get_run_logger()
    run_id, started_at, label = current_run_id(), now_utc(), run_label("reparse")
    sources = _sources(sources_file, None)
    with recorded_run(db, run_id, label, started_at), warehouse_session(db) as con:
        archived = archived_pages(con, source, since)

        def pages():
            for start in range(0, len(archived), MAINTENANCE_BATCH):
                part = archived[start:start + MAINTENANCE_BATCH]
                rows = fetch_rows(con, [a.fetch_id for a in part])
                for item in part:
                    yield source_of(item.url, sources, item.source), rows[item.fetch_id]

        totals = parse_and_load(con, pages(), "reparse", _stage_root(db, run_id), logger, keep_unreadable=False,
                                use_cache=False)
        discard_staged(_stage_root(db, run_id))
        for url, error in totals.missing:
            logger.warning("%s: %s", url, error)
        problem = totals.missing or totals.errors
        summary = finish_run(con, run_id, label, started_at, "FAILED" if problem else "COMPLETED", {
            "pages": len(archived), "reparsed": totals.parsed, "parse_errors": len(totals.errors),
            "missing_from_archive": len(totals.missing), "documents_this_run": {"reparse": totals.parsed},
            "batches": totals.batches,
        })
    message = (f"reparsed {totals.parsed} of {len(archived)} archived page(s); {len(totals.errors)} parse error(s), "
               f"{len(totals.missing)} missing from the archive")
    if problem:
        return run_failed(message, summary)
    return Completed(message=message, data=summary)


@flow(name="import-warc", timeout_seconds=MAINTENANCE_TIMEOUT_SECONDS)
@fails_in_one_line
def import_warc(files: list[str], db: str | None = None, sources_file: str | None = None):
    """Load every HTML/XHTML page and PDF report of WARC files (any producer); the same URL and bytes load once.

    Only complete 200 responses count: error pages, redirects and truncated records are skipped. XML records
    (feeds, sitemaps) are recorded as fetches with outcome parse_error ("no adapter ..."), so none is lost.
    Records stream through ingest's parse tasks in batches, each loaded in its own transaction. A file that is
    empty, not a WARC, or cut short fails the run (naming it); what was read before the cut stays loaded.
    """
    logger = get_run_logger()
    run_id, started_at, label = current_run_id(), now_utc(), run_label("import-warc")
    sources = _sources(sources_file, None)
    skipped = {"duplicate": 0, "not_a_document": 0, "refused": 0}
    problems: list[str] = []
    with recorded_run(db, run_id, label, started_at), warehouse_session(db) as con:
        stored = set(con.execute("SELECT url, content_sha256 FROM fetches WHERE outcome IN ('ok', 'parse_error') "
                                 "AND content_sha256 IS NOT NULL").fetchall())

        def records():
            for path in files:
                responses = 0
                try:
                    for record in iter_responses(path):
                        responses += 1
                        yield from _imported(record, stored, sources, run_id, started_at, skipped, logger)
                except (OSError, WarcUnreadable) as exc:
                    problems.append(str(exc) if isinstance(exc, WarcUnreadable) else f"{path}: {exc.strerror}")
                    continue
                if not responses:
                    problems.append(f"{Path(path).name}: no HTTP response records (an empty WARC file)")

        totals = parse_and_load(con, records(), "import-warc", _stage_root(db, run_id), logger)
        discard_staged(_stage_root(db, run_id))
        not_parsable = sum(1 for row in totals.failed_rows if (row.error or "").startswith("no adapter for "))
        summary = finish_run(con, run_id, label, started_at, "FAILED" if problems else "COMPLETED", {
            "files": files, "loaded": totals.parsed, "parse_errors": len(totals.errors) + not_parsable, **skipped,
            "documents_this_run": {IMPORT_SOURCE: totals.parsed}, "problems": problems, "batches": totals.batches,
        })
    message = f"loaded {totals.parsed} document(s) from {len(files)} file(s)"
    logger.info(message)
    if problems:
        return run_failed(f"{message}; " + "; ".join(problems), summary)
    return Completed(message=message, data=summary)


def _imported(record, stored: set, sources: SourceSet, run_id: str, started_at, skipped: dict, logger):
    """The (source, fetch row) a WARC response record becomes, if any: a page to parse, or a row as it is."""
    response = record.response
    if record.refused:
        skipped["refused"] += 1
        logger.warning("%s: %s", response.url, record.refused)
        return
    if response.status != 200 or record.media_type not in IMPORTED_TYPES or record.truncated:
        skipped["not_a_document"] += 1
        return
    sha = hashlib.sha256(response.body).hexdigest()
    if (response.url, sha) in stored:
        skipped["duplicate"] += 1
        return
    stored.add((response.url, sha))
    src = source_of(response.url, sources, IMPORT_SOURCE)
    row = FetchRow(
        fetch_id=make_id("warc-record", record.warc_file, record.record_id), url=response.url,
        source=src.name, requested_at=record.fetched_at or started_at, status_code=response.status, outcome="ok",
        error=None, elapsed_ms=None, bytes=len(response.body), etag=None, last_modified=None,
        warc_file=record.warc_file, warc_offset=record.offset, run_id=run_id, final_url=response.url,
        content_type=record.content_type, content_sha256=sha, is_document=True,
    )
    if record.is_parsable:
        yield src, row
    else:
        yield None, dataclasses.replace(row, outcome="parse_error", error=f"no adapter for {record.media_type}")
