"""A flow run's record: its `runs` row from start to end, its failures and rating changes, and the summary
published as a Prefect markdown artifact."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

from csi.records import FetchRow
from scrapers.urls import host_of
from warehouse.db import record_run, table_counts

SUMMARY_TABLES = ("documents", "councils", "inspections", "ratings", "findings", "quotes", "metrics")


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def current_run_id() -> str:
    return flow_run.get_id() or str(uuid.uuid4())


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
