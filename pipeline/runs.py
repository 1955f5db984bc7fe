"""A flow run's record: its `runs` row from start to end, its failures and rating changes, and the summary
published as a Prefect markdown artifact."""

from __future__ import annotations

import functools
import inspect
import logging
import os
import socket
import typing
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from prefect.artifacts import create_markdown_artifact
from prefect.logging import get_run_logger
from prefect.runtime import flow_run
from prefect.states import Failed, State

from csi.records import FetchRow
from pipeline.load import warehouse_session
from scrapers.crawl import EveryFetchFailed
from scrapers.sources import SourceConfigError
from scrapers.urls import host_of
from warehouse.db import WarehouseLocked, mark_abandoned_runs, record_run, table_counts

# A hung run must not hold the queue (each deployment runs one at a time) for ever: flows and tasks time out.
# Ofsted's weekly crawl of every council is the longest measured run; these leave it hours of slack.
INGEST_TIMEOUT_SECONDS = 12 * 3600
MAINTENANCE_TIMEOUT_SECONDS = 6 * 3600
DEMO_TIMEOUT_SECONDS = 900
CRAWL_TASK_TIMEOUT_SECONDS = 10 * 3600
PARSE_TASK_TIMEOUT_SECONDS = 1800

SUMMARY_TABLES = ("documents", "councils", "inspections", "ratings", "findings", "quotes", "metrics")


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def current_run_id() -> str:
    return flow_run.get_id() or str(uuid.uuid4())


@contextmanager
def recorded_run(db: str | Path | None, run_id: str, flow: str, started_at: datetime) -> Iterator[None]:
    """A runs row from the start (RUNNING), marked CRASHED with the error if the flow raises.

    Runs still RUNNING whose process is gone (a SIGKILL, an OOM kill) are marked CRASHED first.
    """
    with warehouse_session(db) as con:  # published: `csi status` shows the run from its start
        mark_abandoned_runs(con)
        record_run(con, run_id, flow, started_at, None, "RUNNING", {"pid": os.getpid(), "host": socket.gethostname()})
    try:
        yield
    except BaseException as exc:
        if isinstance(exc, WarehouseLocked):  # waiting again to record that would only repeat the wait
            raise
        error = {"error": f"{type(exc).__name__}: {exc}"[:500]}
        try:
            with warehouse_session(db) as con:
                record_run(con, run_id, flow, started_at, now_utc(), "CRASHED", error)
        except Exception:  # noqa: BLE001 - the original error is the one to raise
            logging.getLogger("csi").exception("could not mark run %s CRASHED", run_id)
        raise


class RunFailed(Exception):
    """Why a run that ran to its end failed (a source yielded nothing, pages did not parse, ...), with its summary.

    A Failed state's data must be an exception: Prefect turns the state into one whenever it reports or raises
    it, and a plain dict there made every failed deployment run log a 40-line TypeError.
    """

    def __init__(self, message: str, summary: dict | None = None) -> None:
        super().__init__(message, summary)
        self.summary = summary

    def __str__(self) -> str:
        return self.args[0]


def run_failed(message: str, summary: dict | None = None) -> State:
    """The state a flow returns when its run failed: its one-paragraph message, and the summary (if it got that far)
    for the caller."""
    return Failed(message=message, data=RunFailed(message, summary))


