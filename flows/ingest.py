"""The ingest flow: discover -> fetch -> parse -> extract -> load, one source at a time.

Tasks are thin wrappers over the rooms (scrapers, transforms, warehouse). Each source's
rows load in one transaction, so a failure in one source never leaves half of it behind.
A source that yields no document puts the run in a Failed state that names it.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import Counter
from datetime import UTC, datetime

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run
from prefect.states import Completed, Failed

from csi.paths import DEFAULT_SOURCES, resolve_db, resolve_warc_dir
from csi.records import DocumentRow, FetchRow
from scrapers.adapters import parse_page
from scrapers.archive import WarcArchive
from scrapers.crawl import CrawlResult, crawl
from scrapers.http import Fetcher
from scrapers.sources import Source, load_sources
from scrapers.urls import host_of
from transforms.councils import default_index, load_aliases, load_councils
from transforms.extract import extract
from warehouse.db import Batch, connect, load_batch, migrate, record_run, seed_reference, table_counts

SUMMARY_TABLES = ("documents", "councils", "inspections", "ratings", "findings", "quotes", "metrics")


@task(cache_policy=NONE)
def crawl_source(source: Source, fetcher: Fetcher) -> CrawlResult:
    logger = get_run_logger()
    result = crawl(source, fetcher, on_fetch=lambda row: logger.debug("%s %s %s", row.outcome, row.status_code,
                                                                        row.url))
    logger.info("%s: %d fetches, %d documents, %d failures", source.name, len(result.fetches),
                len(result.documents), len(result.failures))
    return result


def build_batch(source: Source, crawled: CrawlResult) -> Batch:
    """Parse and extract every fetched document; a page that fails to parse becomes a parse_error fetch."""
    index = default_index()
    batch = Batch()
    fetches = {row.fetch_id: row for row in crawled.fetches}
    for page in crawled.documents:
        row = page.row
        try:
            doc = parse_page(row.url, page.body, row.content_type, row.requested_at, source, row.content_sha256)
            extraction = extract(doc, index, council=source.council)
        except Exception as exc:  # noqa: BLE001 - any parser failure is recorded against its page
            fetches[row.fetch_id] = dataclasses.replace(row, outcome="parse_error",
                                                        error=f"{type(exc).__name__}: {exc}"[:500])
            continue
        batch.documents.append(DocumentRow.of(doc))
        batch.document_councils += extraction.document_councils
        batch.inspections += extraction.inspections
        batch.ratings += extraction.ratings
        batch.findings += extraction.findings
        batch.quotes += extraction.quotes
        batch.metrics += extraction.metrics
    batch.fetches = list(fetches.values())
    return batch


@task(cache_policy=NONE)
def parse_and_extract(source: Source, crawled: CrawlResult) -> Batch:
    batch = build_batch(source, crawled)
    get_run_logger().info("%s: %d documents parsed, %d ratings, %d findings, %d quotes, %d metrics", source.name,
                          len(batch.documents), len(batch.ratings), len(batch.findings), len(batch.quotes),
                          len(batch.metrics))
    return batch


@task(cache_policy=NONE)
def load(con, batch: Batch) -> dict[str, int]:
    return load_batch(con, batch)


def _failure_summary(fetches: list[FetchRow]) -> dict:
    failed = [f for f in fetches if f.outcome != "ok"]
    return {
        "by_outcome": dict(Counter(f.outcome for f in failed)),
        "unreachable_hosts": sorted({host_of(f.url) for f in failed if f.outcome in ("connection_error", "timeout")}),
        "failed_urls": len({f.url for f in failed}),
    }


@flow(name="ingest", log_prints=True)
def ingest(sources_file: str | None = None, db: str | None = None, base_url: str | None = None,
           sources: list[str] | None = None, warc_dir: str | None = None):
    """Crawl the configured sources and load everything they yield into the warehouse."""
    logger = get_run_logger()
    run_id = flow_run.get_id() or str(uuid.uuid4())
    started_at = datetime.now(UTC).replace(tzinfo=None)
    source_set = load_sources(sources_file or DEFAULT_SOURCES, base_url=base_url)
    selected = source_set.select(sources)
    db_path = resolve_db(db)
    con = connect(db_path)
    try:
        migrate(con)
        seed_reference(con, load_councils(), load_aliases())
        fetcher = Fetcher(run_id, WarcArchive(resolve_warc_dir(warc_dir, db_path), run_id, started_at))
        all_fetches: list[FetchRow] = []
        per_source: dict[str, int] = {}
        for source in selected:
            crawled = crawl_source(source, fetcher)
            batch = parse_and_extract(source, crawled)
            load(con, batch)
            all_fetches += batch.fetches
            per_source[source.name] = len(batch.documents)
        counts = table_counts(con)
        summary = {
            "run_id": run_id, "db": str(db_path), "tables": {t: counts[t] for t in SUMMARY_TABLES},
            "documents_this_run": per_source, "fetches_this_run": len(all_fetches),
            "failures": _failure_summary(all_fetches),
        }
        empty = [name for name, n in per_source.items() if n == 0]
        state = "FAILED" if empty else "COMPLETED"
        record_run(con, run_id, "ingest", started_at, datetime.now(UTC).replace(tzinfo=None), state, summary)
    finally:
        con.close()
    create_markdown_artifact(_markdown(summary), key="ingest-summary", description="csi ingest run summary")
    if empty:
        hosts = summary["failures"]["unreachable_hosts"]
        message = f"no documents from {len(empty)} source(s): {', '.join(empty)}"
        if hosts:
            message += f"; unreachable host(s): {', '.join(hosts)}"
        logger.error(message)
        return Failed(message=message, data=summary)
    return Completed(message=f"loaded {sum(per_source.values())} documents", data=summary)


def _markdown(summary: dict) -> str:
    lines = ["# csi ingest", "", "| table | rows |", "| --- | --- |"]
    lines += [f"| {t} | {n} |" for t, n in summary["tables"].items()]
    lines += ["", "| source | documents this run |", "| --- | --- |"]
    lines += [f"| {s} | {n} |" for s, n in summary["documents_this_run"].items()]
    failures = summary["failures"]["by_outcome"]
    lines += ["", "Failures: " + (", ".join(f"{k} {v}" for k, v in failures.items()) if failures else "none")]
    return "\n".join(lines)

