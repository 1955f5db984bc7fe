"""Polite HTTP fetching: robots.txt, a delay per host, bounded retries, size and type limits.

Every attempt ends as a `FetchRow` (the `fetches` table) with an outcome from the contract's
vocabulary. Every HTTP response received (redirect hops, 304s, error responses, robots.txt and
the final response) is written to the WARC archive with its request before anything else
happens to it, so nothing fetched is lost even if parsing fails later.

Politeness: one request at a time; between two requests to a host at least
max(source.min_delay_seconds, the host's robots.txt Crawl-delay capped at 60 s).
Retries: connection errors (not DNS failures), timeouts, 429 and 5xx, with exponential
backoff and jitter (the source's `attempts` and `backoff_seconds`, else the fetcher's), honouring
Retry-After up to `max_retry_after_seconds`. The DNS lookup is bounded by the connect timeout.
Conditional requests: `If-None-Match` / `If-Modified-Since` from the previous good fetch;
a 304 is outcome `not_modified`, an unchanged body hash is `ok` with `changed=False`.

Failures belong to URLs. A host is skipped only when its circuit breaker opens: after
`host_failure_threshold` (default 3) URLs in a row failed on it at the connection level (connection error,
timeout, DNS failure: each URL counted once, after its retries; any HTTP response closes the breaker again).
Its URLs are then recorded as `connection_error` ("host skipped: ...") without a request, until
`host_probe_seconds` (default 60) have passed; the next URL is then a probe: an answer reopens the host, a
failure skips it for another interval. A redirect's failure counts against the host that failed, never
against the host of the URL that redirected. `skipped_hosts` says which hosts were skipped in the run and why.

Refused without a request (outcome `connection_error`, error "refused: ...", the host not counted as
failing): a URL that is not http(s), is over the URL length limit or has a malformed host, and, unless the
source sets `allow_private_addresses`, any request (start URL, discovered link, redirect hop, robots.txt, web-service
call) whose host resolves to a loopback, private, link-local, multicast, unspecified, reserved or metadata
address: the check is made after DNS resolution, on the address then connected to (scrapers.addresses).

Any other exception while fetching or archiving a URL is recorded against that URL (`connection_error`,
"unexpected error: ...") and the crawl goes on, except a full archive disk: `ArchiveFull` stops the crawl,
carrying the row of the URL it interrupted.
"""

from __future__ import annotations

import hashlib
import random
import re
import socket
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import requests
from requests.structures import CaseInsensitiveDict

from csi.records import FetchRow, make_id
from scrapers.addresses import AddressRefused, allowed_networks, checked_addresses, guarded_session, proxied
from scrapers.archive import ArchiveFull, WarcArchive
from scrapers.sources import Source
from scrapers.urls import canonicalize, host_of, unfetchable

