"""Pieces every flow shares: pages to rows, the warehouse session, the run record and summary."""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

from csi.paths import resolve_db
from csi.records import EXTRACTED_TABLES, DocumentRow, FetchRow
from scrapers.platforms import default_source, parse_page
from scrapers.sources import Source, SourceSet
from scrapers.urls import host_of
from transforms.councils import default_index, load_aliases, load_councils
from transforms.extract import extract
from transforms.inspections import DOC_TYPE_RANK, resolve_identities
from warehouse.db import Batch, connect, load_batch, migrate, record_run, seed_reference, table_counts
from warehouse.queries import inspection_doc_types, inspections_of

SUMMARY_TABLES = ("documents", "councils", "inspections", "ratings", "findings", "quotes", "metrics")
_PARSING_CODE = ("scrapers/platform.py", "scrapers/platforms/**/*.py", "scrapers/html.py", "scrapers/pubdate.py",
                 "transforms/*.py",
                 "csi/records.py", "csi/dates.py", "csi/frameworks.py", "csi/reference/*.csv")


def _parse_version() -> str:
    """Hash of every file that decides what a page parses into: editing a parser or a rule invalidates caches."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for pattern in _PARSING_CODE:
        for file in sorted(root.glob(pattern)):
            digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


PARSE_VERSION = _parse_version()


@dataclass(frozen=True)
class Page:
    """Bytes of one document page, wherever they came from (a fetch, the archive, an imported WARC)."""

    url: str
    body: bytes
    content_type: str | None
    fetched_at: datetime
    content_sha256: str
    source: Source
    fetch: FetchRow | None = None  # the fetch that produced it, marked parse_error if parsing fails


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def current_run_id() -> str:
    return flow_run.get_id() or str(uuid.uuid4())


def source_of(url: str, sources: SourceSet | None, name: str) -> Source:
    """The source a page belongs to: the configured one of that name, else the one whose document patterns
    match the URL, else a source made up by the platform claiming the URL (news when none does)."""
    if sources is not None:
        found = sources.named(name) or sources.matching(url)
        if found is not None:
            return found
    return default_source(name, url)


def page_to_batch(page: Page) -> Batch:
    """Parse and extract one page into the rows it supports; raises whatever the parser raises."""
    doc = parse_page(page.url, page.body, page.content_type, page.fetched_at, page.source, page.content_sha256)
    extraction = extract(doc, default_index(), council=page.source.council)
    batch = Batch(documents=[DocumentRow.of(doc)])
    for spec in EXTRACTED_TABLES:
        getattr(batch, spec.name).extend(getattr(extraction, spec.name))
    if page.fetch is not None:
        fetched = page.fetch
        if fetched.outcome == "parse_error":  # a reparse with a fixed parser: the page now parses
            fetched = dataclasses.replace(fetched, outcome="ok", error=None)
        batch.fetches.append(fetched)
    return batch


def error_text(exc: BaseException) -> str:
    """How a page's parse failure is recorded in `fetches.error`."""
    return f"{type(exc).__name__}: {exc}"[:500]


def merge_batches(batches: list[Batch]) -> Batch:
    merged = Batch()
    for batch in batches:
        for f in dataclasses.fields(Batch):
            getattr(merged, f.name).extend(getattr(batch, f.name))
    return merged


def pages_to_batch(pages: list[Page]) -> tuple[Batch, list[tuple[str, str]]]:
    """Parse and extract every page; returns the batch and (url, error) for pages that failed.

    A failing page never stops the others: its fetch row, if any, is marked parse_error.
    """
    batches: list[Batch] = []
    errors: list[tuple[str, str]] = []
    for page in pages:
        try:
            batches.append(page_to_batch(page))
        except Exception as exc:  # noqa: BLE001 - any parser failure is recorded against its page
            errors.append((page.url, error_text(exc)))
            if page.fetch is not None:
                failed = dataclasses.replace(page.fetch, outcome="parse_error", error=error_text(exc))
                batches.append(Batch(fetches=[failed]))
    return merge_batches(batches), errors


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


