"""Polite HTTP fetching: robots.txt, a delay per host, bounded retries, size and type limits.

Every attempt ends as a `FetchRow` (the `fetches` table) with an outcome from the contract's
vocabulary; successful responses are written to the WARC archive first, so nothing fetched
is lost even if parsing fails later.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.robotparser import RobotFileParser

import requests

from csi.records import FetchRow, make_id
from scrapers.archive import WarcArchive
from scrapers.sources import Source
from scrapers.urls import canonicalize, host_of

MAX_BODY_BYTES = 20 * 1024 * 1024
ALLOWED_CONTENT_TYPES = (
    "text/html", "application/xhtml+xml", "application/pdf", "application/xml", "text/xml",
    "application/rss+xml", "application/atom+xml", "text/plain",
)
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class FetchResult:
    row: FetchRow
    body: bytes | None

    @property
    def ok(self) -> bool:
        return self.row.outcome == "ok"


class _Failure(Exception):
    def __init__(self, outcome: str, error: str, status: int | None = None):
        super().__init__(error)
        self.outcome, self.error, self.status = outcome, error, status


class Fetcher:
    """Fetches URLs one at a time per host; remembers hosts that could not be reached."""

    def __init__(self, run_id: str, archive: WarcArchive | None, attempts: int = 2,
                 backoff_seconds: float = 0.5, max_bytes: int = MAX_BODY_BYTES):
        self.run_id = run_id
        self.archive = archive
        self.attempts = attempts
        self.backoff_seconds = backoff_seconds
        self.max_bytes = max_bytes
        self.session = requests.Session()
        self.unreachable: dict[str, str] = {}
        self._robots: dict[str, RobotFileParser] = {}
        self._last_request: dict[str, float] = {}

    def fetch(self, url: str, source: Source) -> FetchResult:
        requested_at = datetime.now(UTC).replace(tzinfo=None)
        started = time.monotonic()
        host = host_of(url)
        try:
            if host in self.unreachable:
                raise _Failure("connection_error", f"host unreachable earlier in this run: {self.unreachable[host]}")
            response, body = self._follow(url, source)
        except _Failure as failure:
            if failure.outcome in ("connection_error", "timeout") and host not in self.unreachable:
                self.unreachable[host] = failure.error
            row = self._row(url, source, requested_at, started, failure.outcome, failure.error, failure.status)
            return FetchResult(row, None)
        headers = response.headers  # case-insensitive: servers and proxies lower-case header names
        warc_file = warc_offset = None
        if self.archive is not None:
            request_headers = dict(response.request.headers)
            warc_file, warc_offset = self.archive.write(response.url, request_headers, response.status_code,
                                                       response.reason or "", dict(headers), body)
        row = self._row(
            url, source, requested_at, started, "ok", None, response.status_code,
            bytes_=len(body), etag=headers.get("ETag"), last_modified=headers.get("Last-Modified"),
            warc_file=warc_file, warc_offset=warc_offset, final_url=response.url,
            content_type=headers.get("Content-Type"), sha=hashlib.sha256(body).hexdigest(),
        )
        return FetchResult(row, body)

    def _row(self, url, source, requested_at, started, outcome, error, status, bytes_=None, etag=None,
             last_modified=None, warc_file=None, warc_offset=None, final_url=None, content_type=None,
             sha=None) -> FetchRow:
        return FetchRow(
            fetch_id=make_id("fetch", self.run_id, url, requested_at.isoformat()), url=url, source=source.name,
            requested_at=requested_at, status_code=status, outcome=outcome, error=error,
            elapsed_ms=int((time.monotonic() - started) * 1000), bytes=bytes_, etag=etag,
            last_modified=last_modified, warc_file=warc_file, warc_offset=warc_offset, run_id=self.run_id,
            final_url=final_url, content_type=content_type, content_sha256=sha,
        )

    def _follow(self, url: str, source: Source) -> tuple[requests.Response, bytes]:
        """GET url, following redirects one hop at a time so robots.txt and reachability hold for each hop."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            host = host_of(current)
            if host in self.unreachable:
                raise _Failure("connection_error", f"host unreachable earlier in this run: {self.unreachable[host]}")
            if not self._allowed_by_robots(current, source):
                detail = "" if current == url else f" (redirected to {current})"
                raise _Failure("robots_disallowed", f"disallowed by robots.txt{detail}")
            response, body = self._get(current, source)
            if not response.is_redirect:
                return response, body
            target = canonicalize(response.headers.get("Location", ""), current)
            if target is None:
                raise _Failure("http_error", f"redirect to an unusable location {response.headers.get('Location')!r}",
                               response.status_code)
            current = target
        raise _Failure("http_error", f"more than {MAX_REDIRECTS} redirects")

    def _wait_politely(self, host: str, source: Source) -> None:
        last = self._last_request.get(host)
        if last is not None:
            delay = source.min_delay_seconds - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last_request[host] = time.monotonic()

    def _allowed_by_robots(self, url: str, source: Source) -> bool:
        host = host_of(url)
        parser = self._robots.get(host)
        if parser is None:
            parser = RobotFileParser()
            robots_url = url.split("://", 1)[0] + "://" + host + "/robots.txt"
            try:
                _, body = self._get(robots_url, source, allowed_types=None, follow_redirects=True)
                parser.parse(body.decode("utf-8", "replace").splitlines())
            except _Failure as failure:
                if failure.outcome in ("connection_error", "timeout"):
                    raise
                if failure.status is not None and failure.status >= 500:
                    parser.disallow_all = True  # RFC 9309: an unreachable robots.txt means "disallow all"
                else:
                    parser.parse([])  # no robots.txt (404 and the like): everything is allowed
            self._robots[host] = parser
        return parser.can_fetch(source.user_agent, url)

    def _get(self, url: str, source: Source, allowed_types: tuple[str, ...] | None = ALLOWED_CONTENT_TYPES,
             follow_redirects: bool = False) -> tuple[requests.Response, bytes]:
        last_failure: _Failure | None = None
        for attempt in range(self.attempts):
            if attempt:
                time.sleep(self.backoff_seconds * 2 ** (attempt - 1))
            self._wait_politely(host_of(url), source)
            try:
                return self._get_once(url, source, allowed_types, follow_redirects)
            except _Failure as failure:
                last_failure = failure
                # A name that does not resolve will not resolve a second later; refused or reset may recover.
                transient = failure.outcome == "timeout" or (
                    failure.outcome == "connection_error" and failure.error != "could not resolve host")
                retryable = transient or failure.status in RETRY_STATUSES
                if not retryable:
                    raise
        assert last_failure is not None
        raise last_failure

    def _get_once(self, url: str, source: Source, allowed_types: tuple[str, ...] | None,
                  follow_redirects: bool) -> tuple[requests.Response, bytes]:
        headers = {"User-Agent": source.user_agent, "Accept-Encoding": "gzip, deflate"}
        timeout = (min(10.0, source.timeout_seconds), source.timeout_seconds)
        try:
            response = self.session.get(url, headers=headers, timeout=timeout, stream=True,
                                        allow_redirects=follow_redirects)
        except requests.Timeout as exc:
            raise _Failure("timeout", f"timed out: {exc.__class__.__name__}") from exc
        except requests.ConnectionError as exc:
            raise _Failure("connection_error", _connection_error_text(exc)) from exc
        except requests.RequestException as exc:
            raise _Failure("connection_error", str(exc)) from exc
        with response:
            if response.is_redirect:
                return response, b""
            if response.status_code >= 400:
                raise _Failure("http_error", f"HTTP {response.status_code} {response.reason}", response.status_code)
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if allowed_types is not None and content_type not in allowed_types:
                raise _Failure("bad_content_type", f"content type {content_type or 'missing'!r} is not fetched",
                               response.status_code)
            chunks, size = [], 0
            try:
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise _Failure("too_large", f"body exceeds {self.max_bytes} bytes", response.status_code)
                    chunks.append(chunk)
            except requests.RequestException as exc:
                timed_out = isinstance(exc, requests.Timeout) or "timed out" in str(exc).lower()
                raise _Failure("timeout" if timed_out else "connection_error",
                               f"body not received: {exc.__class__.__name__}") from exc
        return response, b"".join(chunks)


_CONNECTION_REASONS = {
    "Failed to resolve": "could not resolve host",
    "Name or service not known": "could not resolve host",
    "Temporary failure in name resolution": "could not resolve host",
    "Connection refused": "connection refused",
    "Network is unreachable": "network is unreachable",
    "No route to host": "no route to host",
}


def _connection_error_text(exc: Exception) -> str:
    """The innermost reason (DNS failure, refused connection) rather than urllib3's wrapper text."""
    text = str(exc)
    for marker, reason in _CONNECTION_REASONS.items():
        if marker in text:
            return reason
    return text[:300]
