"""Read queries the flows need: what was fetched, what failed, what can be reparsed, run status."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from csi.records import FetchRow, Inspection


@dataclass(frozen=True)
class LastGoodFetch:
    url: str
    etag: str | None
    last_modified: str | None
    content_sha256: str | None
    fetched_at: datetime


@dataclass(frozen=True)
class FailedFetch:
    url: str
    source: str
    outcome: str
    error: str | None
    requested_at: datetime
    is_document: bool
    status_code: int | None = None
    failures_in_a_row: int = 1  # failed fetches of the URL since its last success (or ever)


@dataclass(frozen=True)
class ArchivedPage:
    """A document page (loaded, or failed to parse) and the WARC record of its latest content."""

    fetch_id: str
    url: str
    source: str
    outcome: str
    content_type: str | None
    content_sha256: str
    fetched_at: datetime
    warc_file: str
    warc_offset: int


def _since(column: str, since: date | None, params: list) -> str:
    if since is None:
        return ""
    params.append(since)
    return f" AND {column} >= ?"


def last_good_fetches(con: duckdb.DuckDBPyConnection, source: str | None = None) -> dict[str, LastGoodFetch]:
    """Per URL, the validators and content hash of its latest successful (200 or 304) fetch."""
    rows = con.execute(
        "SELECT url, arg_max(etag, requested_at), arg_max(last_modified, requested_at), "
        "arg_max(content_sha256, requested_at), max(requested_at) FROM fetches "
        "WHERE outcome IN ('ok', 'not_modified') AND (? IS NULL OR source = ?) GROUP BY url",
        [source, source],
    ).fetchall()
    return {row[0]: LastGoodFetch(*row) for row in rows}


def inspections_of(con: duckdb.DuckDBPyConnection, councils: list[str]) -> list[Inspection]:
    """The stored inspections of these councils, to resolve a new batch's inspections against."""
    if not councils:
        return []
    columns = [f.name for f in dataclasses.fields(Inspection)]
    rows = con.execute(f"SELECT {', '.join(columns)} FROM inspections WHERE list_contains(?, council_code)",
                       [councils]).fetchall()
    return [Inspection(*(tuple(v) if isinstance(v, list) else v for v in row)) for row in rows]


def inspection_doc_types(con: duckdb.DuckDBPyConnection, inspection_ids: list[str]) -> dict[str, list[str]]:
    """The doc_types of the documents that name each inspection (how much their word about it counts)."""
    if not inspection_ids:
        return {}
    rows = con.execute("SELECT di.inspection_id, list(DISTINCT d.doc_type) FROM document_inspections di "
                       "JOIN documents d USING (document_id) WHERE list_contains(?, di.inspection_id) GROUP BY 1",
                       [inspection_ids]).fetchall()
    return dict(rows)


def latest_grades(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """(council, judgement) -> grade, from the latest_ratings view: a snapshot to diff runs against."""
    rows = con.execute("SELECT council_code, judgement, grade FROM latest_ratings WHERE grade IS NOT NULL").fetchall()
    return {(council, judgement): grade for council, judgement, grade in rows}


def failed_fetches(con: duckdb.DuckDBPyConnection, source: str | None = None,
                   since: date | None = None) -> list[FailedFetch]:
    """URLs whose latest fetch failed (the fetch_failures view), oldest first, with how often in a row."""
    params: list = [source, source]
    since_sql = _since("f.requested_at", since, params)
    rows = con.execute(
        "SELECT f.url, f.source, f.outcome, f.error, f.requested_at, f.is_document, f.status_code, "
        "  (SELECT count(*) FROM fetches h WHERE h.url = f.url AND h.outcome NOT IN ('ok', 'not_modified') "
        "   AND h.requested_at > coalesce((SELECT max(g.requested_at) FROM fetches g WHERE g.url = f.url "
        "                                  AND g.outcome IN ('ok', 'not_modified')), TIMESTAMP '1900-01-01')) "
        "FROM fetch_failures f "
        f"WHERE (? IS NULL OR f.source = ?){since_sql} ORDER BY f.requested_at, f.url",
        params,
    ).fetchall()
    return [FailedFetch(*row) for row in rows]


def archived_pages(con: duckdb.DuckDBPyConnection, source: str | None = None,
                   since: date | None = None) -> list[ArchivedPage]:
    """Pages to reparse: every document page at its latest archived content, whether it parsed last time or
    not (listing pages and feeds are left out)."""
    params: list = [source, source]
    since_sql = _since("requested_at", since, params)
    rows = con.execute(
        "SELECT fetch_id, url, source, outcome, content_type, content_sha256, requested_at, warc_file, warc_offset "
        "FROM ("
        "  SELECT *, row_number() OVER (PARTITION BY url ORDER BY requested_at DESC, fetch_id) AS latest"
        "  FROM fetches WHERE is_document AND outcome IN ('ok', 'parse_error') AND warc_file IS NOT NULL"
        "  AND content_sha256 IS NOT NULL AND (? IS NULL OR source = ?)"
        f") WHERE latest = 1{since_sql} "
        "ORDER BY url",
        params,
    ).fetchall()
    return [ArchivedPage(*row) for row in rows]


def fetch_rows(con: duckdb.DuckDBPyConnection, fetch_ids: list[str]) -> dict[str, FetchRow]:
    """The stored fetches rows with these ids."""
    if not fetch_ids:
        return {}
    columns = [f.name for f in dataclasses.fields(FetchRow)]
    rows = con.execute(f"SELECT {', '.join(columns)} FROM fetches WHERE fetch_id IN (SELECT unnest(?))",
                       [fetch_ids]).fetchall()
    return {row[0]: FetchRow(*row) for row in rows}


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[tuple]:
    return con.execute(
        "SELECT run_id, flow, started_at, finished_at, state FROM runs ORDER BY started_at DESC LIMIT ?", [limit]
    ).fetchall()


def latest_skipped_hosts(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """(run_id, host, why) for the hosts the latest crawling run skipped (ingest or rerun-failed, whatever the
    deployment that ran it is called: crawling runs are the ones whose summary has skipped_hosts)."""
    row = con.execute("SELECT run_id, counts FROM runs WHERE json_extract(counts, '$.skipped_hosts') IS NOT NULL "
                      "AND finished_at IS NOT NULL ORDER BY started_at DESC LIMIT 1").fetchone()
    if row is None:
        return []
    skipped = json.loads(row[1] or "{}").get("skipped_hosts") or {}
    return [(row[0], host, why) for host, why in sorted(skipped.items())]


def failures_by_outcome_and_host(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Latest-failing URLs (the fetch_failures view) grouped by outcome and host, with an example error."""
    return con.execute(
        "SELECT outcome, split_part(split_part(url, '://', 2), '/', 1) AS host, count(*) AS urls, "
        "any_value(error) AS example_error FROM fetch_failures GROUP BY ALL ORDER BY urls DESC, outcome, host"
    ).fetchall()


def profile_misses(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Per source, documents parsed generically because the site profile's selectors matched nothing."""
    return con.execute(
        "SELECT source, any_value(profile_miss) AS missed, count(*) AS documents, max(fetched_at) AS latest "
        "FROM documents WHERE profile_miss IS NOT NULL GROUP BY source ORDER BY documents DESC"
    ).fetchall()


def last_success_by_source(con: duckdb.DuckDBPyConnection) -> dict[str, datetime]:
    rows = con.execute(
        "SELECT source, max(requested_at) FROM fetches WHERE outcome IN ('ok', 'not_modified') GROUP BY source"
    ).fetchall()
    return dict(rows)