@contextmanager
def recorded_run(con, run_id: str, flow: str, started_at: datetime) -> Iterator[None]:
    """A runs row from the start (RUNNING), marked CRASHED with the error if the flow raises."""
    record_run(con, run_id, flow, started_at, None, "RUNNING", {})
    try:
        yield
    except BaseException as exc:
        record_run(con, run_id, flow, started_at, now_utc(), "CRASHED", {"error": f"{type(exc).__name__}: {exc}"[:500]})
        raise


def failure_summary(fetches: list[FetchRow]) -> dict:
    failed = [f for f in fetches if f.outcome not in ("ok", "not_modified")]
    return {
        "by_outcome": dict(Counter(f.outcome for f in failed)),
        "by_host": dict(Counter(host_of(f.url) for f in failed)),
        # A refused URL (unsafe scheme, redirect into a private network) was never sent: its host is not down.
        "unreachable_hosts": sorted({host_of(f.url) for f in failed if f.outcome in ("connection_error", "timeout")
                                     and not (f.error or "").startswith("refused:")}),
        "failed_urls": len({f.url for f in failed}),
    }


def rating_changes(before: dict[tuple[str, str], str], after: dict[tuple[str, str], str]) -> dict[str, list[str]]:
    """Latest grades (council, judgement) that appeared or changed between two snapshots, as readable lines."""
    new = [f"{council} {judgement}: {grade}" for (council, judgement), grade in sorted(after.items())
           if (council, judgement) not in before]
    changed = [f"{council} {judgement}: {before[key]} -> {grade}" for key, grade in sorted(after.items())
               for council, judgement in [key] if key in before and before[key] != grade]
    return {"new": new, "changed": changed}


def finish_run(con, run_id: str, flow: str, started_at: datetime, state: str, summary: dict) -> dict:
    """Add table counts to the summary, write the runs row and publish the summary as an artifact."""
    counts = table_counts(con)
    summary = {"run_id": run_id, "tables": {t: counts[t] for t in SUMMARY_TABLES}, **summary}
    record_run(con, run_id, flow, started_at, now_utc(), state, summary)
    create_markdown_artifact(_markdown(flow, summary), key=f"{flow}-summary", description=f"csi {flow} run summary")
    return summary


def _markdown(flow: str, summary: dict) -> str:
    lines = [f"# csi {flow}", ""]
    problems = summary.get("problems") or []
    lines += ["**Failed:** " + "; ".join(problems), ""] if problems else []
    lines += ["| table | rows |", "| --- | --- |"]
    lines += [f"| {t} | {n} |" for t, n in summary["tables"].items()]
    per_source = summary.get("documents_this_run", {})
    if per_source:
        lines += ["", "| source | documents parsed this run |", "| --- | --- |"]
        lines += [f"| {s} | {n} |" for s, n in per_source.items()]
    ratings = summary.get("ratings")
    if ratings is not None:
        lines += ["", f"New latest grades: {len(ratings['new'])}; changed: {len(ratings['changed'])}"]
        lines += [f"- {line}" for line in ratings["changed"] + ratings["new"][:20]]
    failures = summary.get("failures", {})
    by_outcome = failures.get("by_outcome", {})
    lines += ["", "Failures: " + (", ".join(f"{k} {v}" for k, v in by_outcome.items()) if by_outcome else "none")]
    if failures.get("by_host"):
        lines += ["", "| host | failed fetches |", "| --- | --- |"]
        lines += [f"| {h} | {n} |" for h, n in sorted(failures["by_host"].items())]
    misses = summary.get("profile_misses") or {}
    if misses:
        lines += ["", "Profile misses (generic extraction used): " + ", ".join(f"{s} {n}" for s, n in misses.items())]
    unknown = summary.get("unknown_listings") or []
    if unknown:
        lines += ["", f"Provider-page entries of an unknown kind, recorded as framework other: {len(unknown)}"]
        lines += [f"- {entry}" for entry in unknown[:20]]
    if "parse_cache_hits" in summary:
        lines += ["", f"Pages parsed from the cache: {summary['parse_cache_hits']}"]
    if summary.get("seconds"):
        lines += ["", "Seconds: " + ", ".join(f"{stage} {value:.1f}" for stage, value in summary["seconds"].items())]
    return "\n".join(lines)
