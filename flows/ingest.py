"""The ingest flow: discover -> fetch -> parse -> extract -> stage -> load.

- Sources that share a host are crawled by one task, so per-host politeness holds; hosts run in
  parallel. Crawl tasks retry with backoff; each writes its own WARC file.
- New or changed document pages are parsed by tasks of PARSE_CHUNK pages each; every page's rows
  are cached in Prefect's result store on (URL, content hash, source config, parsing code), so a
  rerun re-executes only the pages that failed or changed. Bodies never travel between tasks: a
  page passes as its fetch row, a pointer into the WARC archive.
- Each parse task stages its rows as Parquet where it runs (on a Dask worker, when the flow runs
  with a DaskTaskRunner), and the flow process, the only one holding DuckDB's write lock, merges a
  source's staged batches in one transaction.
- Runs are incremental (refresh intervals, conditional requests, unchanged bytes not reparsed), and
  a run fails loudly, naming the source, when a source yields no document, when most of its fetches
  failed (naming the hosts), when its crawl broke or stopped (a full archive disk), when fewer of its
  pages parse than its `min_parse_rate`, or when its site profile matched nothing on any page.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import time
import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture, wait
from prefect.results import get_result_store
from prefect.states import Completed
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from csi.paths import DEFAULT_SOURCES, TASK_RUNNERS, resolve_db, resolve_warc_dir
from csi.records import FetchRow, make_id
from pipeline.load import load, warehouse_session
from pipeline.pages import PARSE_VERSION, Page, error_text, merge_batches, page_to_batch
from pipeline.runs import (
    CRAWL_TASK_TIMEOUT_SECONDS,
    INGEST_TIMEOUT_SECONDS,
    PARSE_TASK_TIMEOUT_SECONDS,
    current_run_id,
    fails_in_one_line,
    failure_summary,
    finish_run,
    now_utc,
    rating_changes,
    recorded_run,
    run_failed,
    run_label,
)
from scrapers.archive import ArchiveFull, WarcArchive, read_response, safe_run_name
from scrapers.crawl import NOT_FETCH_FAILURES, CrawlResult, EveryFetchFailed, every_fetch_failed
from scrapers.http import Fetcher, PreviousFetch
from scrapers.platforms import crawl_source, expand_sources
from scrapers.platforms.ofsted_site.parse import DOC_TYPE as PROVIDER_PAGE
from scrapers.sources import Source, SourceConfigError, load_sources
from scrapers.urls import host_of
from transforms.ofsted_site import unknown_entries
from warehouse.db import Batch
from warehouse.queries import last_good_fetches, latest_grades
from warehouse.staging import discard_staged, read_staged, write_staged

# Seconds before each retry of a crawl task that failed (every fetch of its host failed, or it raised): a host down
# for a minute (a restart) is crawled again. CSI_CRAWL_RETRY_DELAYS overrides ("10,60"; "" for no retry).
CRAWL_RETRY_DELAYS = (10, 60)
# Pages per parse task. Measured on 2 cores: with a Prefect task run per page, 1,000 pages took 60.7 s
# against 47.7 s in 50-page tasks (docs/performance.md); pages are cached one by one either way.
PARSE_CHUNK = 50


def crawl_retry_delays() -> list[float]:
    raw = os.environ.get("CSI_CRAWL_RETRY_DELAYS")
    if raw is None:
        return list(CRAWL_RETRY_DELAYS)
    try:
        return [float(part) for part in raw.split(",") if part.strip()]
    except ValueError:
        raise SourceConfigError(f"CSI_CRAWL_RETRY_DELAYS={raw!r}: seconds separated by commas, e.g. 10,60") from None


@task(cache_policy=NONE, timeout_seconds=CRAWL_TASK_TIMEOUT_SECONDS, task_run_name="crawl {host}")
def crawl_host(host: str, sources: list[Source], known: dict[str, dict[str, PreviousFetch]], run_id: str,
               warc_dir: str, started_at: datetime) -> list[CrawlResult]:
    """Crawl the sources of one host in turn; returns their results with bodies left in the archive.

    Per-URL failures are recorded in the results; a crawl in which every fetch failed raises EveryFetchFailed
    (the task fails and is retried, see crawl_retry_delays)."""
    logger = get_run_logger()
    fetcher = Fetcher(run_id, WarcArchive(warc_dir, f"{run_id}-{safe_run_name(host)}", started_at))

    def log_fetch(row) -> None:
        logger.debug("%s %s %s", row.outcome, row.status_code, row.url)

    results, stopped = [], None
    for source in sources:
        rows: list[FetchRow] = []  # every fetch of the source as it happens, whatever ends its crawl

        def on_fetch(row: FetchRow, rows: list[FetchRow] = rows) -> None:
            rows.append(row)
            log_fetch(row)

        if stopped is not None:
            result = CrawlResult(source.name, error=f"not crawled: {stopped}")
        else:
            try:
                result = crawl_source(source, fetcher, known[source.name], on_fetch,
                                      lambda note, name=source.name: logger.info("%s: %s", name, note))
            except ArchiveFull as full:  # nothing more can be archived: stop, keeping what was fetched
                stopped = f"the crawl stopped: {full}"
                logger.error("%s: %s", source.name, stopped)
                result = CrawlResult.salvaged(source.name, rows + ([full.row] if full.row else []), stopped)
            except Exception as exc:  # noqa: BLE001 - one source's broken crawl never takes its host's others down
                logger.exception("%s: the crawl failed", source.name)
                result = CrawlResult.salvaged(source.name, rows, error_text(exc))
        result.skipped_hosts = dict(fetcher.skipped_hosts)
        logger.info("%s: %d fetches, %d new or changed documents, %d unchanged, %d fresh (skipped), %d failures",
                    source.name, len(result.fetches), len(result.documents), len(result.unchanged),
                    len(result.fresh), len(result.failures))
        result.documents = [dataclasses.replace(fetched, body=None) for fetched in result.documents]
        results.append(result)
    if every_fetch_failed(results):
        raise EveryFetchFailed(host, results)
    return results


def page_cache_key(source: Source, fetch: FetchRow) -> str:
    """Same page bytes and content type, same source config, same parsing code: same rows."""
    return make_id("parse", fetch.url, fetch.content_sha256, fetch.content_type, repr(source), PARSE_VERSION)


@dataclass(frozen=True)
class ParsedChunk:
    """What a parse task hands back: a pointer to its staged rows, and which pages failed and why."""

    directory: str
    failures: dict[str, str]  # fetch_id -> error
    cache_hits: int
    profile_misses: int
    unknown_listings: list[str]  # provider-page entries of a kind no wording recognises ("url: label")
    unreadable: dict[str, str] = dataclasses.field(default_factory=dict)  # fetch_id -> why the archive failed it


def _cached(store, key: str) -> Batch | None:
    """A page's cached rows, or None; an unreadable cache entry (older code, a damaged file) is a miss."""
    try:
        return store.read(key).result if store.exists(key) else None
    except Exception:  # noqa: BLE001 - the page is parsed again and the entry rewritten
        return None