MAX_BODY_BYTES = 20 * 1024 * 1024
ALLOWED_CONTENT_TYPES = (
    "text/html", "application/xhtml+xml", "application/pdf", "application/xml", "text/xml",
    "application/rss+xml", "application/atom+xml", "text/plain",
)
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.9,*/*;q=0.5"
MAX_REDIRECTS = 5
MAX_CRAWL_DELAY_SECONDS = 60.0
MAX_BACKOFF_SECONDS = 60.0
HOST_FAILURE_THRESHOLD = 3  # URLs in a row failing at the connection level before a host is skipped
HOST_PROBE_SECONDS = 60.0  # how long a skipped host waits before one URL probes it again
_DNS_FAILURE = "could not resolve host"
_CRAWL_DELAY_LINE = re.compile(r"^(\s*crawl-delay\s*:\s*)(\d*\.?\d+)", re.I)


@dataclass(frozen=True)
class PreviousFetch:
    """What the warehouse remembers of a URL's last good fetch: validators and content hash."""

    etag: str | None = None
    last_modified: str | None = None
    content_sha256: str | None = None
    fetched_at: datetime | None = None


@dataclass(frozen=True)
class FetchResult:
    row: FetchRow
    body: bytes | None
    changed: bool = True  # False for a 304, or when the body hashes the same as the previous fetch's

    @property
    def ok(self) -> bool:
        return self.row.outcome == "ok"


@dataclass(frozen=True)
class _Response:
    """One complete HTTP response, already archived (`warc` is None without an archive)."""

    url: str
    status: int
    reason: str
    headers: CaseInsensitiveDict
    body: bytes
    warc: tuple[str, int] | None
    is_redirect: bool


class _Failure(Exception):
    def __init__(self, outcome: str, error: str, status: int | None = None, *, response: _Response | None = None,
                 retryable: bool = False, retry_after: float | None = None):
        super().__init__(error)
        self.outcome, self.error, self.status = outcome, error, status
        self.response = response  # the HTTP response behind the failure, if one was received
        self.retryable = retryable
        self.retry_after = retry_after  # seconds the server asked us to wait (Retry-After)
        self.host: str | None = None  # the host that failed at the connection level, set where it was contacted


class _Refused(_Failure):
    """A URL we will not request; nothing was sent, so its host's health is not affected."""

    def __init__(self, error: str, response: _Response | None = None):
        super().__init__("connection_error", f"refused: {error}", response.status if response else None,
                         response=response)


class _Skipped(_Failure):
    """A URL not requested because its host's circuit breaker is open."""


@dataclass
class _HostHealth:
    consecutive_failures: int = 0
    last_error: str = ""
    skipped_until: float | None = None  # time.monotonic() before which the host's URLs are not requested


class Fetcher:
    """Fetches URLs one at a time per host; a circuit breaker per host skips hosts that keep failing."""

    def __init__(self, run_id: str, archive: WarcArchive | None, attempts: int = 3,
                 backoff_seconds: float = 0.5, max_bytes: int = MAX_BODY_BYTES,
                 max_retry_after_seconds: float = 60.0, max_response_seconds: float = 300.0,
                 host_failure_threshold: int = HOST_FAILURE_THRESHOLD, host_probe_seconds: float = HOST_PROBE_SECONDS):
        self.run_id = run_id
        self.archive = archive
        self.attempts = max(1, attempts)
        self.backoff_seconds = backoff_seconds
        self.max_bytes = max_bytes
        self.max_retry_after_seconds = max_retry_after_seconds
        self.max_response_seconds = max_response_seconds  # wall-time bound on one response (a source may set less)
        self.host_failure_threshold = max(1, host_failure_threshold)
        self.host_probe_seconds = host_probe_seconds
        self._sessions: dict[bool | tuple[str, ...], requests.Session] = {}  # one per address allowance
        self._health: dict[str, _HostHealth] = {}
        self.skipped_hosts: dict[str, str] = {}  # host -> why it was skipped (at some point) in this run
        self._robots: dict[str, RobotFileParser] = {}
        self._last_request: dict[str, float] = {}
        self._random = random.Random()

    def fetch(self, url: str, source: Source, previous: PreviousFetch | None = None,
              allowed_types: tuple[str, ...] = ALLOWED_CONTENT_TYPES) -> FetchResult:
        """GET one URL politely; a body whose Content-Type is not in `allowed_types` is a bad_content_type."""
        requested_at = datetime.now(UTC).replace(tzinfo=None)
        started = time.monotonic()
        conditional: dict[str, str] = {}
        if previous is not None and previous.etag:
            conditional["If-None-Match"] = previous.etag
        if previous is not None and previous.last_modified:
            conditional["If-Modified-Since"] = previous.last_modified
        try:
            response = self._follow(url, source, conditional, allowed_types=allowed_types)
        except _Failure as failure:
            if failure.host is not None:
                self._host_failed(failure.host, failure.error)
            got = failure.response
            row = self._row(url, source, requested_at, started, failure.outcome, failure.error, failure.status,
                            warc=got.warc if got else None, final_url=got.url if got else None,
                            content_type=got.headers.get("Content-Type") if got else None)
            return FetchResult(row, None)
        except ArchiveFull as full:
            full.row = self._row(url, source, requested_at, started, "connection_error", f"not archived: {full}", None)
            raise
        except Exception as exc:  # noqa: BLE001 - a failure belongs to its URL; the crawl goes on
            error = f"unexpected error: {type(exc).__name__}: {exc}"[:500]
            return FetchResult(self._row(url, source, requested_at, started, "connection_error", error, None), None)
        headers = response.headers  # case-insensitive: servers and proxies lower-case header names
        if response.status == 304:
            assert previous is not None  # a 304 to an unconditional request is an http_error (see _get_once)
            row = self._row(url, source, requested_at, started, "not_modified", None, 304,
                            etag=headers.get("ETag") or previous.etag,
                            last_modified=headers.get("Last-Modified") or previous.last_modified,
                            warc=response.warc, final_url=response.url, content_type=headers.get("Content-Type"),
                            sha=previous.content_sha256)
            return FetchResult(row, None, changed=False)
        sha = hashlib.sha256(response.body).hexdigest()
        row = self._row(
            url, source, requested_at, started, "ok", None, response.status, bytes_=len(response.body),
            etag=headers.get("ETag"), last_modified=headers.get("Last-Modified"), warc=response.warc,
            final_url=response.url, content_type=headers.get("Content-Type"), sha=sha,
        )
        changed = previous is None or previous.content_sha256 is None or previous.content_sha256 != sha
        return FetchResult(row, response.body, changed=changed)

    def _row(self, url, source, requested_at, started, outcome, error, status, bytes_=None, etag=None,
             last_modified=None, warc=None, final_url=None, content_type=None, sha=None) -> FetchRow:
        warc_file, warc_offset = warc if warc else (None, None)
        return FetchRow(
            fetch_id=make_id("fetch", self.run_id, url, requested_at.isoformat()), url=url, source=source.name,
            requested_at=requested_at, status_code=status, outcome=outcome, error=error,
            elapsed_ms=int((time.monotonic() - started) * 1000), bytes=bytes_, etag=etag,
            last_modified=last_modified, warc_file=warc_file, warc_offset=warc_offset, run_id=self.run_id,
            final_url=final_url, content_type=content_type, content_sha256=sha,
        )

    # ------------------------------------------------------------------ redirects and robots.txt

    def _follow(self, url: str, source: Source, conditional: dict[str, str], robots: bool = True,
                allowed_types: tuple[str, ...] | None = ALLOWED_CONTENT_TYPES) -> _Response:
        """GET url, following redirects one hop at a time so robots.txt and reachability hold for each hop."""
        current = url
        response = None
        for hop in range(MAX_REDIRECTS + 1):
            if reason := unfetchable(current):
                raise _Refused(f"redirect to {current[:200]}: {reason}" if hop else reason, response)
            self._check_host(host_of(current))
            try:
                if robots and not self._allowed_by_robots(current, source):
                    detail = "" if current == url else f" (redirected to {current})"
                    raise _Failure("robots_disallowed", f"disallowed by robots.txt{detail}")
                response = self._get(current, source, conditional, allowed_types)
            except _Refused as refused:
                if not hop:
                    raise
                raise _Refused(f"redirect to {current[:200]}: {refused.error.removeprefix('refused: ')}",
                               response) from refused
            if not response.is_redirect:
                return response
            target = canonicalize(response.headers.get("Location", ""), current)
            if target is None:
                raise _Failure("http_error", f"redirect to an unusable location {response.headers.get('Location')!r}",
                               response.status, response=response)
            current = target
        raise _Failure("http_error", f"more than {MAX_REDIRECTS} redirects", response.status, response=response)

    def _check_host(self, host: str) -> None:
        """Raise _Skipped while the host's breaker is open; once the probe interval is over, let one URL through."""
        health = self._health.get(host)
        if health is None or health.skipped_until is None:
            return
        if time.monotonic() < health.skipped_until:
            raise _Skipped("connection_error", f"host skipped: {self.skipped_hosts[host]}")
        health.skipped_until = None  # this URL probes the host; one more failure skips it again

    def _host_failed(self, host: str, error: str) -> None:
        health = self._health.setdefault(host, _HostHealth())
        health.consecutive_failures += 1
        health.last_error = error
        if health.consecutive_failures >= self.host_failure_threshold:
            health.skipped_until = time.monotonic() + self.host_probe_seconds
            self.skipped_hosts[host] = (f"{health.consecutive_failures} URLs in a row failed to connect "
                                        f"(last: {error}); probed again after {self.host_probe_seconds:g} s")

    def _host_answered(self, host: str) -> None:
        if (health := self._health.get(host)) is not None:
            health.consecutive_failures, health.skipped_until = 0, None

    def _allowed_by_robots(self, url: str, source: Source) -> bool:
        host = host_of(url)
        parser = self._robots.get(host)
        if parser is None:
            robots_url = url.split("://", 1)[0] + "://" + host + "/robots.txt"
            try:
                response = self._follow(robots_url, source, {}, robots=False, allowed_types=None)
                parser = _parse_robots(response.body)
            except _Failure as failure:
                if failure.outcome in ("connection_error", "timeout"):
                    raise
                parser = RobotFileParser()
                if failure.status is not None and failure.status >= 500:
                    parser.disallow_all = True  # RFC 9309: an unreachable robots.txt means "disallow all"
                else:
                    parser.parse([])  # no robots.txt (404 and the like): everything is allowed
            self._robots[host] = parser
        return parser.can_fetch(source.user_agent, url)

    def _crawl_delay(self, host: str, user_agent: str) -> float | None:
        """The host's robots.txt Crawl-delay for this user agent, in seconds, capped; None if it sets none."""
        parser = self._robots.get(host)
        delay_ms = parser.crawl_delay(user_agent) if parser is not None else None
        return min(float(delay_ms) / 1000, MAX_CRAWL_DELAY_SECONDS) if delay_ms is not None else None

    def _wait_politely(self, host: str, source: Source) -> None:
        last = self._last_request.get(host)
        if last is not None:
            spacing = max(source.min_delay_seconds, self._crawl_delay(host, source.user_agent) or 0.0)
            delay = spacing - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last_request[host] = time.monotonic()

    # ------------------------------------------------------------------ one URL, with retries

    def _get(self, url: str, source: Source, extra_headers: dict[str, str],
             allowed_types: tuple[str, ...] | None) -> _Response:
        attempts = source.attempts or self.attempts
        backoff_seconds = self.backoff_seconds if source.backoff_seconds is None else source.backoff_seconds
        for attempt in range(1, attempts + 1):
            self._wait_politely(host_of(url), source)
            try:
                return self._get_once(url, source, extra_headers, allowed_types)
            except _Refused:
                raise
            except _Failure as failure:
                if failure.outcome in ("connection_error", "timeout"):
                    failure.host = host_of(url)  # counted once per URL, after its retries, by fetch()
                if not failure.retryable:
                    raise
                if failure.retry_after is not None and failure.retry_after > self.max_retry_after_seconds:
                    raise _Failure(failure.outcome, f"{failure.error}; Retry-After asks for "
                                   f"{failure.retry_after:.0f} s, more than the {self.max_retry_after_seconds:g} s "
                                   f"we wait: given up", failure.status, response=failure.response) from failure
                if attempt == attempts:
                    raise
                backoff = min(backoff_seconds * 2 ** (attempt - 1), MAX_BACKOFF_SECONDS)
                backoff *= 0.5 + self._random.random()  # jitter: 0.5x to 1.5x
                time.sleep(max(backoff, failure.retry_after or 0.0))
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises

    def _get_once(self, url: str, source: Source, extra_headers: dict[str, str],
                  allowed_types: tuple[str, ...] | None) -> _Response:
        headers = {"User-Agent": source.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate",
                   **extra_headers}
        timeout = (min(10.0, source.timeout_seconds), source.timeout_seconds)
        started = time.monotonic()
        allowance = source.allow_private_addresses
        session = self._sessions.get(allowance) or self._sessions.setdefault(allowance, guarded_session(allowance))
        try:
            if allowance is not True and proxied(url):  # the proxy connects: check the name here
                parts = urlsplit(url)
                checked_addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                  timeout[0], allowed_networks(allowance))
            raw = session.get(url, headers=headers, timeout=timeout, stream=True, allow_redirects=False)
        except AddressRefused as exc:
            raise _Refused(f"{exc}, and the source does not allow private addresses") from exc
        except ValueError as exc:  # a malformed host or URL (urllib3's LocationParseError, requests' InvalidURL)
            raise _Refused(f"not a valid URL: {exc}"[:300]) from exc
        except requests.Timeout as exc:
            raise _Failure("timeout", f"timed out: {exc.__class__.__name__}", retryable=True) from exc
        except requests.ConnectionError as exc:
            text = _connection_error_text(exc)
            raise _Failure("connection_error", text, retryable=text != _DNS_FAILURE) from exc
        except requests.RequestException as exc:
            raise _Failure("connection_error", str(exc)[:300]) from exc
        except socket.gaierror as exc:  # the proxy pre-check's lookup
            raise _Failure("connection_error", _DNS_FAILURE) from exc
        except TimeoutError as exc:
            raise _Failure("timeout", str(exc), retryable=True) from exc
        self._host_answered(host_of(url))
        # Politeness counts from the answer too: however long the connection took (DNS, connect), the server
        # never sees two requests closer than the delay.
        self._last_request[host_of(url)] = time.monotonic()
        with raw:
            body, truncated = self._read_body(raw, started, min(self.max_response_seconds, source.max_response_seconds))
            warc = None
            if self.archive is not None:
                warc = self.archive.write(
                    raw.url, dict(raw.request.headers), raw.status_code, raw.reason or "",
                    list(raw.raw.headers.items()), body, truncated="length" if truncated else None,
                    http_version="HTTP/1.0" if getattr(raw.raw, "version", 11) == 10 else "HTTP/1.1")
        response = _Response(raw.url, raw.status_code, raw.reason or "", raw.headers, body, warc, raw.is_redirect)
        status = response.status
        if response.is_redirect:
            return response
        if status == 304:
            if "If-None-Match" in extra_headers or "If-Modified-Since" in extra_headers:
                return response
            raise _Failure("http_error", "HTTP 304 Not Modified to a request that was not conditional", status,
                           response=response)
        if status >= 300:
            transient = status == 429 or 500 <= status <= 599
            raise _Failure("http_error", f"HTTP {status} {response.reason}".rstrip(), status, response=response,
                           retryable=transient,
                           retry_after=_retry_after_seconds(response.headers.get("Retry-After")) if transient else None)
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if allowed_types is not None and content_type not in allowed_types:
            raise _Failure("bad_content_type", f"content type {content_type or 'missing'!r} is not fetched", status,
                           response=response)
        if truncated:
            raise _Failure("too_large", f"body exceeds {self.max_bytes} bytes", status, response=response)
        return response

    def _read_body(self, raw: requests.Response, started: float, deadline: float) -> tuple[bytes, bool]:
        """The (decoded) body, at most max_bytes of it, and whether there was more.

        The read timeout bounds each wait for data; a watchdog bounds the whole response, so a server
        trickling bytes cannot hold a fetch for longer than `deadline` seconds.
        """
        expired = threading.Event()
        watchdog = threading.Timer(max(0.0, deadline - (time.monotonic() - started)),
                                   _abort_response, args=(raw, expired))
        watchdog.daemon = True
        watchdog.start()
        chunks, size = [], 0
        try:
            for chunk in raw.iter_content(64 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > self.max_bytes:
                    return b"".join(chunks)[:self.max_bytes], True
                if expired.is_set():
                    raise _Failure("timeout", f"body not received within {deadline:g} s",
                                   retryable=True)
        except requests.RequestException as exc:
            if expired.is_set():
                error = f"body not received within {deadline:g} s"
                raise _Failure("timeout", error, retryable=True) from exc
            timed_out = isinstance(exc, requests.Timeout) or "timed out" in str(exc).lower()
            raise _Failure("timeout" if timed_out else "connection_error",
                           f"body not received: {exc.__class__.__name__}", retryable=True) from exc
        finally:
            watchdog.cancel()
        if expired.is_set():  # the shut-down socket may have looked like the end of a close-delimited body
            raise _Failure("timeout", f"body not received within {deadline:g} s", retryable=True)
        return b"".join(chunks), False


def _abort_response(raw: requests.Response, expired: threading.Event) -> None:
    """Watchdog: shut the response's socket down so a blocked read returns at once."""
    expired.set()
    sock = getattr(getattr(raw.raw, "connection", None), "sock", None)
    if sock is None:  # http.client detaches the socket from a connection that closes after this response
        sock = getattr(getattr(getattr(getattr(raw.raw, "_fp", None), "fp", None), "raw", None), "_sock", None)
    if isinstance(sock, socket.socket):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _parse_robots(body: bytes) -> RobotFileParser:
    """A RobotFileParser for a robots.txt body, with fractional Crawl-delay kept (in milliseconds).

    urllib.robotparser only accepts whole-second crawl delays; the values are rewritten to
    milliseconds so `crawl_delay()` keeps the fraction and the group matching stays urllib's own.
    """
    lines = [_CRAWL_DELAY_LINE.sub(lambda m: f"{m[1]}{round(float(m[2]) * 1000)}", line)
             for line in body.decode("utf-8", "replace").splitlines()]
    parser = RobotFileParser()
    parser.parse(lines)
    return parser


def _retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP-date); None if absent or invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


_CONNECTION_REASONS = {
    "Failed to resolve": _DNS_FAILURE,
    "Name or service not known": _DNS_FAILURE,
    "Temporary failure in name resolution": _DNS_FAILURE,
    "nodename nor servname provided": _DNS_FAILURE,
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
