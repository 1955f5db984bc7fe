"""The ingest flow: discover -> fetch -> parse -> extract -> load, one source at a time.

Tasks are thin wrappers over the rooms (scrapers, transforms, warehouse). Each source's
rows load in one transaction, so a failure in one source never leaves half of it behind.
Runs are incremental: pages fetched within a source's refresh interval are skipped, and
unchanged pages (304, or the same bytes) are not parsed again. A source whose crawl finds
no document at all puts the run in a Failed state that names it.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.states import Completed, Failed

from csi.paths import DEFAULT_SOURCES, resolve_db, resolve_warc_dir
from csi.records import FetchRow
from flows.pipeline import (
    Page,
    current_run_id,
    expand_sources,
    failure_summary,
    finish_run,
    now_utc,
    pages_to_batch,
    recorded_run,
    warehouse_session,
)
from scrapers.archive import WarcArchive
from scrapers.crawl import CrawlResult, crawl
from scrapers.http import Fetcher, PreviousFetch
from scrapers.moderngov import discover, items_source
from scrapers.sources import Source, load_sources
from warehouse.db import Batch, load_batch
from warehouse.queries import last_good_fetches


@task(cache_policy=NONE)
def crawl_source(source: Source, fetcher: Fetcher, known: dict[str, PreviousFetch]) -> CrawlResult:
    logger = get_run_logger()

    def log_fetch(row) -> None:
        logger.debug("%s %s %s", row.outcome, row.status_code, row.url)

    if source.adapter == "moderngov" and source.moderngov_base:
        found = discover(source.moderngov_base, fetcher, source, on_fetch=log_fetch)
        for note in found.notes:
            logger.info("%s: %s", source.name, note)
        result = crawl(items_source(source, found.items), fetcher, known=known, on_fetch=log_fetch)
        result.fetches[:0] = found.fetches
    else:
        result = crawl(source, fetcher, known=known, on_fetch=log_fetch)
    logger.info("%s: %d fetches, %d new or changed documents, %d unchanged, %d fresh (skipped), %d failures",
                source.name, len(result.fetches), len(result.documents), len(result.unchanged), len(result.fresh),
                len(result.failures))
    return result


@task(cache_policy=NONE)
def parse_and_extract(source: Source, crawled: CrawlResult) -> Batch:
    pages = [Page(r.row.url, r.body, r.row.content_type, r.row.requested_at, r.row.content_sha256, source, r.row)
             for r in crawled.documents]
    batch, errors = pages_to_batch(pages)
    parsed = {r.row.fetch_id for r in crawled.documents}
    batch.fetches += [row for row in crawled.fetches if row.fetch_id not in parsed]
    logger = get_run_logger()
    for url, error in errors:
        logger.warning("parse_error %s: %s", url, error)
    misses = [d.url for d in batch.documents if d.profile_miss]
    if misses:
        logger.warning("%s: profile %s matched nothing on %d page(s), generic extraction used (e.g. %s)",
                       source.name, source.profile.name if source.profile else "-", len(misses), misses[0])
    logger.info("%s: %d documents parsed, %d ratings, %d findings, %d quotes, %d metrics", source.name,
                len(batch.documents), len(batch.ratings), len(batch.findings), len(batch.quotes), len(batch.metrics))
    return batch


@task(cache_policy=NONE)
def load(con, batch: Batch) -> dict[str, int]:
    return load_batch(con, batch)


@flow(name="ingest")
def ingest(sources_file: str | None = None, db: str | None = None, base_url: str | None = None,
           sources: list[str] | None = None, warc_dir: str | None = None):
    """Crawl the configured sources and load everything new they yield into the warehouse."""
    logger = get_run_logger()
    run_id = current_run_id()
    started_at = now_utc()
    selected = expand_sources(load_sources(sources_file or DEFAULT_SOURCES, base_url=base_url).select(sources))
    fetcher = Fetcher(run_id, WarcArchive(resolve_warc_dir(warc_dir, resolve_db(db)), run_id, started_at))
    all_fetches: list[FetchRow] = []
    parsed: dict[str, int] = {}
    seen: dict[str, int] = {}
    profile_misses: dict[str, int] = {}
    with warehouse_session(db) as con, recorded_run(con, run_id, "ingest", started_at):
        for source in selected:
            known = {url: PreviousFetch(f.etag, f.last_modified, f.content_sha256, f.fetched_at)
                     for url, f in last_good_fetches(con, source.name).items()}
            crawled = crawl_source(source, fetcher, known)
            batch = parse_and_extract(source, crawled)
            load(con, batch)
            all_fetches += batch.fetches
            parsed[source.name] = len(batch.documents)
            profile_misses[source.name] = sum(1 for d in batch.documents if d.profile_miss)
            seen[source.name] = crawled.documents_seen
        empty = [name for name, n in seen.items() if n == 0]
        summary = finish_run(con, run_id, "ingest", started_at, "FAILED" if empty else "COMPLETED", {
            "db": str(resolve_db(db)), "documents_this_run": parsed, "documents_seen": seen,
            "fetches_this_run": len(all_fetches), "failures": failure_summary(all_fetches),
            "profile_misses": {name: n for name, n in profile_misses.items() if n},
        })
    if empty:
        hosts = summary["failures"]["unreachable_hosts"]
        message = f"no documents from {len(empty)} source(s): {', '.join(empty)}"
        if hosts:
            message += f"; unreachable host(s): {', '.join(hosts)}"
        logger.error(message)
        return Failed(message=message, data=summary)
    return Completed(message=f"parsed {sum(parsed.values())} new or changed documents", data=summary)