@task(retries=1, cache_policy=NONE, timeout_seconds=PARSE_TASK_TIMEOUT_SECONDS,
      task_run_name="parse {source.name} ({directory})")
def parse_and_stage(source: Source, fetches: list[FetchRow], directory: str, use_cache: bool = True) -> ParsedChunk:
    """Parse archived pages and stage their rows as Parquet where this task runs.

    Each page's rows are cached in Prefect's result store under `page_cache_key`, so a rerun parses
    only pages that failed, changed, or met new parsing code. A page that fails is reported, not
    cached. Fetch rows stay out of the cache: a cached result must not carry an old fetch.
    `use_cache=False` (reparse) reads and parses every page from the archive, so a missing record shows.
    """
    store = get_result_store()
    batches, failures, unreadable, hits = [], {}, {}, 0
    for fetch in fetches:
        key = page_cache_key(source, fetch)
        cached = _cached(store, key) if use_cache else None
        if cached is not None:  # the rows of an earlier fetch of these bytes, given this fetch's time
            cached.documents = [dataclasses.replace(d, fetched_at=fetch.requested_at) for d in cached.documents]
            batches.append(cached)
            hits += 1
            continue
        try:
            body = read_response(fetch.warc_file, fetch.warc_offset).body
        except (OSError, ValueError) as exc:  # gone from the archive, or a record over the size limit
            unreadable[fetch.fetch_id] = error_text(exc)
            continue
        try:
            batch = page_to_batch(Page(fetch.url, body, fetch.content_type, fetch.requested_at,
                                       fetch.content_sha256, source, None))
        except Exception as exc:  # noqa: BLE001 - any parser failure is recorded against its page
            failures[fetch.fetch_id] = error_text(exc)
            continue
        store.write(batch, key=key)
        batches.append(batch)
    merged = merge_batches(batches)
    return ParsedChunk(str(write_staged(merged, directory)), failures, hits,
                       sum(1 for d in merged.documents if d.profile_miss),
                       [f"{d.url}: {label}" for d in merged.documents if d.doc_type == PROVIDER_PAGE
                        for label in unknown_entries(d.text)], unreadable)