class _NoTracebackForExpectedFailures(logging.Filter):
    """Tracebacks only for the unexpected.

    Once a deployment's run has ended Failed, Prefect's engine raises the state's exception again (to exit the
    process non-zero) and logs it with its traceback ("Engine execution exited with unexpected exception"): for a
    RunFailed that says nothing new (the run ended Failed with the message), so the record is dropped. A crawl task
    whose every fetch failed (EveryFetchFailed) is logged as failed in one line, without the traceback of code that
    did what it should. Any other exception keeps its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, RunFailed):
            return False
        if isinstance(exc, EveryFetchFailed):
            record.exc_info, record.exc_text = None, None
        return True


# The loggers of flow and task runs (the engine's re-raise included); every flow imports this module before it runs.
for _logger in ("prefect.flow_runs", "prefect.task_runs"):
    logging.getLogger(_logger).addFilter(_NoTracebackForExpectedFailures())


def summary_of(state: State) -> dict | None:
    """The summary a flow run returned, completed or failed; None if it crashed before it could summarise."""
    result = state.result(raise_on_failure=False)
    if isinstance(result, RunFailed):
        return result.summary
    return result if isinstance(result, dict) else None


def fails_in_one_line(fn):
    """A flow that could not get the warehouse within CSI_WRITE_WAIT_SECONDS, or was given sources or settings it
    cannot use (a deployment's parameters, CSI_CRAWL_RETRY_DELAYS), ends Failed with that one-line message (who
    holds the lock; which source and field), not with a traceback."""

    @functools.wraps(fn)
    def flow_body(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (WarehouseLocked, SourceConfigError) as exc:
            get_run_logger().error(str(exc))
            return run_failed(str(exc))

    # Prefect validates parameters against this function: give it fn's annotations resolved in fn's module.
    del flow_body.__wrapped__
    flow_body.__annotations__ = typing.get_type_hints(fn)
    flow_body.__signature__ = inspect.signature(fn, eval_str=True)
    return flow_body


def run_label(flow: str) -> str:
    """What runs.flow and the summary artifact call a run: the deployment that started it (ingest-news, ...; a
    flow it calls shares it), else the flow's own name, else `flow`."""
    from prefect.runtime import deployment, flow_run

    return deployment.name or flow_run.flow_name or flow


PREFECT_FAILURES_DAYS = 7  # how far back `csi status` asks Prefect for failed runs
_API_PAGE = 200  # the most flow runs Prefect's API returns at once (PREFECT_API_DEFAULT_LIMIT)


def failed_runs_without_row(recorded: set[str], days: float = PREFECT_FAILURES_DAYS, limit: int = 20
                            ) -> list[tuple[str, str, datetime | None, str, str]]:
    """Flow runs Prefect's API has as Failed or Crashed in the last `days` that have no runs row in `recorded`:
    runs that ended before they opened the warehouse (bad parameters, an import error, a crash at start) or that
    wrote another warehouse. (flow_run_id, deployment or flow, started, state, message), newest first; subflows
    are left out (their parent run says it)."""

    from prefect import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowFilter,
        FlowFilterId,
        FlowRunFilter,
        FlowRunFilterExpectedStartTime,
        FlowRunFilterParentTaskRunId,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort

    wanted = FlowRunFilter(  # expected, not actual, start: a run that crashed before starting has none
        state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.FAILED, StateType.CRASHED])),
        expected_start_time=FlowRunFilterExpectedStartTime(after_=datetime.now(UTC) - timedelta(days=days)),
        parent_task_run_id=FlowRunFilterParentTaskRunId(is_null_=True))
    missing, offset = [], 0
    with get_client(sync_client=True) as client:
        while len(missing) < limit:  # pages of the API's largest (200), newest first
            page = client.read_flow_runs(flow_run_filter=wanted, sort=FlowRunSort.EXPECTED_START_TIME_DESC,
                                         limit=_API_PAGE, offset=offset)
            missing += [run for run in page if str(run.id) not in recorded]
            if len(page) < _API_PAGE:
                break
            offset += _API_PAGE
        missing = missing[:limit]
        flow_ids = list({run.flow_id for run in missing})
        deployment_ids = list({run.deployment_id for run in missing if run.deployment_id})
        flows = {f.id: f.name for f in client.read_flows(flow_filter=FlowFilter(id=FlowFilterId(any_=flow_ids)))
                 } if flow_ids else {}
        deployments = {d.id: d.name for d in client.read_deployments(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=deployment_ids)))} if deployment_ids else {}
    return [(str(run.id), deployments.get(run.deployment_id) or flows.get(run.flow_id, "?"),
             run.start_time or run.expected_start_time, run.state.type.value,
             " ".join((run.state.message or "").split())[:200]) for run in missing]


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