@task(cache_policy=NONE, task_run_name="load {source_name}")
def load_staged(con, source_name: str, directories: list[str], fetches: list[FetchRow]) -> None:
    """The one writer: merge a source's staged batches and its fetch rows into DuckDB in one transaction."""
    batch = merge_batches([read_staged(directory) for directory in directories])
    batch.fetches += fetches
    load(con, batch)
    for directory in directories:
        discard_staged(directory)


def select_sources(sources_file: str | None, base_url: str | None, names: list[str] | None,
                   adapters: list[str] | None) -> list[Source]:
    """The enabled (or named) sources, expanded per ModernGov council, restricted to some adapters if asked."""
    selected = expand_sources(load_sources(sources_file or DEFAULT_SOURCES, base_url=base_url).select(names))
    if adapters:
        kinds = {s.adapter for s in selected}
        unknown = sorted(set(adapters) - kinds)
        if unknown:
            raise SourceConfigError(f"no selected source uses adapter(s) {', '.join(unknown)}; "
                                    f"adapters in use: {', '.join(sorted(kinds))}")
        selected = [s for s in selected if s.adapter in adapters]
    return selected


def task_runner_for(kind: str, dask_address: str | None = None, workers: int | None = None):
    """The task runner for `csi run --task-runner`.

    threads: this process (fetching overlaps; parsing holds the GIL); processes: one worker process
    per core on this machine (parsing in parallel); dask: an existing Dask cluster (docs/scaling.md).
    """
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=workers or 4)
    if kind == "processes":
        return ProcessPoolTaskRunner(max_workers=workers or os.cpu_count())
    if kind != "dask":
        raise ValueError(f"task runner {kind!r} is not one of {', '.join(TASK_RUNNERS)}")
    if not dask_address:
        raise ValueError("--task-runner dask needs --dask-address tcp://HOST:PORT (a running Dask scheduler)")
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:
        raise ValueError("the dask task runner needs prefect-dask: pip install 'csi[dask]'") from exc
    return DaskTaskRunner(address=dask_address)


def _by_host(sources: list[Source]) -> dict[str, list[Source]]:
    groups: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        groups[host_of(source.moderngov_base or (source.start_urls[0] if source.start_urls else source.name))
               ].append(source)
    return groups


def _chunks(fetches: list[FetchRow], size: int) -> list[list[FetchRow]]:
    return [fetches[i:i + size] for i in range(0, len(fetches), size)]


def _outcomes(submitted: list[tuple[list[FetchRow], PrefectFuture]], logger, keep_unreadable: bool = True
              ) -> tuple[list[ParsedChunk], list[FetchRow], list[tuple[str, str]]]:
    """The chunks that ran, every page's fetch row (parse_error, with the reason, for pages that failed; ok for a
    page that parses now), and (url, error) of pages whose archive record could not be read. Those are parse
    errors too, unless `keep_unreadable` is False (a reparse): their rows are then left out, as they were."""
    wait([future for _, future in submitted])
    chunks, rows, missing = [], [], []
    for fetches, future in submitted:
        value = future.result(raise_on_failure=False)
        failures = value.failures if isinstance(value, ParsedChunk) else {
            f.fetch_id: error_text(value) for f in fetches}  # the whole task failed
        unreadable = value.unreadable if isinstance(value, ParsedChunk) else {}
        if isinstance(value, ParsedChunk):
            chunks.append(value)
        for fetch in fetches:
            if fetch.fetch_id in unreadable and not keep_unreadable:
                missing.append((fetch.url, unreadable[fetch.fetch_id]))
                continue
            error = failures.get(fetch.fetch_id) or unreadable.get(fetch.fetch_id)
            if error:
                logger.warning("parse_error %s: %s", fetch.url, error)
                rows.append(dataclasses.replace(fetch, outcome="parse_error", error=error))
            elif fetch.outcome == "parse_error":  # a reparse with a fixed parser: the page parses now
                rows.append(dataclasses.replace(fetch, outcome="ok", error=None))
            else:
                rows.append(fetch)
    return chunks, rows, missing


# Rows per batch for import-warc, reparse and rerun-failed: parsed through the same tasks as ingest and loaded
# batch by batch, so memory stays flat however big the archive (docs/performance.md).
MAINTENANCE_BATCH = 500


@dataclass
class BatchedLoad:
    """What `parse_and_load` did, in totals (nothing per page is kept beyond the failures)."""

    pages: int = 0  # rows given a source, to parse
    parsed: int = 0  # of those, parsed into a document
    errors: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (url, error): pages that failed
    missing: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (url, error): unreadable records
    rows: int = 0  # fetch rows loaded
    failed_rows: list[FetchRow] = dataclasses.field(default_factory=list)  # loaded rows whose fetch failed
    batches: int = 0


def parse_and_load(con, items: Iterable[tuple[Source | None, FetchRow]], label: str, stage_root, logger, *,
                   batch_rows: int = MAINTENANCE_BATCH, parse_chunk: int = PARSE_CHUNK,
                   keep_unreadable: bool = True, use_cache: bool = True) -> BatchedLoad:
    """Stream (source, fetch row) items through ingest's parse tasks, loading each batch of `batch_rows` in its own
    transaction. A row with a source is a page to parse from its archive record; a row without one is loaded as
    it is (a failed fetch, a record no adapter reads). Items are pulled lazily, one batch at a time.
    `keep_unreadable=False` leaves out the rows of pages whose archive record cannot be read (reported as
    `missing`); `use_cache=False` parses every page from its record."""
    totals = BatchedLoad()
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, batch_rows)):
        directory = Path(stage_root) / f"batch-{totals.batches:05d}"
        by_source: dict[Source, list[FetchRow]] = defaultdict(list)
        plain = []
        for source, row in batch:
            (by_source[source] if source is not None else plain).append(row)
        submitted = [(chunk, parse_and_stage.submit(source, chunk, str(directory / f"{n:05d}-{k:05d}"), use_cache))
                     for n, (source, rows) in enumerate(by_source.items())
                     for k, chunk in enumerate(_chunks(rows, parse_chunk))]
        chunks, page_rows, missing = _outcomes(submitted, logger, keep_unreadable)
        rows = page_rows + plain
        load_staged(con, label, [chunk.directory for chunk in chunks], rows)
        discard_staged(directory)
        failed = sum(1 for row in page_rows if row.outcome == "parse_error")
        totals.batches += 1
        totals.pages += sum(len(r) for r in by_source.values())
        totals.parsed += len(page_rows) - failed
        totals.errors += [(row.url, row.error or "") for row in page_rows if row.outcome == "parse_error"]
        totals.missing += missing
        totals.rows += len(rows)
        totals.failed_rows += [row for row in rows if row.outcome not in ("ok", "not_modified")]
        logger.info("%s: batch %d loaded, %d rows (%d pages parsed so far)", label, totals.batches, len(rows),
                    totals.parsed)
    return totals


def _fetch_verdict(source_name: str, fetches: list[FetchRow]) -> list[str]:
    """A source most of whose fetches failed is a failed source, even if some pages loaded; names the hosts."""
    failed = [row for row in fetches if row.outcome not in NOT_FETCH_FAILURES]
    if not fetches or len(failed) * 2 <= len(fetches):
        return []
    hosts = defaultdict(int)
    for row in failed:
        hosts[host_of(row.url)] += 1
    shown = ", ".join(f"{host} ({n})" for host, n in sorted(hosts.items(), key=lambda kv: (-kv[1], kv[0])))
    return [f"{source_name}: {len(failed)} of {len(fetches)} fetches failed, on host(s) {shown}"]


def _verdicts(source: Source, attempted: int, parsed: int, misses: int) -> list[str]:
    """Why this source's part of the run is a failure, if it is (beyond having no documents at all)."""
    problems = []
    if attempted and parsed / attempted < source.min_parse_rate:
        problems.append(f"{source.name}: only {parsed} of {attempted} page(s) parsed "
                        f"(floor {source.min_parse_rate:.0%})")
    if parsed and misses == parsed:  # the site's layout changed under the adapter or its profile
        selectors = (f"profile {source.profile.name!r}" if source.profile
                     else f"the {source.adapter} adapter's selectors")
        problems.append(f"{source.name}: {selectors} matched nothing on any of {parsed} page(s)")
    return problems


def _runner_name(runner) -> str:
    workers = getattr(runner, "_max_workers", None)  # the thread and process pools' size (no public attribute)
    return f"{type(runner).__name__} ({workers} workers)" if workers else type(runner).__name__


def runner_from_environment():
    """Where a deployment's tasks run: CSI_TASK_RUNNER and CSI_DASK_ADDRESS (prefect.yaml job_variables, or the
    environment of `csi serve`). A bad value warns and falls back to threads rather than breaking every flow."""
    try:
        return task_runner_for(os.environ.get("CSI_TASK_RUNNER", "threads"), os.environ.get("CSI_DASK_ADDRESS"))
    except ValueError as exc:
        warnings.warn(f"CSI_TASK_RUNNER ignored, tasks run in threads: {exc}", stacklevel=2)
        return task_runner_for("threads")


# The CLI chooses per run (ingest.with_options); deployments through the environment.
@flow(name="ingest", task_runner=runner_from_environment(), timeout_seconds=INGEST_TIMEOUT_SECONDS)
@fails_in_one_line
def ingest(sources_file: str | None = None, db: str | None = None, base_url: str | None = None,
           sources: list[str] | None = None, adapters: list[str] | None = None, warc_dir: str | None = None,
           full_refresh: bool = False, parse_chunk: int = PARSE_CHUNK):
    """Crawl the configured sources and load everything new they yield into the warehouse.

    `adapters` restricts the run to sources of those platforms (news, moderngov, ...); `full_refresh`
    refetches every page unconditionally (parses of unchanged pages still come from the cache);
    `parse_chunk` is how many pages one parse task takes.
    """
    logger = get_run_logger()
    run_id, started_at, label = current_run_id(), now_utc(), run_label("ingest")
    logger.info("tasks run on %s", _runner_name(FlowRunContext.get().task_runner))  # a worker's job variables show
    selected = select_sources(sources_file, base_url, sources, adapters)
    db_path = resolve_db(db)
    warc_root = resolve_warc_dir(warc_dir, db_path).absolute()  # stored in fetches: reparse works from any cwd
    stage_root = db_path.parent / "staging" / safe_run_name(run_id)
    with recorded_run(db, run_id, label, started_at):
        with warehouse_session(db, publish=False) as con:  # read what is known; the crawl holds no lock
            grades_before = latest_grades(con)
            known = {s.name: {} if full_refresh else {
                url: PreviousFetch(f.etag, f.last_modified, f.content_sha256, f.fetched_at)
                for url, f in last_good_fetches(con, s.name).items()} for s in selected}
        clock = time.perf_counter()
        seconds = {"crawl": 0.0, "parse_and_stage": 0.0, "load": 0.0}
        groups = _by_host(selected)
        delays = crawl_retry_delays()
        crawler = crawl_host.with_options(retries=len(delays), retry_delay_seconds=delays)
        crawls = [crawler.submit(host, group, {s.name: known[s.name] for s in group}, run_id, str(warc_root),
                                 started_at) for host, group in groups.items()]
        crawled, hosts_down = {}, []
        for (host, group), future in zip(groups.items(), crawls, strict=True):
            value = future.result(raise_on_failure=False)  # the last attempt's, after the task's retries
            if isinstance(value, EveryFetchFailed):  # its failed fetches are loaded like any others
                results = value.results
                hosts_down.append(f"{host} ({len(delays) + 1} attempt(s))")
            elif isinstance(value, list):
                results = value
            else:  # a task that died: its sources' runs fail, naming the host
                results = [CrawlResult(s.name, error=f"crawl of {host} failed: {error_text(value)}") for s in group]
            crawled.update((result.source, result) for result in results)
        seconds["crawl"] = time.perf_counter() - clock
        submitted = {s.name: [(chunk, parse_and_stage.submit(s, chunk, str(stage_root / s.name / f"{n:05d}")))
                              for n, chunk in enumerate(_chunks([d.row for d in crawled[s.name].documents],
                                                                parse_chunk))] for s in selected}
        clock = time.perf_counter()
        outcomes = {s.name: _outcomes(submitted[s.name], logger) for s in selected}
        seconds["parse_and_stage"] = time.perf_counter() - clock
        all_fetches: list[FetchRow] = []
        parsed, seen, misses, problems, cache_hits, unknown = {}, {}, {}, [], 0, []
        skipped_hosts: dict[str, str] = {}
        with warehouse_session(db) as con:  # the write lock, only for loading
            for source in selected:
                result = crawled[source.name]
                chunks, page_rows, _ = outcomes[source.name]
                clock = time.perf_counter()
                document_ids = {row.fetch_id for row in page_rows}
                fetches = page_rows + [row for row in result.fetches if row.fetch_id not in document_ids]
                load_staged(con, source.name, [chunk.directory for chunk in chunks], fetches)
                seconds["load"] += time.perf_counter() - clock
                all_fetches += fetches
                failed = sum(1 for row in page_rows if row.outcome == "parse_error")
                parsed[source.name] = len(page_rows) - failed
                misses[source.name] = sum(chunk.profile_misses for chunk in chunks)
                cache_hits += sum(chunk.cache_hits for chunk in chunks)
                unknown += [entry for chunk in chunks for entry in chunk.unknown_listings]
                seen[source.name] = result.documents_seen
                skipped_hosts.update(result.skipped_hosts)
                if result.error:
                    problems.append(f"{source.name}: {result.error}")
                problems += _fetch_verdict(source.name, result.fetches)
                problems += _verdicts(source, len(page_rows), parsed[source.name], misses[source.name])
                logger.info("%s: %d documents loaded, %d parse errors", source.name, parsed[source.name], failed)
            discard_staged(stage_root)
            empty = [name for name, n in seen.items() if n == 0]
            if hosts_down:
                problems.insert(0, f"every fetch failed on host(s) {', '.join(hosts_down)}")
            if empty:
                problems.insert(0, f"no documents from {len(empty)} source(s): {', '.join(empty)}")
            summary = finish_run(con, run_id, label, started_at, "FAILED" if problems else "COMPLETED", {
                "db": str(db_path), "documents_this_run": parsed, "documents_seen": seen,
                "fetches_this_run": len(all_fetches), "failures": failure_summary(all_fetches),
                "skipped_hosts": skipped_hosts,
                "profile_misses": {name: n for name, n in misses.items() if n},
                "ratings": rating_changes(grades_before, latest_grades(con)), "problems": problems,
                "unknown_listings": unknown, "parse_cache_hits": cache_hits,
                "seconds": {stage: round(value, 3) for stage, value in seconds.items()},
            })
    if problems:
        hosts = summary["failures"]["unreachable_hosts"]
        message = "; ".join(problems)
        if hosts and empty:
            message += f"; unreachable host(s): {', '.join(hosts)}"
        if skipped_hosts:
            message += "; host(s) skipped: " + "; ".join(f"{host}: {why}" for host, why in skipped_hosts.items())
        logger.error(message)
        return run_failed(message, summary)
    return Completed(message=f"parsed {sum(parsed.values())} new or changed documents", data=summary)

